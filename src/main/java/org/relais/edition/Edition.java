package org.relais.edition;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.relais.network.Institution;
import org.relais.web.ForumZone;

/** One year's forum: the axis every other per-edition object hangs from. */
@Entity
public class Edition extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Integer number;
    public String title;
    public String theme;

    @ManyToOne
    @JoinColumn(name = "host_institution_id")
    public Institution host;

    @Column(name = "venue_name")
    public String venueName;
    @Column(name = "venue_address")
    public String venueAddress;
    @Column(name = "venue_access_notes")
    public String venueAccessNotes;

    // Eager: pages and the API read days and participants after the service's transaction has ended.
    @OneToMany(mappedBy = "edition", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("date")
    public List<EditionDay> days = new ArrayList<>();

    @Column(name = "registration_opens_on")
    public LocalDate registrationOpensOn;
    @Column(name = "registration_closes_on")
    public LocalDate registrationClosesOn;
    @Column(name = "relay_capacity")
    public Integer relayCapacity;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    public EditionStatus status = EditionStatus.DRAFT;

    /** When its relays' personal data went, once the retention time after the forum had passed; null before. */
    @Column(name = "anonymised_at")
    public java.time.OffsetDateTime anonymisedAt;

    /** How many other badges (staff, organisers, guests, press) it had when they were deleted with its personal data; null before. */
    @Column(name = "erased_badges")
    public Integer erasedBadges;

    /** How many of those were checked in at the door. */
    @Column(name = "erased_badges_checked_in")
    public Integer erasedBadgesCheckedIn;

    /** Whether stands may record leads by scanning relays' badges (the organiser can switch it off). */
    @Column(name = "leads_enabled")
    public boolean leadsEnabled = true;

    /** The member institutions taking part this year (each should have a stand). */
    @ManyToMany(fetch = FetchType.EAGER)
    @JoinTable(name = "edition_participant", joinColumns = @JoinColumn(name = "edition_id"),
            inverseJoinColumns = @JoinColumn(name = "institution_id"))
    @OrderBy("name")
    public Set<Institution> participants = new LinkedHashSet<>();

    public Optional<EditionDay> day(LocalDate date) {
        return days.stream().filter(d -> d.date.equals(date)).findFirst();
    }

    /** Whether {@code sent} are the forum's days as they stand, their hours included, in any order. */
    public boolean keepsDays(List<EditionData.Day> sent) {
        Set<EditionData.Day> now = new java.util.HashSet<>();
        days.forEach(d -> now.add(new EditionData.Day(d.date, d.opensAt, d.closesAt)));
        return now.equals(sent == null ? Set.of() : new java.util.HashSet<>(sent));
    }

    /** Whether a date, as a form sends it, is one of the forum's days. */
    public boolean hasDay(String isoDate) {
        return days.stream().anyMatch(d -> d.date.toString().equals(isoDate));
    }

    /**
     * Whether the forum is yet to be held: until then its registrations, seats and waiting lists may change. It is over
     * once moved to held, or once its last day has gone by where it is held, whoever forgot to move it.
     */
    public boolean beforeForum() {
        return status.isBefore(EditionStatus.HELD)
                && (days.isEmpty() || !ForumZone.current().today().isAfter(lastDay()));
    }

    /** Over by its date (its last day gone by) while its status still says it is to come: held in all but name. */
    public boolean overButNotHeld() {
        return status.isBefore(EditionStatus.HELD) && !beforeForum();
    }

    /**
     * Moved to held (or archived) before its last day: over, though it has not taken place. Whatever says it is over says
     * it is closed, not that it took place on a day still to come.
     */
    public boolean closedEarly() {
        return closesEarly(status);
    }

    /**
     * Whether a status held or past it would close the forum before its last day (not on that day itself): what
     * {@link #closedEarly} says once it has, and what the organiser is asked about before. Never without days.
     */
    public boolean closesEarly(EditionStatus to) {
        return !to.isBefore(EditionStatus.HELD) && !days.isEmpty() && ForumZone.current().today().isBefore(lastDay());
    }

    /** Its days' dates, in order. */
    public List<LocalDate> dates() {
        return days.stream().map(d -> d.date).toList();
    }

    public LocalDate firstDay() {
        return days.isEmpty() ? null : days.get(0).date;
    }

    /** The forum's last day (its only one, for a forum of one day); none for an edition without days. */
    public LocalDate lastDay() {
        return days.isEmpty() ? null : days.get(days.size() - 1).date;
    }

    /**
     * The last day its relays' personal data is kept, {@code months} after its last day (the next
     * retention check erases it); none for an edition without days.
     */
    public Optional<LocalDate> keptUntil(int months) {
        return days.stream().map(d -> d.date).max(LocalDate::compareTo).map(last -> last.plusMonths(months));
    }

    public static List<Edition> listNewestFirst() {
        return list("order by number desc");
    }

    public static Optional<Edition> findByNumber(int number) {
        return find("number", number).firstResultOptional();
    }

    /**
     * Locks the edition's row until the transaction ends, for what is decided one request at a time within an
     * edition (its admissions, the next stand's number); false when there is no such edition. Plain SQL, the same on
     * H2 and PostgreSQL: Hibernate's own locking of an entity with eager collections takes no row lock here.
     */
    public static boolean lock(Long id) {
        return org.relais.web.RowLocks.lock("edition", id);
    }
}
