package org.relais.edition;

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
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.relais.account.Account;
import org.relais.network.Institution;
import org.relais.network.InstitutionService;
import org.relais.network.NetworkReference;
import org.relais.programme.Conflict;
import org.relais.programme.ProgrammeService;
import org.relais.registration.Registration;
import org.relais.venue.Space;
import org.relais.venue.Stand;
import org.relais.web.Confirmation;
import org.relais.web.Errors;
import org.relais.web.Form;
import org.relais.web.Messages;
import org.relais.web.Redirects;

/** The organiser's pages for editions: the list, the set-up form, the overview, status and guests. */
@Path("/organiser/editions")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Account.ORGANISER)
public class EditionPages {

    /** How many blank day rows the form offers beyond the days already set. */
    private static final int SPARE_DAYS = 1;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Edition> editions);

        static native TemplateInstance form(Edition edition, Form form, int dayRows, List<Institution> institutions,
                List<Edition> sources, String problem);

        static native TemplateInstance show(Edition edition, List<Space> spaces, List<Stand> stands, int sessionCount,
                long registered, List<Conflict> conflicts, List<Guest> guests, Form guestForm, List<String> kinds,
                List<StatusMove> next, String problem);
    }

    /** A status the edition can move to, with the question asked before it moves ({@link #moveQuestion}). */
    public record StatusMove(EditionStatus status, String question) {
    }

    @Inject
    EditionService editions;

    @Inject
    InstitutionService institutions;

    @Inject
    ProgrammeService programme;

    @Inject
    NetworkReference reference;

    @GET
    public TemplateInstance list() {
        return Templates.list(editions.list());
    }

    @GET
    @Path("new")
    public TemplateInstance create() {
        Form form = new Form().with("days.0.opensAt", "10:00").with("days.0.closesAt", "16:00");
        editions.list().stream().findFirst().ifPresent(last -> form.with("number", last.number + 1));
        return form(null, form, null);
    }

    @POST
    @Path("new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object submitNew(MultivaluedMap<String, String> submitted) {
        Form form = new Form(submitted);
        EditionData data = read(form);
        Long copyFrom = form.id("copyFrom");
        return form.submit(() -> {
            form.failIfUnreadable(editions.validate(data));
            Edition created = copyFrom == null ? editions.create(data) : editions.copy(copyFrom, data);
            return Redirects.to("/organiser/editions/" + created.id, "created");
        }, problem -> form(null, form, problem));
    }

    @GET
    @Path("{id}")
    public TemplateInstance show(@RestPath Long id) {
        return show(editions.get(id), new Form(), null);
    }

    @GET
    @Path("{id}/edit")
    public TemplateInstance edit(@RestPath Long id) {
        Edition e = editions.get(id);
        return form(e, stored(e), null);
    }

    /** The edition's form filled from what is stored. */
    private static Form stored(Edition e) {
        Form form = new Form().with("number", e.number).with("title", e.title).with("theme", e.theme)
                .with("hostInstitutionId", e.host == null ? null : e.host.id, e.host == null ? null : e.host.name)
                .with("venue.name", e.venueName).with("venue.address", e.venueAddress)
                .with("venue.accessNotes", e.venueAccessNotes).with("registrationOpensOn", e.registrationOpensOn)
                .with("registrationClosesOn", e.registrationClosesOn).with("relayCapacity", e.relayCapacity)
                .withAll("participatingInstitutionIds", e.participants.stream().map(i -> i.id.toString()).toList(),
                        String.join(", ", e.participants.stream().map(i -> i.shortName).toList()));
        for (int i = 0; i < e.days.size(); i++) {
            EditionDay day = e.days.get(i);
            form.with("days." + i + ".date", day.date).with("days." + i + ".opensAt", day.opensAt).with("days." + i + ".closesAt", day.closesAt);
        }
        return form.remembered();
    }

    @POST
    @Path("{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object submitEdit(@RestPath Long id, MultivaluedMap<String, String> submitted) {
        Edition edition = editions.get(id);
        Form form = new Form(submitted);
        EditionData data = read(form);
        return form.submit(() -> {
            form.failIfChangedMeanwhile(stored(edition));
            form.failIfUnreadable(editions.validate(data));
            boolean moved = !edition.keepsDays(data.days());
            // relays are told of a forum still to come on its new days, as the registration side decides
            boolean rescheduled = editions.update(id, data).beforeForum() && moved;
            return Redirects.to("/organiser/editions/" + id, rescheduled ? "rescheduled" : "saved");
        }, problem -> form(edition, form, problem));
    }

    @POST
    @Path("{id}/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object changeStatus(@RestPath Long id, MultivaluedMap<String, String> submitted) {
        Form form = new Form(submitted);
        EditionStatus next = new Errors().oneOf("status", form.text("status"), EditionStatus.class, false);
        Edition edition = editions.get(id);
        if (!Confirmation.given(form.text("confirmed")) && next != null && edition.status.isBefore(next)) {
            // a move the rules refuse is refused at once
            return Confirmation.ask(moveQuestion(edition, next), "/organiser/editions/" + id + "/status",
                    Messages.get("status_move_to", Messages.label(next)), "/organiser/editions/" + id,
                    List.of(new Confirmation.Field("status", next.name())));
        }
        return form.submit(() -> {
            editions.changeStatus(id, form.text("status"));
            return Redirects.to("/organiser/editions/" + id, "status-changed");
        }, problem -> show(editions.get(id), new Form(), problem != null ? problem : form.errors().list().get(0).message()));
    }

    @POST
    @Path("{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object delete(@RestPath Long id, @RestForm String confirmed) {
        Edition edition = editions.get(id);
        if (!Confirmation.given(confirmed) && edition.status == EditionStatus.DRAFT) { // any other is refused at once
            return Confirmation.asking(Messages.get("edition_delete_confirm", edition.title), "/organiser/editions/" + id
                    + "/delete", Messages.get("edition_delete"), "/organiser/editions/" + id);
        }
        return new Form().submit(() -> {
            editions.delete(id);
            return Redirects.to("/organiser/editions", "deleted");
        }, problem -> show(editions.get(id), new Form(), problem));
    }

    @POST
    @Path("{id}/guests")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object addGuest(@RestPath Long id, MultivaluedMap<String, String> submitted) {
        Form form = new Form(submitted);
        return form.submit(() -> {
            editions.addGuest(id, new GuestData(null, form.text("name"), form.text("kind"), form.text("description")));
            return Redirects.to("/organiser/editions/" + id + "#guests", "created");
        }, problem -> show(editions.get(id), form, problem));
    }

    @POST
    @Path("{id}/guests/{guestId}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object removeGuest(@RestPath Long id, @RestPath Long guestId) {
        editions.removeGuest(id, guestId);
        return Redirects.to("/organiser/editions/" + id + "#guests", "deleted");
    }

    /**
     * What is asked before a move: that the status never goes back; and, for a move to held (or past it) before the
     * forum's last day, what it stops at once, since "held" and "archived" sit beside "closed" among the buttons.
     */
    private static String moveQuestion(Edition edition, EditionStatus status) {
        String label = Messages.label(status);
        return edition.closesEarly(status)
                ? Messages.get("status_move_early_confirm", label, edition.lastDay())
                : Messages.get("status_move_confirm", label);
    }

    private TemplateInstance show(Edition edition, Form guestForm, String problem) {
        List<StatusMove> next = new ArrayList<>();
        for (EditionStatus status : EditionStatus.values()) {
            if (edition.status.isBefore(status)) {
                next.add(new StatusMove(status, moveQuestion(edition, status)));
            }
        }
        return Templates.show(edition, Space.listByEdition(edition), Stand.listByEdition(edition),
                programme.sessions(edition.id).size(), Registration.countConfirmed(edition), programme.conflicts(edition.id),
                Guest.listByEdition(edition),
                guestForm, reference.institutionKinds(), next, problem);
    }

    private TemplateInstance form(Edition edition, Form form, String problem) {
        int dayRows = edition == null ? 1 : edition.days.size() + SPARE_DAYS;
        for (int i = dayRows; form.text("days." + i + ".date") != null; i++) {
            dayRows = i + 1;
        }
        return Templates.form(edition, form, Math.max(dayRows, 1), institutions.list(), editions.list(), problem);
    }

    /** The form's values as the service takes them; day rows left blank are not days. */
    static EditionData read(Form form) {
        List<EditionData.Day> days = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            if (form.text("days." + i + ".date") == null && form.text("days." + i + ".opensAt") == null && form.text("days." + i + ".closesAt") == null) {
                continue;
            }
            days.add(new EditionData.Day(form.date("days." + i + ".date"), form.time("days." + i + ".opensAt"), form.time("days." + i + ".closesAt")));
        }
        List<Long> participants = new ArrayList<>();
        for (String value : form.all("participatingInstitutionIds")) {
            try {
                participants.add(Long.valueOf(value));
            } catch (NumberFormatException e) {
                form.errors().add("participatingInstitutionIds", "error_number");
            }
        }
        return new EditionData(null, form.integer("number"), form.text("title"), form.text("theme"),
                form.id("hostInstitutionId"),
                new EditionData.Venue(form.text("venue.name"), form.text("venue.address"), form.text("venue.accessNotes")),
                days, form.date("registrationOpensOn"), form.date("registrationClosesOn"), form.integer("relayCapacity"), null,
                participants);
    }

}
