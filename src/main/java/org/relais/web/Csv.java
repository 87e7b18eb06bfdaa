package org.relais.web;

import java.util.List;
import java.util.stream.Collectors;

/**
 * CSV that opens right in a spreadsheet: UTF-8 with a byte-order mark (accents), semicolons (a
 * French spreadsheet's separator), every field quoted, and nothing a spreadsheet would run.
 */
public final class Csv {

    private final StringBuilder text = new StringBuilder("\uFEFF");

    /** A line of fields; null is an empty field. */
    public Csv line(List<String> fields) {
        text.append(fields.stream().map(Csv::field).collect(Collectors.joining(";"))).append("\r\n");
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }

    static String field(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text; // a spreadsheet must not run what a relay typed
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
