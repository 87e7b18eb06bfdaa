package org.relais.door;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.relais.badge.BadgeCode;
import org.relais.badge.BadgeHolder;
import org.relais.badge.SigningKeys;
import org.relais.door.CheckIn.Outcome;
import org.relais.edition.Edition;
import org.relais.edition.EditionService;
import org.relais.registration.BookingStatus;
import org.relais.registration.Registration;
import org.relais.registration.RegistrationData;
import org.relais.registration.RegistrationService;
import org.relais.registration.RegistrationStatus;
import org.relais.web.Collation;
import org.relais.web.ForumZone;
import org.relais.web.Instants;
import org.relais.web.Messages;

/**
 * The door: a scanned or typed badge code checks its holder in exactly once, whatever the number
 * of stations; the search, walk-ins, and the live counts.
 */
@ApplicationScoped
@Transactional
public class DoorService {

    /**
     * How long the door may take back an arrival it recorded: time to notice the wrong line clicked
     * in the search, or a colleague's badge scanned. Later, the organisers clear it (on the relay's
     * page, or the badges page for another badge).
     */
    public static final Duration UNDO_WINDOW = Duration.ofMinutes(10);

    /** Longer than any code with spaces and dashes: anything beyond is not a code, and not stored. */
    static final int MAX_SCAN = 400;
    private static final java.util.regex.Pattern CONTROL = java.util.regex.Pattern.compile("\\p{Cntrl}");

    /**
     * Whether a scan holds nothing at all: the button pressed with the field empty. Every entry (the
     * door's API and pages, a room's door, a stand) answers it as nothing scanned, not as an unreadable code.
     */
    static boolean nothingScanned(String typed) {
        return typed == null || typed.isBlank();
    }

    @Inject
    SigningKeys keys;

    @Inject
    EditionService editions;

    @Inject
    RegistrationService registrations;

    @Inject
    EntityManager em;

    @Inject
    SearchIndex index;

    @Inject
    ForumZone forum;

    /**
     * When a scan counts as made: {@code scannedAt}, from a screen that kept it while the service
     * could not be reached, if within the last day and not ahead of the clock; else now.
     */
    static OffsetDateTime scanned(OffsetDateTime scannedAt) {
        OffsetDateTime now = Instants.now();
        return scannedAt != null && scannedAt.isBefore(now.plusMinutes(1)) && scannedAt.isAfter(now.minusDays(1))
                ? Instants.stored(scannedAt) : now;
    }

    /**
     * Checks in the badge a code names, at a station. {@code scannedAt}, from a station that kept
     * scans while the service could not be reached, is when the badge was scanned (ignored unless
     * within the last day).
     */
    public CheckIn checkIn(Long editionId, String typed, String station, OffsetDateTime scannedAt) {
        String canonical = nothingScanned(typed) || typed.length() > MAX_SCAN ? null : BadgeCode.canonical(typed);
        if (canonical == null) {
            requireEdition(editionId);
            return CheckIn.of(Outcome.UNREADABLE);
        }
        OffsetDateTime at = scanned(scannedAt);
        String by = station == null || station.isBlank() ? "?" : withoutControls(station);
        by = by.length() > 100 ? by.substring(0, 100) : by;
        // A code this edition issued is genuine: it is found without checking its signature.
        Registration r = Registration.<Registration>find("edition.id = ?1 and code = ?2", editionId, canonical)
                .firstResult();
        if (r != null) {
            return checkInRegistration(r, at, by);
        }
        BadgeHolder h = BadgeHolder.<BadgeHolder>find("edition.id = ?1 and code = ?2", editionId, canonical)
                .firstResult();
        if (h != null) {
            return checkInHolder(h, at, by);
        }
        // Found neither: the edition is checked only now (a badge found in it was proof enough).
        // Then the code is not ours: a forgery, or a genuine badge of another edition.
        requireEdition(editionId);
        Optional<BadgeCode> code = keys.verify(canonical);
        return CheckIn.of(code.isEmpty() ? Outcome.FORGED : Outcome.NOT_THIS_EDITION);
    }

    /** A station's name as typed, without surrounding spaces and control characters (compiled once: this runs on every scan). */
    static String withoutControls(String station) {
        return CONTROL.matcher(station.strip()).replaceAll("");
    }

    /** Throws unless the edition exists; reads one number, not the edition with its days and participants. */
    private void requireEdition(Long editionId) {
        if (editionId == null || em.createQuery("select e.number from Edition e where e.id = :id", Integer.class)
                .setParameter("id", editionId).getResultList().isEmpty()) {
            throw new org.relais.web.NotFoundException("edition", editionId);
        }
    }

    private CheckIn checkInRegistration(Registration r, OffsetDateTime at, String by) {
        if (r.status == RegistrationStatus.CANCELLED) {
            return describe(r, Outcome.CANCELLED);
        }
        // One conditional update: of several stations scanning the same badge at once, one wins.
        int won = checkIn("registration", r.id, at, by);
        if (won == 1) {
            em.detach(r); // what the update wrote, without reading it back
            r.checkedInAt = at;
            r.checkedInBy = by;
        } else {
            em.refresh(r);
        }
        return describe(r, won == 1 ? Outcome.CHECKED_IN : Outcome.ALREADY_CHECKED_IN);
    }

    /**
     * Marks the row checked in unless it already is; 1 if this call did it. Plain SQL: Hibernate
     * translates an HQL update anew on every call, and at the door that was a tenth of a scan's time.
     */
    private int checkIn(String table, Long id, OffsetDateTime at, String by) {
        return em.createNativeQuery("update " + table + " set checked_in_at = ?1, checked_in_by = ?2"
                        + " where id = ?3 and checked_in_at is null")
                .setParameter(1, at).setParameter(2, by).setParameter(3, id).executeUpdate();
    }

    private CheckIn checkInHolder(BadgeHolder h, OffsetDateTime at, String by) {
        int won = checkIn("badge_holder", h.id, at, by);
        em.refresh(h);
        return new CheckIn(won == 1 ? Outcome.CHECKED_IN : Outcome.ALREADY_CHECKED_IN, null, h.id,
                h.firstName + " " + h.lastName, h.organisation, Messages.get(h.role.messageKey()), List.of(), List.of(),
                h.checkedInAt, h.checkedInAt, h.checkedInBy);
    }

    private CheckIn describe(Registration r, Outcome outcome) {
        List<String> needs = new ArrayList<>();
        r.accessibilityNeeds().forEach(n -> needs.add(Messages.get("Accessibility_" + n.name())));
        if (r.wroteNeed()) {
            needs.add(r.accessibilityNotes);
        }
        // One query for the lines, no entities: loading the bookings loaded each one's session,
        // space and registration after them, a query each, on every scan.
        List<String> sessions = new ArrayList<>();
        // On a forum of several days, each line says its day: the door tells the relay where to go today.
        for (Object[] line : em.createQuery("select s.startsAt, s.title, p.name, s.day,"
                        + " (select count(d) from EditionDay d where d.edition = s.edition) from Booking b join b.session s"
                        + " left join s.space p where b.registration.id = :id and b.status = :confirmed"
                        + " order by s.day, s.startsAt, s.id", Object[].class)
                .setParameter("id", r.id).setParameter("confirmed", BookingStatus.CONFIRMED).getResultList()) {
            sessions.add(org.relais.programme.ProgrammeSession.dayAmongSeveral((java.time.LocalDate) line[3], (Long) line[4])
                    + ForumZone.hhmm((LocalTime) line[0]) + " " + line[1] + (line[2] == null ? "" : " · " + line[2]));
        }
        return new CheckIn(outcome, r.id, null, r.firstName + " " + r.lastName, r.organisation,
                Messages.get("BadgeRole_RELAY"), needs, sessions, r.checkedInAt, r.checkedInAt, r.checkedInBy);
    }

    /** What taking back an arrival did, and whose it was; {@code withdrawn} when a walk-in's registration went with it. */
    public record Undo(Undone outcome, String name, boolean withdrawn) {
    }

    /** An arrival taken back, one that was not recorded (or already taken back), or one too old for the door. */
    public enum Undone {
        UNDONE, NOT_CHECKED_IN, TOO_LATE
    }

    /**
     * Takes back the arrival of a relay ({@code registrationId}) or of another badge holder
     * ({@code holderId}) if it was recorded within {@link #UNDO_WINDOW}: they count as expected
     * again, and their next scan checks them in. A walk-in's registration, made for that arrival,
     * is withdrawn with it.
     */
    public Undo undoCheckIn(Long editionId, Long registrationId, Long holderId) {
        boolean relay = registrationId != null;
        String entity = relay ? "Registration" : "BadgeHolder";
        Long id = relay ? registrationId : holderId;
        List<Object[]> found = id == null ? List.of() : em.createQuery("select x.firstName, x.lastName, x.checkedInAt, "
                        + (relay ? "x.walkIn" : "false") + " from " + entity + " x where x.id = :id and x.edition.id = :edition",
                        Object[].class)
                .setParameter("id", id).setParameter("edition", editionId).getResultList();
        if (found.isEmpty()) {
            throw new org.relais.web.NotFoundException(relay ? "registration" : "badge_holder", id);
        }
        String name = found.get(0)[0] + " " + found.get(0)[1];
        boolean walkIn = Boolean.TRUE.equals(found.get(0)[3]);
        if (walkIn) {
            registrations.lockBookings(editionId); // before the registration's row, as every change to bookings
        }
        // One conditional update, as for the check-in: taken back only if still recorded, and lately.
        int undone = em.createQuery("update " + entity + " x set x.checkedInAt = null, x.checkedInBy = null"
                        + " where x.id = :id and x.checkedInAt >= :since")
                .setParameter("id", id).setParameter("since", Instants.now().minus(UNDO_WINDOW)).executeUpdate();
        boolean withdrawn = undone == 1 && walkIn && registrations.withdrawWalkIn(editionId, id);
        return new Undo(undone == 1 ? Undone.UNDONE : found.get(0)[2] == null ? Undone.NOT_CHECKED_IN : Undone.TOO_LATE,
                name, withdrawn);
    }

    /**
     * One person found by the door's search, with what checking them in needs; {@code undoable}
     * when their arrival is recent enough for the door to take back; {@code walkIn} when they were
     * registered at the door (taking back their arrival withdraws that registration too).
     */
    public record Found(String kind, Long id, String name, String organisation, String code, boolean cancelled,
            OffsetDateTime checkedInAt, String checkedInBy, boolean undoable, boolean walkIn) {
    }

    /** Whether an arrival is one the door may still take back: recorded at {@code since} or later. */
    private static boolean undoable(OffsetDateTime checkedInAt, OffsetDateTime since) {
        return checkedInAt != null && !checkedInAt.isBefore(since);
    }

    /** Registrations and other badge holders whose name or organisation holds every word typed, case and accents aside. */
    public List<Found> search(Long editionId, String query) {
        requireEdition(editionId);
        String folded = Collation.fold(query == null ? "" : query.length() > 100 ? query.substring(0, 100) : query);
        if (folded.isBlank()) {
            return List.of();
        }
        String[] words = folded.split(" ");
        SearchIndex.Matches matches = index.find(editionId, words.length > 5 ? java.util.Arrays.copyOf(words, 5) : words, 20);
        // What is shown is read now, fresh: a check-in a second ago shows.
        OffsetDateTime undoSince = Instants.now().minus(UNDO_WINDOW);
        List<Object[]> rows = new ArrayList<>();
        if (!matches.registrations().isEmpty()) {
            for (Registration r : em.createQuery("select x from Registration x where x.id in :ids", Registration.class)
                    .setParameter("ids", matches.registrations()).getResultList()) {
                boolean cancelled = r.status == RegistrationStatus.CANCELLED;
                rows.add(new Object[] {(cancelled ? "1" : "0") + r.sortLast + " " + r.sortFirst,
                    new Found("REGISTRATION", r.id, r.firstName + " " + r.lastName, r.organisation, r.code, cancelled,
                            r.checkedInAt, r.checkedInBy, undoable(r.checkedInAt, undoSince), r.walkIn)});
            }
        }
        if (!matches.holders().isEmpty()) {
            for (BadgeHolder h : em.createQuery("select x from BadgeHolder x where x.id in :ids", BadgeHolder.class)
                    .setParameter("ids", matches.holders()).getResultList()) {
                rows.add(new Object[] {"0" + h.sortLast + " " + h.sortFirst, new Found("HOLDER", h.id,
                        h.firstName + " " + h.lastName, h.organisation, h.code, false, h.checkedInAt, h.checkedInBy,
                        undoable(h.checkedInAt, undoSince), false)});
            }
        }
        rows.sort(java.util.Comparator.comparing(row -> (String) row[0]));
        List<Found> found = new ArrayList<>();
        rows.forEach(row -> found.add((Found) row[1]));
        return found;
    }

    /** Someone who arrives unregistered: registered and checked in at once. */
    public CheckIn walkIn(Long editionId, RegistrationData data, String station) {
        Registration r = registrations.registerWalkIn(editionId, data);
        return checkIn(editionId, r.code, station, null);
    }

    /** Arrived and expected, in all, by sector and role, and arrivals per quarter hour. */
    public record Attendance(long registered, long checkedIn, Map<String, Count> bySector, Map<String, Count> byRole,
            Map<String, Long> byQuarterHour, long otherBadges, long otherBadgesCheckedIn) {
    }

    public record Count(long registered, long checkedIn) {
    }

    public Attendance attendance(Long editionId) {
        Edition edition = editions.get(editionId);
        List<Object[]> rows = em.createQuery("select r.sector, r.role, r.checkedInAt from Registration r"
                + " where r.edition = :edition and r.status = :status", Object[].class)
                .setParameter("edition", edition).setParameter("status", RegistrationStatus.CONFIRMED).getResultList();
        Map<String, long[]> sectors = new TreeMap<>();
        Map<String, long[]> roles = new TreeMap<>();
        Map<String, Long> quarters = new TreeMap<>();
        long arrived = 0;
        for (Object[] row : rows) {
            boolean in = row[2] != null;
            count(sectors, (String) row[0], in);
            count(roles, (String) row[1], in);
            if (in) {
                arrived++;
                LocalTime t = forum.local((OffsetDateTime) row[2]).toLocalTime();
                LocalTime quarter = LocalTime.of(t.getHour(), t.getMinute() / 15 * 15);
                quarters.merge(ForumZone.hhmm(quarter), 1L, Long::sum);
            }
        }
        // Once the edition's personal data has gone, its other badges are counts kept on the edition.
        long others = BadgeHolder.count("edition", edition) + (edition.erasedBadges == null ? 0 : edition.erasedBadges);
        long othersIn = BadgeHolder.count("edition = ?1 and checkedInAt is not null", edition)
                + (edition.erasedBadgesCheckedIn == null ? 0 : edition.erasedBadgesCheckedIn);
        return new Attendance(rows.size(), arrived, counts(sectors), counts(roles), quarters, others, othersIn);
    }

    private static void count(Map<String, long[]> map, String key, boolean in) {
        long[] c = map.computeIfAbsent(key == null ? "?" : key, k -> new long[2]);
        c[0]++;
        if (in) {
            c[1]++;
        }
    }

    private static Map<String, Count> counts(Map<String, long[]> map) {
        Map<String, Count> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, new Count(v[0], v[1])));
        return out;
    }
}
