package org.relais.registration;

import java.security.SecureRandom;
import java.util.Base64;

/** The unguessable token of a relay's private manage link. */
final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    /** 256 random bits, URL-safe: the manage link. */
    static String manageToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
