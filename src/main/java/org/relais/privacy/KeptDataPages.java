package org.relais.privacy;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.relais.account.Account;
import org.relais.edition.Edition;
import org.relais.registration.RegistrationService;
import org.relais.web.Confirmation;
import org.relais.web.Messages;
import org.relais.web.Redirects;

/**
 * All that Relais keeps about a relay: on a page and as a JSON file, for the relay through their
 * private link, and for the organisers, who send it to a relay who asks by other means.
 */
@Path("/")
public class KeptDataPages {

    @Inject
    PersonalData personalData;

    @Inject
    RegistrationService registrations;

    @CheckedTemplate
    static class Templates {
        /** @param edition the organisers' edition, for its tabs; null on the relay's own page */
        static native TemplateInstance kept(KeptData data, Edition edition, String back, String json);
    }

    @GET
    @Path("r/{token}/data")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance own(@RestPath String token) {
        return Templates.kept(personalData.keptByToken(token), null, "/r/" + token, "/r/" + token + "/data.json");
    }

    /** The relay erases their data at once: their link stops working, so the home page says it is done. */
    @POST
    @Path("r/{token}/erase")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response eraseOwn(@RestPath String token, @RestForm String confirmed) {
        if (!Confirmation.given(confirmed)) {
            registrations.get(token); // an unknown or erased link is not found, as when confirmed
            return Confirmation.asking(Messages.get("erase_own_confirm"), "/r/" + token + "/erase",
                    Messages.get("erase_own"), "/r/" + token + "/data");
        }
        personalData.eraseOwn(token);
        return Redirects.to("/", "data-erased");
    }

    @GET
    @Path("r/{token}/data.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response ownFile(@RestPath String token) {
        return file(personalData.keptByToken(token));
    }

    /**
     * The organisers' side, under the registration's own path: a resource class is chosen by its
     * path before its methods are, and the registrations' pages hold the shorter one.
     */
    @Path("/organiser/editions/{id}/registrations/{registrationId}")
    @RolesAllowed(Account.ORGANISER)
    public static class Organisers {

        @Inject
        PersonalData personalData;

        @GET
        @Path("data")
        @Produces(MediaType.TEXT_HTML)
        public TemplateInstance organisers(@RestPath Long id, @RestPath Long registrationId) {
            KeptData data = personalData.keptInEdition(id, registrationId);
            String registration = "/organiser/editions/" + id + "/registrations/" + registrationId;
            return Templates.kept(data, Edition.findById(id), registration, registration + "/data.json");
        }

        @GET
        @Path("data.json")
        @Produces(MediaType.APPLICATION_JSON)
        public Response organisersFile(@RestPath Long id, @RestPath Long registrationId) {
            return file(personalData.keptInEdition(id, registrationId));
        }
    }

    /** A file to keep or send, which no cache along the way keeps. */
    static Response file(KeptData data) {
        return Response.ok(data).header("Content-Disposition", "attachment; filename=\"relais-data.json\"")
                .header("Cache-Control", "no-store").build();
    }
}
