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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Something fixed in a hall, in metres from its top-left corner. */
@Entity
public class Obstacle extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    public Space space;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    public ObstacleKind kind;

    public String label;
    @Column(name = "x_m")
    public BigDecimal x;
    @Column(name = "y_m")
    public BigDecimal y;
    @Column(name = "width_m")
    public BigDecimal width;
    @Column(name = "depth_m")
    public BigDecimal depth;
    @Column(name = "clearance_m")
    public BigDecimal clearance;

    /** The same obstacle in another edition's copy of its space: pillars and exits do not move from year to year. */
    public Obstacle copyTo(Space otherSpace) {
        Obstacle copy = new Obstacle();
        copy.space = otherSpace;
        copy.kind = kind;
        copy.label = label;
        copy.x = x;
        copy.y = y;
        copy.width = width;
        copy.depth = depth;
        copy.clearance = clearance;
        copy.persist();
        return copy;
    }

    public static List<Obstacle> listBySpace(Space space) {
        return list("space = ?1 order by id", space);
    }
}
