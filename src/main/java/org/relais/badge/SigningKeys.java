package org.relais.badge;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.relais.web.Main;

/**
 * The Ed25519 key pair that signs badge codes: from configuration when both halves are set,
 * otherwise the one stored in the database, generated on first use.
 */
@ApplicationScoped
public class SigningKeys {

    private static final String PUBLIC = "relais.badge.public-key";

    private static final String PRIVATE = "relais.badge.private-key";

    @ConfigProperty(name = PUBLIC)
    Optional<String> configuredPublic;

    @ConfigProperty(name = PRIVATE)
    Optional<String> configuredPrivate;

    @Inject
    KeyStore store;

    /** The pair as stored, and both halves as Bouncy Castle signs and checks with them. */
    private record Keys(KeyPair pair, Ed25519PrivateKeyParameters signing, Ed25519PublicKeyParameters verifying) {
        Keys(KeyPair pair) {
            this(pair, BadgeCode.signingKey(pair.getPrivate()), BadgeCode.verifyingKey(pair.getPublic()));
        }
    }

    private volatile Keys keys;

    public String issue(BadgeCode.Kind kind, int editionNumber) {
        return BadgeCode.issue(kind, editionNumber, keys().signing());
    }

    public PublicKey publicKey() {
        return keys().pair().getPublic();
    }

    /** The public key as X.509 in base64: what a door station needs to check codes by itself. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey().getEncoded());
    }

    public Optional<BadgeCode> verify(String typed) {
        return BadgeCode.verify(typed, keys().verifying());
    }

    private Keys keys() {
        Keys k = keys;
        if (k == null) {
            synchronized (this) {
                if (keys == null) {
                    keys = new Keys(configuredPublic.isPresent() && configuredPrivate.isPresent()
                            ? decode(configuredPublic.get(), configuredPrivate.get())
                            : store.loadOrCreate());
                }
                k = keys;
            }
        }
        return k;
    }

    /**
     * A pair set in the configuration is checked before anything is signed with it, and before the
     * demonstration makes its badges: both halves or neither, each readable, the one the other's.
     */
    void onStart(@Observes @Priority(5) StartupEvent event) {
        check(configuredPublic, configuredPrivate);
    }

    static void check(Optional<String> publicBase64, Optional<String> privateBase64) {
        if (publicBase64.isPresent() != privateBase64.isPresent()) {
            String given = publicBase64.isPresent() ? PUBLIC : PRIVATE;
            String missing = publicBase64.isPresent() ? PRIVATE : PUBLIC;
            throw Main.StartRefused.inWords("start_badge_keys_one_missing", given, Main.environmentName(given), missing,
                    Main.environmentName(missing));
        }
        if (publicBase64.isEmpty()) {
            return;
        }
        PublicKey pub;
        PrivateKey priv;
        try {
            pub = decodePublic(publicBase64.get());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw Main.StartRefused.inWords("start_badge_key_unreadable", PUBLIC, Main.environmentName(PUBLIC));
        }
        try {
            priv = decodePrivate(privateBase64.get());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw Main.StartRefused.inWords("start_badge_key_unreadable", PRIVATE, Main.environmentName(PRIVATE));
        }
        if (!halvesOfOnePair(pub, priv)) {
            throw Main.StartRefused.inWords("start_badge_keys_mismatch");
        }
    }

    /** Whether the public key recognises what the private key signs. */
    private static boolean halvesOfOnePair(PublicKey pub, PrivateKey priv) {
        try {
            byte[] probe = "relais".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(priv);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature checker = Signature.getInstance("Ed25519");
            checker.initVerify(pub);
            checker.update(probe);
            return checker.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static PublicKey decodePublic(String base64) throws GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64.strip())));
    }

    private static PrivateKey decodePrivate(String base64) throws GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64.strip())));
    }

    static KeyPair decode(String publicBase64, String privateBase64) {
        try {
            return new KeyPair(decodePublic(publicBase64), decodePrivate(privateBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("relais.badge.public-key / relais.badge.private-key are not an Ed25519 key pair"
                    + " (X.509 and PKCS#8, base64)", e);
        }
    }

    /** The database side, in its own transaction: a key made during a registration is kept even if that fails. */
    @ApplicationScoped
    public static class KeyStore {

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        KeyPair loadOrCreate() {
            Optional<SigningKey> stored = SigningKey.first();
            if (stored.isPresent()) {
                return decode(stored.get().publicKey, stored.get().privateKey);
            }
            try {
                KeyPair generated = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                SigningKey key = new SigningKey();
                key.algorithm = "Ed25519";
                key.publicKey = Base64.getEncoder().encodeToString(generated.getPublic().getEncoded());
                key.privateKey = Base64.getEncoder().encodeToString(generated.getPrivate().getEncoded());
                key.createdAt = OffsetDateTime.now();
                key.persist();
                return generated;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("This JDK cannot make Ed25519 keys", e);
            }
        }
    }
}
