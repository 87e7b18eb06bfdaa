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

    private Collation() {
    }

    public static String sortKey(String name) {
        String key = HexFormat.of().formatHex(COLLATOR.get().getCollationKey(name == null ? "" : name.strip())
                .toByteArray());
        return key.length() > 2000 ? key.substring(0, 2000) : key;
    }
}
