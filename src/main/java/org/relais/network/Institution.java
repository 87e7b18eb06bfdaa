package org.relais.network;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A member of the network: a museum, monument, theatre, library, archive or broadcaster. */
@Entity
public class Institution extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String slug;
    public String name;
    @Column(name = "short_name")
    public String shortName;
    public String kind;
    public String website;
    @Column(name = "correspondent_name")
    public String correspondentName;
    @Column(name = "correspondent_email")
    public String correspondentEmail;
    @Column(name = "correspondent_phone")
    public String correspondentPhone;
    /** The charter commitment keys the institution keeps, comma-separated. */
    public String charter = "";
    public String offer;

    /** Its page on the organisers' side, where it is corrected. */
    public String organiserPage() {
        return "/organiser/institutions/" + id;
    }

    public List<String> charterKeys() {
        return charter == null || charter.isBlank() ? List.of() : Arrays.asList(charter.split(","));
    }

    public static List<Institution> listByName() {
        return org.relais.web.Collation.byName(listAll(), i -> i.name);
    }

    public static Optional<Institution> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /**
     * Locks the institution's row until the transaction ends ({@link org.relais.web.RowLocks}): taken before a stand,
     * session, badge, access or edition is written to name it, and before it is deleted; false when there is none.
     */
    public static boolean lock(Long id) {
        return org.relais.web.RowLocks.lock("institution", id);
    }
}
