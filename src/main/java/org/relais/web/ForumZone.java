package org.relais.web;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the forum is held ({@code relais.time-zone}): the zone in which its days and times are
 * said, whatever the server's own. A session's day and hours are kept as the programme gives them;
 * moments (an arrival, a registration) are kept as instants and said here.
 */
@ApplicationScoped
public class ForumZone {

    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm");

    private static final DateTimeFormatter SHEET = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;

    ForumZone(@ConfigProperty(name = "relais.time-zone") ZoneId zone) {
        this.zone = zone;
    }

    /** For code that no bean reaches (template extensions). */
    public static ForumZone current() {
        return Arc.container().instance(ForumZone.class).get();
    }

    public ZoneId zone() {
        return zone;
    }

    /** Today, where the forum is held. */
    public LocalDate today() {
        return LocalDate.now(zone);
    }

    /** A moment as the clocks show it where the forum is held. */
    public ZonedDateTime local(OffsetDateTime at) {
        return at.atZoneSameInstant(zone);
    }

    /** A moment's time there, as {@code HH:mm}, or "" for none. */
    public String hhmm(OffsetDateTime at) {
        return at == null ? "" : HHMM.format(local(at));
    }

    /**
     * A moment in a CSV export: {@code yyyy-MM-dd HH:mm} as the clocks show it where the forum is held,
     * which a spreadsheet reads as a date and time; "" for none.
     */
    public String sheet(OffsetDateTime at) {
        return at == null ? "" : SHEET.format(local(at));
    }

    /** A time of day as every page, mail and list says it, {@code HH:mm}, or "" for none. */
    public static String hhmm(LocalTime time) {
        return time == null ? "" : HHMM.format(time);
    }
}
