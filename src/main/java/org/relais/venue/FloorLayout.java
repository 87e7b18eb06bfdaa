package org.relais.venue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Lays out a hall's stands in rows: one row against the top wall and one against the bottom wall
 * (where stands needing power go first), back-to-back pairs of rows in between, aisles of the
 * given width everywhere, obstacles and the clear zones of doors and exits left free. An
 * institution's stands are placed one after the other, so they stay together; stands are
 * numbered in walking order (rows in turn, each the other way from the last). Same input, same
 * plan; no randomness, no search.
 */
public final class FloorLayout {

    /** No aisle may be narrower: a wheelchair needs 1.4 m to pass and turn. */
    public static final double MIN_AISLE = 1.4;
    private static final double EPS = 1e-6;

    private FloorLayout() {
    }

    /** A rectangle in metres from the hall's top-left corner. */
    public record Rect(double x, double y, double width, double depth) {

        public double right() {
            return x + width;
        }

        public double bottom() {
            return y + depth;
        }

        /** Overlap with some area (touching edges do not count). */
        public boolean overlaps(Rect o) {
            return x < o.right() - EPS && o.x < right() - EPS && y < o.bottom() - EPS && o.y < bottom() - EPS;
        }

        public boolean within(double hallWidth, double hallDepth) {
            return x > -EPS && y > -EPS && right() < hallWidth + EPS && bottom() < hallDepth + EPS;
        }

        /** Grown by a margin on every side. */
        public Rect grown(double margin) {
            return new Rect(x - margin, y - margin, width + 2 * margin, depth + 2 * margin);
        }
    }

    /**
     * A stand to place. {@code group} keeps stands together (the institution) and groups go in
     * {@code rank} order (the institutions' names): not the stands' numbers, which the layout
     * itself changes, so that laying out a laid-out hall again changes nothing.
     */
    public record Item(long id, int number, long group, int rank, double width, double depth, boolean power) {
    }

    /** Where a stand goes, and its place in walking order (0 first). */
    public record Placed(long id, Rect rect, int walkingOrder, boolean byWall) {
    }

    /** A plan, or why there is none: a message key and its arguments. */
    public record Result(List<Placed> placed, String refusal, List<Object> refusalArgs, List<Integer> powerAwayFromWall) {

        public boolean ok() {
            return refusal == null;
        }
    }

    private record Row(double y, double depth, double x0, double x1, boolean wall, boolean backAtBottom) {
    }

    /** @param blocked obstacles, and doors and exits grown by their clear zone */
    public static Result layout(double hallWidth, double hallDepth, double aisle, List<Rect> blocked, List<Item> items) {
        if (aisle < MIN_AISLE - EPS) {
            return refuse("error_floor_aisle", MIN_AISLE, aisle);
        }
        if (items.isEmpty()) {
            return new Result(List.of(), null, List.of(), List.of());
        }
        for (Item item : items.stream().sorted(Comparator.comparingInt(Item::number)).toList()) {
            if (item.width() > hallWidth + EPS || item.depth() > hallDepth + EPS) {
                return refuse("error_floor_stand_too_large", item.number(), item.width(), item.depth(), hallWidth, hallDepth);
            }
        }
        double rowDepth = items.stream().mapToDouble(Item::depth).max().orElse(0);
        List<Row> rows = rows(hallWidth, hallDepth, aisle, rowDepth);

        // Power first, to the walls; then institution by institution, in rank order.
        List<Item> order = new ArrayList<>(items);
        order.sort(Comparator.comparing((Item i) -> !i.power()).thenComparingInt(Item::rank)
                .thenComparingLong(Item::group).thenComparingLong(Item::id));

        double[] cursor = new double[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            cursor[r] = rows.get(r).x0();
        }
        List<Integer> wallFirst = new ArrayList<>();
        List<Integer> innerFirst = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            (rows.get(r).wall() ? wallFirst : innerFirst).add(r);
        }
        List<Integer> forPower = new ArrayList<>(wallFirst);
        forPower.addAll(innerFirst);
        List<Integer> forOthers = new ArrayList<>(innerFirst);
        forOthers.addAll(wallFirst);

        List<Object[]> placed = new ArrayList<>(); // {item, rect, row}
        List<Item> left = new ArrayList<>();
        List<Integer> powerAway = new ArrayList<>();
        for (Item item : order) {
            boolean done = false;
            for (int r : item.power() ? forPower : forOthers) {
                Rect rect = fit(rows.get(r), cursor, r, item, blocked);
                if (rect != null) {
                    placed.add(new Object[] {item, rect, r});
                    if (item.power() && !rows.get(r).wall()) {
                        powerAway.add(item.number());
                    }
                    done = true;
                    break;
                }
            }
            if (!done) {
                left.add(item);
            }
        }
        if (!left.isEmpty()) {
            double missing = left.stream().mapToDouble(Item::width).sum();
            return refuse("error_floor_missing", left.size(), Math.ceil(missing * 10) / 10, aisle);
        }
        // Walking order: row by row, each row with stands the other way from the one before.
        List<Integer> used = placed.stream().map(p -> (int) p[2]).distinct().sorted().toList();
        placed.sort(Comparator.comparingInt((Object[] p) -> (int) p[2])
                .thenComparingDouble(p -> (used.indexOf((int) p[2]) % 2 == 0 ? 1 : -1) * ((Rect) p[1]).x()));
        List<Placed> out = new ArrayList<>();
        for (int i = 0; i < placed.size(); i++) {
            Object[] p = placed.get(i);
            out.add(new Placed(((Item) p[0]).id(), (Rect) p[1], i, rows.get((int) p[2]).wall()));
        }
        return new Result(out, null, List.of(), powerAway);
    }

    private static List<Row> rows(double width, double depth, double aisle, double rowDepth) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(0, rowDepth, 0, width, true, true));
        double bottomWall = depth - rowDepth;
        boolean hasBottom = bottomWall >= rowDepth + aisle - EPS;
        double limit = hasBottom ? bottomWall - aisle : depth;
        double y = rowDepth + aisle;
        double x0 = Math.min(aisle, width / 2);
        double x1 = Math.max(width - aisle, width / 2);
        while (y + 2 * rowDepth <= limit + EPS) {
            rows.add(new Row(y, rowDepth, x0, x1, false, true));
            rows.add(new Row(y + rowDepth, rowDepth, x0, x1, false, false));
            y += 2 * rowDepth + aisle;
        }
        if (y + rowDepth <= limit + EPS) {
            rows.add(new Row(y, rowDepth, x0, x1, false, false));
        }
        if (hasBottom) {
            rows.add(new Row(bottomWall, rowDepth, 0, width, true, false));
        }
        return rows;
    }

    /** The first place along a row, from its cursor, where the stand meets no obstacle; null if none is left. */
    private static Rect fit(Row row, double[] cursor, int r, Item item, List<Rect> blocked) {
        double y = row.backAtBottom() ? row.y() + row.depth() - item.depth() : row.y();
        double x = cursor[r];
        while (x + item.width() <= row.x1() + EPS) {
            Rect rect = new Rect(x, y, item.width(), item.depth());
            double jump = -1;
            for (Rect b : blocked) {
                if (rect.overlaps(b)) {
                    jump = Math.max(jump, b.right());
                }
            }
            if (jump < 0) {
                cursor[r] = rect.right();
                return rect;
            }
            x = Math.max(jump, x + 0.1);
        }
        return null;
    }

    private static Result refuse(String key, Object... args) {
        return new Result(List.of(), key, List.of(args), List.of());
    }
}
