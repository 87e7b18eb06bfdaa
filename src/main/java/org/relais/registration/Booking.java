package org.relais.registration;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import java.time.OffsetDateTime;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.relais.programme.ProgrammeSession;
import org.relais.web.ForumZone;
import org.relais.web.Messages;

/** A relay's seat in a session, or their place on its waiting list. */
@Entity
public class Booking extends PanacheEntityBase {

    @Id
    // From a sequence, 50 at a time (db/migration/V10): a rush's inserts go in JDBC batches.
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "booking_ids")
    @SequenceGenerator(name = "booking_ids", sequenceName = "booking_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(optional = false)
    public Registration registration;

    @ManyToOne(optional = false)
    public ProgrammeSession session;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    public BookingStatus status;

    /** 1..N on the waiting list, null with a seat. */
    @Column(name = "waitlist_position")
    public Integer waitlistPosition;

    /** When the relay's badge was scanned at the room's door. */
    @Column(name = "attended_at")
    public OffsetDateTime attendedAt;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    public static List<Booking> listByRegistration(Registration registration) {
        // The session read in the same statement: read after, it could have been deleted in between.
        return list("from Booking b join fetch b.session s where b.registration = ?1 order by s.day, s.startsAt, s.id",
                registration);
    }

    public static long countConfirmed(ProgrammeSession session) {
        return count("session = ?1 and status = ?2", session, BookingStatus.CONFIRMED);
    }

    /** Every booking of a session: the seated, then the waiting list in order. */
    public static List<Booking> listBySession(ProgrammeSession session) {
        return list("session = ?1 order by status, waitlistPosition, id", session);
    }

    public static List<Booking> waitingList(ProgrammeSession session) {
        return list("session = ?1 and status = ?2 order by waitlistPosition", session, BookingStatus.WAITLISTED);
    }

    /**
     * A session's seats in the order of their names as the list shows them, accents aside as in a dictionary
     * (the names' collation keys): the surname first on the organisers' lists, the first name first at a
     * room's door, where people are called by it.
     */
    public static List<Booking> seated(ProgrammeSession session, boolean firstNameFirst) {
        return list("session = ?1 and status = ?2 order by " + (firstNameFirst
                ? "registration.sortFirst, registration.sortLast" : "registration.sortLast, registration.sortFirst")
                + ", registration.id", session, BookingStatus.CONFIRMED);
    }

    /** The other bookings of the relays seated in or waiting for a session, with their sessions. */
    public static List<Booking> othersOfRelaysIn(ProgrammeSession session) {
        return list("from Booking b join fetch b.session where b.session <> ?1 and b.registration in "
                + "(select o.registration from Booking o where o.session = ?1)", session);
    }

    public static int lastWaitlistPosition(ProgrammeSession session) {
        Integer max = find("select max(waitlistPosition) from Booking where session = ?1", session).project(Integer.class)
                .firstResult();
        return max == null ? 0 : max;
    }

    /** The button that gives this booking up, on the relay's page and on the page that asks first: a seat, or a place waiting. */
    public String giveUpLabel() {
        String at = session.dayAmongSeveral() + ForumZone.hhmm(session.startsAt);
        return Messages.get(status == BookingStatus.CONFIRMED ? "give_up_seat" : "give_up_place", at,
                session.title);
    }
}
