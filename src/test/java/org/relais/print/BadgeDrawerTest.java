package org.relais.print;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relais.print.SheetLayout.Box;

/** Nothing a badge draws leaves the badge, however long the name, in every layout. */
class BadgeDrawerTest {

    /** Records the extent of everything drawn. */
    static final class Recorder implements Surface {
        final List<double[]> extents = new ArrayList<>();
        final List<Double> textSizes = new ArrayList<>();

        @Override
        public void fillRect(double x, double y, double width, double height, int rgb) {
            extents.add(new double[] {x, y, x + width, y + height});
        }

        @Override
        public void line(double x1, double y1, double x2, double y2, double lineWidth, int rgb) {
            extents.add(new double[] {Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2)});
        }

        @Override
        public void text(ShapedText text, double x, double y, double size, int rgb) {
            // DejaVu Sans: ascent 0.93 em, descent 0.24 em.
            extents.add(new double[] {x, y - 0.24 * size, x + text.widthAt(size), y + 0.93 * size});
            textSizes.add(size);
        }

        @Override
        public void qr(QrCode code, double x, double y, double side) {
            extents.add(new double[] {x, y, x + side, y + side});
        }
    }

    private static final String LONG_WORD = "Wolfeschlegelsteinhausenbergerdorffwelchevoralternwarengewissenhaft";

    @Test
    void nothingLeavesItsBadge() {
        List<Badge> badges = List.of(
                BadgePdfTest.badge("Jean", "Dupont", "CCAS"),
                BadgePdfTest.badge(LONG_WORD, LONG_WORD + LONG_WORD.substring(0, 30), LONG_WORD + " " + LONG_WORD),
                BadgePdfTest.badge("Marie Christine Bénédicte Alexandrine Éléonore", "de La Tour d’Auvergne Lauraguais "
                        + "de Montmorency-Laval", "x".repeat(200)),
                BadgePdfTest.badge("فاطمة الزهراء", "بن عبد الرحمن الحسيني القرشي الهاشمي", "جمعية " + "الثقافة ".repeat(20)),
                BadgePdfTest.badge("", "", ""),
                new Badge("A", "B", "C", "R".repeat(300), 0x123456, "T".repeat(300), "D".repeat(300),
                        BadgePdfTest.code(), "P".repeat(200), List.of("S".repeat(500), "x ".repeat(200), "y"))
        );
        try (var out = java.nio.file.Files.newOutputStream(
                java.nio.file.Files.createDirectories(BadgePdfTest.OUT).resolve("extremes.pdf"))) {
            BadgePdf.write(badges.iterator(), SheetLayout.byId("a4-8").orElseThrow(), true, "Extremes", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (SheetLayout layout : SheetLayout.all()) {
            for (Badge badge : badges) {
                for (int slot = 0; slot < layout.perSheet(); slot += Math.max(1, layout.perSheet() - 1)) {
                    Box box = layout.box(slot, false);
                    Recorder front = new Recorder();
                    BadgeDrawer.front(front, badge, box, layout.nameOrder());
                    assertInside(front, box, layout.id() + " front of " + badge.lastName());
                    Box backBox = layout.box(slot, true);
                    Recorder back = new Recorder();
                    BadgeDrawer.back(back, badge, backBox);
                    assertInside(back, backBox, layout.id() + " back of " + badge.lastName());
                }
            }
        }
    }

    /** On the back, a session shrunk to stay on one line is not smaller than another wrapped at full size. */
    @Test
    void theBacksSessionsShareOneSize() {
        Badge badge = new Badge("Léa", "Roux", "Asso", "RELAIS", 0x1f5fa8, "Forum", "2 février 2027", BadgePdfTest.code(),
                "Mon programme", List.of("11:00–12:00  Atelier radio : réaliser une interview · Atelier radio 1",
                        "13:30–14:30  Visite de la Maison de la Radio · Hall d'accueil", "15:00–16:00  Concert"));
        for (SheetLayout layout : SheetLayout.all()) {
            Recorder back = new Recorder();
            BadgeDrawer.back(back, badge, layout.box(0, true));
            List<Double> sessions = back.textSizes.subList(2, back.textSizes.size()); // after the name and the title
            assertTrue(sessions.size() >= 3, layout.id() + ": " + sessions);
            assertTrue(sessions.stream().distinct().count() == 1, layout.id() + ": sizes " + sessions);
        }
    }

    @Test
    void aShortNameIsLargeAndALongOneShrinksThenWraps() {
        SheetLayout layout = SheetLayout.byId("a4-8").orElseThrow();
        Recorder shortName = new Recorder();
        BadgeDrawer.front(shortName, BadgePdfTest.badge("Jean", "Dupont", "CCAS"), layout.box(0, false), layout.nameOrder());
        Recorder longName = new Recorder();
        BadgeDrawer.front(longName, BadgePdfTest.badge("Jean", "de La Tour d’Auvergne Lauraguais", "CCAS"),
                layout.box(0, false), layout.nameOrder());
        double largestShort = shortName.textSizes.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        assertTrue(largestShort >= 16, "a short name is drawn large: " + largestShort);
        assertTrue(longName.textSizes.size() > shortName.textSizes.size(), "a long last name takes two lines");
    }

    private static void assertInside(Recorder r, Box box, String what) {
        for (double[] e : r.extents) {
            assertTrue(box.contains(e[0], e[1]) && box.contains(e[2], e[3]),
                    () -> what + ": drawing at " + java.util.Arrays.toString(e) + " outside " + box);
        }
    }
}
