package org.relais;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Many relays at once on one small workshop: never a seat too many, waiting positions 1..N. */
@QuarkusTest
class RegistrationConcurrencyTest {

    @Test
    void sixtySimultaneousRegistrationsForEightSeats() throws Exception {
        long edition = Api.openEdition();
        long room = Api.space(edition, "Studio", "STUDIO", 40);
        long session = Api.session(edition, room, Api.forumDay(), "11:00", "12:00", 8);
        int relays = 60;
        ExecutorService pool = Executors.newFixedThreadPool(30);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < relays; i++) {
            String email = "rush-" + i + "-" + System.nanoTime() + "@example.org";
            calls.add(() -> given().contentType(ContentType.JSON).body(Api.relay("R", email, List.of(session)))
                    .post("/api/v1/editions/" + edition + "/registrations").statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(calls)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertEquals(relays, statuses.stream().filter(s -> s == 201).count(), statuses.toString());

        JsonPath all = Api.organiser().get("/api/v1/editions/" + edition + "/registrations").then().statusCode(200)
                .extract().jsonPath();
        List<String> seats = all.getList("sessions.flatten().status");
        assertEquals(8, seats.stream().filter("CONFIRMED"::equals).count());
        List<Integer> positions = new ArrayList<>(all.getList("sessions.flatten().findAll { it.status == 'WAITLISTED' }.waitlistPosition"));
        positions.sort(Integer::compare);
        List<Integer> expected = new ArrayList<>();
        for (int p = 1; p <= relays - 8; p++) {
            expected.add(p);
        }
        assertEquals(expected, positions);
    }
}
