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

/** A relay's forum as iCalendar (RFC 5545): the forum's days and each chosen session. */
public final class Calendar {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private Calendar() {
    }

    public static String of(Registration r, List<Booking> bookings, ZoneId zone, String host) {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Relais//Forum//" + r.language.toUpperCase());
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:PUBLISH");
        Edition edition = r.edition;
        String place = edition.venueName == null ? "" : edition.venueName
                + (edition.venueAddress == null ? "" : ", " + edition.venueAddress);
        forumDays(ics, edition, place, zone, host);
        for (Booking b : bookings) {
            String title = b.status == BookingStatus.WAITLISTED
                    ? b.session.title + " (" + Messages.get("waitlist_position", b.waitlistPosition) + ")"
                    : b.session.title;
            String where = b.session.space == null ? place : b.session.space.name + (place.isEmpty() ? "" : ", " + place);
            event(ics, "session-" + b.session.id + "-" + r.id, b.session.day, b.session.startsAt, b.session.endsAt, zone,
                    title, where, b.status == BookingStatus.CONFIRMED ? "CONFIRMED" : "TENTATIVE", host);
        }
        line(ics, "END:VCALENDAR");
        return ics.toString();
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
        forumDays(ics, edition, place, zone, host);
        for (org.relais.programme.ProgrammeSession s : sessions) {
            if (s.day == null || s.startsAt == null || s.endsAt == null) {
                continue;
            }
            String where = s.space == null ? place : s.space.name + (place.isEmpty() ? "" : ", " + place);
            event(ics, "programme-" + s.id, s.day, s.startsAt, s.endsAt, zone, s.title, where, "CONFIRMED", host);
        }
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    /**
     * The forum's days, each known by its rank, not its date: a forum put off keeps its events, which a
     * calendar that imported them moves (the sessions keep theirs too), rather than adding new ones.
     */
    private static void forumDays(StringBuilder ics, Edition edition, String place, ZoneId zone, String host) {
        for (int n = 0; n < edition.days.size(); n++) {
            EditionDay day = edition.days.get(n);
            event(ics, "forum-" + edition.id + "-day-" + (n + 1), day.date, day.opensAt, day.closesAt, zone, edition.title,
                    place, "CONFIRMED", host);
        }
    }

    private static void event(StringBuilder ics, String uid, LocalDate day, LocalTime start, LocalTime end, ZoneId zone,
            String summary, String location, String status, String host) {
        line(ics, "BEGIN:VEVENT");
        line(ics, "UID:" + uid + "@" + host);
        line(ics, "DTSTAMP:" + UTC.format(java.time.OffsetDateTime.now(ZoneOffset.UTC)));
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
