package org.relais.venue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.relais.edition.Edition;
import org.relais.network.Institution;

/** An institution's booth on the floor; placed when {@code positionX} and {@code positionY} (metres from the hall's top-left) are set. */
@Entity
public class Stand extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    public Edition edition;

    public Integer number;

    @ManyToOne(optional = false)
    public Institution institution;

    @ManyToOne
    public Space space;

    @Column(name = "width_m", precision = 7, scale = 2)
    public BigDecimal widthM;
    @Column(name = "depth_m", precision = 7, scale = 2)
    public BigDecimal depthM;
    @Column(name = "x_m", precision = 7, scale = 2)
    public BigDecimal positionX;
    @Column(name = "y_m", precision = 7, scale = 2)
    public BigDecimal positionY;
    public boolean rotated;
    public boolean power;
    /** The stand's people or visitors need to reach it without steps. */
    @Column(name = "step_free")
    public boolean stepFree;

    public static List<Stand> listByEdition(Edition edition) {
        return list("edition = ?1 order by number", edition);
    }

    public static Optional<Stand> findInEdition(Edition edition, Long id) {
        return find("id = ?1 and edition = ?2", id, edition).firstResultOptional();
    }

    public static Optional<Stand> findByNumber(Edition edition, int number) {
        return find("edition = ?1 and number = ?2", edition, number).firstResultOptional();
    }

    public static long countInSpace(Space space) {
        return count("space", space);
    }

    public static int nextNumber(Edition edition) {
        Integer max = find("select max(number) from Stand where edition = ?1", edition).project(Integer.class).firstResult();
        return max == null ? 1 : max + 1;
    }

    public Stand copyTo(Edition other, Space otherSpace) {
        Stand copy = new Stand();
        copy.edition = other;
        copy.number = number;
        copy.institution = institution;
        copy.space = otherSpace;
        copy.widthM = widthM;
        copy.depthM = depthM;
        copy.positionX = positionX;
        copy.positionY = positionY;
        copy.rotated = rotated;
        copy.power = power;
        copy.stepFree = stepFree;
        copy.persist();
        return copy;
    }

    /**
     * Locks the stand's row until the transaction ends ({@link org.relais.web.RowLocks}): taken before a lead is noted
     * at it, and before it is deleted or given to another institution; false when there is none.
     */
    public static boolean lock(Long id) {
        return org.relais.web.RowLocks.lock("stand", id);
    }
}
