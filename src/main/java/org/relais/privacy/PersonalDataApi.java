package org.relais.privacy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestPath;
import org.relais.account.Account;

/**
 * A relay's personal data through the API, for an organiser: all that is kept about them, and its
 * erasure at their request ({@code 204}; unknown {@code 404}, already erased {@code 409}).
 */
@Path("/api/v1/editions/{id}/registrations/{registrationId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Account.ORGANISER)
public class PersonalDataApi {

    @Inject
    PersonalData personalData;

    @GET
    @Path("data")
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = KeptData.class)))
    public Response kept(@RestPath Long id, @RestPath Long registrationId) {
        return Response.ok(personalData.keptInEdition(id, registrationId)).header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("erase")
    @APIResponse(responseCode = "204")
    public Response erase(@RestPath Long id, @RestPath Long registrationId) {
        personalData.erase(id, registrationId);
        return Response.noContent().build();
    }
}
