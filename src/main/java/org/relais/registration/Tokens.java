package org.relais.registration;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable tokens: the private manage link and the code a badge's QR code holds. */
final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] QR_ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray();

    private Tokens() {
    }

    /** 256 random bits, URL-safe: the manage link. */
    static String manageToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** 26 characters of the QR alphanumeric alphabet (about 134 random bits): small QR symbols. */
    static String code() {
        StringBuilder code = new StringBuilder(26);
        for (int i = 0; i < 26; i++) {
            code.append(QR_ALPHANUMERIC[RANDOM.nextInt(QR_ALPHANUMERIC.length)]);
        }
        return code.toString();
    }
}
