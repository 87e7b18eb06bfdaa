package org.relais.web;

/**
 * The invisible marks that set which way a text runs (U+202A–U+202E, U+2066–U+2069): they have their
 * use in a name of Arabic or Hebrew letters among Latin ones, but one left open runs on past its own
 * text. A first name typed or pasted with a right-to-left override at its start turned its surname
 * around with it ("tnopuD naeJ" on the relay's page), and the rest of a mail's greeting line.
 * Every text Relais takes, from a page's form or the API, has what it opened closed where it ends, so
 * that it reads as typed and its marks reach nothing after it; a text without them is left as it is.
 */
public final class DirectionMarks {

    /** Pop Directional Formatting: closes an embedding or an override. */
    private static final char PDF = '\u202C';
    /** Pop Directional Isolate: closes an isolate, and every embedding opened inside it. */
    private static final char PDI = '\u2069';

    private DirectionMarks() {
    }

    /**
     * The text with every embedding, override and isolate it opened and did not close closed at its
     * end, innermost first, as the Unicode bidirectional algorithm pairs them (UAX #9, X1–X7): a
     * closing mark that closes nothing of the text's own stays, and does nothing.
     */
    public static String closed(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder open = null; // the marks that would close what is open, innermost last
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u202A' && c <= '\u202E' && c != PDF) {
                open = push(open, PDF);
            } else if (c >= '\u2066' && c <= '\u2068') {
                open = push(open, PDI);
            } else if (c == PDF && open != null && open.length() > 0 && open.charAt(open.length() - 1) == PDF) {
                open.setLength(open.length() - 1); // inside an isolate, a PDF closes nothing outside it
            } else if (c == PDI && open != null) {
                int isolate = open.lastIndexOf(String.valueOf(PDI)); // the embeddings opened inside it close with it
                if (isolate >= 0) {
                    open.setLength(isolate);
                }
            }
        }
        return open == null || open.length() == 0 ? text : text + open.reverse();
    }

    private static StringBuilder push(StringBuilder open, char closing) {
        return (open == null ? new StringBuilder() : open).append(closing);
    }
}
