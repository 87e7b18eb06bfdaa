package org.relais.door;

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
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.relais.account.Account;
import org.relais.badge.BadgeRequest;
import org.relais.badge.BadgeResponses;
import org.relais.badge.BadgeService;
import org.relais.badge.SigningKeys;
import org.relais.edition.Edition;
import org.relais.edition.EditionService;
import org.relais.edition.EditionStatus;
import org.relais.network.NetworkReference;
import org.relais.registration.RegistrationData;
import org.relais.web.Form;
import org.relais.web.ForumZone;
import org.relais.web.Messages;

/**
 * The door's screens: the check-in screen (a scanner types into one field), the search, walk-ins,
 * reprints and the live counts. Without JavaScript every part works through plain forms.
 */
@Path("/door")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Account.ORGANISER, Account.DOOR})
public class DoorPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<Edition> editions);

        static native TemplateInstance screen(Edition edition, String station, String publicKey, Shown shown,
                String query, List<DoorService.Found> found, String notAForumDay);

        static native TemplateInstance walkIn(Edition edition, Form form, List<NetworkReference.Term> sectors,
                List<NetworkReference.Term> roles, String station);

        static native TemplateInstance live(Edition edition, DoorService.Attendance a);

        static native TemplateInstance rooms(Edition edition, List<org.relais.programme.ProgrammeSession> sessions,
                Map<Long, RoomService.Count> counts);

        static native TemplateInstance room(Edition edition, RoomService.Room room, Shown shown, String problem,
                String publicKey, String notTheSessionsDay);
    }

    @Inject
    DoorService door;

    @Inject
    DoorAccess access;

    @Inject
    EditionService editions;

    @Inject
    SigningKeys keys;

    @Inject
    BadgeService badges;

    @Inject
    NetworkReference reference;

    @Inject
    RoomService rooms;

    @Inject
    ForumZone forum;

    /** A scan's answer in words, with the tone the screen colours it in. */
    public record Shown(String status, String tone, String headline, List<String> lines, Long registrationId,
            Long holderId) {

        /** The same answer under another status (a walk-in's welcome, whose undo takes back more). */
        Shown as(String other) {
            return new Shown(other, tone, headline, lines, registrationId, holderId);
        }
    }

    @GET
    public Response index() {
        Long only = access.account().map(a -> a.editionId).orElse(null);
        if (only != null) {
            return Response.seeOther(URI.create("/door/editions/" + only)).build();
        }
        List<Edition> current = editions.list().stream().filter(e -> e.status != EditionStatus.ARCHIVED
                && e.status != EditionStatus.DRAFT).toList();
        return Response.ok(Templates.index(current)).build();
    }

    @GET
    @Path("editions/{id}")
    public TemplateInstance screen(@RestPath Long id, @RestQuery String q, @RestQuery String station) {
        access.door(id);
        List<DoorService.Found> found = q == null || q.isBlank() ? List.of() : door.search(id, q);
        Edition edition = editions.get(id);
        return Templates.screen(edition, station(station), keys.publicKeyBase64(), null, q, found, notAForumDay(edition));
    }

    /** A scan from the screen's script: always 200, the answer in words. */
    @POST
    @Path("editions/{id}/scan")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Shown scan(@RestPath Long id, DoorApi.Scan scan) {
        access.door(id);
        DoorApi.Scan s = scan == null ? new DoorApi.Scan(null, null, null) : scan;
        return shown(door.checkIn(id, s.code(), station(s.station()), s.scannedAt()));
    }

    /**
     * The same scan from the plain form, without JavaScript: the screen again, with the answer; with
     * nothing scanned, with none, as the script then sends nothing.
     */
    @POST
    @Path("editions/{id}/scan")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance scanForm(@RestPath Long id, MultivaluedMap<String, String> form) {
        access.door(id);
        String station = station(form.getFirst("station"));
        String code = form.getFirst("code");
        return answered(id, station, DoorService.nothingScanned(code) ? null : shown(door.checkIn(id, code, station, null)));
    }

    /** The door takes back an arrival it just recorded: the screen again, saying so. */
    @POST
    @Path("editions/{id}/undo")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance undo(@RestPath Long id, MultivaluedMap<String, String> submitted) {
        access.door(id);
        Form form = new Form(submitted);
        String station = station(form.text("station"));
        DoorService.Undo undo = door.undoCheckIn(id, form.id("registrationId"), form.id("holderId"));
        return answered(id, station, undone(undo, "door"));
    }

    /**
     * An undo's answer in words, from the messages of the forum's door ({@code door}) or of a
     * room's ({@code room}): {@code _undone}, {@code _undo_not_checked_in}, {@code _undo_too_late}.
     */
    private static Shown undone(DoorService.Undo undo, String door) {
        return switch (undo.outcome()) {
            case UNDONE -> undo.withdrawn()
                    ? new Shown("WITHDRAWN", "warn", Messages.get("door_withdrawn", undo.name()),
                            List.of(Messages.get("door_withdrawn_hint")), null, null)
                    : new Shown(undo.outcome().name(), "warn", Messages.get(door + "_undone", undo.name()),
                            List.of(Messages.get(door + "_undone_hint")), null, null);
            case NOT_CHECKED_IN -> new Shown(undo.outcome().name(), "warn",
                    Messages.get(door + "_undo_not_checked_in", undo.name()), List.of(), null, null);
            case TOO_LATE -> new Shown(undo.outcome().name(), "bad", Messages.get(door + "_undo_too_late", undo.name(),
                    DoorService.UNDO_WINDOW.toMinutes()), List.of(Messages.get(door + "_undo_too_late_hint")), null, null);
        };
    }

    /** The check-in screen again, with an answer in place of the search. */
    private TemplateInstance answered(Long id, String station, Shown shown) {
        Edition edition = editions.get(id);
        return Templates.screen(edition, station, keys.publicKeyBase64(), shown, null, List.of(), notAForumDay(edition));
    }

    /**
     * The screen's warning on a day that is none of the forum's (a volunteer trying the scanner the day before): a scan
     * still records an arrival, and a relay who has arrived can no longer cancel. None for an edition without days.
     */
    private String notAForumDay(Edition edition) {
        return notTheDay(forum.today(), edition.dates(), "door_not_forum_day");
    }

    /**
     * A scanning screen's warning ({@code words}, given the days written out) on a day that is none of {@code days}: a
     * scan there still counts. Null on one of them, and without days.
     */
    static String notTheDay(LocalDate today, List<LocalDate> days, String words) {
        if (days.isEmpty() || days.contains(today)) {
            return null;
        }
        Locale reader = Messages.current();
        return Messages.get(words, days.stream().map(d -> Messages.longDate(d, reader)).collect(Collectors.joining(", ")));
    }

    @GET
    @Path("editions/{id}/search.json")
    @Produces(MediaType.APPLICATION_JSON)
    public List<DoorService.Found> search(@RestPath Long id, @RestQuery String q) {
        access.door(id);
        return door.search(id, q);
    }

    @GET
    @Path("editions/{id}/walk-in")
    public TemplateInstance walkInForm(@RestPath Long id, @RestQuery String station) {
        access.door(id);
        return Templates.walkIn(editions.get(id), new Form(), reference.relaySectors(), reference.relayRoles(),
                station(station));
    }

    @POST
    @Path("editions/{id}/walk-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object walkIn(@RestPath Long id, MultivaluedMap<String, String> submitted) {
        access.door(id);
        Form form = new Form(submitted);
        String station = station(form.text("station"));
        RegistrationData data = new RegistrationData(form.text("firstName"), form.text("lastName"), form.text("email"),
                null, form.text("organisation"), form.text("sector"), form.text("role"), null, "fr",
                form.bool("consent"), List.of());
        return form.submit(() -> {
            Shown shown = shown(door.walkIn(id, data, station));
            // Its undo takes back the registration too: the button says so.
            return Response.ok(answered(id, station, "CHECKED_IN".equals(shown.status()) ? shown.as("WALKED_IN") : shown))
                    .build();
        }, problem -> Templates.walkIn(editions.get(id), form, reference.relaySectors(), reference.relayRoles(), station));
    }

    @GET
    @Path("editions/{id}/registrations/{registrationId}/badge.pdf")
    @Produces("application/pdf")
    public Response relayBadge(@RestPath Long id, @RestPath Long registrationId) {
        access.door(id);
        BadgeRequest request = BadgeRequest.parse("a6", List.of(), false, null).printing();
        return BadgeResponses.relay(badges, id, registrationId, request);
    }

    @GET
    @Path("editions/{id}/badge-holders/{holderId}/badge.pdf")
    @Produces("application/pdf")
    public Response holderBadge(@RestPath Long id, @RestPath Long holderId) {
        access.door(id);
        BadgeRequest request = BadgeRequest.parse("a6", List.of(), false, null).printing();
        return BadgeResponses.holder(badges, id, holderId, request);
    }

    @GET
    @Path("editions/{id}/live")
    public TemplateInstance live(@RestPath Long id) {
        access.door(id);
        return Templates.live(editions.get(id), door.attendance(id));
    }

    @GET
    @Path("editions/{id}/live.json")
    @Produces(MediaType.APPLICATION_JSON)
    public DoorService.Attendance liveCounts(@RestPath Long id) {
        access.door(id);
        return door.attendance(id);
    }

    // Sessions at the room door

    @GET
    @Path("editions/{id}/sessions")
    public TemplateInstance rooms(@RestPath Long id) {
        access.door(id);
        return Templates.rooms(editions.get(id), rooms.sessions(id), rooms.counts(id));
    }

    @POST
    @Path("editions/{id}/sessions/{sessionId}/door-scan")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response doorScan(@RestPath Long id, @RestPath Long sessionId, MultivaluedMap<String, String> form) {
        access.door(id);
        rooms.setDoorScan(id, sessionId, "true".equals(form.getFirst("on")));
        return org.relais.web.Redirects.to("/door/editions/" + id + "/sessions", "saved");
    }

    @GET
    @Path("editions/{id}/sessions/{sessionId}")
    public TemplateInstance room(@RestPath Long id, @RestPath Long sessionId, @RestQuery String q) {
        access.door(id);
        return roomPage(id, sessionId, q, null, null);
    }

    /** A scan from the room screen's script, perhaps kept through an outage ({@code scannedAt}): the answer in words. */
    @POST
    @Path("editions/{id}/sessions/{sessionId}/scan")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Shown roomScan(@RestPath Long id, @RestPath Long sessionId, DoorApi.Scan scan) {
        access.door(id);
        return rooms.scan(id, sessionId, scan == null ? null : scan.code(), scan == null ? null : scan.scannedAt());
    }

    /** The same scan from the plain form: the room's screen again, with the answer (none when nothing was scanned). */
    @POST
    @Path("editions/{id}/sessions/{sessionId}/scan")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance roomScanForm(@RestPath Long id, @RestPath Long sessionId, MultivaluedMap<String, String> form) {
        access.door(id);
        String code = form.getFirst("code");
        return roomPage(id, sessionId, null, DoorService.nothingScanned(code) ? null : rooms.scan(id, sessionId, code, null), null);
    }

    /** The room's door lets in a relay with a seat who has no badge on them: the room's screen again, with the answer. */
    @POST
    @Path("editions/{id}/sessions/{sessionId}/let-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance roomLetIn(@RestPath Long id, @RestPath Long sessionId, MultivaluedMap<String, String> submitted) {
        access.door(id);
        return roomPage(id, sessionId, null, rooms.letIn(id, sessionId, new Form(submitted).id("registrationId"), null), null);
    }

    /** The same from the room screen's script, perhaps kept through an outage ({@code scannedAt}): the answer in words. */
    @POST
    @Path("editions/{id}/sessions/{sessionId}/let-in")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Shown roomLetInJson(@RestPath Long id, @RestPath Long sessionId, LetIn letIn) {
        access.door(id);
        return rooms.letIn(id, sessionId, letIn == null ? null : letIn.registrationId(), letIn == null ? null : letIn.scannedAt());
    }

    /** A let-in from the room screen's script: whom, and when the button was pressed if it was kept. */
    public record LetIn(Long registrationId, java.time.OffsetDateTime scannedAt) {
    }

    /** The room's door takes back an entry it just recorded: the room's screen again, saying so. */
    @POST
    @Path("editions/{id}/sessions/{sessionId}/undo")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance roomUndo(@RestPath Long id, @RestPath Long sessionId, MultivaluedMap<String, String> submitted) {
        access.door(id);
        Shown shown = undone(rooms.undo(id, sessionId, new Form(submitted).id("registrationId")), "room");
        return roomPage(id, sessionId, null, shown, null);
    }

    @POST
    @Path("editions/{id}/sessions/{sessionId}/give-seat")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object giveSeat(@RestPath Long id, @RestPath Long sessionId, MultivaluedMap<String, String> submitted) {
        access.door(id);
        Form form = new Form(submitted);
        return form.submit(() -> {
            rooms.giveSeat(id, sessionId, form.id("from"), form.id("to"));
            return org.relais.web.Redirects.to("/door/editions/" + id + "/sessions/" + sessionId, "seat-given");
        }, problem -> roomPage(id, sessionId, null, null, problem));
    }

    /** A room's screen (its lists as {@code find} asks), with the key its script checks kept scans with. */
    private TemplateInstance roomPage(Long id, Long sessionId, String find, Shown shown, String problem) {
        RoomService.Room room = rooms.room(id, sessionId, find);
        return Templates.room(editions.get(id), room, shown, problem, keys.publicKeyBase64(),
                notTheDay(forum.today(), List.of(room.session().day), "room_not_session_day"));
    }

    private String station(String given) {
        if (given != null && !given.isBlank()) {
            String s = DoorService.withoutControls(given);
            return s.length() > 60 ? s.substring(0, 60) : s;
        }
        return access.who();
    }

    Shown shown(CheckIn c) {
        List<String> lines = new ArrayList<>();
        String at = forum.hhmm(c.firstCheckedInAt());
        return switch (c.status()) {
            case CHECKED_IN -> {
                if (c.organisation() != null) {
                    lines.add(c.organisation() + " · " + c.role());
                }
                if (!c.accessibility().isEmpty()) {
                    lines.add(Messages.get("door_needs", String.join(", ", c.accessibility())));
                }
                lines.add(c.sessions().isEmpty() ? Messages.get("door_no_sessions")
                        : Messages.get("door_sessions", Messages.semicolons(Messages.current(), c.sessions())));
                yield new Shown(c.status().name(), "ok", Messages.get("door_checked_in", c.name()), lines,
                        c.registrationId(), c.holderId());
            }
            case ALREADY_CHECKED_IN -> {
                lines.add(c.organisation());
                // An arrival of another day says its day: on a forum's second morning, the first's time alone misleads.
                java.time.LocalDate day = c.firstCheckedInAt() == null ? null : forum.local(c.firstCheckedInAt()).toLocalDate();
                String headline = day == null || day.equals(forum.today())
                        ? Messages.get("door_already", c.name(), at, c.checkedInBy())
                        : Messages.get("door_already_on_day", c.name(), day, at, c.checkedInBy());
                yield new Shown(c.status().name(), "warn", headline, lines, c.registrationId(), c.holderId());
            }
            case CANCELLED -> {
                lines.add(Messages.get("door_cancelled_hint"));
                yield new Shown(c.status().name(), "bad", Messages.get("door_cancelled", c.name()), lines,
                        c.registrationId(), null);
            }
            case NOT_THIS_EDITION -> new Shown(c.status().name(), "bad", Messages.get("door_not_registered"),
                    List.of(Messages.get("door_not_registered_hint")), null, null);
            case FORGED -> new Shown(c.status().name(), "bad", Messages.get("door_forged"),
                    List.of(Messages.get("door_forged_hint")), null, null);
            case UNREADABLE -> new Shown(c.status().name(), "bad", Messages.get("door_unreadable"),
                    List.of(Messages.get("door_unreadable_hint")), null, null);
        };
    }

}
