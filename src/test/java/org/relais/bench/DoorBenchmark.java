package org.relais.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The forum morning on a running Relais: registers N relays, then S stations scan every badge
 * (10% of them twice, in random order) through the check-in API, each station waiting for its
 * answer before its next scan. Prints scans per second, p50/p99 latency and checks the final
 * count; then times the door's search over the same registrations. Exits non-zero on any error
 * or a wrong count. With a pace (milliseconds), each station waits that long between its scans
 * (a person needs a second or more per badge); without one (0), stations scan flat out, which
 * measures the most the service takes. Between registering and scanning, it waits (20 s unless
 * told) for the registrations' confirmation e-mails to have gone.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.relais.bench.DoorBenchmark \
 *   -Dexec.args="http://localhost:8080 organiser@relais.local relais-demo 5000 20 0"</pre>
 */
public final class DoorBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] FIRST = {"Awa", "Émilie", "François", "Zoé", "Maryam", "Дмитрий", "Łucja", "Karim",
        "Inès", "Björn", "Ngozi", "Ayşe", "Jean", "Chloé", "Mamadou"};
    private static final String[] LAST = {"Diallo", "Lefèvre", "Nguyễn", "Ba", "العلي", "Смирнов", "Żółkiewska",
        "Benali", "Fontaine", "Åström", "Okonkwo", "Yılmaz", "Dupont", "Laurent", "Traoré"};
    private static final String[] ORGS = {"Centre social Belleville", "Secours populaire", "Emmaüs Solidarité",
        "Maison des Épinettes", "Croix-Rouge française", "Mission locale"};

    /** Relays of the warm-up edition, each scanned twice: enough for the JIT to have compiled the scan's path. */
    private static final int WARM_UP_RELAYS = 1000;

    private DoorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        String user = args.length > 1 ? args[1] : "organiser@relais.local";
        String password = args.length > 2 ? args[2] : "relais-demo";
        int relays = args.length > 3 ? Integer.parseInt(args[3]) : 5000;
        int stations = args.length > 4 ? Integer.parseInt(args[4]) : 20;
        int pace = args.length > 5 ? Integer.parseInt(args[5]) : 0;
        int settle = args.length > 6 ? Integer.parseInt(args[6]) : 20;
        RegistrationBenchmark api = new RegistrationBenchmark(base, user, password);
        long edition = api.openEdition();
        System.out.printf("Relais door benchmark: %s, edition %d, %d relays, %d stations, %s%n", base, edition, relays,
                stations, pace == 0 ? "flat out" : "each station scanning every " + pace + " ms");

        long start = System.nanoTime();
        List<String> codes = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        String run = Long.toString(System.nanoTime(), 36);
        ExecutorService registering = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            done.add(registering.submit(() -> {
                for (int i = next.getAndIncrement(); i < relays; i = next.getAndIncrement()) {
                    JsonNode r = api.send("POST", "/api/v1/editions/" + edition + "/registrations", Map.of(
                            "firstName", FIRST[i % FIRST.length], "lastName", LAST[(i / FIRST.length) % LAST.length] + " " + i,
                            "email", "door-" + run + "-" + i + "@example.org", "organisation", ORGS[i % ORGS.length],
                            "sector", "social-bond", "role", "volunteer", "consent", true, "sessionIds", List.of()));
                    codes.add(r.path("code").asText());
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        registering.shutdown();
        System.out.printf("registered %d relays in %.1f s%n", codes.size(), (System.nanoTime() - start) / 1e9);
        long warm = api.openEdition();
        List<String> warmScans = warmUp(api, warm);
        // The forum morning comes days after the registrations: by then their confirmation e-mails,
        // which the service renders and sends in the background (about 4 ms of CPU each), have gone.
        System.out.printf("waiting %d s for the %d confirmation e-mails to go%n", settle, relays + WARM_UP_RELAYS);
        Thread.sleep(settle * 1000L);

        // Every badge once, 10% a second time, in random order.
        List<String> scans = new ArrayList<>(codes);
        scans.addAll(codes.subList(0, relays / 10));
        Collections.shuffle(scans);
        boolean ok = true;
        for (String round : List.of("warm-up", "measured")) {
            boolean measured = round.equals("measured");
            List<String> these = measured ? scans : warmScans;
            Result result = scanAll(api, measured ? edition : warm, these, stations, pace);
            System.out.printf("%-8s %,d scans by %d stations: %.0f scans/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms,"
                            + " checked in %d, already %d, errors %d%n", round, these.size(), stations,
                    these.size() / result.seconds, result.percentile(50), result.percentile(99), result.percentile(100),
                    result.checkedIn.get(), result.already.get(), result.errors.get());
            if (round.equals("measured")) {
                int count = api.get("/api/v1/editions/" + edition + "/attendance").path("checkedIn").asInt();
                boolean exact = count == relays && result.checkedIn.get() == relays
                        && result.already.get() == relays / 10 && result.errors.get() == 0;
                System.out.printf("final count: %d checked in of %d registered: %s%n", count, relays,
                        exact ? "exact" : "WRONG");
                ok &= exact;
            }
        }

        // The door's search: 1,000 look-ups by name fragments, from 4 stations.
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String last = LAST[i % LAST.length];
            queries.add(i % 2 == 0 ? last.substring(0, Math.min(4, last.length())).toLowerCase()
                    : FIRST[i % FIRST.length].toLowerCase() + " " + (i * 7 % relays));
        }
        long[] latencies = new long[queries.size()];
        AtomicInteger q = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService searching = Executors.newFixedThreadPool(4);
        long searchStart = System.nanoTime();
        List<Future<?>> searches = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            searches.add(searching.submit(() -> {
                for (int i = q.getAndIncrement(); i < queries.size(); i = q.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = api.http.send(HttpRequest.newBuilder(URI.create(api.base + "/api/v1/editions/"
                                    + edition + "/checkins/search?q=" + URLEncoder.encode(queries.get(i), StandardCharsets.UTF_8)))
                            .header("Authorization", api.auth).GET().build(), HttpResponse.BodyHandlers.ofString());
                    latencies[i] = System.nanoTime() - t0;
                    if (r.statusCode() != 200) {
                        failures.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : searches) {
            f.get();
        }
        searching.shutdown();
        double searchSeconds = (System.nanoTime() - searchStart) / 1e9;
        Arrays.sort(latencies);
        System.out.printf("search   %,d look-ups over %,d registrations by 4 stations: %.0f/s, p50 %.1f ms, p99 %.1f ms,"
                        + " errors %d%n", queries.size(), relays, queries.size() / searchSeconds,
                latencies[latencies.length / 2] / 1e6, latencies[(int) Math.ceil(latencies.length * 0.99) - 1] / 1e6,
                failures.get());
        ok &= failures.get() == 0;
        System.exit(ok ? 0 : 1);
    }

    /** A first round on a separate small edition, so that the measured one runs on a warm server. */
    private static List<String> warmUp(RegistrationBenchmark api, long warm) throws Exception {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < WARM_UP_RELAYS; i++) {
            codes.add(api.send("POST", "/api/v1/editions/" + warm + "/registrations", Map.of("firstName", "Warm",
                    "lastName", "Up " + i, "email", "warm-" + System.nanoTime() + "@example.org", "organisation", "Bench",
                    "sector", "social-bond", "role", "volunteer", "consent", true, "sessionIds", List.of()))
                    .path("code").asText());
        }
        List<String> scans = new ArrayList<>(codes);
        scans.addAll(codes);
        return scans;
    }

    private static final class Result {
        final AtomicInteger checkedIn = new AtomicInteger();
        final AtomicInteger already = new AtomicInteger();
        final AtomicInteger errors = new AtomicInteger();
        long[] latencies;
        double seconds;

        double percentile(int p) {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            int index = p >= 100 ? sorted.length - 1 : (int) Math.ceil(sorted.length * p / 100.0) - 1;
            return sorted[Math.max(0, index)] / 1e6;
        }
    }

    /**
     * Each station is a chain on the load generator's one thread: it sends its next scan when the
     * answer to the last one has come (and, with a pace, once its time is due).
     */
    private static Result scanAll(RegistrationBenchmark api, long edition, List<String> scans, int stations, int pace)
            throws Exception {
        Result result = new Result();
        result.latencies = new long[scans.size()];
        ConcurrentLinkedQueue<Integer> queue = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < scans.size(); i++) {
            queue.add(i);
        }
        java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(stations);
        java.util.Random jitter = new java.util.Random();
        try (Load load = new Load(api.base, api.auth, stations)) {
            long start = System.nanoTime();
            for (int s = 0; s < stations; s++) {
                String station = "Station " + (s + 1);
                load.later(pace > 0 ? jitter.nextInt(pace) : 0, // stations do not start in step
                        () -> scanNext(load, edition, scans, queue, station, pace, result, finished));
            }
            finished.await();
            result.seconds = (System.nanoTime() - start) / 1e9;
        }
        return result;
    }

    private static void scanNext(Load load, long edition, List<String> scans, ConcurrentLinkedQueue<Integer> queue,
            String station, int pace, Result result, java.util.concurrent.CountDownLatch finished) {
        Integer i = queue.poll();
        if (i == null) {
            finished.countDown();
            return;
        }
        long due = System.nanoTime() + pace * 1_000_000L;
        String body;
        try {
            body = JSON.writeValueAsString(Map.of("code", scans.get(i), "station", station));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        load.send("POST", "/api/v1/editions/" + edition + "/checkins", body, true).whenComplete((answer, failure) -> {
            String status = "";
            if (answer != null) {
                result.latencies[i] = answer.nanos();
                try {
                    status = answer.status() == 200 ? JSON.readTree(answer.body()).path("status").asText() : "";
                } catch (Exception unreadable) {
                    status = "";
                }
            }
            if (status.equals("CHECKED_IN")) {
                result.checkedIn.incrementAndGet();
            } else if (status.equals("ALREADY_CHECKED_IN")) {
                result.already.incrementAndGet();
            } else {
                result.errors.incrementAndGet();
            }
            load.later((due - System.nanoTime()) / 1_000_000L,
                    () -> scanNext(load, edition, scans, queue, station, pace, result, finished));
        });
    }
}
