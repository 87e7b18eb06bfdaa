package org.relais.network;

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

/** The network's member institutions, {@code /api/v1/institutions}. */
@Path("/api/v1/institutions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InstitutionApi {

    @Inject
    InstitutionService institutions;

    @GET
    @PermitAll
    public List<InstitutionData> list() {
        return institutions.list().stream().map(InstitutionData::of).toList();
    }

    @GET
    @Path("{id}")
    @PermitAll
    public InstitutionData get(@RestPath Long id) {
        return InstitutionData.of(institutions.get(id));
    }

    @POST
    @RolesAllowed(Account.ORGANISER)
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = InstitutionData.class)))
    public Response create(InstitutionData data) {
        Institution created = institutions.create(Bodies.required(data));
        return Response.created(URI.create("/api/v1/institutions/" + created.id)).entity(InstitutionData.of(created)).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Account.ORGANISER)
    public InstitutionData update(@RestPath Long id, InstitutionData data) {
        return InstitutionData.of(institutions.update(id, Bodies.required(data)));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Account.ORGANISER)
    public void delete(@RestPath Long id) {
        institutions.delete(id);
    }
}
