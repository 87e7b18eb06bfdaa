package org.relais;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * Registrations arriving together are admitted as a group: one relay refused in it (an e-mail
     * already used, the edition full) must not change anyone else's answer. Ten send the same
     * e-mail, in different cases, among thirty others, on an edition that takes 25 relays.
     */
    @Test
    void refusalsInsideASimultaneousGroupStayTheirOwn() throws Exception {
        long edition = Api.openEdition();
        Map<String, Object> settings = new HashMap<>(Map.of("number", Api.uniqueNumber(), "title", "Petit forum",
                "relayCapacity", 25, "days", List.of(Api.day(Api.forumDay()))));
        settings.put("registrationOpensOn", LocalDate.now().minusDays(1).toString());
        Api.organiser().body(settings).put("/api/v1/editions/" + edition).then().statusCode(200);
        long room = Api.space(edition, "Studio", "STUDIO", 40);
        long session = Api.session(edition, room, Api.forumDay(), "11:00", "12:00", 5);
        String shared = "meme-" + System.nanoTime() + "@example.org";
        List<Callable<JsonPath>> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String email = i % 4 == 0 ? (i % 8 == 0 ? shared : shared.toUpperCase()) : "group-" + i + "-" + System.nanoTime() + "@example.org";
            calls.add(() -> {
                var response = given().contentType(ContentType.JSON).body(Api.relay("R", email, List.of(session)))
                        .post("/api/v1/editions/" + edition + "/registrations");
                return new JsonPath("{\"status\": " + response.statusCode() + ", \"body\": " + response.asString() + "}");
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(40);
        List<JsonPath> answers = new ArrayList<>();
        for (Future<JsonPath> f : pool.invokeAll(calls)) {
            answers.add(f.get());
        }
        pool.shutdown();

        List<JsonPath> created = answers.stream().filter(a -> a.getInt("status") == 201).toList();
        List<JsonPath> refused = answers.stream().filter(a -> a.getInt("status") == 409).toList();
        assertEquals(25, created.size(), answers.toString());
        assertEquals(15, refused.size(), answers.toString());
        assertTrue(refused.stream().allMatch(a -> a.getString("body.detail") != null), refused.toString());
        // The shared e-mail holds one registration at most, whoever got in first.
        JsonPath all = Api.organiser().get("/api/v1/editions/" + edition + "/registrations").then().statusCode(200)
                .extract().jsonPath();
        List<String> emails = all.getList("email", String.class);
        assertEquals(25, emails.size());
        assertTrue(emails.stream().filter(e -> e.equalsIgnoreCase(shared)).count() <= 1, emails.toString());
        assertEquals(emails.size(), emails.stream().map(e -> e.toLowerCase(java.util.Locale.ROOT)).distinct().count());
        // What each relay was answered is what the list holds: 5 seats, then places 1..20.
        List<String> seats = created.stream().map(a -> a.getString("body.sessions[0].status")).toList();
        assertEquals(5, seats.stream().filter("CONFIRMED"::equals).count());
        List<Integer> positions = new ArrayList<>(created.stream().filter(a -> "WAITLISTED".equals(a.getString("body.sessions[0].status")))
                .map(a -> a.getInt("body.sessions[0].waitlistPosition")).toList());
        positions.sort(Integer::compare);
        List<Integer> expected = new ArrayList<>();
        for (int p = 1; p <= 20; p++) {
            expected.add(p);
        }
        assertEquals(expected, positions);
        for (JsonPath answer : created) {
            given().get("/api/v1/registrations/" + answer.getString("body.manageToken")).then().statusCode(200)
                    .body("sessions[0].status", org.hamcrest.Matchers.equalTo(answer.getString("body.sessions[0].status")));
        }
    }

    /**
     * Once the rush is in, relays cancel, change their sessions and register, all at once: the
     * seats freed go to the waiting lists in order, no seat is given twice, nobody waits while a
     * seat is free, and each list stays 1..N.
     */
    @Test
    void cancellationsChangesAndRegistrationsAtOnceKeepSeatsAndPositions() throws Exception {
        long edition = Api.openEdition();
        long room = Api.space(edition, "Studio", "STUDIO", 40);
        long morning = Api.session(edition, room, Api.forumDay(), "11:00", "12:00", 6);
        long afternoon = Api.session(edition, room, Api.forumDay(), "14:00", "15:00", 10);
        ExecutorService pool = Executors.newFixedThreadPool(24);
        List<Callable<String>> first = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            List<Long> choice = i % 2 == 0 ? List.of(morning) : List.of(morning, afternoon);
            String email = "mix-" + i + "-" + System.nanoTime() + "@example.org";
            first.add(() -> Api.register(edition, Api.relay("M", email, choice)).getString("manageToken"));
        }
        List<String> tokens = new ArrayList<>();
        for (Future<String> f : pool.invokeAll(first)) {
            tokens.add(f.get());
        }

        List<Callable<Integer>> mixed = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String token = tokens.get(i);
            mixed.add(switch (i % 3) {
                case 0 -> () -> given().delete("/api/v1/registrations/" + token).statusCode();
                case 1 -> () -> given().contentType(ContentType.JSON).body(Map.of("sessionIds", List.of(afternoon)))
                        .put("/api/v1/registrations/" + token + "/sessions").statusCode();
                default -> () -> given().contentType(ContentType.JSON).body(Map.of("sessionIds", List.of(morning, afternoon)))
                        .put("/api/v1/registrations/" + token + "/sessions").statusCode();
            });
        }
        for (int i = 0; i < 10; i++) {
            String email = "late-" + i + "-" + System.nanoTime() + "@example.org";
            mixed.add(() -> given().contentType(ContentType.JSON).body(Api.relay("L", email, List.of(morning, afternoon)))
                    .post("/api/v1/editions/" + edition + "/registrations").statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(mixed)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertEquals(List.of(), statuses.stream().filter(s -> s != 200 && s != 201 && s != 204).toList());

        JsonPath all = Api.organiser().get("/api/v1/editions/" + edition + "/registrations?status=CONFIRMED").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(30 - 8 + 10, all.getList("id").size());
        for (long session : List.of(morning, afternoon)) {
            int seats = session == morning ? 6 : 10;
            List<Map<String, Object>> choices = all.getList("sessions.flatten().findAll { it.sessionId == " + session + " }");
            long confirmed = choices.stream().filter(c -> "CONFIRMED".equals(c.get("status"))).count();
            List<Integer> positions = new ArrayList<>(choices.stream().filter(c -> "WAITLISTED".equals(c.get("status")))
                    .map(c -> (Integer) c.get("waitlistPosition")).toList());
            positions.sort(Integer::compare);
            assertEquals(Math.min(seats, choices.size()), confirmed, "session " + session + ": " + choices);
            List<Integer> expected = new ArrayList<>();
            for (int p = 1; p <= choices.size() - confirmed; p++) {
                expected.add(p);
            }
            assertEquals(expected, positions, "session " + session);
        }
    }

    /**
     * The same relay cancels in one tab and saves new sessions in another, at the same moment,
     * twenty relays at once: whichever comes second sees the first. A cancelled registration holds
     * no seat and waits on no list; the change that came second is refused (409), or the
     * cancellation came second and freed what the change had booked.
     */
    @Test
    void aCancellationAndAChangeOfTheSameRelayAtOnceLeaveNoSeatToTheCancelled() throws Exception {
        long edition = Api.openEdition();
        long room = Api.space(edition, "Studio", "STUDIO", 40);
        long morning = Api.session(edition, room, Api.forumDay(), "11:00", "12:00", 40);
        long afternoon = Api.session(edition, room, Api.forumDay(), "14:00", "15:00", 5);
        ExecutorService pool = Executors.newFixedThreadPool(40);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tokens.add(Api.register(edition, Api.relay("T", "tabs-" + i + "-" + System.nanoTime() + "@example.org",
                    List.of(morning))).getString("manageToken"));
        }
        List<Callable<Integer>> both = new ArrayList<>();
        for (String token : tokens) {
            both.add(() -> given().delete("/api/v1/registrations/" + token).statusCode());
            both.add(() -> given().contentType(ContentType.JSON).body(Map.of("sessionIds", List.of(morning, afternoon)))
                    .put("/api/v1/registrations/" + token + "/sessions").statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(both)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        for (int i = 0; i < statuses.size(); i += 2) {
            assertEquals(204, statuses.get(i), "the cancellation of relay " + i / 2 + ": " + statuses);
            assertTrue(statuses.get(i + 1) == 200 || statuses.get(i + 1) == 409, "the change of relay " + i / 2 + ": " + statuses);
        }

        for (String token : tokens) {
            given().get("/api/v1/registrations/" + token).then().statusCode(200)
                    .body("status", org.hamcrest.Matchers.equalTo("CANCELLED"))
                    .body("sessions", org.hamcrest.Matchers.empty());
        }
        JsonPath all = Api.organiser().get("/api/v1/editions/" + edition + "/registrations").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(), all.getList("sessions.flatten()"), "seats or places held by cancelled registrations");
    }

    /**
     * The organiser's list and a relay's own registration, read again and again while an organiser deletes the
     * sessions booked: every read answers. A session deleted between reading the bookings and reading their sessions
     * was a 500 ("Unable to find ProgrammeSession"); the sessions are now read in the bookings' own statement.
     */
    @Test
    void registrationsReadWhileTheirSessionsAreDeletedAlwaysAnswer() throws Exception {
        long edition = Api.openEdition();
        long room = Api.space(edition, "Studio", "STUDIO", 40);
        List<Long> sessions = new ArrayList<>();
        for (int hour = 9; hour < 17; hour++) {
            sessions.add(Api.session(edition, room, Api.forumDay(), String.format("%02d:00", hour), String.format("%02d:50", hour), 30));
        }
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            tokens.add(Api.register(edition, Api.relay("Lecture", "read-" + i + "-" + System.nanoTime() + "@example.org",
                    sessions)).getString("manageToken"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(5);
        java.util.concurrent.atomic.AtomicBoolean deleting = new java.util.concurrent.atomic.AtomicBoolean(true);
        List<Callable<List<Integer>>> readers = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
            int reader = r;
            readers.add(() -> {
                List<Integer> statuses = new ArrayList<>();
                while (deleting.get()) {
                    statuses.add(reader % 2 == 0
                            ? Api.organiser().get("/api/v1/editions/" + edition + "/registrations").statusCode()
                            : given().get("/api/v1/registrations/" + tokens.get(statuses.size() % tokens.size())).statusCode());
                }
                return statuses;
            });
        }
        List<Future<List<Integer>>> reads = new ArrayList<>();
        try {
            readers.forEach(reader -> reads.add(pool.submit(reader)));
            for (long session : sessions) {
                Api.organiser().delete("/api/v1/editions/" + edition + "/sessions/" + session).then().statusCode(204);
            }
            deleting.set(false);
            List<Integer> statuses = new ArrayList<>();
            for (Future<List<Integer>> f : reads) {
                statuses.addAll(f.get());
            }
            assertTrue(statuses.stream().allMatch(s -> s == 200), "every read answered: " + statuses);
        } finally {
            deleting.set(false);
            pool.shutdown();
        }
        Api.organiser().get("/api/v1/editions/" + edition + "/registrations").then().statusCode(200)
                .body("sessions.flatten()", org.hamcrest.Matchers.empty());
    }
}
