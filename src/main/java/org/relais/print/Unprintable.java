package org.relais.print;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A thing a document prints (a badge, a session, a space, an institution) whose typed texts have letters the faces
 * cannot draw ({@link Face#missing}), which would print as empty boxes: its name, what else tells it apart (a badge's
 * organisation), or null, those letters, each once, and the page where it is corrected.
 */
public record Unprintable(String name, String detail, String missing, String href) {

    /**
     * Gathers them as things are checked, in the order met; one thing (its name at its page) once, its texts' letters
     * together. Things listed on one page (an edition's guests) are told apart by their names.
     */
    public static final class Found {
        private final Map<String, Unprintable> byThing = new LinkedHashMap<>();

        /** Checks the thing's texts (nulls skipped), corrected at {@code href}. */
        public Found check(String name, String href, String... texts) {
            StringBuilder all = new StringBuilder();
            for (String text : texts) {
                if (text != null) {
                    all.append(text).append(' ');
                }
            }
            String missing = Face.missing(all.toString());
            if (!missing.isEmpty()) {
                byThing.merge(href + " " + name, new Unprintable(name, null, missing, href), (before, more) -> new Unprintable(before.name(),
                        null, Face.missing(before.missing() + more.missing()), href));
            }
            return this;
        }

        public List<Unprintable> list() {
            return List.copyOf(byThing.values());
        }
    }
}
