package org.relais.privacy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.relais.account.Account;
import org.relais.registration.Registration;
import org.relais.registration.RegistrationService;
import org.relais.web.Confirmation;
import org.relais.web.Messages;
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

    @Inject
    RegistrationService registrations;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response erase(@RestPath Long id, @RestPath Long registrationId, @RestForm String confirmed) {
        if (!Confirmation.given(confirmed)) {
            String who = QuarkusTransaction.joiningExisting().call(() -> {
                Registration r = registrations.inEdition(id, registrationId);
                return r.anonymisedAt == null ? r.fullName() : null; // one already erased is refused, as when confirmed
            });
            if (who != null) {
                String page = "/organiser/editions/" + id + "/registrations/" + registrationId;
                return Confirmation.asking(Messages.get("erase_confirm", who), page + "/erase",
                        Messages.get("erase"), page);
            }
        }
        personalData.erase(id, registrationId);
        return Redirects.to("/organiser/editions/" + id + "/registrations", "erased");
    }
}
