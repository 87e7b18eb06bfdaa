package org.relais.badge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BadgeCodeTest {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    @Test
    void everyAlteredCharacterIsRefused() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String code = BadgeCode.issue(BadgeCode.Kind.HOLDER, 14, pair.getPrivate());
        assertEquals(BadgeCode.LENGTH, code.length());
        assertTrue(code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0), "QR alphanumeric only: " + code);
        BadgeCode read = BadgeCode.verify(code, pair.getPublic()).orElseThrow();
        assertEquals(BadgeCode.Kind.HOLDER, read.kind());
        assertEquals(14, read.editionNumber());
        for (int i = 0; i < code.length(); i++) {
            for (char c : ALPHABET.toCharArray()) {
                if (c == code.charAt(i)) {
                    continue;
                }
                String altered = code.substring(0, i) + c + code.substring(i + 1);
                assertTrue(BadgeCode.verify(altered, pair.getPublic()).isEmpty(), "accepted " + altered);
            }
        }
    }

    @Test
    void typedVariantsReadTheSameAndKeysComeFromConfiguration() throws Exception {
        KeyPair generated = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair configured = SigningKeys.decode(Base64.getEncoder().encodeToString(generated.getPublic().getEncoded()),
                Base64.getEncoder().encodeToString(generated.getPrivate().getEncoded()));
        String code = BadgeCode.issue(BadgeCode.Kind.REGISTRATION, 900, configured.getPrivate());
        assertTrue(BadgeCode.verify(code, generated.getPublic()).isPresent());
        String typed = " " + code.toLowerCase().replace('0', 'o').replace('1', 'l') + "\n";
        assertEquals(code, BadgeCode.canonical(typed));
        assertTrue(BadgeCode.verify(typed, generated.getPublic()).isPresent());
        assertTrue(BadgeCode.verify("x".repeat(5000), generated.getPublic()).isEmpty());
        assertTrue(BadgeCode.verify(null, generated.getPublic()).isEmpty());
    }

    /**
     * Ed25519 is deterministic: Bouncy Castle, which signs codes, must give the very signature the
     * JDK gives, so that badges printed before it stay valid and anything following RFC 8032 (the
     * JDK here, WebCrypto on the door screen) accepts the new ones.
     */
    @Test
    void signaturesAreTheJdksOwn() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String code = BadgeCode.issue(BadgeCode.Kind.REGISTRATION, 14, pair.getPrivate());
        byte[] bytes = BadgeCode.decode(code);
        byte[] payload = java.util.Arrays.copyOfRange(bytes, 0, 10);
        byte[] signature = java.util.Arrays.copyOfRange(bytes, 10, bytes.length);
        java.security.Signature jdk = java.security.Signature.getInstance("Ed25519");
        jdk.initSign(pair.getPrivate());
        jdk.update(payload);
        assertTrue(java.util.Arrays.equals(jdk.sign(), signature), "Bouncy Castle and the JDK disagree");
        jdk.initVerify(pair.getPublic());
        jdk.update(payload);
        assertTrue(jdk.verify(signature));
    }
}
