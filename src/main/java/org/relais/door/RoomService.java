package org.relais.door;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.relais.badge.BadgeCode;
import org.relais.badge.SigningKeys;
import org.relais.edition.Edition;
import org.relais.edition.EditionService;
import org.relais.programme.ProgrammeSession;
import org.relais.registration.Booking;
import org.relais.registration.BookingStatus;
import org.relais.registration.Registration;
import org.relais.registration.RegistrationService;
import org.relais.web.Collation;
import org.relais.web.ForumZone;
import org.relais.web.Instants;
import org.relais.web.Messages;
import org.relais.web.NotFoundException;

/**
 * A workshop's room door, for the sessions that ask for it: badges scanned as people come in, and
 * the seats of those who did not come given to people waiting who are in the building.
 */
@ApplicationScoped
@Transactional
public class RoomService {

    @Inject
    EditionService editions;

    @Inject
    SigningKeys keys;

    @Inject
    RegistrationService registrations;

    @Inject
    EntityManager em;

    @Inject
    ForumZone forum;

    /** The sessions one books (the only ones with a list to check). */
    public List<ProgrammeSession> sessions(Long editionId) {
        return ProgrammeSession.listByEdition(editions.get(editionId)).stream().filter(s -> s.registration).toList();
    }

    /** How a session stands at its door: seats taken, how many of them came in, and how many wait. */
    public record Count(long seated, long entered, long waiting) {
    }

    /** Each session's count, by session id; a session nobody booked has none. One query for the forum. */
    public Map<Long, Count> counts(Long editionId) {
        Map<Long, long[]> tally = new HashMap<>();
        for (Object[] row : em.createQuery("select b.session.id, b.status, count(b), count(b.attendedAt) from Booking b"
                + " where b.session.edition.id = :edition group by b.session.id, b.status", Object[].class)
                .setParameter("edition", editions.get(editionId).id).getResultList()) {
            long[] c = tally.computeIfAbsent((Long) row[0], id -> new long[3]);
            if (row[1] == BookingStatus.CONFIRMED) {
                c[0] += (Long) row[2];
                c[1] += (Long) row[3];
            } else {
                c[2] += (Long) row[2];
            }
        }
        Map<Long, Count> counts = new HashMap<>();
        tally.forEach((id, c) -> counts.put(id, new Count(c[0], c[1], c[2])));
        return counts;
    }

    public ProgrammeSession session(Long editionId, Long sessionId) {
        return ProgrammeSession.findInEdition(editions.get(editionId), sessionId)
                .orElseThrow(() -> new NotFoundException("session", sessionId));
    }

    public void setDoorScan(Long editionId, Long sessionId, boolean on) {
        session(editionId, sessionId).doorScan = on;
    }

    /**
     * Who has a seat (and whether they came) and who waits (and whether they are in the building);
     * an entry recorded at {@code undoSince} or later is one the door may still take back. The lines
     * shown are those that match {@code find} (words of a name or organisation, as the entrance's
     * search takes them), all when it is blank; the counts and the seats to give are the whole lists'.
     */
    public record Room(ProgrammeSession session, List<Booking> seated, List<Booking> waiting, OffsetDateTime undoSince,
            String find) {

        public List<Booking> seatedFound() {
            return found(seated);
        }

        public List<Booking> waitingFound() {
            return found(waiting);
        }

        private List<Booking> found(List<Booking> list) {
            String folded = find == null ? "" : Collation.fold(find.length() > 100 ? find.substring(0, 100) : find);
            if (folded.isEmpty()) {
                return list;
            }
            List<String> words = List.of(folded.split(" "));
            return list.stream().filter(b -> b.registration.searchText != null
                    && words.stream().allMatch(b.registration.searchText::contains)).toList();
        }

        public boolean undoable(Booking b) {
            return b.attendedAt != null && !b.attendedAt.isBefore(undoSince);
        }

        /** Whose badge the booking's relay holds, as the screen's script reads it from a code ({@link BadgeCode#holderOf}). */
        public String holderOf(Booking b) {
            return BadgeCode.holderOf(b.registration.code);
        }

        public List<Booking> noShows() {
            return seated.stream().filter(b -> b.attendedAt == null).toList();
        }

        public List<Booking> waitingInside() {
            return waiting.stream().filter(b -> b.registration.checkedInAt != null).toList();
        }
    }

    public Room room(Long editionId, Long sessionId, String find) {
        ProgrammeSession session = session(editionId, sessionId);
        return new Room(session, Booking.seated(session, true), Booking.waitingList(session),
                Instants.now().minus(DoorService.UNDO_WINDOW), find);
    }

    /**
     * A scan at the room's door, answered in words with its tone (ok, warn, bad); {@code scannedAt}
     * as for {@link DoorService#checkIn}: an entry kept by the screen while the service was out of reach.
     */
    public DoorPages.Shown scan(Long editionId, Long sessionId, String typed, OffsetDateTime scannedAt) {
        ProgrammeSession session = session(editionId, sessionId);
        Edition edition = session.edition;
        String canonical = typed == null || typed.length() > DoorService.MAX_SCAN ? null : BadgeCode.canonical(typed);
        if (canonical == null) {
            return shown("bad", Messages.get("door_unreadable"), Messages.get("door_unreadable_hint"));
        }
        Registration r = Registration.<Registration>find("edition = ?1 and code = ?2", edition, canonical).firstResult();
        if (r == null) {
            return keys.verify(canonical).isEmpty() ? shown("bad", Messages.get("door_forged"), Messages.get("door_forged_hint"))
                    : shown("bad", Messages.get("door_not_registered"), null);
        }
        Booking b = Booking.<Booking>find("registration = ?1 and session = ?2", r, session).firstResult();
        if (b == null) {
            return shown("bad", Messages.get("room_not_booked", r.fullName()), Messages.get("room_not_booked_hint"));
        }
        return enter(b, scannedAt);
    }

    /**
     * Lets a relay with a seat in without their badge (left at home, a phone gone flat), from the
     * line with their name: answered as their scan would be, {@code scannedAt} as for a scan (a let-in the screen
     * kept through an outage). A relay without a booking in the session is not found.
     */
    public DoorPages.Shown letIn(Long editionId, Long sessionId, Long registrationId, OffsetDateTime scannedAt) {
        return enter(booking(editionId, sessionId, registrationId), scannedAt);
    }

    /** The relay's ({@code registrationId}) booking in the session, seat or waiting list; a 404 when they have none. */
    private Booking booking(Long editionId, Long sessionId, Long registrationId) {
        ProgrammeSession session = session(editionId, sessionId);
        Booking b = registrationId == null ? null
                : Booking.<Booking>find("registration.id = ?1 and session = ?2", registrationId, session).firstResult();
        if (b == null) {
            throw new NotFoundException("registration", registrationId);
        }
        return b;
    }

    /** The entry of a booking's relay: a seat lets them in once; the waiting list does not. */
    private DoorPages.Shown enter(Booking b, OffsetDateTime scannedAt) {
        Registration r = b.registration;
        if (b.status == BookingStatus.WAITLISTED) {
            // A status of its own: an entry kept through an outage that comes back as this was let in on a stale list.
            return shown("warn", Messages.get("room_waiting", r.fullName(), b.waitlistPosition),
                    Messages.get("room_waiting_hint")).as("WAITING");
        }
        int won = em.createQuery("update Booking set attendedAt = :at where id = :id and attendedAt is null")
                .setParameter("at", DoorService.scanned(scannedAt)).setParameter("id", b.id).executeUpdate();
        if (won == 1) {
            return new DoorPages.Shown("IN", "ok", Messages.get("room_in", r.fullName()), List.of(), r.id, null);
        }
        em.refresh(b);
        return shown("warn", Messages.get("room_already", r.fullName(), forum.hhmm(b.attendedAt)), null);
    }

    /**
     * Takes back an entry this room's door recorded for the relay ({@code registrationId}) within
     * {@link DoorService#UNDO_WINDOW} (the wrong badge scanned, a person who turned back): their
     * seat counts as not taken again, so it can be given, and their next scan lets them in.
     */
    public DoorService.Undo undo(Long editionId, Long sessionId, Long registrationId) {
        Booking b = booking(editionId, sessionId, registrationId);
        // One conditional update, as for the scan: taken back only if still recorded, and lately.
        int undone = em.createQuery("update Booking set attendedAt = null where id = :id and attendedAt >= :since")
                .setParameter("id", b.id).setParameter("since", Instants.now().minus(DoorService.UNDO_WINDOW))
                .executeUpdate();
        return new DoorService.Undo(undone == 1 ? DoorService.Undone.UNDONE
                : b.attendedAt == null ? DoorService.Undone.NOT_CHECKED_IN : DoorService.Undone.TOO_LATE,
                b.registration.fullName(), false);
    }

    public void giveSeat(Long editionId, Long sessionId, Long fromBookingId, Long toBookingId) {
        session(editionId, sessionId);
        registrations.giveSeat(editionId, fromBookingId, toBookingId);
    }

    private static DoorPages.Shown shown(String tone, String headline, String line) {
        return new DoorPages.Shown(tone.toUpperCase(), tone, headline, line == null ? List.of() : List.of(line), null, null);
    }
}
