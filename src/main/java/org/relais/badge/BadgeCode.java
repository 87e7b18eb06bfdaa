package org.relais.badge;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a badge's QR code holds: the edition's number, whose badge it is (a relay's registration or
 * another holder's) as a random identifier, and an Ed25519 signature of both. Anyone with the
 * public key can tell a forged or altered code without a database; no database id, no personal
 * data. Written in 119 characters of Crockford's base 32 (digits and capitals, all in the QR
 * alphanumeric alphabet), so the symbol stays small and a scanner typing it cannot garble it.
 */
public record BadgeCode(Kind kind, int editionNumber, long holderKey) {

    /** A relay's registration or another badge holder. */
    public enum Kind {
        REGISTRATION, HOLDER
    }

    public static final int LENGTH = 119;
    private static final byte VERSION = 1;
    private static final int PAYLOAD = 10;
    private static final int SIGNATURE = 64;
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new code for a holder of an edition, with a fresh random key, signed. */
    public static String issue(Kind kind, int editionNumber, PrivateKey key) {
        long holderKey = RANDOM.nextLong() & 0xFFFF_FFFF_FFFFL;
        return new BadgeCode(kind, editionNumber, holderKey).sign(key);
    }

    String sign(PrivateKey key) {
        byte[] payload = payload();
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(payload);
            byte[] signature = signer.sign();
            return encode(ByteBuffer.allocate(PAYLOAD + SIGNATURE).put(payload).put(signature).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a badge code", e);
        }
    }

    /**
     * Reads a code as a scanner or a person typed it (case and the usual look-alikes forgiven);
     * empty when it is not a well-formed code carrying a good signature.
     */
    public static Optional<BadgeCode> verify(String typed, PublicKey key) {
        byte[] bytes = decode(typed);
        if (bytes == null || bytes.length != PAYLOAD + SIGNATURE || bytes[0] != VERSION) {
            return Optional.empty();
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(bytes, 0, PAYLOAD);
            if (!verifier.verify(Arrays.copyOfRange(bytes, PAYLOAD, PAYLOAD + SIGNATURE))) {
                return Optional.empty();
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        b.get();
        int kind = b.get();
        if (kind < 0 || kind >= Kind.values().length) {
            return Optional.empty();
        }
        int edition = Short.toUnsignedInt(b.getShort());
        long holder = ((long) Short.toUnsignedInt(b.getShort()) << 32) | Integer.toUnsignedLong(b.getInt());
        return Optional.of(new BadgeCode(Kind.values()[kind], edition, holder));
    }

    /** The code as stored and printed: typed variants (lower case, O for 0...) made canonical. */
    public static String canonical(String typed) {
        byte[] bytes = decode(typed);
        return bytes == null ? null : encode(bytes);
    }

    private byte[] payload() {
        if (editionNumber < 0 || editionNumber > 0xFFFF) {
            throw new IllegalArgumentException("Edition number out of range: " + editionNumber);
        }
        return ByteBuffer.allocate(PAYLOAD).put(VERSION).put((byte) kind.ordinal()).putShort((short) editionNumber)
                .putShort((short) (holderKey >>> 32)).putInt((int) holderKey).array();
    }

    static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte value : bytes) {
            buffer = (buffer << 8) | (value & 0xFF);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt((buffer >>> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    /** Null unless the text is exactly a code's length in the alphabet (spaces and dashes ignored). */
    static byte[] decode(String typed) {
        if (typed == null || typed.length() > 400) {
            return null;
        }
        String text = typed.strip().toUpperCase(Locale.ROOT).replace("-", "").replace(" ", "")
                .replace('O', '0').replace('I', '1').replace('L', '1');
        if (text.length() != LENGTH) {
            return null;
        }
        byte[] out = new byte[PAYLOAD + SIGNATURE];
        int buffer = 0;
        int bits = 0;
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            int v = ALPHABET.indexOf(text.charAt(i));
            if (v < 0) {
                return null;
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                if (n == out.length) {
                    return null;
                }
                out[n++] = (byte) (buffer >>> (bits - 8));
                bits -= 8;
            }
        }
        // The last character's spare bits must be zero: one code, one spelling.
        return n == out.length && (buffer & ((1 << bits) - 1)) == 0 ? out : null;
    }
}
