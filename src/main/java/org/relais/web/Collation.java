package org.relais.web;

import java.text.Collator;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Sort keys for names: French collation (accents and case second to letters: "Émile" sorts with
 * "Emile", before "Eric"), as hexadecimal text so any database orders them by plain comparison.
 */
public final class Collation {

    private static final ThreadLocal<Collator> COLLATOR = ThreadLocal.withInitial(() -> {
        Collator c = Collator.getInstance(Locale.FRENCH);
        c.setStrength(Collator.TERTIARY);
        c.setDecomposition(Collator.CANONICAL_DECOMPOSITION);
        return c;
    });

    /** Bumped whenever a search text is computed: searches built on older texts rebuild. */
    private static final java.util.concurrent.atomic.AtomicLong VERSION = new java.util.concurrent.atomic.AtomicLong();

    private Collation() {
    }

    public static long searchVersion() {
        return VERSION.get();
    }

    /**
     * Words in lower case without accents, joined by spaces: what the door's search compares,
     * the same way, with what is typed ("elise" finds "Élise").
     */
    public static String searchText(String... parts) {
        VERSION.incrementAndGet();
        StringBuilder b = new StringBuilder();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                b.append(' ').append(fold(part));
            }
        }
        String text = b.append(' ').toString();
        return text.length() > 600 ? text.substring(0, 600) : text;
    }

    /** Lower case, accents and other marks removed, punctuation as spaces. */
    public static String fold(String text) {
        String decomposed = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKD);
        StringBuilder b = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            b.append(Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : ' ');
        }
        return b.toString().replaceAll(" +", " ").strip();
    }

    /**
     * A copy of the list in the order of the names as a dictionary has them: accents aside, then case
     * ("École" with the E, not after "Zoo" as {@code order by lower(name)} puts it).
     */
    public static <T> java.util.List<T> byName(java.util.List<T> list, java.util.function.Function<T, String> name) {
        Collator c = COLLATOR.get();
        java.util.List<T> sorted = new java.util.ArrayList<>(list);
        sorted.sort(java.util.Comparator.comparing(t -> name.apply(t) == null ? "" : name.apply(t).strip(), c));
        return sorted;
    }

    public static String sortKey(String name) {
        String key = HexFormat.of().formatHex(COLLATOR.get().getCollationKey(name == null ? "" : name.strip())
                .toByteArray());
        return key.length() > 2000 ? key.substring(0, 2000) : key;
    }
}
