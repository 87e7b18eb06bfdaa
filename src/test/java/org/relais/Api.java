package org.relais;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Shared steps for tests that drive Relais through its API: each test makes its own data. */
public final class Api {

    public static final String ORGANISER = "organiser@test.local";
    public static final String PASSWORD = "test-password";
    private static final AtomicInteger NUMBERS = new AtomicInteger(100);
    private static final AtomicInteger SLUGS = new AtomicInteger();

    private Api() {
    }

    public static RequestSpecification organiser() {
        return given().auth().preemptive().basic(ORGANISER, PASSWORD).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static int uniqueNumber() {
        return NUMBERS.incrementAndGet();
    }

    /** An institution with a unique slug; returns its id. */
    public static long institution(String shortName) {
        return organiser().body(Map.of("name", shortName + " (musée)", "shortName", shortName, "kind", "museum",
                        "slug", "inst-" + SLUGS.incrementAndGet() + "-" + System.nanoTime()))
                .post("/api/v1/institutions").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A stand of the edition, numbered, held by the institution (not yet placed on a hall); returns its id. */
    public static long stand(long edition, int number, long institution) {
        return organiser().body(Map.of("number", number, "institutionId", institution))
                .post("/api/v1/editions/" + edition + "/stands").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A forum day as an edition's body lists it, 10:00–16:00 on the given date (a text, or anything sent as it is). */
    public static Map<String, Object> day(Object date) {
        return Map.of("date", date, "opensAt", "10:00", "closesAt", "16:00");
    }

    /** A one-day edition, 10:00-16:00 on the given date; returns its id. */
    public static long edition(String date) {
        return organiser().body(Map.of("number", uniqueNumber(), "title", "Forum " + date,
                        "days", List.of(day(date))))
                .post("/api/v1/editions").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** An edition open for registration today, its forum day 40 days from now; returns its id. */
    public static long openEdition() {
        return openEdition(1);
    }

    /** An edition open for registration whose forum lasts {@code days} days from {@link #forumDay()}, 10:00–16:00. */
    public static long openEdition(int days) {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
        List<Map<String, Object>> forum = java.util.stream.IntStream.range(0, days)
                .mapToObj(n -> day(java.time.LocalDate.parse(forumDay()).plusDays(n).toString())).toList();
        long id = organiser().body(Map.of("number", uniqueNumber(), "title", "Forum ouvert",
                        "registrationOpensOn", today.minusDays(1).toString(), "registrationClosesOn", today.plusDays(30).toString(),
                        "days", forum))
                .post("/api/v1/editions").then().statusCode(201).extract().jsonPath().getLong("id");
        organiser().body(Map.of("status", "REGISTRATION_OPEN")).post("/api/v1/editions/" + id + "/status").then()
                .statusCode(200);
        return id;
    }

    /** Takes no more than {@code relays} relays in an open edition (one of {@link #openEdition()}), which stays open. */
    public static void relayCapacity(long editionId, int relays) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("number", uniqueNumber(), "title", "Petit forum",
                "relayCapacity", relays, "days", List.of(day(forumDay()))));
        body.put("registrationOpensOn", java.time.LocalDate.now().minusDays(1).toString());
        organiser().body(body).put("/api/v1/editions/" + editionId).then().statusCode(200);
    }

    /** Moves an edition's status forward, one step after the other, as an organiser does. */
    public static void advance(long editionId, String... statuses) {
        for (String status : statuses) {
            organiser().body(Map.of("status", status)).post("/api/v1/editions/" + editionId + "/status").then().statusCode(200);
        }
    }

    public static String forumDay() {
        return java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris")).plusDays(40).toString();
    }

    /** A registration body a relay would send. */
    public static Map<String, Object> relay(String firstName, String email, List<Long> sessionIds) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("firstName", firstName);
        body.put("lastName", "Relais");
        body.put("email", email);
        body.put("organisation", "Association Lire ensemble");
        body.put("sector", "french-language");
        body.put("role", "volunteer");
        body.put("language", "fr");
        body.put("consent", true);
        body.put("sessionIds", sessionIds);
        return body;
    }

    /** A workshop on the forum day, 11:00-12:00 unless told, in a studio of its own, with the seats given; returns its id. */
    public static long workshop(long editionId, String studio, int seats, String... startAndEnd) {
        long space = space(editionId, studio, "STUDIO", 12);
        return startAndEnd.length == 2 ? session(editionId, space, forumDay(), startAndEnd[0], startAndEnd[1], seats)
                : session(editionId, space, forumDay(), "11:00", "12:00", seats);
    }

    /**
     * A relay registered in one session with a unique address (a seat, or its waiting list once the
     * session is full); the last name, when not given, is {@link #relay}'s. Returns what the API answered.
     */
    public static io.restassured.path.json.JsonPath booked(long editionId, long sessionId, String firstName,
            String... lastName) {
        Map<String, Object> body = relay(firstName,
                "booked-" + java.text.Normalizer.normalize(firstName, java.text.Normalizer.Form.NFD)
                        .replaceAll("[^\\p{ASCII}]", "").toLowerCase(java.util.Locale.ROOT) // Zoé's address is zoe-…
                        + "-" + System.nanoTime() + "@example.org",
                List.of(sessionId));
        if (lastName.length > 0) {
            body.put("lastName", lastName[0]);
        }
        return register(editionId, body);
    }

    /** Registers a relay through the public API, which must answer 201; returns the answer. */
    public static io.restassured.path.json.JsonPath register(long editionId, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/editions/" + editionId + "/registrations")
                .then().statusCode(201).extract().jsonPath();
    }

    public static long space(long editionId, String name, String kind, Integer seats) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "kind", kind, "widthM", 20, "depthM", 10,
                "stepFree", true));
        body.put("seats", seats);
        return organiser().body(body).post("/api/v1/editions/" + editionId + "/spaces").then().statusCode(201).extract()
                .jsonPath().getLong("id");
    }

    /** An open edition with two workshops of 10 seats in one studio on its day, at 11:00 and 14:00. */
    public record TwoSessions(long edition, long morning, long afternoon) {
    }

    public static TwoSessions twoSessions() {
        long edition = openEdition();
        long studio = space(edition, "Studio", "STUDIO", 40);
        return new TwoSessions(edition, session(edition, studio, forumDay(), "11:00", "12:00", 10),
                session(edition, studio, forumDay(), "14:00", "15:00", 10));
    }

    /** A studio and a workshop in it on the forum day, 11:00–12:00, with that many seats; returns the session. */
    public static long workshop(long editionId, Integer seats) {
        return session(editionId, space(editionId, "Studio", "STUDIO", 40), forumDay(), "11:00", "12:00", seats);
    }

    public static long session(long editionId, long spaceId, String day, String start, String end, Integer seats) {
        return organiser().body(sessionBody(spaceId, day, start, end, seats)).post("/api/v1/editions/" + editionId + "/sessions")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A workshop's fields as an organiser sends them, titled "Atelier" and its start; a map to change before sending. */
    public static Map<String, Object> sessionBody(long spaceId, String day, String start, String end, Integer seats) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("kind", "WORKSHOP", "title", "Atelier " + start,
                "spaceId", spaceId, "day", day, "startsAt", start, "endsAt", end));
        body.put("seats", seats);
        return body;
    }

    /** An organiser's change of a session, answered as it comes. */
    public static io.restassured.response.Response changeSession(long editionId, long sessionId, Map<String, Object> body) {
        return organiser().body(body).put("/api/v1/editions/" + editionId + "/sessions/" + sessionId);
    }
}
