package org.relais.programme;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.relais.edition.Edition;
import org.relais.network.Institution;
import org.relais.venue.Space;

/** A programme item: a workshop, visit, talk, concert, broadcast or meeting time, in a space at a time. */
@Entity
@Table(name = "programme_session")
public class ProgrammeSession extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    // Lazy: a session is read far more often than its edition's many details are needed.
    @ManyToOne(optional = false, fetch = jakarta.persistence.FetchType.LAZY)
    public Edition edition;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    public SessionKind kind;

    public String title;
    public String description;

    @ManyToOne
    public Space space;

    @Column(name = "session_date")
    public LocalDate day;
    @Column(name = "starts_at")
    public LocalTime startsAt;
    @Column(name = "ends_at")
    public LocalTime endsAt;

    /** Null when the session has no seat limit. */
    public Integer seats;
    public String language;

    @ManyToOne
    public Institution institution;

    /** False when the session is open to all without booking. */
    public boolean registration;

    /** Whether badges are scanned at this session's room door (so that no-shows' seats can be given away). */
    @jakarta.persistence.Column(name = "door_scan")
    public boolean doorScan;

    /**
     * Its day before its time in a list of sessions ("mar. 5 févr., "), in the reader's language, when
     * the forum has more than one day; nothing for a one-day forum, whose times say it all. The badge's
     * back names the day too.
     */
    public String dayAmongSeveral() {
        return dayAmongSeveral(day, edition.days.size());
    }

    /** {@link #dayAmongSeveral()} from a session's day and how many days its forum has, as a query read them. */
    public static String dayAmongSeveral(LocalDate day, long forumDays) {
        return forumDays > 1 ? org.relais.web.Messages.shortDate(day, org.relais.web.Messages.current()) + ", " : "";
    }

    public boolean overlaps(ProgrammeSession other) {
        return day.equals(other.day) && startsAt.isBefore(other.endsAt) && other.startsAt.isBefore(endsAt);
    }

    public static List<ProgrammeSession> listByEdition(Edition edition) {
        return list("edition = ?1 order by day, startsAt, endsAt, id", edition);
    }

    public static Optional<ProgrammeSession> findInEdition(Edition edition, Long id) {
        return find("id = ?1 and edition = ?2", id, edition).firstResultOptional();
    }

    public static long countInSpace(Space space) {
        return count("space", space);
    }

    public ProgrammeSession copyTo(Edition other, Space otherSpace, long shiftDays) {
        ProgrammeSession copy = new ProgrammeSession();
        copy.edition = other;
        copy.kind = kind;
        copy.title = title;
        copy.description = description;
        copy.space = otherSpace;
        copy.day = day.plusDays(shiftDays);
        copy.startsAt = startsAt;
        copy.endsAt = endsAt;
        copy.seats = seats;
        copy.language = language;
        copy.institution = institution;
        copy.registration = registration;
        copy.persist();
        return copy;
    }
}
