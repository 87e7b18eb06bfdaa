package org.relais.print;

import java.text.Bidi;
import java.util.ArrayList;
import java.util.List;

/** Fits text in a width: the largest size up to a maximum, then two lines, then smaller still — never cut. */
final class TextFit {

    static final double LEADING = 1.18;

    record Line(ShapedText text, double size, boolean rightToLeft) {

        double width() {
            return text.widthAt(size);
        }
    }

    private TextFit() {
    }

    /**
     * @param minSize below this, one line wraps to two (if it has a space and {@code maxLines} allows)
     */
    static List<Line> fit(String raw, Face face, double width, double maxSize, double minSize, int maxLines) {
        ShapedText whole = Shaper.shape(raw, face);
        if (whole.isEmpty()) {
            return List.of();
        }
        boolean rtl = whole.shaped() && !new Bidi(whole.text(), Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT)
                .baseIsLeftToRight();
        double oneLine = Math.min(maxSize, sizeFor(whole, width));
        if (oneLine >= minSize || maxLines < 2) {
            return List.of(new Line(whole, oneLine, rtl));
        }
        String text = whole.text();
        List<Line> best = List.of(new Line(whole, oneLine, rtl));
        double bestSize = oneLine;
        // Break at a space (dropped) or after a hyphen (kept): "Marie-Christine" wraps as "Marie-" / "Christine".
        for (int i = 1; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '-') {
                continue;
            }
            ShapedText first = Shaper.shape(text.substring(0, c == '-' ? i + 1 : i), face);
            ShapedText second = Shaper.shape(text.substring(i + 1), face);
            if (first.isEmpty() || second.isEmpty()) {
                continue;
            }
            double size = Math.min(maxSize, Math.min(sizeFor(first, width), sizeFor(second, width)));
            // At the same size, the later break: the first line as full as it can be ("Centre national du
            // cinéma / et de l'image animée", not "Centre / national du cinéma et de l'image animée").
            if (size > bestSize || (size == bestSize && best.size() == 2)) {
                bestSize = size;
                best = List.of(new Line(first, size, rtl), new Line(second, size, rtl));
            }
        }
        return best;
    }

    /** The same lines at sizes multiplied by a factor. */
    static List<Line> scaled(List<Line> lines, double factor) {
        List<Line> out = new ArrayList<>(lines.size());
        for (Line l : lines) {
            out.add(new Line(l.text(), l.size() * factor, l.rightToLeft()));
        }
        return out;
    }

    static double height(List<Line> lines) {
        double h = 0;
        for (Line l : lines) {
            h += l.size() * LEADING;
        }
        return h;
    }

    private static double sizeFor(ShapedText text, double width) {
        return text.width() <= 0 ? Double.MAX_VALUE : width * 1000 / text.width();
    }
}
