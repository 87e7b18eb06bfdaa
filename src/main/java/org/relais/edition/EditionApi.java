package org.relais.edition;

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

/** Forum editions, their status and invited guests, {@code /api/v1/editions}. */
@Path("/api/v1/editions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EditionApi {

    /** The body of a status change. */
    public record StatusChange(String status) {
    }

    @Inject
    EditionService editions;

    @GET
    @PermitAll
    public List<EditionData> list() {
        return editions.list().stream().map(EditionData::of).toList();
    }

    @GET
    @Path("{id}")
    @PermitAll
    public EditionData get(@RestPath Long id) {
        return EditionData.of(editions.get(id));
    }

    @POST
    @RolesAllowed(Account.ORGANISER)
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = EditionData.class)))
    public Response create(EditionData data) {
        return created(editions.create(Bodies.required(data)));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Account.ORGANISER)
    public EditionData update(@RestPath Long id, EditionData data) {
        return EditionData.of(editions.update(id, Bodies.required(data)));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Account.ORGANISER)
    public void delete(@RestPath Long id) {
        editions.delete(id);
    }

    @POST
    @Path("{id}/status")
    @RolesAllowed(Account.ORGANISER)
    public EditionData changeStatus(@RestPath Long id, StatusChange change) {
        return EditionData.of(editions.changeStatus(id, Bodies.required(change).status()));
    }

    /** A new edition made from this one: spaces, stands and programme carry over with the new dates. */
    @POST
    @Path("{id}/copy")
    @RolesAllowed(Account.ORGANISER)
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = EditionData.class)))
    public Response copy(@RestPath Long id, EditionData data) {
        return created(editions.copy(id, Bodies.required(data)));
    }

    @GET
    @Path("{id}/guests")
    @PermitAll
    public List<GuestData> guests(@RestPath Long id) {
        return editions.guests(id).stream().map(GuestData::of).toList();
    }

    @GET
    @Path("{id}/guests/{guestId}")
    @PermitAll
    public GuestData guest(@RestPath Long id, @RestPath Long guestId) {
        return GuestData.of(editions.guest(id, guestId));
    }

    @POST
    @Path("{id}/guests")
    @RolesAllowed(Account.ORGANISER)
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = GuestData.class)))
    public Response addGuest(@RestPath Long id, GuestData data) {
        Guest guest = editions.addGuest(id, Bodies.required(data));
        return Response.created(URI.create("/api/v1/editions/" + id + "/guests/" + guest.id)).entity(GuestData.of(guest))
                .build();
    }

    @DELETE
    @Path("{id}/guests/{guestId}")
    @RolesAllowed(Account.ORGANISER)
    public void removeGuest(@RestPath Long id, @RestPath Long guestId) {
        editions.removeGuest(id, guestId);
    }

    private static Response created(Edition edition) {
        return Response.created(URI.create("/api/v1/editions/" + edition.id)).entity(EditionData.of(edition)).build();
    }
}
