package org.relais.door;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import org.relais.registration.Registration;
import org.relais.venue.Stand;

/** A relay who showed their badge at a stand and may be contacted by its institution; one per stand and relay. */
@Entity
@Table(name = "stand_lead")
public class Lead extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    public Stand stand;

    @ManyToOne(optional = false)
    public Registration registration;

    /** Every note taken, one per line, oldest first. */
    public String notes;

    @Column(name = "scanned_by")
    public String scannedBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public List<String> noteLines() {
        return notes == null || notes.isBlank() ? List.of() : List.of(notes.split("\n"));
    }

    public static List<Lead> listByStand(Stand stand) {
        return list("stand = ?1 order by updatedAt desc", stand);
    }
}
