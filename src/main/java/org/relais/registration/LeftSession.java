package org.relais.registration;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.relais.edition.Edition;
import org.relais.programme.ProgrammeSession;
import org.relais.web.Instants;

/**
 * A session a relay held or waited for and no longer does, as it was when they left it: their
 * calendar file names it again, cancelled, so that a calendar which imported it takes it away.
 */
@Entity
@Table(name = "left_session")
public class LeftSession extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    public Registration registration;

    /** The session's id, which names its event; the session itself may be deleted since. */
    @Column(name = "session_id")
    public Long sessionId;

    @Column(name = "session_title")
    public String title;
    @Column(name = "session_date")
    public LocalDate day;
    @Column(name = "session_starts_at")
    public LocalTime startsAt;
    @Column(name = "session_ends_at")
    public LocalTime endsAt;

    @Column(name = "left_at")
    public OffsetDateTime leftAt;

    /** Notes that the relay left the session now; left once before, it is the same one, as it is now. */
    static void record(Registration r, ProgrammeSession session) {
        LeftSession left = LeftSession.<LeftSession>find("registration = ?1 and sessionId = ?2", r, session.id)
                .firstResultOptional().orElseGet(LeftSession::new);
        left.registration = r;
        left.sessionId = session.id;
        left.title = session.title;
        left.day = session.day;
        left.startsAt = session.startsAt;
        left.endsAt = session.endsAt;
        left.leftAt = Instants.now();
        left.persist();
    }

    public static List<LeftSession> listByRegistration(Registration r) {
        return list("registration = ?1 order by day, startsAt, sessionId", r);
    }

    /** The sessions left that the relay does not hold again: those their calendar names as cancelled. */
    public static List<LeftSession> notHeld(Registration r, List<Booking> bookings) {
        return listByRegistration(r).stream()
                .filter(left -> bookings.stream().noneMatch(b -> b.session.id.equals(left.sessionId))).toList();
    }

    static void eraseOf(Registration r) {
        delete("registration", r);
    }

    static void eraseOf(Edition edition) {
        delete("registration.id in (select r.id from Registration r where r.edition = ?1)", edition);
    }
}
