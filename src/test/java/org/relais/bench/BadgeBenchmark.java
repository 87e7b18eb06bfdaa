package org.relais.bench;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.security.SecureRandom;
import java.util.Iterator;
import java.util.List;
import org.relais.print.Badge;
import org.relais.print.BadgePdf;
import org.relais.print.SheetLayout;

/**
 * Renders 1,000 and 10,000 badges A4 8-up with their QR codes, in-process after a warm-up, and
 * prints milliseconds per badge, total time, peak heap and PDF size. The badges are generated
 * (names in Latin with diacritics, Cyrillic, Greek and Arabic), not read from a database.
 * With {@code http}, registers that many relays on a running Relais instead and times the
 * edition's {@code badges.pdf} through the API, warm.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.relais.bench.BadgeBenchmark -Dexec.args="1000 10000"
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.relais.bench.BadgeBenchmark \
 *   -Dexec.args="http http://localhost:8080 organiser@relais.local relais-demo 1000"</pre>
 */
public final class BadgeBenchmark {

    private static final String[][] NAMES = {
        {"Émilie", "Lefèvre-Désormeaux"}, {"Jean", "Dupont"}, {"Maryam", "العلي"}, {"Дмитрий", "Достоевский"},
        {"Αλέξανδρος", "Παπαδόπουλος"}, {"François", "Nguyễn"}, {"Zoé", "Ba"}, {"محمد", "عبد الرحمن"},
        {"Łucja", "Żółkiewska"}, {"Søren", "Kierkegård"}, {"Marie-Christine", "de La Tour d’Auvergne"},
    };
    private static final String[] ORGANISATIONS = {
        "Centre social des Épinettes", "Secours populaire français", "جمعية الثقافة للجميع",
        "Association d’entraide des Batignolles", "Центр социальной помощи", "Emmaüs Solidarité",
    };

    private BadgeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("http")) {
            http(args[1], args[2], args[3], Integer.parseInt(args[4]));
            return;
        }
        int[] counts = args.length == 0 ? new int[] {1000, 10000}
                : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        SheetLayout layout = SheetLayout.byId("a4-8").orElseThrow();
        System.out.printf("Relais badge benchmark, in-process: layout %s, %d cores, max heap %d MB%n", layout.id(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        for (int i = 0; i < 5; i++) {
            render(2000, layout); // warm-up
        }
        for (int count : counts) {
            for (int round = 1; round <= 3; round++) {
                System.gc();
                resetPeaks();
                long start = System.nanoTime();
                long size = render(count, layout);
                double ms = (System.nanoTime() - start) / 1e6;
                System.out.printf("%,7d badges  round %d  %8.1f ms total  %.4f ms/badge  peak heap %4d MB  PDF %6.1f MB%n",
                        count, round, ms, ms / count, peakHeap() >> 20, size / 1048576.0);
            }
        }
    }

    private static void http(String base, String user, String password, int count) throws Exception {
        RegistrationBenchmark api = new RegistrationBenchmark(base, user, password);
        long edition = api.openEdition();
        System.out.printf("Relais badge benchmark, through HTTP: %s, edition %d, registering %d relays...%n", base, edition,
                count);
        String run = Long.toString(System.nanoTime(), 36);
        for (int i = 0; i < count; i++) {
            String[] name = NAMES[i % NAMES.length];
            api.send("POST", "/api/v1/editions/" + edition + "/registrations", java.util.Map.of("firstName", name[0],
                    "lastName", name[1] + " " + i, "email", "badge-" + run + "-" + i + "@example.org",
                    "organisation", ORGANISATIONS[i % ORGANISATIONS.length], "sector", "social-bond",
                    "role", "volunteer", "consent", true, "sessionIds", List.of()));
        }
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        api.base + "/api/v1/editions/" + edition + "/badges.pdf?layout=a4-8"))
                .header("Authorization", api.auth).header("Accept", "application/pdf").GET().build();
        List<Double> measured = new java.util.ArrayList<>();
        for (int round = 1; round <= 15; round++) {
            long start = System.nanoTime();
            var response = api.http.send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            double ms = (System.nanoTime() - start) / 1e6;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("badges.pdf answered " + response.statusCode());
            }
            System.out.printf("%s %2d  %,d badges  %7.1f ms to the last byte  %.4f ms/badge  PDF %.1f MB%n",
                    round <= 5 ? "warm-up" : "round  ", round, count, ms, ms / count, response.body().length / 1048576.0);
            if (round > 5) {
                measured.add(ms);
            }
        }
        java.util.Collections.sort(measured);
        System.out.printf("measured rounds: median %.1f ms, best %.1f ms, worst %.1f ms for %,d badges%n",
                measured.get(measured.size() / 2), measured.get(0), measured.get(measured.size() - 1), count);
    }

    private static long render(int count, SheetLayout layout) {
        CountingStream out = new CountingStream();
        BadgePdf.write(badges(count), layout, false, "Benchmark", out);
        return out.count;
    }

    static Iterator<Badge> badges(int count) {
        SecureRandom random = new SecureRandom();
        return new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                return i < count;
            }

            @Override
            public Badge next() {
                String[] name = NAMES[i % NAMES.length];
                String organisation = ORGANISATIONS[i % ORGANISATIONS.length];
                i++;
                return new Badge(name[0], name[1] + " " + i, organisation, "Relais", 0x1F5FA8,
                        "14e Forum Vivre ensemble", "mardi 5 mars 2019", code(random), null, List.of());
            }
        };
    }

    private static String code(SecureRandom random) {
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUV";
        char[] c = new char[117];
        c[0] = 'R';
        for (int i = 1; i < c.length; i++) {
            c[i] = alphabet.charAt(random.nextInt(32));
        }
        return new String(c);
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    /** The sum of each heap pool's peak: an upper bound of the heap in use at any moment. */
    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
