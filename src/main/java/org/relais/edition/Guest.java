package org.relais.edition;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.util.List;

/** An organisation invited to one edition without being a member (e.g. the Défenseur des droits in 2018). */
@Entity
public class Guest extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    public Edition edition;

    public String name;
    public String kind;
    public String description;

    public static List<Guest> listByEdition(Edition edition) {
        return org.relais.web.Collation.byName(list("edition", edition), g -> g.name);
    }
}
