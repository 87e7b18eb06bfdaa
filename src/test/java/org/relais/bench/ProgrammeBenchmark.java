package org.relais.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Times the 2018 demo forum's printed programme ({@code programme.pdf}) on a running Relais, to the
 * last byte, in each variant: 10 warm-up requests, then 30 measured; prints median, p90 and worst,
 * and the PDF's size. The target (issue 6) is under 500 ms on a warm server.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.relais.bench.ProgrammeBenchmark \
 *   -Dexec.args="http://localhost:8080 organiser@relais.local relais-demo"</pre>
 */
public final class ProgrammeBenchmark {

    private ProgrammeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        RegistrationBenchmark api = new RegistrationBenchmark(args[0], args[1], args[2]);
        long edition = -1;
        for (JsonNode e : api.get("/api/v1/editions")) {
            if (e.path("number").asInt() == 14) {
                edition = e.path("id").asLong();
            }
        }
        if (edition < 0) {
            throw new IllegalStateException("No 14th forum: start Relais on a database with the demo data");
        }
        System.out.printf("Relais printed programme benchmark: %s, edition %d (the 2018 demo forum)%n", api.base, edition);
        for (String variant : List.of("lang=fr", "lang=both", "lang=fr&large=true", "lang=fr&imposed=true")) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(api.base + "/api/v1/editions/" + edition
                    + "/programme.pdf?" + variant)).header("Accept", "application/pdf").GET().build();
            List<Double> measured = new ArrayList<>();
            int size = 0;
            for (int round = 1; round <= 40; round++) {
                long start = System.nanoTime();
                HttpResponse<byte[]> response = api.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                double ms = (System.nanoTime() - start) / 1e6;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("programme.pdf?" + variant + " answered " + response.statusCode());
                }
                size = response.body().length;
                if (round == 1) {
                    System.out.printf("  %-22s first request %7.1f ms%n", variant, ms);
                }
                if (round > 10) {
                    measured.add(ms);
                }
            }
            Collections.sort(measured);
            System.out.printf("  %-22s warm: median %6.1f ms  p90 %6.1f ms  worst %6.1f ms  (%d requests)  PDF %,d bytes%n",
                    variant, measured.get(measured.size() / 2), measured.get(measured.size() * 9 / 10),
                    measured.get(measured.size() - 1), measured.size(), size);
        }
    }
}
