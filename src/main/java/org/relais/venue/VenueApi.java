package org.relais.venue;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestPath;
import org.relais.account.Account;
import org.relais.web.Bodies;

/** An edition's spaces and stands, {@code /api/v1/editions/{id}/spaces} and {@code /stands}. */
@Path("/api/v1/editions/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VenueApi {

    @Inject
    VenueService venue;

    @GET
    @Path("spaces")
    @PermitAll
    public List<SpaceData> spaces(@RestPath Long id) {
        return venue.spaces(id).stream().map(SpaceData::of).toList();
    }

    @GET
    @Path("spaces/{spaceId}")
    @PermitAll
    public SpaceData space(@RestPath Long id, @RestPath Long spaceId) {
        return SpaceData.of(venue.space(id, spaceId));
    }

    @POST
    @Path("spaces")
    @RolesAllowed(Account.ORGANISER)
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = SpaceData.class)))
    public Response createSpace(@RestPath Long id, SpaceData data) {
        Space space = venue.createSpace(id, Bodies.required(data));
        return Response.created(URI.create("/api/v1/editions/" + id + "/spaces/" + space.id)).entity(SpaceData.of(space))
                .build();
    }

    @PUT
    @Path("spaces/{spaceId}")
    @RolesAllowed(Account.ORGANISER)
    public SpaceData updateSpace(@RestPath Long id, @RestPath Long spaceId, SpaceData data) {
        return SpaceData.of(venue.updateSpace(id, spaceId, Bodies.required(data)));
    }

    @DELETE
    @Path("spaces/{spaceId}")
    @RolesAllowed(Account.ORGANISER)
    public void deleteSpace(@RestPath Long id, @RestPath Long spaceId) {
        venue.deleteSpace(id, spaceId);
    }

    @GET
    @Path("stands")
    @PermitAll
    public List<StandData> stands(@RestPath Long id) {
        return venue.stands(id).stream().map(StandData::of).toList();
    }

    @GET
    @Path("stands/{standId}")
    @PermitAll
    public StandData stand(@RestPath Long id, @RestPath Long standId) {
        return StandData.of(venue.stand(id, standId));
    }

    @POST
    @Path("stands")
    @RolesAllowed(Account.ORGANISER)
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = StandData.class)))
    public Response createStand(@RestPath Long id, StandData data) {
        Stand stand = venue.createStand(id, Bodies.required(data));
        return Response.created(URI.create("/api/v1/editions/" + id + "/stands/" + stand.id)).entity(StandData.of(stand))
                .build();
    }

    @PUT
    @Path("stands/{standId}")
    @RolesAllowed(Account.ORGANISER)
    public StandData updateStand(@RestPath Long id, @RestPath Long standId, StandData data) {
        return StandData.of(venue.updateStand(id, standId, Bodies.required(data)));
    }

    @DELETE
    @Path("stands/{standId}")
    @RolesAllowed(Account.ORGANISER)
    public void deleteStand(@RestPath Long id, @RestPath Long standId) {
        venue.deleteStand(id, standId);
    }
}
