package org.relais.print;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * Where badges go on a printed page, in millimetres. The layouts are data
 * ({@code print/badge-layouts.json}): a new label sheet is a new entry there.
 */
public record SheetLayout(String id, String name, double pageWidthMm, double pageHeightMm, double badgeWidthMm,
        double badgeHeightMm, int columns, int rows, double marginLeftMm, double marginTopMm, double gapXMm,
        double gapYMm, boolean cropMarks, NameOrder nameOrder) {

    /** First name above the last name, or before it on one line. */
    public enum NameOrder {
        STACKED, INLINE
    }

    public static final double POINTS_PER_MM = 72 / 25.4;

    private static final List<SheetLayout> ALL = load();

    public static List<SheetLayout> all() {
        return ALL;
    }

    public static Optional<SheetLayout> byId(String id) {
        return ALL.stream().filter(l -> l.id.equals(id)).findFirst();
    }

    public int perSheet() {
        return columns * rows;
    }

    public double pageWidth() {
        return pageWidthMm * POINTS_PER_MM;
    }

    public double pageHeight() {
        return pageHeightMm * POINTS_PER_MM;
    }

    /** The badge's box at a place on the sheet (0 is top left, row by row), seen from the front or the back. */
    public Box box(int slot, boolean back) {
        int column = slot % columns;
        int row = slot / columns;
        if (back) {
            // Printed on the back of a sheet flipped on its long edge: columns swap sides.
            column = columns - 1 - column;
        }
        double left = back ? pageWidthMm - marginLeftMm - columns * badgeWidthMm - (columns - 1) * gapXMm
                : marginLeftMm;
        double xMm = left + column * (badgeWidthMm + gapXMm);
        double topMm = marginTopMm + row * (badgeHeightMm + gapYMm);
        double yMm = pageHeightMm - topMm - badgeHeightMm;
        return new Box(xMm * POINTS_PER_MM, yMm * POINTS_PER_MM, badgeWidthMm * POINTS_PER_MM,
                badgeHeightMm * POINTS_PER_MM);
    }

    /** A rectangle in points, origin bottom left. */
    public record Box(double x, double y, double width, double height) {

        public boolean contains(double px, double py) {
            return px >= x - 0.01 && px <= x + width + 0.01 && py >= y - 0.01 && py <= y + height + 0.01;
        }
    }

    private static List<SheetLayout> load() {
        try (InputStream in = SheetLayout.class.getClassLoader().getResourceAsStream("print/badge-layouts.json")) {
            if (in == null) {
                throw new IllegalStateException("Missing print/badge-layouts.json");
            }
            List<SheetLayout> layouts = new ObjectMapper().readValue(in, new TypeReference<List<SheetLayout>>() { });
            for (SheetLayout l : layouts) {
                if (l.marginLeftMm + l.columns * l.badgeWidthMm + (l.columns - 1) * l.gapXMm > l.pageWidthMm + 0.01
                        || l.marginTopMm + l.rows * l.badgeHeightMm + (l.rows - 1) * l.gapYMm > l.pageHeightMm + 0.01) {
                    throw new IllegalStateException("Badge layout " + l.id + " does not fit its page");
                }
            }
            return List.copyOf(layouts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
