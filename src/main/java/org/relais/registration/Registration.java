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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.relais.edition.Edition;

/**
 * A relay registered for one edition, reached by its private manage token. An update writes only the
 * columns it changed: the reminder's mark, say, never writes back a status read before a cancellation.
 */
@Entity
@DynamicUpdate
public class Registration extends PanacheEntityBase {

    @Id
    // From a sequence, 50 at a time (db/migration/V10): a rush's inserts go in JDBC batches.
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "registration_ids")
    @SequenceGenerator(name = "registration_ids", sequenceName = "registration_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(optional = false, fetch = jakarta.persistence.FetchType.LAZY)
    public Edition edition;

    @Column(name = "first_name")
    public String firstName;
    @Column(name = "last_name")
    public String lastName;
    public String email;
    public String phone;
    public String organisation;
    public String sector;
    public String role;
    /** Ticked {@link Accessibility} needs, comma-separated. */
    public String accessibility = "";
    @Column(name = "accessibility_notes")
    public String accessibilityNotes;
    public String language;
    @Column(name = "consent_at")
    public OffsetDateTime consentAt;
    @Column(name = "manage_token")
    public String manageToken;
    public String code;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    public RegistrationStatus status;

    @Column(name = "active_email")
    public String activeEmail;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "cancelled_at")
    public OffsetDateTime cancelledAt;
    @Column(name = "checked_in_at")
    public OffsetDateTime checkedInAt;
    @Column(name = "reminded_at")
    public OffsetDateTime remindedAt;
    @Column(name = "sort_last")
    public String sortLast;
    @Column(name = "sort_first")
    public String sortFirst;
    /** The door station that checked the relay in. */
    @Column(name = "checked_in_by")
    public String checkedInBy;
    @Column(name = "search_text")
    public String searchText;
    /** Registered at the door on the day, not beforehand. */
    @Column(name = "walk_in")
    public boolean walkIn;
    /**
     * The relay answered that their address is right as typed, when their page asked whether they meant a
     * common provider's ({@link AddressTypos}): the page no longer asks. A new address clears it.
     */
    @Column(name = "address_kept")
    public boolean addressKept;
    /** When the relay's personal data was erased, on request or after the retention time; null while kept. */
    @Column(name = "anonymised_at")
    public OffsetDateTime anonymisedAt;

    @jakarta.persistence.PrePersist
    @jakarta.persistence.PreUpdate
    void sortKeys() {
        sortLast = org.relais.web.Collation.sortKey(lastName);
        sortFirst = org.relais.web.Collation.sortKey(firstName);
        searchText = org.relais.web.Collation.searchText(firstName, lastName, organisation);
    }

    public List<Accessibility> accessibilityNeeds() {
        return accessibility == null || accessibility.isBlank() ? List.of()
                : Arrays.stream(accessibility.split(",")).map(Accessibility::valueOf).toList();
    }

    /** Whether the relay wrote a need of their own (the notes are stored null when blank). */
    public boolean wroteNeed() {
        return accessibilityNotes != null;
    }

    /**
     * Whether it can still be cancelled: it stands, and neither has its forum been held nor has the
     * relay arrived (a cancellation then would rewrite who came).
     */
    public boolean cancellable() {
        return status == RegistrationStatus.CONFIRMED && anonymisedAt == null && checkedInAt == null
                && edition.beforeForum();
    }

    /**
     * Whether this registration is cancelled and its relay registered for the same forum again since:
     * the forum is theirs through the new one, whose link is another.
     */
    public boolean registeredAgain() {
        return status == RegistrationStatus.CANCELLED && email != null && findActive(edition, email).isPresent();
    }

    public String fullName() {
        return anonymisedAt != null ? org.relais.web.Messages.get("registration_erased") : firstName + " " + lastName;
    }

    /** The name as lists sort it, surname first. */
    public String listName() {
        return listName(firstName, lastName, anonymisedAt);
    }

    /** Surname first, or what became of the name once erased. */
    static String listName(String firstName, String lastName, OffsetDateTime anonymisedAt) {
        return anonymisedAt != null ? org.relais.web.Messages.get("registration_erased") : lastName + " " + firstName;
    }

    /**
     * Erases what identifies the relay: names, e-mail, phone, organisation, needs, and the manage link
     * (a new random one nobody has). Sector, role, language, status, dates and bookings stay for the counts.
     */
    public void erasePersonalData(String newToken) {
        firstName = "";
        lastName = "";
        email = null;
        activeEmail = null;
        phone = null;
        organisation = "";
        accessibility = "";
        accessibilityNotes = null;
        addressKept = false; // an answer about an address no longer kept
        manageToken = newToken;
        anonymisedAt = org.relais.web.Instants.now();
    }

    /**
     * The address the relay's page asks whether they meant ({@link AddressTypos}): none once they answered that
     * theirs is right.
     */
    public Optional<String> askedAddress() {
        return addressKept ? Optional.empty() : AddressTypos.meant(email);
    }

    public static Optional<Registration> findByToken(String token) {
        return token == null ? Optional.empty() : find("manageToken", token).firstResultOptional();
    }

    public static Optional<Registration> findActive(Edition edition, String email) {
        return find("edition = ?1 and activeEmail = ?2", edition, RegistrationService.emailKey(email))
                .firstResultOptional();
    }

    /** What the relay's badge says of them: their name and organisation. */
    public String badgeText() {
        return badgeText(firstName, lastName, organisation);
    }

    /** What a badge says of anyone (a relay, a badge holder): the name and organisation, any of them missing. */
    public static String badgeText(String firstName, String lastName, String organisation) {
        return java.util.Objects.toString(firstName, "") + " " + java.util.Objects.toString(lastName, "") + " "
                + java.util.Objects.toString(organisation, "");
    }

    public static long countConfirmed(Edition edition) {
        return count("edition = ?1 and status = ?2", edition, RegistrationStatus.CONFIRMED);
    }

    /** By surname, then first name; those whose data is erased after the others. */
    public static List<Registration> listByEdition(Edition edition) {
        return list("edition = ?1 order by case when anonymisedAt is null then 0 else 1 end, sortLast, sortFirst, id",
                edition);
    }
}
