package org.relais.privacy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;
import org.relais.account.Account;
import org.relais.web.Redirects;

/**
 * An organiser erases a relay's personal data at the relay's request, from the registration's page.
 * An unknown registration is a 404 page, one already erased a 409 page.
 */
@Path("/organiser/editions/{id}/registrations/{registrationId}/erase")
@RolesAllowed(Account.ORGANISER)
public class ErasurePages {

    @Inject
    PersonalData personalData;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response erase(@RestPath Long id, @RestPath Long registrationId) {
        personalData.erase(id, registrationId);
        return Redirects.to("/organiser/editions/" + id + "/registrations", "erased");
    }
}
