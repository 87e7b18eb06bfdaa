package org.relais.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Fires N simultaneous registrations at one workshop of S seats on a running Relais and prints what
 * happened: confirmed count, waiting-list check, registrations per second, latency percentiles.
 * Rounds of the same size warm the server up (3 unless told), each printed; the last is the one measured,
 * after a quiet spell of the seconds told (none unless told), the load generator staying warm meanwhile.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.relais.bench.RegistrationBenchmark \
 *   -Dexec.args="http://localhost:8080 organiser@relais.local relais-demo 300 25 20"</pre>
 */
public final class RegistrationBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    final String base;
    final String auth;

    RegistrationBenchmark(String base, String user, String password) {
        this.base = base.replaceAll("/+$", "");
        this.auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The burst's client: one connection per relay, kept open from round to round. */
    private Load load;

    /** Each warm-up round's registrations per second and p99 in milliseconds, in order. */
    private final List<double[]> warmUpFigures = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        String user = args.length > 1 ? args[1] : "organiser@relais.local";
        String password = args.length > 2 ? args[2] : "relais-demo";
        int relays = args.length > 3 ? Integer.parseInt(args[3]) : 300;
        int seats = args.length > 4 ? Integer.parseInt(args[4]) : 25;
        int warmUps = args.length > 5 ? Integer.parseInt(args[5]) : 3;
        int quietSeconds = args.length > 6 ? Integer.parseInt(args[6]) : 0;
        RegistrationBenchmark bench = new RegistrationBenchmark(base, user, password);
        System.out.printf("Relais registration benchmark: %d simultaneous registrations, one workshop of %d seats, %s%n",
                relays, seats, base);
        boolean ok = true;
        bench.load = new Load(bench.base, bench.auth, relays);
        for (int i = 1; i <= warmUps; i++) {
            ok &= bench.round("warm-up " + i, relays, seats);
        }
        bench.printWarmUpMedians();
        if (quietSeconds > 0) {
            // Registration opening on a service that has been running: the burst comes after a quiet spell.
            System.out.printf("quiet for %d s%n", quietSeconds);
            Thread.sleep(quietSeconds * 1000L);
        }
        ok &= bench.round("measured", relays, seats);
        System.exit(ok ? 0 : 1);
    }

    private boolean round(String name, int relays, int seats) throws Exception {
        long edition = openEdition();
        long workshop = workshop(edition, seats);
        List<String> bodies = new ArrayList<>();
        String run = Long.toString(System.nanoTime(), 36);
        for (int i = 0; i < relays; i++) {
            bodies.add(JSON.writeValueAsString(java.util.Map.of("firstName", "Relais", "lastName", "N" + i,
                    "email", email(run, i), "organisation", "Banc d'essai",
                    "sector", "social-bond", "role", "volunteer", "consent", true, "sessionIds", List.of(workshop))));
        }
        long[] latencies = new long[relays];
        int[] statuses = new int[relays];
        String[] failures = new String[relays];
        List<CompletableFuture<Void>> all = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < relays; i++) {
            int n = i;
            all.add(load.send("POST", "/api/v1/editions/" + edition + "/registrations", bodies.get(i), false)
                    .handle((answer, failure) -> {
                        if (failure != null) {
                            failures[n] = failure.getMessage();
                            latencies[n] = Long.MAX_VALUE;
                            statuses[n] = -1;
                        } else {
                            latencies[n] = answer.nanos();
                            statuses[n] = answer.status();
                        }
                        return null;
                    }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        double seconds = (System.nanoTime() - start) / 1e9;

        JsonNode list = get("/api/v1/editions/" + edition + "/registrations");
        int confirmed = 0;
        List<Integer> positions = new ArrayList<>();
        for (JsonNode r : list) {
            for (JsonNode s : r.path("sessions")) {
                if ("CONFIRMED".equals(s.path("status").asText())) {
                    confirmed++;
                } else {
                    positions.add(s.path("waitlistPosition").asInt());
                }
            }
        }
        java.util.Set<String> listed = new java.util.HashSet<>();
        list.forEach(r -> listed.add(r.path("email").asText()));
        for (int i = 0; i < relays; i++) {
            if (failures[i] != null) {
                System.out.printf("relay %d: %s; the service %s registered them%n", i, failures[i],
                        listed.contains(email(run, i)) ? "has" : "has not");
            }
        }
        Collections.sort(positions);
        boolean positionsOk = positions.size() == relays - seats;
        for (int p = 0; positionsOk && p < positions.size(); p++) {
            positionsOk = positions.get(p) == p + 1;
        }
        long created = java.util.Arrays.stream(statuses).filter(s -> s == 201).count();
        long[] sorted = latencies.clone();
        java.util.Arrays.sort(sorted);
        System.out.printf("%-10s created %d/%d, confirmed %d (expected exactly %d), waiting list %s (%d positions), "
                        + "%.0f registrations/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                name, created, relays, confirmed, seats, positionsOk ? "1..N without gaps" : "WRONG", positions.size(),
                relays / seconds, sorted[relays / 2] / 1e6, sorted[(int) Math.ceil(relays * 0.99) - 1] / 1e6,
                sorted[relays - 1] / 1e6);
        if (name.startsWith("warm-up")) {
            warmUpFigures.add(new double[] {relays / seconds, sorted[(int) Math.ceil(relays * 0.99) - 1] / 1e6});
        }
        return created == relays && confirmed == seats && positionsOk;
    }

    /**
     * The warm-up rounds by stretches (1, 2–10, 11–20, 21–40, 41–60, 61–100, then by hundreds): the
     * median rate and the median p99 with its range, the figures docs/performance.md quotes. One round
     * swings by a third from the next on two cores; the median of a stretch says where the server is.
     */
    private void printWarmUpMedians() {
        List<Integer> starts = new ArrayList<>(List.of(1, 2, 11, 21, 41, 61, 101));
        while (starts.get(starts.size() - 1) <= warmUpFigures.size()) {
            starts.add(starts.get(starts.size() - 1) + 100);
        }
        for (int i = 0; starts.get(i) <= warmUpFigures.size(); i++) {
            int from = starts.get(i);
            int to = Math.min(starts.get(i + 1) - 1, warmUpFigures.size());
            List<double[]> stretch = warmUpFigures.subList(from - 1, to);
            double[] p99 = stretch.stream().mapToDouble(f -> f[1]).sorted().toArray();
            System.out.printf("warm-up rounds %d-%d: median %.0f registrations/s, median p99 %.1f ms (%.1f-%.1f ms)%n",
                    from, to, median(stretch.stream().mapToDouble(f -> f[0]).sorted().toArray()), median(p99), p99[0],
                    p99[p99.length - 1]);
        }
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The e-mail of a round's relay: the same when it registers and when the list is checked. */
    private static String email(String run, int relay) {
        return "bench-" + run + "-" + relay + "@example.org";
    }

    /** A new open edition; its number is drawn at random, and drawn again if an earlier run took it. */
    long openEdition() throws Exception {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
        for (int attempt = 1; ; attempt++) {
            int number = 100 + ThreadLocalRandom.current().nextInt(9_900); // numbers go up to 9999
            HttpResponse<String> r = request("POST", "/api/v1/editions", java.util.Map.of("number", number,
                    "title", "Banc d'essai " + number, "registrationOpensOn", today.minusDays(1).toString(),
                    "days", List.of(java.util.Map.of("date", today.plusDays(60).toString(), "opensAt", "10:00",
                            "closesAt", "16:00"))));
            if (r.statusCode() == 409 && attempt < 50) {
                continue; // that number is taken
            }
            long id = check("POST", "/api/v1/editions", r).path("id").asLong();
            send("POST", "/api/v1/editions/" + id + "/status", java.util.Map.of("status", "REGISTRATION_OPEN"));
            return id;
        }
    }

    private long workshop(long edition, int seats) throws Exception {
        JsonNode day = get("/api/v1/editions/" + edition).path("days").get(0);
        return send("POST", "/api/v1/editions/" + edition + "/sessions", java.util.Map.of("kind", "WORKSHOP",
                "title", "Atelier radio", "day", day.path("date").asText(), "startsAt", "11:00", "endsAt", "12:00",
                "seats", seats)).path("id").asLong();
    }

    JsonNode get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }

    JsonNode send(String method, String path, Object body) throws Exception {
        return check(method, path, request(method, path, body));
    }

    private HttpResponse<String> request(String method, String path, Object body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode check(String method, String path, HttpResponse<String> r) throws Exception {
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }
}
