package org.relais.registration;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.relais.account.Account;
import org.relais.web.Bodies;
import org.relais.web.ForumZone;

/** An edition's registrations: a relay registers (public); organisers list them all. */
@Path("/api/v1/editions/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EditionRegistrationApi {

    @Inject
    RegistrationQueries queries;

    @Inject
    Admissions admissions;

    @POST
    @Path("registrations")
    @PermitAll
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = RegistrationView.class)))
    public CompletionStage<Response> register(@RestPath Long id, RegistrationData data, @Context UriInfo uri) {
        // Answered when the relay's group is admitted, from the thread that admitted it, where the
        // request is not at hand: its address is taken now.
        URI base = uri.getBaseUri();
        return admissions.submit(id, Bodies.required(data)).thenApply(created -> Response
                .created(base.resolve("api/v1/registrations/" + created.manageToken())).entity(created).build());
    }

    @Inject
    RegistrationService registrations;

    /**
     * Sends a relay's link again to the address they registered with, as the forum's page offers to a
     * second registration with that address: {@code 202} whether the address is registered or not, the
     * mail going once in a quarter of an hour at most.
     */
    @POST
    @Path("registrations/link")
    @PermitAll
    @APIResponse(responseCode = "202", description = "Accepted: the link goes if the address is registered")
    public Response sendLinkAgain(@RestPath Long id, RegistrationService.LinkRequest request) {
        registrations.sendLinkAgain(id, Bodies.required(request));
        return Response.accepted().build();
    }

    @Inject
    org.relais.edition.EditionService editions;

    @Inject
    org.relais.programme.ProgrammeService programme;

    @Inject
    ForumZone forum;

    /** The whole programme as iCalendar (public, once the edition is published), for calendars to subscribe to. */
    @GET
    @Path("programme.ics")
    @Produces("text/calendar")
    @PermitAll
    public Response programmeIcs(@RestPath Long id) {
        programme.requirePublished(id, false); // a draft's feed is nobody's to subscribe to yet
        org.relais.edition.Edition edition = editions.get(id);
        String ics = Calendar.programme(edition, programme.sessions(id), forum.zone(), "relais");
        return Response.ok(ics, "text/calendar; charset=UTF-8")
                .header("Content-Disposition", "inline; filename=\"programme-" + edition.number + ".ics\"").build();
    }

    @GET
    @Path("registrations")
    @RolesAllowed(Account.ORGANISER)
    public List<RegistrationView> list(@RestPath Long id, @RestQuery String sector, @RestQuery String role,
            @RestQuery String sessionId, @RestQuery String status, @RestQuery String q, @RestQuery String need,
            @RestQuery String arrival) {
        return queries.list(id, new RegistrationQueries.Filter(sector, role, sessionId, status, q, need, arrival));
    }
}
