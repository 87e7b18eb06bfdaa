package org.relais.badge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.relais.web.Main;

class SigningKeysTest {

    private static final String ONE_PAIR_OR_NONE = " Set both halves of the same pair, or neither (a pair is then made and kept"
            + " in the database).";

    @Test
    void aPairInTheSettingsIsBothHalvesOfOnePairOrTheStartIsRefused() throws Exception {
        KeyPair one = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Optional<String> onePublic = Optional.of(base64(one.getPublic().getEncoded()));
        Optional<String> onePrivate = Optional.of(base64(one.getPrivate().getEncoded()));

        SigningKeys.check(Optional.empty(), Optional.empty());
        SigningKeys.check(onePublic, onePrivate);
        SigningKeys.check(Optional.of(" " + onePublic.get() + "\n"), onePrivate);

        assertEquals("Relais did not start: relais.badge.public-key (environment RELAIS_BADGE_PUBLIC_KEY) is set but"
                + " relais.badge.private-key (environment RELAIS_BADGE_PRIVATE_KEY) is not. Set both halves of the same Ed25519"
                + " key pair, or neither (a pair is then made and kept in the database).",
                refusal(onePublic, Optional.empty()));
        assertEquals("Relais did not start: relais.badge.private-key (environment RELAIS_BADGE_PRIVATE_KEY) is set but"
                + " relais.badge.public-key (environment RELAIS_BADGE_PUBLIC_KEY) is not. Set both halves of the same Ed25519"
                + " key pair, or neither (a pair is then made and kept in the database).",
                refusal(Optional.empty(), onePrivate));
        assertEquals("Relais did not start: relais.badge.public-key (environment RELAIS_BADGE_PUBLIC_KEY) cannot be read as an"
                + " Ed25519 key in base64 (X.509 for the public key, PKCS#8 for the private one)." + ONE_PAIR_OR_NONE,
                refusal(Optional.of("not base64!"), onePrivate));
        assertEquals("Relais did not start: relais.badge.private-key (environment RELAIS_BADGE_PRIVATE_KEY) cannot be read as an"
                + " Ed25519 key in base64 (X.509 for the public key, PKCS#8 for the private one)." + ONE_PAIR_OR_NONE,
                refusal(onePublic, onePublic), "a public key given for the private one");
        assertEquals("Relais did not start: relais.badge.public-key and relais.badge.private-key (environment"
                + " RELAIS_BADGE_PUBLIC_KEY, RELAIS_BADGE_PRIVATE_KEY) are not the two halves of one key pair: the public key"
                + " does not recognise what the private key signs, so every badge would be read as forged at the door. Set both"
                + " from the same pair, or neither (a pair is then made and kept in the database).",
                refusal(onePublic, Optional.of(base64(other.getPrivate().getEncoded()))));
    }

    private static String refusal(Optional<String> publicBase64, Optional<String> privateBase64) {
        return assertThrows(Main.StartRefused.class, () -> SigningKeys.check(publicBase64, privateBase64)).getMessage();
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
