package org.relais.badge;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.relais.edition.Edition;
import org.relais.network.Institution;
import org.relais.web.Collation;

/** Someone with a badge who is not a registered relay: an institution's stand staff, an organiser, a guest, the press. */
@Entity
@Table(name = "badge_holder")
public class BadgeHolder extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    public Edition edition;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    public BadgeRole role;

    @Column(name = "first_name")
    public String firstName;
    @Column(name = "last_name")
    public String lastName;
    public String organisation;

    /** The institution whose stand they work on, for staff. */
    @ManyToOne
    @JoinColumn(name = "institution_id")
    public Institution institution;

    public String code;
    @Column(name = "sort_last")
    public String sortLast;
    @Column(name = "sort_first")
    public String sortFirst;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "checked_in_at")
    public OffsetDateTime checkedInAt;
    @Column(name = "checked_in_by")
    public String checkedInBy;
    @Column(name = "search_text")
    public String searchText;

    @PrePersist
    @PreUpdate
    void sortKeys() {
        sortLast = Collation.sortKey(lastName);
        sortFirst = Collation.sortKey(firstName);
        searchText = Collation.searchText(firstName, lastName, organisation);
    }

    public static List<BadgeHolder> listByEdition(Edition edition) {
        return list("edition = ?1 order by sortLast, sortFirst, id", edition);
    }

    public static Optional<BadgeHolder> findInEdition(Edition edition, Long id) {
        return find("edition = ?1 and id = ?2", edition, id).firstResultOptional();
    }

    public String fullName() {
        return firstName + " " + lastName;
    }
}
