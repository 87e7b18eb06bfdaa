package org.relais.programme;

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

/** An edition's programme and its conflicts, {@code /api/v1/editions/{id}/sessions} and {@code /conflicts}. */
@Path("/api/v1/editions/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProgrammeApi {

    @Inject
    ProgrammeService programme;

    @GET
    @Path("sessions")
    @PermitAll
    public List<SessionData> sessions(@RestPath Long id) {
        return programme.sessions(id).stream().map(SessionData::of).toList();
    }

    @GET
    @Path("sessions/{sessionId}")
    @PermitAll
    public SessionData session(@RestPath Long id, @RestPath Long sessionId) {
        return SessionData.of(programme.session(id, sessionId));
    }

    @POST
    @Path("sessions")
    @RolesAllowed(Account.ORGANISER)
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = SessionData.class)))
    public Response create(@RestPath Long id, SessionData data) {
        ProgrammeSession session = programme.create(id, Bodies.required(data));
        return Response.created(URI.create("/api/v1/editions/" + id + "/sessions/" + session.id))
                .entity(SessionData.of(session)).build();
    }

    @PUT
    @Path("sessions/{sessionId}")
    @RolesAllowed(Account.ORGANISER)
    public SessionData update(@RestPath Long id, @RestPath Long sessionId, SessionData data) {
        return SessionData.of(programme.update(id, sessionId, Bodies.required(data)));
    }

    @DELETE
    @Path("sessions/{sessionId}")
    @RolesAllowed(Account.ORGANISER)
    public void delete(@RestPath Long id, @RestPath Long sessionId) {
        programme.delete(id, sessionId);
    }

    @Inject
    ProgrammeBooklet booklet;

    @Inject
    io.quarkus.security.identity.SecurityIdentity identity;

    /**
     * The printed programme (public once the edition is published; organisers may proof a draft):
     * {@code lang} fr, en or both, {@code large} for 16 pt on A4, {@code imposed} for the print shop.
     */
    @GET
    @Path("programme.pdf")
    @Produces("application/pdf")
    @PermitAll
    public Response programmePdf(@RestPath Long id, @org.jboss.resteasy.reactive.RestQuery String lang,
            @org.jboss.resteasy.reactive.RestQuery Boolean large, @org.jboss.resteasy.reactive.RestQuery Boolean imposed) {
        programme.requirePublished(id, identity.hasRole(Account.ORGANISER));
        return booklet.answer(id, lang, large, imposed);
    }

    @GET
    @Path("conflicts")
    @RolesAllowed(Account.ORGANISER)
    public List<Conflict> conflicts(@RestPath Long id) {
        return programme.conflicts(id);
    }
}
