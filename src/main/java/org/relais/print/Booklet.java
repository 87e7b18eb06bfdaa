package org.relais.print;

import java.util.List;

/**
 * The printed programme's content in words ready to print, in one language or two: the
 * programme feature gathers it, {@link BookletPdf} lays it out.
 *
 * @param language the document's language (BCP 47: {@code fr}, {@code en})
 * @param secondLanguage the language of every {@link Words#second()} in a bilingual booklet, else null
 * @param colon what follows a fact's label, in each language ("\u00a0: " in French, ": " in English)
 */
public record Booklet(String language, String secondLanguage, String documentTitle, Cover cover, Words glanceTitle,
        List<GlanceDay> glance, Words sessionsTitle, List<SessionDay> days, Words noSession, Words planTitle,
        List<PlanPdf.Figure> plans, Words directoryTitle, List<Entry> directory, Words guestsTitle, List<Entry> guests,
        Words practicalTitle, List<Fact> practical, Words colon) {

    /** A text in the booklet's language and, in a bilingual booklet, the same in the second language. */
    public record Words(String first, String second) {
        public static Words of(String text) {
            return new Words(text == null ? "" : text, null);
        }

        public boolean bilingual() {
            return second != null && !second.equals(first);
        }

        /** The same words followed by {@code tail} in each language (a time, a part's number). */
        public Words then(String tail) {
            return new Words(first + tail, second == null ? null : second + tail);
        }

        /** Both languages in one text ("Plan / Floor plan"), or the one. */
        public String joined() {
            return bilingual() ? first + " / " + second : first;
        }
    }

    public record Cover(Words kicker, String title, String theme, Words host, Words dates, String venue, String address) {
    }

    /**
     * One day of the at-a-glance grid: spaces across (a space is {@code lanes} wide when sessions overlap in it), time
     * down in quarter hours from {@code from} to {@code to}, which its heading says (the end has no hour's row).
     */
    public record GlanceDay(Words date, java.time.LocalTime from, java.time.LocalTime to, List<GlanceColumn> columns,
            int rows, List<GlanceHour> hours, List<GlanceCell> cells) {
    }

    public record GlanceColumn(String name, int lanes) {
    }

    /** An hour label at a row (rows count from 0, in quarter hours). */
    public record GlanceHour(String label, int row) {
    }

    /** A session in the grid: its first row, how many rows it spans and its column (from 0, lanes counted). */
    public record GlanceCell(int row, int rowSpan, int column, String time, String title) {
    }

    public record SessionDay(Words date, List<SessionEntry> sessions) {
    }

    public record SessionEntry(String time, Words kind, String title, String description, List<Fact> facts) {
    }

    /** A labelled fact: "Lieu : Studio 104". */
    public record Fact(Words label, Words value) {
    }

    /** An institution or a guest: a name, facts, and a longer text (the offer for relays, a description). */
    public record Entry(String name, List<Fact> facts, String text) {
    }

    /** A floor plan, drawn as on the plan PDF, with the words a screen reader says instead. */
}
