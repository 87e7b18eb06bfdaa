package org.relais.venue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Lays out a hall's stands in rows: one row against the top wall and one against the bottom wall
 * (where stands needing power go first), back-to-back pairs of rows in between, aisles of the
 * given width everywhere, obstacles and the clear zones of doors and exits left free. The pairs
 * used are spread down the hall and share the stands out in rows of about the same length, each
 * centred across it. An institution's stands are placed one after the other, so they stay
 * together; stands are numbered in walking order (rows in turn, each the other way from the
 * last). Same input, same plan; no randomness, no search.
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

        Plan packed = place(rows, order, blocked, null, 0);
        if (!packed.left().isEmpty()) {
            double missing = packed.left().stream().mapToDouble(Item::width).sum();
            return refuse("error_floor_missing", packed.left().size(), Math.ceil(missing * 10) / 10, aisle);
        }
        Plan plan = spread(rows, order, blocked, packed);
        List<Stand> placed = new ArrayList<>(plan.stands());
        // Walking order: row by row, each row with stands the other way from the one before.
        List<Integer> used = placed.stream().map(Stand::row).distinct().sorted().toList();
        placed.sort(Comparator.comparingInt(Stand::row)
                .thenComparingDouble(p -> (used.indexOf(p.row()) % 2 == 0 ? 1 : -1) * p.rect().x()));
        List<Placed> out = new ArrayList<>();
        for (int i = 0; i < placed.size(); i++) {
            Stand p = placed.get(i);
            out.add(new Placed(p.item().id(), p.rect(), i, rows.get(p.row()).wall()));
        }
        List<Integer> powerAway = placed.stream().filter(p -> p.item().power() && !rows.get(p.row()).wall())
                .map(p -> p.item().number()).sorted().toList();
        return new Result(out, null, List.of(), powerAway);
    }

    private record Stand(Item item, Rect rect, int row) {
    }

    private record Plan(List<Stand> stands, List<Item> left) {
    }

    /**
     * Each stand in the first row along its list that still has room: power to the walls first, the
     * others to the inner rows first. With {@code inner}, the others go to those rows only, in turn,
     * each taking about {@code share} metres of stands (an institution's next stand stays with the
     * one before); then to the walls.
     */
    private static Plan place(List<Row> rows, List<Item> order, List<Rect> blocked, List<Integer> inner, double share) {
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
        forPower.addAll(inner == null ? innerFirst : inner);
        List<Integer> forOthers = new ArrayList<>(innerFirst);
        forOthers.addAll(wallFirst);

        List<Stand> placed = new ArrayList<>();
        List<Item> left = new ArrayList<>();
        int turn = 0;            // with inner rows given: the one being filled
        double filled = 0;       // and the metres of stands in them so far
        Stand last = null;
        for (Item item : order) {
            Stand stand = null;
            if (item.power() || inner == null) {
                for (int r : item.power() ? forPower : forOthers) {
                    Rect rect = fit(rows.get(r), cursor, r, item, blocked);
                    if (rect != null) {
                        stand = new Stand(item, rect, r);
                        break;
                    }
                }
            } else {
                for (; turn < inner.size() && stand == null; turn++) {
                    int r = inner.get(turn);
                    boolean withItsInstitution = last != null && last.row() == r && last.item().group() == item.group();
                    boolean inShare = filled + item.width() <= (turn + 1) * share + item.width() / 2 + EPS;
                    Rect rect = inShare || withItsInstitution ? fit(rows.get(r), cursor, r, item, blocked) : null;
                    if (rect != null) {
                        stand = new Stand(item, rect, r);
                        filled += item.width();
                        break;
                    }
                }
                for (int r : wallFirst) {
                    Rect rect = stand == null ? fit(rows.get(r), cursor, r, item, blocked) : null;
                    if (rect != null) {
                        stand = new Stand(item, rect, r);
                    }
                }
            }
            if (stand == null) {
                left.add(item);
            } else {
                placed.add(stand);
                last = stand;
            }
        }
        return new Plan(placed, left);
    }

    /**
     * The packed plan fills the inner rows from the top, each to its end, and leaves the rest of the
     * hall empty. This one shares the same stands out over pairs of rows spread down the hall (as many
     * pairs as give each row some four stands or more, no fewer than the packed plan needs), in rows of about the
     * same length, each centred across the hall. Kept only if it places every stand, and no more of
     * them away from the inner rows than the packed plan; otherwise the packed plan stands.
     */
    private static Plan spread(List<Row> rows, List<Item> order, List<Rect> blocked, Plan packed) {
        List<List<Integer>> units = new ArrayList<>(); // inner rows: back-to-back pairs, or one alone
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            if (row.wall()) {
                continue;
            }
            boolean paired = row.backAtBottom() && r + 1 < rows.size() && !rows.get(r + 1).wall()
                    && !rows.get(r + 1).backAtBottom();
            units.add(paired ? List.of(r, r + 1) : List.of(r));
            r += paired ? 1 : 0;
        }
        List<Stand> innerStands = packed.stands().stream().filter(p -> !rows.get(p.row()).wall()).toList();
        long packedRows = innerStands.stream().map(Stand::row).distinct().count();
        int innerRows = units.stream().mapToInt(List::size).sum();
        double demand = innerStands.stream().mapToDouble(p -> p.item().width()).sum();
        if (demand <= EPS || innerRows < 2) {
            return packed;
        }
        double widest = order.stream().mapToDouble(Item::width).max().orElse(1);
        int wanted = (int) Math.min(innerRows, Math.floor(demand / (4 * widest)));
        int pairsWanted = (int) Math.max(1, Math.max((packedRows + 1) / 2, wanted / 2));
        List<Integer> inner = new ArrayList<>();
        for (int i = 0; i < Math.min(pairsWanted, units.size()); i++) {
            inner.addAll(units.get((int) Math.floor((i + 0.5) * units.size() / Math.min(pairsWanted, units.size()))));
        }
        Plan spread = place(rows, order, blocked, inner, demand / inner.size());
        long awayBefore = packed.stands().stream().filter(p -> !p.item().power() && rows.get(p.row()).wall()).count();
        long awayNow = spread.stands().stream().filter(p -> !p.item().power() && rows.get(p.row()).wall()).count();
        if (!spread.left().isEmpty() || awayNow > awayBefore) {
            return packed;
        }
        return new Plan(centred(rows, inner, spread.stands(), blocked), List.of());
    }

    /** Each of these rows moved across to the middle of the hall, where its obstacles allow. */
    private static List<Stand> centred(List<Row> rows, List<Integer> inner, List<Stand> stands, List<Rect> blocked) {
        List<Stand> out = new ArrayList<>(stands.stream().filter(p -> !inner.contains(p.row())).toList());
        for (int r : inner) {
            Row row = rows.get(r);
            List<Stand> along = stands.stream().filter(p -> p.row() == r).sorted(Comparator.comparingDouble(p -> p.rect().x()))
                    .toList();
            if (along.isEmpty()) {
                continue;
            }
            double span = along.get(along.size() - 1).rect().right() - along.get(0).rect().x();
            double[] cursor = new double[rows.size()];
            cursor[r] = row.x0() + Math.max(0, Math.floor((row.x1() - row.x0() - span) / 2 * 10) / 10);
            List<Stand> moved = new ArrayList<>();
            for (Stand p : along) {
                Rect rect = fit(row, cursor, r, p.item(), blocked);
                if (rect == null) {
                    moved = along;
                    break;
                }
                moved.add(new Stand(p.item(), rect, r));
            }
            out.addAll(moved);
        }
        return out;
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
