package org.relais.registration;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.relais.edition.Edition;
import org.relais.edition.EditionDay;
import org.relais.web.Messages;

/**
 * A relay's forum as iCalendar (RFC 5545): the forum's days and each chosen session, and each session
 * left as cancelled (a cancelled registration's days too, unless its relay registered again). Each
 * file is a later revision of the relay's events than any before it (its {@code SEQUENCE}, the seconds
 * since 2020), so that a calendar importing it takes its word over an earlier file's: a session left
 * is marked cancelled there, one taken again confirmed again.
 */
public final class Calendar {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final java.time.Instant REVISIONS_FROM = java.time.Instant.parse("2020-01-01T00:00:00Z");

    private Calendar() {
    }

    /** A relay's calendar as a file to download, {@code forum.ics}, from their page or the API. */
    public static jakarta.ws.rs.core.Response file(String ics) {
        return jakarta.ws.rs.core.Response.ok(ics, "text/calendar; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"forum.ics\"").build();
    }

    public static String of(Registration r, List<Booking> bookings, List<LeftSession> left, ZoneId zone, String host) {
        Long revision = java.time.Duration.between(REVISIONS_FROM, java.time.Instant.now()).toSeconds();
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Relais//Forum//" + r.language.toUpperCase());
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:PUBLISH");
        Edition edition = r.edition;
        String place = edition.venueName == null ? "" : edition.venueName
                + (edition.venueAddress == null ? "" : ", " + edition.venueAddress);
        boolean cancelled = r.status == RegistrationStatus.CANCELLED;
        // The forum's days are one event each for all of a relay's registrations: one cancelled after
        // they registered again leaves them to the new one, which confirms them.
        if (!r.registeredAgain()) {
            forumDays(ics, edition, cancelled ? Messages.get("calendar_registration_cancelled", edition.title) : edition.title,
                    place, cancelled ? "CANCELLED" : "CONFIRMED", zone, host, revision);
        }
        for (Booking b : bookings) {
            String title = b.status == BookingStatus.WAITLISTED
                    ? b.session.title + " (" + Messages.get("waitlist_position", b.waitlistPosition) + ")"
                    : b.session.title;
            String where = b.session.space == null ? place : b.session.space.name + (place.isEmpty() ? "" : ", " + place);
            event(ics, sessionUid(b.session.id, r), b.session.day, b.session.startsAt, b.session.endsAt, zone,
                    title, where, b.status == BookingStatus.CONFIRMED ? "CONFIRMED" : "TENTATIVE", host, revision);
        }
        for (LeftSession gone : left) {
            if (gone.day != null && gone.startsAt != null && gone.endsAt != null) {
                event(ics, sessionUid(gone.sessionId, r), gone.day, gone.startsAt, gone.endsAt, zone,
                        Messages.get("calendar_session_left", gone.title), place, "CANCELLED", host, revision);
            }
        }
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    /** A session's event in a relay's calendar, held or left: the same identity, so that a later file updates it. */
    private static String sessionUid(Long sessionId, Registration r) {
        return "session-" + sessionId + "-" + r.id;
    }

    /** The whole programme of an edition: the forum's days and every session, for a calendar to subscribe to. */
    public static String programme(Edition edition, List<org.relais.programme.ProgrammeSession> sessions, ZoneId zone,
            String host) {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Relais//Programme//FR");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:PUBLISH");
        line(ics, "X-WR-CALNAME:" + escape(edition.title));
        String place = edition.venueName == null ? "" : edition.venueName
                + (edition.venueAddress == null ? "" : ", " + edition.venueAddress);
        forumDays(ics, edition, edition.title, place, "CONFIRMED", zone, host, null);
        for (org.relais.programme.ProgrammeSession s : sessions) {
            if (s.day == null || s.startsAt == null || s.endsAt == null) {
                continue;
            }
            String where = s.space == null ? place : s.space.name + (place.isEmpty() ? "" : ", " + place);
            event(ics, "programme-" + s.id, s.day, s.startsAt, s.endsAt, zone, s.title, where, "CONFIRMED", host, null);
        }
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    /**
     * The forum's days, each known by its rank, not its date: a forum put off keeps its events, which a
     * calendar that imported them moves (the sessions keep theirs too), rather than adding new ones.
     */
    private static void forumDays(StringBuilder ics, Edition edition, String summary, String place, String status,
            ZoneId zone, String host, Long revision) {
        for (int n = 0; n < edition.days.size(); n++) {
            EditionDay day = edition.days.get(n);
            event(ics, "forum-" + edition.id + "-day-" + (n + 1), day.date, day.opensAt, day.closesAt, zone, summary,
                    place, status, host, revision);
        }
    }

    /** One event; {@code revision} null in the programme's feed, which a calendar reads whole each time. */
    private static void event(StringBuilder ics, String uid, LocalDate day, LocalTime start, LocalTime end, ZoneId zone,
            String summary, String location, String status, String host, Long revision) {
        line(ics, "BEGIN:VEVENT");
        line(ics, "UID:" + uid + "@" + host);
        line(ics, "DTSTAMP:" + UTC.format(java.time.OffsetDateTime.now(ZoneOffset.UTC)));
        if (revision != null) {
            line(ics, "SEQUENCE:" + revision);
        }
        line(ics, "DTSTART:" + UTC.format(day.atTime(start).atZone(zone).withZoneSameInstant(ZoneOffset.UTC)));
        line(ics, "DTEND:" + UTC.format(day.atTime(end).atZone(zone).withZoneSameInstant(ZoneOffset.UTC)));
        line(ics, "SUMMARY:" + escape(summary));
        if (!location.isEmpty()) {
            line(ics, "LOCATION:" + escape(location));
        }
        line(ics, "STATUS:" + status);
        line(ics, "END:VEVENT");
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r", "").replace("\n", "\\n");
    }

    /** Writes one content line, folded at 75 octets as the RFC asks, ending in CRLF. */
    private static void line(StringBuilder ics, String content) {
        byte[] bytes = content.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int start = 0;
        boolean first = true;
        while (start < bytes.length) {
            int limit = first ? 75 : 74;
            int end = Math.min(bytes.length, start + limit);
            while (end < bytes.length && (bytes[end] & 0xC0) == 0x80) {
                end--; // never cut a UTF-8 character in two
            }
            if (!first) {
                ics.append(' ');
            }
            ics.append(new String(bytes, start, end - start, java.nio.charset.StandardCharsets.UTF_8)).append("\r\n");
            start = end;
            first = false;
        }
        if (bytes.length == 0) {
            ics.append("\r\n");
        }
    }
}
