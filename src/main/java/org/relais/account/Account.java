package org.relais.account;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.PasswordType;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * A person who signs in: an organiser, door staff or an institution's stand staff; door and stand
 * accounts may be limited to one edition, and reached by a link and a PIN. Passwords (and PINs)
 * are stored as bcrypt hashes.
 */
@Entity
@UserDefinition
public class Account extends PanacheEntityBase {

    public static final String ORGANISER = "organiser";
    public static final String DOOR = "door";
    public static final String STAND = "stand";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Username
    public String email;

    public String name;

    @Password(PasswordType.MCF)
    @Column(name = "password_hash")
    public String passwordHash;

    @Roles
    public String role;

    /** The only edition this account may work on; null: any. */
    @Column(name = "edition_id")
    public Long editionId;

    /** For stand staff: the institution whose stand they hold. */
    @Column(name = "institution_id")
    public Long institutionId;

    /** Reached by a link and a PIN: the user name is the link's token, the password the PIN. */
    public boolean link;

    public static java.util.Optional<Account> findByEmail(String email) {
        return email == null ? java.util.Optional.empty()
                : find("email", email.strip().toLowerCase(java.util.Locale.ROOT)).firstResultOptional();
    }

    /** An edition's door and stand accesses: by kind (accounts, then links), each in the dictionary order of names. */
    public static java.util.List<Account> listByEdition(Long editionId) {
        java.util.List<Account> accounts = org.relais.web.Collation.byName(
                Account.<Account>list("editionId = ?1 order by email", editionId), a -> a.name);
        accounts.sort(java.util.Comparator.comparing((Account a) -> a.role).thenComparing(a -> a.link)); // stable: names stay in order
        return accounts;
    }

    /** Whether this account may work on an edition's door or stands. */
    public boolean mayWork(Long edition) {
        return ORGANISER.equals(role) || editionId == null || editionId.equals(edition);
    }

    public static Account create(String email, String name, String password, String role) {
        Account account = new Account();
        account.email = email.strip().toLowerCase(java.util.Locale.ROOT);
        account.name = name;
        account.passwordHash = BcryptUtil.bcryptHash(password);
        account.role = role;
        account.persist();
        return account;
    }

    public static boolean hasOrganiser() {
        return count("role", ORGANISER) > 0;
    }
}
