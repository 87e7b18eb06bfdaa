package org.relais.venue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.relais.edition.Edition;

/** A hall, room, auditorium, studio or outdoor area of an edition's venue. */
@Entity
public class Space extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    public Edition edition;

    public String name;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    public SpaceKind kind;

    @Column(name = "width_m", precision = 7, scale = 2)
    public BigDecimal widthM;
    @Column(name = "depth_m", precision = 7, scale = 2)
    public BigDecimal depthM;
    public Integer seats;
    @Column(name = "step_free")
    public boolean stepFree;

    public static List<Space> listByEdition(Edition edition) {
        return org.relais.web.Collation.byName(list("edition", edition), s -> s.name);
    }

    public static Optional<Space> findInEdition(Edition edition, Long id) {
        return find("id = ?1 and edition = ?2", id, edition).firstResultOptional();
    }

    public static Optional<Space> findByName(Edition edition, String name) {
        return find("edition = ?1 and lower(name) = lower(?2)", edition, name).firstResultOptional();
    }

    public Space copyTo(Edition other) {
        Space copy = new Space();
        copy.edition = other;
        copy.name = name;
        copy.kind = kind;
        copy.widthM = widthM;
        copy.depthM = depthM;
        copy.seats = seats;
        copy.stepFree = stepFree;
        copy.persist();
        return copy;
    }
}
