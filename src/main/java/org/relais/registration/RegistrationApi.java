package org.relais.registration;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.RestPath;
import org.relais.web.Bodies;
import org.relais.web.Errors;

/** A relay's own registration, reached by its private manage token: no account needed. */
@Path("/api/v1/registrations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RegistrationApi {

    /** The body of a change of sessions. */
    public record SessionChoices(List<Long> sessionIds) {
    }

    @Inject
    RegistrationService registrations;

    @Inject
    RegistrationQueries queries;


    @GET
    @Path("{token}")
    @PermitAll
    public RegistrationView get(@RestPath String token) {
        return view(token);
    }

    @PUT
    @Path("{token}/sessions")
    @PermitAll
    public RegistrationView changeSessions(@RestPath String token, SessionChoices choices) {
        // The list replaces the relay's choices: without it (a misspelt field, say) every seat would be
        // given up. Dropping them all takes an empty list.
        List<Long> sessionIds = Bodies.required(choices).sessionIds();
        Errors errors = new Errors();
        errors.required("sessionIds", sessionIds);
        errors.throwIfAny();
        registrations.changeSessions(token, sessionIds);
        return view(token);
    }

    /**
     * Beyond the contract: the relay corrects their details, every field of a registration but the
     * consent and the sessions, which are ignored here; an e-mail absent keeps the registration's, a new
     * one is sent a new link, which the answer gives ({@code manageToken}): the old one answers 404.
     */
    @PUT
    @Path("{token}/details")
    @PermitAll
    public RegistrationView changeDetails(@RestPath String token, RegistrationData details) {
        return view(registrations.changeDetails(token, Bodies.required(details)).manageToken);
    }

    /**
     * Beyond the contract, as the page gives it: the relay's calendar, the forum's days and their
     * sessions, and the sessions they left marked cancelled (once cancelled, the forum's days too).
     */
    @GET
    @Path("{token}/calendar.ics")
    @Produces("text/calendar")
    @PermitAll
    public Response calendar(@RestPath String token) {
        return Calendar.file(queries.calendar(token));
    }

    @DELETE
    @Path("{token}")
    @PermitAll
    public void cancel(@RestPath String token) {
        registrations.cancel(token);
    }


    private RegistrationView view(String token) {
        return queries.view(token);
    }
}
