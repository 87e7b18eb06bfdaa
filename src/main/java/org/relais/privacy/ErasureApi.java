package org.relais.privacy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;
import org.relais.account.Account;

/** An organiser erases a relay's personal data through the API: {@code 204}; unknown {@code 404}, already erased {@code 409}. */
@Path("/api/v1/editions/{id}/registrations/{registrationId}/erase")
@RolesAllowed(Account.ORGANISER)
public class ErasureApi {

    @Inject
    PersonalData personalData;

    @POST
    public Response erase(@RestPath Long id, @RestPath Long registrationId) {
        personalData.erase(id, registrationId);
        return Response.noContent().build();
    }
}
