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

/** A person who signs in: an organiser, or door staff. Passwords are stored as bcrypt hashes. */
@Entity
@UserDefinition
public class Account extends PanacheEntityBase {

    public static final String ORGANISER = "organiser";
    public static final String DOOR = "door";

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
