package org.relais.venue;

import java.util.ArrayList;
import java.util.List;
import org.relais.venue.FloorLayout.Rect;

/** What is wrong with a hall's plan, in words: stands outside the hall, on each other, on an obstacle, or blocking a door or exit. */
public final class FloorCheck {

    private FloorCheck() {
    }

    /** A placed stand: its number and footprint. */
    public record Footprint(int number, Rect rect) {
    }

    /** Something fixed, with the clear zone it needs. */
    public record Fixed(ObstacleKind kind, String label, Rect rect, double clearance) {
    }

    /** One problem: a message key and its arguments, and the stand numbers it concerns. */
    public record Problem(String key, List<Object> args, List<Integer> stands) {
    }

    public static List<Problem> check(double hallWidth, double hallDepth, List<Fixed> fixed, List<Footprint> stands) {
        List<Problem> problems = new ArrayList<>();
        for (Footprint s : stands) {
            if (!s.rect().within(hallWidth, hallDepth)) {
                problems.add(new Problem("floor_outside", List.of(s.number()), List.of(s.number())));
            }
            for (Fixed f : fixed) {
                String name = f.label() == null || f.label().isBlank() ? "" : " (" + f.label() + ")";
                if (s.rect().overlaps(f.rect())) {
                    problems.add(new Problem("floor_on_obstacle", List.of(s.number(), name), List.of(s.number())));
                } else if (f.kind().isPassage() && f.clearance() > 0 && s.rect().overlaps(f.rect().grown(f.clearance()))) {
                    problems.add(new Problem(f.kind() == ObstacleKind.EMERGENCY_EXIT ? "floor_blocks_exit" : "floor_blocks_door",
                            List.of(s.number(), name, f.clearance()), List.of(s.number())));
                }
            }
        }
        for (int i = 0; i < stands.size(); i++) {
            for (int j = i + 1; j < stands.size(); j++) {
                if (stands.get(i).rect().overlaps(stands.get(j).rect())) {
                    int a = stands.get(i).number();
                    int b = stands.get(j).number();
                    problems.add(new Problem("floor_overlap", List.of(Math.min(a, b), Math.max(a, b)), List.of(a, b)));
                }
            }
        }
        return problems;
    }
}
