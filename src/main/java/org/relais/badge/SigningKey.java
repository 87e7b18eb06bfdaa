package org.relais.badge;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;

/** The key pair generated on first start when none is configured (X.509 and PKCS#8, base64). */
@Entity
@Table(name = "signing_key")
public class SigningKey extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String algorithm;
    @Column(name = "public_key")
    public String publicKey;
    @Column(name = "private_key")
    public String privateKey;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    public static Optional<SigningKey> first() {
        return find("order by id").firstResultOptional();
    }
}
