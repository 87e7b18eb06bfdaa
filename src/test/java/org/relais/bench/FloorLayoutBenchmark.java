package org.relais.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.relais.venue.FloorLayout;

/**
 * Times the automatic floor plan layout: 40 stands of 3 × 2 m from 20 institutions, a quarter
 * needing power, in a 60 × 24 m hall with two pillars and an emergency exit, after a warm-up.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.relais.bench.FloorLayoutBenchmark</pre>
 */
public final class FloorLayoutBenchmark {

    private FloorLayoutBenchmark() {
    }

    public static void main(String[] args) {
        List<FloorLayout.Item> items = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            items.add(new FloorLayout.Item(i, i, (i + 1) / 2, (i + 1) / 2, 3, 2, i % 4 == 0));
        }
        List<FloorLayout.Rect> blocked = List.of(new FloorLayout.Rect(20, 9, 1, 1), new FloorLayout.Rect(40, 9, 1, 1),
                new FloorLayout.Rect(29, 23.5, 2, 0.5).grown(2.0));
        long cold = System.nanoTime();
        FloorLayout.Result first = FloorLayout.layout(60, 24, 2.0, blocked, items);
        double coldMs = (System.nanoTime() - cold) / 1e6;
        for (int i = 0; i < 2000; i++) {
            FloorLayout.layout(60, 24, 2.0, blocked, items);
        }
        double[] ms = new double[1000];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            FloorLayout.layout(60, 24, 2.0, blocked, items);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("floor layout, 40 stands: %s; first call (cold JVM) %.2f ms; warm: median %.3f ms, p99 %.3f ms,"
                + " max %.3f ms%n", first.ok() ? first.placed().size() + " placed" : "REFUSED " + first.refusal(), coldMs,
                ms[ms.length / 2], ms[(int) (ms.length * 0.99) - 1], ms[ms.length - 1]);
    }
}
