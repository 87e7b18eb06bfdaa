package org.relais.venue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relais.venue.FloorLayout.Item;
import org.relais.venue.FloorLayout.Placed;
import org.relais.venue.FloorLayout.Rect;
import org.relais.venue.FloorLayout.Result;

class FloorLayoutTest {

    /** 40 stands of 3 × 2 m, from 20 institutions (two each), one in four needing power. */
    static List<Item> forty() {
        List<Item> items = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            long group = (i + 1) / 2 + (i % 7 == 0 ? 100 : 0);
            items.add(new Item(i, i, group, (int) group, 3, 2, i % 4 == 0));
        }
        return items;
    }

    static final List<Rect> OBSTACLES = List.of(new Rect(20, 9, 1, 1), new Rect(40, 9, 1, 1),   // pillars
            new Rect(29, 23.5, 2, 0.5).grown(2.0));                                              // an exit, 2 m clear

    @Test
    void fortyStandsFitInRowsClearOfObstaclesWithPowerByTheWalls() {
        Result r = FloorLayout.layout(60, 24, 2.0, OBSTACLES, forty());
        assertTrue(r.ok(), () -> r.refusal() + " " + r.refusalArgs());
        assertEquals(40, r.placed().size());
        List<FloorCheck.Footprint> prints = new ArrayList<>();
        for (Placed p : r.placed()) {
            prints.add(new FloorCheck.Footprint((int) p.id(), p.rect()));
            for (Rect o : OBSTACLES) {
                assertFalse(p.rect().overlaps(o), "stand " + p.id() + " on an obstacle or an exit's clear zone");
            }
        }
        assertEquals(List.of(), FloorCheck.check(60, 24, List.of(), prints), "no overlap, all inside");
        for (Placed p : r.placed()) {
            if (p.id() % 4 == 0) {
                assertTrue(p.byWall(), "stand " + p.id() + " needs power: by a wall");
            }
        }
        assertEquals(List.of(), r.powerAwayFromWall());
        // The two stands of an institution are side by side.
        Placed one = r.placed().stream().filter(p -> p.id() == 1).findFirst().orElseThrow();
        Placed two = r.placed().stream().filter(p -> p.id() == 2).findFirst().orElseThrow();
        assertEquals(one.rect().y(), two.rect().y(), 0.001);
        assertEquals(3.0, Math.abs(one.rect().x() - two.rect().x()), 0.001);
        // Aisles: between the top wall row (0-2 m) and the first inner row, 2 m.
        double firstInner = r.placed().stream().filter(p -> !p.byWall()).mapToDouble(p -> p.rect().y()).min().orElseThrow();
        assertTrue(firstInner >= 4.0 - 0.001, "an aisle of 2 m below the wall row: " + firstInner);
    }

    /**
     * The stands are shared out down the whole hall, not packed into its top: as many inner rows
     * as give each some four stands, of about the same length, each centred across the hall.
     */
    @Test
    void theStandsAreSpreadDownTheHallInRowsOfAboutTheSameLength() {
        Result r = FloorLayout.layout(60, 24, 2.0, OBSTACLES, forty());
        java.util.Map<Double, List<Placed>> inner = new java.util.TreeMap<>();
        for (Placed p : r.placed()) {
            if (!p.byWall()) {
                inner.computeIfAbsent(p.rect().y(), y -> new ArrayList<>()).add(p);
            }
        }
        // 30 stands without power, six inner rows (three back-to-back pairs between the wall rows): five each.
        assertEquals(List.of(5, 5, 5, 5, 5, 5), inner.values().stream().map(List::size).toList(), inner.keySet().toString());
        assertEquals(List.of(4.0, 6.0, 10.0, 12.0, 16.0, 18.0), List.copyOf(inner.keySet()));
        for (List<Placed> row : inner.values()) {
            double left = row.stream().mapToDouble(p -> p.rect().x()).min().orElseThrow();
            double right = row.stream().mapToDouble(p -> p.rect().right()).max().orElseThrow();
            assertEquals(30.0, (left + right) / 2, 1.0, "a row centred across the hall: " + left + "–" + right);
        }

        // Twelve stands without power: one pair of rows in the middle of the hall, about six each (an
        // institution's second stand stays with its first rather than start the next row).
        List<Item> twelve = forty().stream().filter(i -> !i.power()).limit(12).toList();
        Result few = FloorLayout.layout(60, 24, 2.0, OBSTACLES, twelve);
        assertEquals(List.of(10.0, 12.0), few.placed().stream().map(p -> p.rect().y()).distinct().sorted().toList());
        long upper = few.placed().stream().filter(p -> p.rect().y() == 10.0).count();
        assertTrue(upper >= 5 && upper <= 7, upper + " of 12 in the upper row");
        for (Item a : twelve) {
            for (Item b : twelve) {
                if (a.group() == b.group()) {
                    assertEquals(y(few, a.id()), y(few, b.id()), "the stands of institution " + a.group() + " in one row");
                }
            }
        }
    }

    private static double y(Result r, long id) {
        return r.placed().stream().filter(p -> p.id() == id).findFirst().orElseThrow().rect().y();
    }

    @Test
    void theSameInputGivesTheSamePlanQuickly() {
        Result first = FloorLayout.layout(60, 24, 2.0, OBSTACLES, forty());
        for (int i = 0; i < 50; i++) {
            assertEquals(first, FloorLayout.layout(60, 24, 2.0, OBSTACLES, forty()));
        }
    }

    @Test
    void whatDoesNotFitIsSaidInWords() {
        Result small = FloorLayout.layout(12, 8, 2.0, List.of(), forty());
        assertEquals("error_floor_missing", small.refusal());
        assertTrue((int) small.refusalArgs().get(0) > 0);
        Result huge = FloorLayout.layout(10, 8, 2.0, List.of(), List.of(new Item(1, 7, 1, 0, 12, 3, false)));
        assertEquals("error_floor_stand_too_large", huge.refusal());
        assertEquals(7, huge.refusalArgs().get(0));
        assertEquals("error_floor_aisle", FloorLayout.layout(60, 24, 1.0, List.of(), forty()).refusal());
    }

    @Test
    void checksSeeOverlapsStandsOutsideAndBlockedExits() {
        List<FloorCheck.Fixed> fixed = List.of(new FloorCheck.Fixed(ObstacleKind.EMERGENCY_EXIT, "Nord",
                new Rect(10, 0, 2, 0.3), 2.0));
        List<FloorCheck.Problem> problems = FloorCheck.check(20, 10, fixed, List.of(
                new FloorCheck.Footprint(1, new Rect(1, 1, 3, 2)), new FloorCheck.Footprint(2, new Rect(3, 2, 3, 2)),
                new FloorCheck.Footprint(3, new Rect(18, 9, 3, 2)), new FloorCheck.Footprint(4, new Rect(10, 1, 3, 2))));
        List<String> keys = problems.stream().map(FloorCheck.Problem::key).toList();
        assertTrue(keys.contains("floor_overlap") && keys.contains("floor_outside") && keys.contains("floor_blocks_exit"),
                keys.toString());
    }
}
