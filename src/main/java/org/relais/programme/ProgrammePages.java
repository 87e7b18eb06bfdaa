package org.relais.programme;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.relais.account.Account;
import org.relais.edition.Edition;
import org.relais.edition.EditionService;
import org.relais.network.Institution;
import org.relais.network.InstitutionService;
import org.relais.venue.Space;
import org.relais.web.Confirmation;
import org.relais.web.Form;
import org.relais.web.Messages;
import org.relais.web.Redirects;

/** The organiser's pages for the programme: sessions, the day grid and the conflicts. */
@Path("/organiser/editions/{id}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Account.ORGANISER)
public class ProgrammePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance sessions(Edition edition, List<ProgrammeSession> sessions, Set<Long> inConflict,
                ProgrammeSession editing, Form form, List<SessionKind> kinds, List<Space> spaces,
                List<Institution> institutions, String problem);

        static native TemplateInstance grid(Edition edition, ProgrammeGrid grid, List<Conflict> conflicts,
                List<org.relais.print.Unprintable> unprintable);

        static native TemplateInstance conflicts(Edition edition, List<Conflict> conflicts);
    }

    @Inject
    EditionService editions;

    @Inject
    ProgrammeService programme;

    @Inject
    InstitutionService institutions;

    @GET
    @Path("sessions")
    public TemplateInstance sessions(@RestPath Long id) {
        Edition edition = editions.get(id);
        Form form = new Form().with("language", "fr").with("registration", "true");
        if (!edition.days.isEmpty()) {
            form.with("day", edition.days.get(0).date);
        }
        return sessionsPage(id, null, form, null);
    }

    @GET
    @Path("sessions/{sessionId}")
    public TemplateInstance editSession(@RestPath Long id, @RestPath Long sessionId) {
        ProgrammeSession s = programme.session(id, sessionId);
        return sessionsPage(id, s, stored(s), null);
    }

    /** The session's form filled from what is stored. */
    private static Form stored(ProgrammeSession s) {
        return new Form().with("kind", s.kind, s.kind == null ? null : Messages.label(s.kind)).with("title", s.title)
                .with("description", s.description)
                .with("spaceId", s.space == null ? null : s.space.id, s.space == null ? null : s.space.name).with("day", s.day)
                .with("startsAt", s.startsAt).with("endsAt", s.endsAt).with("seats", s.seats).with("language", s.language)
                .with("institutionId", s.institution == null ? null : s.institution.id, s.institution == null ? null : s.institution.shortName)
                .with("registration", s.registration).remembered();
    }

    @POST
    @Path("sessions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object addSession(@RestPath Long id, MultivaluedMap<String, String> submitted) {
        return save(id, null, new Form(submitted));
    }

    @POST
    @Path("sessions/{sessionId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object updateSession(@RestPath Long id, @RestPath Long sessionId, MultivaluedMap<String, String> submitted) {
        return save(id, programme.session(id, sessionId), new Form(submitted));
    }

    @POST
    @Path("sessions/{sessionId}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object deleteSession(@RestPath Long id, @RestPath Long sessionId, @RestForm String confirmed) {
        ProgrammeSession s = programme.session(id, sessionId);
        if (!Confirmation.given(confirmed) && s.edition.beforeForum()) { // its relays lose their seats, and are told
            String sessions = "/organiser/editions/" + id + "/sessions";
            return Confirmation.asking(Messages.get("session_delete_confirm"), sessions + "/" + sessionId + "/delete",
                    Messages.get("delete"), sessions + "/" + sessionId);
        }
        return new Form().submit(() -> {
            programme.delete(id, sessionId);
            return Redirects.to("/organiser/editions/" + id + "/sessions", "deleted");
        }, problem -> sessionsPage(id, s, stored(s), problem));
    }

    @GET
    @Path("programme")
    public TemplateInstance grid(@RestPath Long id) {
        Edition edition = editions.get(id);
        List<Conflict> conflicts = programme.conflicts(id);
        ProgrammeGrid grid = ProgrammeGrid.of(edition, Space.listByEdition(edition), programme.sessions(id), conflicts,
                Messages.get("no_space"));
        return Templates.grid(edition, grid, conflicts, booklet.unprintable(id));
    }

    @Inject
    ProgrammeBooklet booklet;

    /** The printed programme, drafts included: the organiser proofs it before publishing. */
    @GET
    @Path("programme.pdf")
    @Produces("application/pdf")
    public jakarta.ws.rs.core.Response programmePdf(@RestPath Long id, @org.jboss.resteasy.reactive.RestQuery String lang,
            @org.jboss.resteasy.reactive.RestQuery Boolean large, @org.jboss.resteasy.reactive.RestQuery Boolean imposed) {
        return booklet.answer(id, lang, large, imposed);
    }

    @GET
    @Path("conflicts")
    public TemplateInstance conflicts(@RestPath Long id) {
        return Templates.conflicts(editions.get(id), programme.conflicts(id));
    }

    private Object save(Long id, ProgrammeSession existing, Form form) {
        SessionData data = new SessionData(null, form.text("kind"), form.text("title"), form.text("description"),
                form.id("spaceId"), form.date("day"), form.time("startsAt"), form.time("endsAt"), form.integer("seats"),
                form.text("language"), form.id("institutionId"), form.bool("registration"));
        return form.submit(() -> {
            if (existing != null) {
                form.failIfChangedMeanwhile(stored(existing));
            }
            form.failIfUnreadable(programme.validate(id, data));
            ProgrammeSession saved = existing == null ? programme.create(id, data) : programme.update(id, existing.id, data);
            return Redirects.to("/organiser/editions/" + id + "/sessions#" + anchor(saved), existing == null ? "created" : "saved");
        }, problem -> sessionsPage(id, existing, form, problem));
    }

    private TemplateInstance sessionsPage(Long id, ProgrammeSession editing, Form form, String problem) {
        Edition edition = editions.get(id);
        Set<Long> inConflict = new HashSet<>();
        programme.conflicts(id).forEach(c -> inConflict.addAll(c.sessionIds()));
        return Templates.sessions(edition, programme.sessions(id), inConflict, editing, form,
                List.of(SessionKind.values()), Space.listByEdition(edition), institutions.list(), problem);
    }

    /**
     * {@code {choice.day.dayAmongSeveral(edition.days.size)}}: {@link ProgrammeSession#dayAmongSeveral(java.time.LocalDate, long)}
     * for a list that holds a session's day, not the session (a registration's chosen sessions).
     */
    @TemplateExtension
    static String dayAmongSeveral(java.time.LocalDate day, int forumDays) {
        return ProgrammeSession.dayAmongSeveral(day, forumDays);
    }

    /** A session's row on the sessions page ({@code {s.anchor}}, {@code s12}): where a saved session lands. */
    @TemplateExtension
    static String anchor(ProgrammeSession session) {
        return "s" + session.id;
    }
}
