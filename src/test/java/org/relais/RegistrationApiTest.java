package org.relais;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RegistrationApiTest {

    private static JsonPath register(long edition, Map<String, Object> body, int status) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/editions/" + edition + "/registrations")
                .then().statusCode(status).extract().jsonPath();
    }

    /** Registers a relay (201) for one session; returns their manage token. */
    private static String registered(long edition, String firstName, long session) {
        return register(edition, Api.relay(firstName, email(), List.of(session)), 201).getString("manageToken");
    }

    private static String email() {
        return "relais-" + System.nanoTime() + "@example.org";
    }

    /**
     * A second registration with the same address is refused with the offer to send the link again
     * (issue 3: "a second attempt says so and offers to resend the manage link"), which the API keeps:
     * {@code POST …/registrations/link}, saying nothing of whether the address is registered.
     */
    @Test
    void theApiOffersToSendTheLinkAgainToAnAddressAlreadyRegistered() {
        long edition = Api.openEdition();
        String email = "twice-" + System.nanoTime() + "@example.org";
        Api.register(edition, Api.relay("Deux", email, List.of()));
        given().contentType("application/json").body(Api.relay("Deux", email, List.of()))
                .post("/api/v1/editions/" + edition + "/registrations").then().statusCode(409)
                .body("detail", containsString("Nous pouvons renvoyer le lien de gestion à cette adresse."))
                .body("type", equalTo("tag:relais,2026:already-registered")); // a program tells it by its type

        String link = "/api/v1/editions/" + edition + "/registrations/link";
        given().contentType("application/json").body(Map.of("email", email)).post(link).then().statusCode(202);
        given().contentType("application/json").body(Map.of("email", "nobody-" + System.nanoTime() + "@example.org"))
                .post(link).then().statusCode(202);
        given().contentType("application/json").body(Map.of("email", "not an address")).post(link).then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("email"));
        given().contentType("application/json").body(Map.of()).post(link).then().statusCode(422)
                .body("errors[0].field", equalTo("email"));
        given().contentType("application/json").post(link).then().statusCode(400).contentType("application/problem+json");
        given().contentType("application/json").body(Map.of("email", email))
                .post("/api/v1/editions/987654/registrations/link").then().statusCode(404);
    }

    /**
     * The relay's calendar through the API, as their page gives it (issue 3: "a page and API where
     * the relay … downloads their calendar"): the same file, a session left in it cancelled.
     */
    @Test
    void theRelaysCalendarComesThroughTheApiAsFromTheirPage() {
        Api.TwoSessions day = Api.twoSessions();
        long edition = day.edition(), kept = day.morning(), left = day.afternoon();
        JsonPath registered = Api.register(edition, Api.relay("Inès", "ics-" + System.nanoTime() + "@example.org",
                List.of(kept, left)));
        String token = registered.getString("manageToken");
        given().contentType(ContentType.JSON).body(Map.of("sessionIds", List.of(kept)))
                .put("/api/v1/registrations/" + token + "/sessions").then().statusCode(200);

        String api = given().get("/api/v1/registrations/" + token + "/calendar.ics").then().statusCode(200)
                .contentType("text/calendar").header("Content-Disposition", "attachment; filename=\"forum.ics\"")
                .extract().asString();
        String page = given().get("/r/" + token + "/calendar.ics").then().statusCode(200).extract().asString();
        assertEquals(page.lines().filter(l -> l.startsWith("UID:") || l.startsWith("STATUS:")).toList(),
                api.lines().filter(l -> l.startsWith("UID:") || l.startsWith("STATUS:")).toList(), api);
        assertEquals(List.of("STATUS:CONFIRMED", "STATUS:CONFIRMED", "STATUS:CANCELLED"),
                api.lines().filter(l -> l.startsWith("STATUS:")).toList(), "the forum's day, the session kept, the one left");
        given().get("/api/v1/registrations/not-a-token/calendar.ics").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
    }

    @Test
    void aRelayRegistersWithSeatsAndAWaitingList() {
        long edition = Api.openEdition();
        long room = Api.space(edition, "Studio", "STUDIO", 40);
        long small = Api.session(edition, room, Api.forumDay(), "11:00", "12:00", 1);
        long large = Api.session(edition, room, Api.forumDay(), "14:00", "15:00", 10);

        JsonPath first = register(edition, Api.relay("Awa", email(), List.of(small, large)), 201);
        assertEquals("CONFIRMED", first.getString("status"));
        assertEquals(List.of("CONFIRMED", "CONFIRMED"), first.getList("sessions.status"));
        org.hamcrest.MatcherAssert.assertThat(first.getString("manageToken"), matchesPattern("[A-Za-z0-9_-]{43}"));
        org.hamcrest.MatcherAssert.assertThat(first.getString("code"), matchesPattern("[0-9A-HJKMNP-TV-Z]{119}"));
        assertEquals("/r/" + first.getString("manageToken"), first.getString("manageUrl"));

        JsonPath second = register(edition, Api.relay("Bilal", email(), List.of(small)), 201);
        assertEquals("WAITLISTED", second.getString("sessions[0].status"));
        assertEquals(1, second.getInt("sessions[0].waitlistPosition"));
        JsonPath third = register(edition, Api.relay("Chloé", email(), List.of(small)), 201);
        assertEquals(2, third.getInt("sessions[0].waitlistPosition"));

        given().get("/api/v1/registrations/" + second.getString("manageToken")).then().statusCode(200)
                .body("firstName", equalTo("Bilal")).body("sessions[0].waitlistPosition", equalTo(1))
                // The answer to the registration says the moment as it is stored, to the microsecond.
                .body("createdAt", equalTo(second.getString("createdAt")))
                // The fields as sent, the consent included, and when it was given.
                .body("consent", equalTo(true)).body("consentAt", equalTo(second.getString("createdAt")));
        Api.organiser().get("/api/v1/editions/" + edition + "/registrations").then()
                .body("consent", equalTo(List.of(true, true, true))).body("consentAt[0]", equalTo(first.getString("createdAt")));
    }

    /**
     * Relays registering at the same moment are admitted together on another thread than their
     * requests': each still gets its own answer, in its own language, and the created one's address.
     */
    @Test
    void eachRelayRegisteringAtOnceIsAnsweredInTheirLanguageWithTheirAddress() throws Exception {
        long edition = Api.openEdition();
        long room = Api.space(edition, "Studio", "STUDIO", 40);
        long session = Api.session(edition, room, Api.forumDay(), "11:00", "12:00", 5);
        Map<String, Object> badEmail = new java.util.HashMap<>(Api.relay("A", "not-an-address", List.of(session + 1000)));
        java.util.concurrent.ExecutorService relays = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<io.restassured.response.Response>> english = new java.util.ArrayList<>();
            List<java.util.concurrent.Future<io.restassured.response.Response>> french = new java.util.ArrayList<>();
            List<java.util.concurrent.Future<io.restassured.response.Response>> created = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                english.add(relays.submit(() -> given().header("Accept-Language", "en").contentType(ContentType.JSON)
                        .body(badEmail).post("/api/v1/editions/" + edition + "/registrations")));
                french.add(relays.submit(() -> given().header("Accept-Language", "fr").contentType(ContentType.JSON)
                        .body(badEmail).post("/api/v1/editions/" + edition + "/registrations")));
                created.add(relays.submit(() -> given().contentType(ContentType.JSON)
                        .body(Api.relay("B", email(), List.of(session))).post("/api/v1/editions/" + edition + "/registrations")));
            }
            for (var answer : english) {
                JsonPath problem = answer.get().then().statusCode(422).contentType("application/problem+json").extract().jsonPath();
                assertEquals(List.of("email", "sessionIds"), problem.getList("errors.field"));
                assertEquals("A valid e-mail address, like name@example.org.", problem.getString("errors[0].message"));
                assertEquals("No session number " + (session + 1000) + " in this edition.", problem.getString("errors[1].message"));
            }
            for (var answer : french) {
                JsonPath problem = answer.get().then().statusCode(422).extract().jsonPath();
                assertEquals("Une adresse e-mail valide, comme nom@exemple.fr.", problem.getString("errors[0].message"));
            }
            for (var answer : created) {
                io.restassured.response.Response r = answer.get();
                r.then().statusCode(201).body("sessions[0].status", equalTo("CONFIRMED"));
                String location = r.header("Location");
                org.hamcrest.MatcherAssert.assertThat(location,
                        matchesPattern("http://[^/]+/api/v1/registrations/" + r.jsonPath().getString("manageToken")));
                given().get(java.net.URI.create(location).getPath()).then().statusCode(200).body("firstName", equalTo("B"));
            }
        } finally {
            relays.shutdownNow();
        }
    }

    @Test
    void cancellingFreesTheSeatAndTheWaitingListMovesUp() {
        long edition = Api.openEdition();
        long room = Api.space(edition, "Studio", "STUDIO", 40);
        long session = Api.session(edition, room, Api.forumDay(), "11:00", "12:00", 1);
        String seated = registered(edition, "A", session);
        String firstInLine = registered(edition, "B", session);
        String secondInLine = registered(edition, "C", session);

        given().delete("/api/v1/registrations/" + seated).then().statusCode(204);
        given().get("/api/v1/registrations/" + seated).then().body("status", equalTo("CANCELLED")).body("sessions.size()", equalTo(0));
        given().get("/api/v1/registrations/" + firstInLine).then().body("sessions[0].status", equalTo("CONFIRMED"))
                .body("sessions[0].waitlistPosition", nullValue());
        given().get("/api/v1/registrations/" + secondInLine).then().body("sessions[0].status", equalTo("WAITLISTED"))
                .body("sessions[0].waitlistPosition", equalTo(1));
        given().delete("/api/v1/registrations/" + seated).then().statusCode(409).contentType("application/problem+json");
    }

    /**
     * Who came stays counted: a relay checked in at the door, and every relay once the forum is held,
     * can no longer cancel, through the API, their page or the organisers.
     */
    @Test
    void aRegistrationIsNoLongerCancelledOnceTheRelayArrivedOrTheForumIsHeld() {
        long edition = Api.openEdition();
        long session = Api.session(edition, Api.space(edition, "Studio", "STUDIO", 40), Api.forumDay(), "11:00", "12:00", 1);
        JsonPath arrived = register(edition, Api.relay("Arrivée", email(), List.of(session)), 201);
        String token = arrived.getString("manageToken");
        String waiting = registered(edition, "Attend", session);
        Api.organiser().body(Map.of("code", arrived.getString("code"))).post("/api/v1/editions/" + edition + "/checkins")
                .then().statusCode(200).body("status", equalTo("CHECKED_IN"));

        given().delete("/api/v1/registrations/" + token).then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("L’arrivée au forum est enregistrée : cette inscription ne s’annule plus."))
                .body("type", equalTo("tag:relais,2026:cancel-arrived"));
        given().get("/api/v1/registrations/" + token).then().body("status", equalTo("CONFIRMED"))
                .body("sessions[0].status", equalTo("CONFIRMED"));
        given().get("/api/v1/registrations/" + waiting).then().body("sessions[0].status", equalTo("WAITLISTED"));
        Pages.anonymous().get("/r/" + token).then().statusCode(200).body(not(containsString("/r/" + token + "/cancel")));
        Pages.anonymous().form("/r/" + token + "/cancel", Map.of()).then().statusCode(409)
                .body(containsString("L’arrivée au forum est enregistrée"));
        Pages pages = Pages.signIn();
        String page = "/organiser/editions/" + edition + "/registrations/" + arrived.getLong("id");
        pages.get(page).then().statusCode(200).body(not(containsString(page + "/cancel")));
        pages.form(page + "/cancel", Map.of()).then().statusCode(409).body(containsString("L’arrivée au forum est enregistrée"));
        // erased at their request on the day, they stay counted as having come, with their seat
        Api.organiser().post(page.replace("/organiser/", "/api/v1/") + "/erase").then().statusCode(204);
        Api.organiser().get("/api/v1/editions/" + edition + "/registrations").then()
                .body("find { it.id == " + arrived.getLong("id") + " }.status", equalTo("CONFIRMED"))
                .body("find { it.id == " + arrived.getLong("id") + " }.checkedInAt", org.hamcrest.Matchers.notNullValue());
        given().get("/api/v1/registrations/" + waiting).then().body("sessions[0].status", equalTo("WAITLISTED"));
        // one who has not arrived still can, until the forum is held
        Pages.anonymous().get("/r/" + waiting).then().body(containsString("/r/" + waiting + "/cancel"));
        Api.advance(edition, "REGISTRATION_CLOSED", "HELD");
        given().delete("/api/v1/registrations/" + waiting).then().statusCode(409)
                .body("detail", equalTo("Ce forum est clos : cette inscription ne s’annule plus."));
        Pages.anonymous().get("/r/" + waiting).then().statusCode(200).body(not(containsString("/r/" + waiting + "/cancel")));
        given().get("/api/v1/registrations/" + waiting).then().body("status", equalTo("CONFIRMED"));
    }

    /**
     * Once registration closes a relay chooses nothing new, but can still leave a session they cannot
     * come to, on their page as through the API: their seat goes to whoever waits. Until the forum is held.
     */
    @Test
    void afterRegistrationClosesARelayStillGivesUpASessionToThoseWaiting() {
        long edition = Api.openEdition();
        long room = Api.space(edition, "Studio", "STUDIO", 40);
        long morning = Api.session(edition, room, Api.forumDay(), "11:00", "12:00", 1);
        long afternoon = Api.session(edition, room, Api.forumDay(), "14:00", "15:00", 5);
        long late = Api.session(edition, room, Api.forumDay(), "15:00", "16:00", 5);
        String leaving = register(edition, Api.relay("Part", email(), List.of(morning, afternoon)), 201).getString("manageToken");
        String waiting = registered(edition, "Attend", morning);
        Api.advance(edition, "REGISTRATION_CLOSED");

        given().contentType(ContentType.JSON).body(Map.of("sessionIds", List.of(morning, afternoon, late)))
                .put("/api/v1/registrations/" + leaving + "/sessions").then().statusCode(409)
                .body("detail", equalTo("Les inscriptions à cette édition ne sont pas ouvertes."));
        Pages relay = Pages.anonymous();
        relay.get("/r/" + leaving).then().statusCode(200).body(not(containsString("type=\"checkbox\" name=\"sessionIds\"")))
                .body(containsString("Libérer ma place à 11:00 · Atelier 11:00"))
                .body(containsString("Libérer ma place à 14:00 · Atelier 14:00"));
        // Without JavaScript, the button's question is asked on a page, which sends the same form again, confirmed.
        Map<String, String> givingUp = Map.of("sessionIds", String.valueOf(afternoon), "giveUp", String.valueOf(morning));
        relay.form("/r/" + leaving + "/sessions", givingUp).then().statusCode(200)
                .body(containsString("<h1>Laisser «\u00a0Atelier 11:00\u00a0»\u00a0? Vous ne pourrez plus la choisir à nouveau.</h1>"))
                .body(containsString("<input type=\"hidden\" name=\"sessionIds\" value=\"" + afternoon + "\">"))
                .body(containsString("<input type=\"hidden\" name=\"giveUp\" value=\"" + morning + "\">"))
                .body(containsString(">Libérer ma place à 11:00 · Atelier 11:00</button>"));
        given().get("/api/v1/registrations/" + leaving).then().body("sessions.sessionId", contains((int) morning, (int) afternoon));
        java.util.HashMap<String, String> confirmed = new java.util.HashMap<>(givingUp);
        confirmed.put("confirmed", "yes");
        relay.form("/r/" + leaving + "/sessions", confirmed).then().statusCode(303);
        given().get("/api/v1/registrations/" + leaving).then().body("sessions.sessionId", contains((int) afternoon));
        given().get("/api/v1/registrations/" + waiting).then().body("sessions[0].status", equalTo("CONFIRMED"));
        Pages.anonymous().get("/r/" + waiting).then().body(containsString("Libérer ma place à 11:00 · Atelier 11:00"));
        // the last one too, through the API; after the forum, nothing moves
        given().contentType(ContentType.JSON).body(Map.of("sessionIds", List.of()))
                .put("/api/v1/registrations/" + leaving + "/sessions").then().statusCode(200).body("sessions", hasSize(0));
        Api.advance(edition, "HELD");
        given().contentType(ContentType.JSON).body(Map.of("sessionIds", List.of()))
                .put("/api/v1/registrations/" + waiting + "/sessions").then().statusCode(409)
                .body("detail", equalTo("Ce forum est clos : les places et les listes d’attente ne se modifient plus."));
        Pages.anonymous().get("/r/" + waiting).then().body(not(containsString("Libérer ma place")));
    }

    @Test
    void changingSessionsKeepsSeatsDropsOthersAndPromotes() {
        long edition = Api.openEdition();
        long room = Api.space(edition, "Studio", "STUDIO", 40);
        long morning = Api.session(edition, room, Api.forumDay(), "11:00", "12:00", 1);
        long afternoon = Api.session(edition, room, Api.forumDay(), "14:00", "15:00", 5);
        String a = registered(edition, "A", morning);
        String b = registered(edition, "B", morning);

        given().contentType(ContentType.JSON).body(Map.of("sessionIds", List.of(afternoon)))
                .put("/api/v1/registrations/" + a + "/sessions").then().statusCode(200)
                .body("sessions.sessionId", contains((int) afternoon)).body("sessions[0].status", equalTo("CONFIRMED"));
        given().get("/api/v1/registrations/" + b).then().body("sessions[0].status", equalTo("CONFIRMED"));
    }

    /** A change without the list (a misspelt field) is refused and keeps every seat; an empty list drops them all. */
    @Test
    void aChangeWithoutTheListKeepsTheSeats() {
        long edition = Api.openEdition();
        long room = Api.space(edition, "Studio", "STUDIO", 40);
        long morning = Api.session(edition, room, Api.forumDay(), "11:00", "12:00", 1);
        String a = registered(edition, "A", morning);
        String b = registered(edition, "B", morning);

        given().contentType(ContentType.JSON).header("Accept-Language", "en").body(Map.of("sessions", List.of()))
                .put("/api/v1/registrations/" + a + "/sessions").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("sessionIds"))
                .body("errors[0].message", equalTo("This field is required."));
        given().get("/api/v1/registrations/" + a).then().body("sessions[0].status", equalTo("CONFIRMED"));
        given().get("/api/v1/registrations/" + b).then().body("sessions[0].status", equalTo("WAITLISTED"));

        given().contentType(ContentType.JSON).body(Map.of("sessionIds", List.of()))
                .put("/api/v1/registrations/" + a + "/sessions").then().statusCode(200).body("sessions", hasSize(0));
        given().get("/api/v1/registrations/" + b).then().body("sessions[0].status", equalTo("CONFIRMED"));
    }

    @Test
    void addingSeatsPromotesTheWaitingList() {
        long edition = Api.openEdition();
        long room = Api.space(edition, "Studio", "STUDIO", 40);
        long session = Api.session(edition, room, Api.forumDay(), "11:00", "12:00", 1);
        register(edition, Api.relay("A", email(), List.of(session)), 201);
        String waiting = registered(edition, "B", session);
        Api.changeSession(edition, session, Api.sessionBody(room, Api.forumDay(), "11:00", "12:00", 2)).then().statusCode(200);
        given().get("/api/v1/registrations/" + waiting).then().body("sessions[0].status", equalTo("CONFIRMED"));
    }

    /**
     * An organiser cannot give a session fewer seats than relays seated in it, nor stop booking while
     * relays hold a seat or wait: the answer names the field and the count, and nothing changes.
     */
    @Test
    void seatsNeverFewerThanTheRelaysSeated() {
        long edition = Api.openEdition();
        long room = Api.space(edition, "Studio", "STUDIO", 40);
        long session = Api.session(edition, room, Api.forumDay(), "11:00", "12:00", 3);
        for (String name : List.of("A", "B", "C")) {
            register(edition, Api.relay(name, email(), List.of(session)), 201);
        }
        String waiting = registered(edition, "D", session);
        java.util.function.BiFunction<Integer, Boolean, io.restassured.response.Response> change = (seats, booking) -> {
            Map<String, Object> body = Api.sessionBody(room, Api.forumDay(), "11:00", "12:00", seats);
            body.put("registration", booking);
            return Api.changeSession(edition, session, body);
        };
        change.apply(2, true).then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("seats"))
                .body("errors[0].message", equalTo("3 relais ont déjà une place dans cette séance : pas moins de 3 places."
                        + " Pour en mettre moins, retirez d’abord des relais de sa liste d’inscrits."));
        change.apply(null, false).then().statusCode(422).body("errors[0].field", equalTo("registration"))
                .body("errors[0].message", org.hamcrest.Matchers.startsWith("4 relais sont inscrits ou en attente"));
        Api.organiser().get("/api/v1/editions/" + edition + "/sessions/" + session).then()
                .body("seats", equalTo(3)).body("registration", equalTo(true));
        given().get("/api/v1/registrations/" + waiting).then().body("sessions[0].status", equalTo("WAITLISTED"));

        // As many seats as relays seated is fine; unlimited seats seat everyone waiting.
        change.apply(3, true).then().statusCode(200);
        change.apply(null, true).then().statusCode(200);
        given().get("/api/v1/registrations/" + waiting).then().body("sessions[0].status", equalTo("CONFIRMED"));
    }

    /**
     * A forum whose last day has gone by is over, even while nobody has moved it to held: a relay's cancellation, a
     * change of sessions and their details are refused as after a forum held, in the words of a forum that took place.
     * Before, the cancellation went through and gave the freed seat of a workshop already held to the relay waiting, who
     * was told by e-mail.
     */
    @Test
    void aForumWhoseLastDayHasGoneByIsOverBeforeItIsMarkedHeld() {
        long edition = Api.openEdition();
        long room = Api.space(edition, "Studio", "STUDIO", 40);
        long session = Api.session(edition, room, Api.forumDay(), "11:00", "12:00", 1);
        String seated = registered(edition, "Assise", session);
        String waiting = registered(edition, "Attente", session);
        String yesterday = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris")).minusDays(1).toString();
        Api.organiser().body(Map.of("number", Api.uniqueNumber(), "title", "Forum passé",
                        "days", List.of(Api.day(yesterday))))
                .put("/api/v1/editions/" + edition).then().statusCode(200).body("status", equalTo("REGISTRATION_OPEN"));

        given().delete("/api/v1/registrations/" + seated).then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("Le forum a eu lieu : cette inscription ne s’annule plus."));
        given().contentType(ContentType.JSON).body(Map.of("sessionIds", List.of()))
                .put("/api/v1/registrations/" + seated + "/sessions").then().statusCode(409)
                .body("detail", equalTo("Le forum a eu lieu : les places et les listes d’attente ne se modifient plus."));
        Map<String, Object> details = Api.relay("Assise-Marie", null, List.of());
        details.remove("email");
        given().contentType(ContentType.JSON).body(details).put("/api/v1/registrations/" + seated + "/details").then()
                .statusCode(409).body("detail", equalTo("Le forum a eu lieu : cette inscription ne se modifie plus."));
        // moved to held after its day, it took place: the same words (a forum moved before its day is closed, not held)
        Api.advance(edition, "HELD");
        given().delete("/api/v1/registrations/" + seated).then().statusCode(409)
                .body("detail", equalTo("Le forum a eu lieu : cette inscription ne s’annule plus."));
        Api.organiser().delete("/api/v1/editions/" + edition + "/sessions/" + session).then().statusCode(409)
                .body("detail", equalTo("Le forum a eu lieu : « Atelier 11:00 » avait des inscrits et ne se supprime plus."))
                .body("type", equalTo("tag:relais,2026:forum-over")); // one kind, whichever change it refuses
        given().get("/api/v1/registrations/" + seated).then().body("status", equalTo("CONFIRMED"))
                .body("firstName", equalTo("Assise")).body("sessions[0].status", equalTo("CONFIRMED"));
        given().get("/api/v1/registrations/" + waiting).then().body("sessions[0].status", equalTo("WAITLISTED"))
                .body("sessions[0].waitlistPosition", equalTo(1));
    }

    /**
     * The relay corrects their details through the link, sessions and seats untouched, hostile text
     * kept as text; an e-mail mistyped corrected (a new link), a cancelled registration and a forum held are closed.
     */
    @Test
    void aRelayCorrectsTheirDetailsUntilTheForumIsHeld() {
        long edition = Api.openEdition();
        long room = Api.space(edition, "Studio", "STUDIO", 40);
        long session = Api.session(edition, room, Api.forumDay(), "11:00", "12:00", 1);
        String address = email();
        String token = register(edition, Api.relay("Jérme", address, List.of(session)), 201).getString("manageToken");
        Map<String, Object> details = Api.relay("Jérôme", null, List.of());
        details.remove("email");
        details.put("lastName", "O'Brien <script>alert(1)</script>");
        details.put("organisation", "Maison des femmes");
        details.put("role", "trainer");
        details.put("language", "en");
        details.put("phone", "+33 6 12 34 56 78");
        details.put("accessibilityNeeds", Map.of("needs", List.of("EASY_READ"), "notes", "Chien guide"));
        given().contentType(ContentType.JSON).body(details).put("/api/v1/registrations/" + token + "/details").then()
                .statusCode(200).body("firstName", equalTo("Jérôme")).body("lastName", equalTo("O'Brien <script>alert(1)</script>"))
                .body("organisation", equalTo("Maison des femmes")).body("role", equalTo("trainer")).body("language", equalTo("en"))
                .body("accessibilityNeeds.needs", equalTo(List.of("EASY_READ"))).body("accessibilityNeeds.notes", equalTo("Chien guide"))
                .body("email", equalTo(address)).body("sessions[0].status", equalTo("CONFIRMED"));

        // Wrong fields are named and nothing changes; the same e-mail in other letters is fine, one another
        // registration uses is refused; a new one is the registration's (and gets the link: RegistrationPagesTest).
        Map<String, Object> wrong = new java.util.HashMap<>(details);
        wrong.put("firstName", "x".repeat(10_000));
        wrong.put("sector", "astronaut");
        given().contentType(ContentType.JSON).body(wrong).put("/api/v1/registrations/" + token + "/details").then()
                .statusCode(422).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("firstName", "sector"));
        given().contentType(ContentType.JSON).body(withValue(new java.util.HashMap<>(details), "email", address.toUpperCase()))
                .put("/api/v1/registrations/" + token + "/details").then().statusCode(200);
        String taken = email();
        register(edition, Api.relay("Autre", taken, List.of()), 201);
        given().contentType(ContentType.JSON).body(withValue(new java.util.HashMap<>(details), "email", taken))
                .put("/api/v1/registrations/" + token + "/details").then().statusCode(422).body("errors[0].field", equalTo("email"));
        given().contentType(ContentType.JSON).body(withValue(new java.util.HashMap<>(details), "email", "not an address"))
                .put("/api/v1/registrations/" + token + "/details").then().statusCode(422).body("errors[0].field", equalTo("email"));
        given().get("/api/v1/registrations/" + token).then().body("firstName", equalTo("Jérôme")).body("email", equalTo(address));
        String corrected = email();
        io.restassured.path.json.JsonPath moved = given().contentType(ContentType.JSON)
                .body(withValue(new java.util.HashMap<>(details), "email", " " + corrected + " "))
                .put("/api/v1/registrations/" + token + "/details").then().statusCode(200).body("email", equalTo(corrected))
                .body("manageToken", not(equalTo(token))).extract().jsonPath();
        assertTrue(moved.getString("manageUrl").endsWith("/r/" + moved.getString("manageToken")), moved.getString("manageUrl"));
        given().get("/api/v1/registrations/" + token).then().statusCode(404); // a new address, a new link
        token = moved.getString("manageToken");

        // Registration closed: still possible (the badges are printed from it). Held: no longer.
        Api.advance(edition, "REGISTRATION_CLOSED");
        given().contentType(ContentType.JSON).body(withValue(new java.util.HashMap<>(details), "firstName", "Jérôme-Marie"))
                .put("/api/v1/registrations/" + token + "/details").then().statusCode(200).body("firstName", equalTo("Jérôme-Marie"));
        Api.advance(edition, "HELD");
        given().contentType(ContentType.JSON).body(details).put("/api/v1/registrations/" + token + "/details").then()
                .statusCode(409).body("detail", equalTo("Ce forum est clos : cette inscription ne se modifie plus."))
                .body("type", equalTo("tag:relais,2026:forum-over"));

        long open = Api.openEdition();
        String cancelled = register(open, Api.relay("C", email(), List.of()), 201).getString("manageToken");
        given().delete("/api/v1/registrations/" + cancelled).then().statusCode(204);
        given().contentType(ContentType.JSON).body(details).put("/api/v1/registrations/" + cancelled + "/details").then()
                .statusCode(409);
        given().contentType(ContentType.JSON).body(Map.of()).put("/api/v1/registrations/not-a-token/details").then()
                .statusCode(404).contentType("application/problem+json");
    }

    /**
     * A session moved onto another puts the relays booked in both in two places at once: the
     * conflicts say how many and which sessions, pair by pair, until one is moved or the relays keep only one.
     */
    @Test
    void aSessionMovedOntoAnotherShowsTheRelaysInTwoPlaces() {
        long edition = Api.openEdition();
        long room = Api.space(edition, "Studio", "STUDIO", 40);
        long other = Api.space(edition, "Salle 2", "ROOM", 40);
        long morning = Api.session(edition, room, Api.forumDay(), "11:00", "12:00", 10);
        long afternoon = Api.session(edition, other, Api.forumDay(), "14:00", "15:00", 10);
        long noon = Api.session(edition, room, Api.forumDay(), "12:00", "13:00", 10);
        String token = registered(edition, "A", morning);
        given().contentType(ContentType.JSON).body(Map.of("sessionIds", List.of(morning, afternoon)))
                .put("/api/v1/registrations/" + token + "/sessions").then().statusCode(200);
        String second = register(edition, Api.relay("B", email(), List.of(morning, afternoon)), 201).getString("manageToken");
        register(edition, Api.relay("C", email(), List.of(noon, afternoon)), 201);
        Api.organiser().get("/api/v1/editions/" + edition + "/conflicts").then().statusCode(200)
                .body("kind", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("RELAYS_DOUBLE_BOOKED")));

        Map<String, Object> moved = Api.sessionBody(other, Api.forumDay(), "11:30", "12:30", 10);
        moved.put("title", "Atelier 14:00");
        Api.changeSession(edition, afternoon, moved).then().statusCode(200);
        JsonPath conflicts = Api.organiser().get("/api/v1/editions/" + edition + "/conflicts").then().statusCode(200)
                .extract().jsonPath();
        // Moved to 11:30–12:30, it overlaps the morning (A and B hold both) and noon (C holds both).
        assertEquals(List.of(List.of((int) morning, (int) afternoon), List.of((int) afternoon, (int) noon)),
                conflicts.getList("findAll { it.kind == 'RELAYS_DOUBLE_BOOKED' }.sessionIds"));
        assertEquals(List.of("2 relais ont une place ou attendent à la fois dans « Atelier 11:00 » et « Atelier 14:00 »,"
                + " qui se chevauchent : déplacez l’une des deux, ou retirez ces relais de l’une (ils en sont prévenus).",
                "1 relais a une place ou attend à la fois dans « Atelier 14:00 » et « Atelier 12:00 », qui se chevauchent :"
                + " déplacez l’une des deux, ou retirez ces relais de l’une (ils en sont prévenus)."),
                conflicts.getList("findAll { it.kind == 'RELAYS_DOUBLE_BOOKED' }.message"));

        given().contentType(ContentType.JSON).body(Map.of("sessionIds", List.of(morning)))
                .put("/api/v1/registrations/" + token + "/sessions").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("sessionIds", List.of(afternoon)))
                .put("/api/v1/registrations/" + second + "/sessions").then().statusCode(200);
        moved.put("startsAt", "13:30");
        moved.put("endsAt", "14:30");
        Api.changeSession(edition, afternoon, moved).then().statusCode(200);
        Api.organiser().get("/api/v1/editions/" + edition + "/conflicts").then()
                .body("kind", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("RELAYS_DOUBLE_BOOKED")));
    }

    /**
     * An address with a slip in its domain (a sentence's full stop at its end, two dots, a comma for a dot) is
     * refused by name: no mail would reach the relay, not even their link. Addresses as providers give them pass.
     */
    @Test
    void anAddressNoMailCouldReachIsRefusedByName() {
        long edition = Api.openEdition();
        String run = String.valueOf(System.nanoTime());
        for (String slip : List.of("r" + run + "@example.org.", "r" + run + "@example..org", "r" + run + "@.example.org",
                "r" + run + "@gmail,co.uk", "r" + run + "@orange.fr_", "r" + run + "@gmail.c0m", "r" + run + "@-orange.fr",
                "r" + run + "@exa_mple.org", "r" + run + "@192.168.1.20", "r" + run + "@example.c")) {
            JsonPath refused = register(edition, Api.relay("A", slip, List.of()), 422);
            assertEquals(List.of("email"), refused.getList("errors.field"), slip);
            assertEquals("Une adresse e-mail valide, comme nom@exemple.fr.", refused.getString("errors[0].message"), slip);
        }
        // An accent before the @ (a French keyboard's habit) is refused in its own words: Relais's mail client
        // cannot send to it (it does not speak SMTPUTF8); a domain with accents is sent in its ASCII form.
        for (String accented : List.of("prénom.nom+" + run + "@sub.exemple.co.uk", "иван" + run + "@example.org")) {
            JsonPath refused = register(edition, Api.relay("A", accented, List.of()), 422);
            assertEquals(List.of("email"), refused.getList("errors.field"), accented);
            assertEquals("Pas d’accent ni d’autre alphabet avant le «\u00a0@\u00a0»\u00a0: presque aucune messagerie ne les accepte"
                    + " (andre@…, et non andré@…).", refused.getString("errors[0].message"), accented);
        }
        for (String address : List.of("r" + run + "@example.org", "r" + run + ".@docomo.ne.jp", "prenom.nom+" + run
                + "@sub.exemple.co.uk", "r" + run + "@exemple.café", "r" + run + "@pochta.рф", "r" + run + "@xn--80aqc2a.xn--p1ai",
                "r" + run + "@mairie-2.paris")) {
            assertEquals(address, register(edition, Api.relay("A", address, List.of()), 201).getString("email"), address);
        }
        Api.organiser().get("/api/v1/editions/" + edition + "/registrations").then().body("size()", equalTo(7));
    }

    @Test
    void refusesWhatBreaksTheRulesNamingTheField() {
        long edition = Api.openEdition();
        long other = Api.openEdition();
        long room = Api.space(edition, "Studio", "STUDIO", 40);
        long a = Api.session(edition, room, Api.forumDay(), "11:00", "12:00", 5);
        long b = Api.session(edition, room, Api.forumDay(), "11:30", "12:30", 5);
        long foreign = Api.session(other, Api.space(other, "Ailleurs", "ROOM", 10), Api.forumDay(), "11:00", "12:00", 5);

        Map<String, Object> noConsent = Api.relay("A", "not-an-email", List.of(a, b));
        noConsent.put("consent", false);
        noConsent.put("lastName", "x".repeat(10_000));
        register(edition, noConsent, 422).getList("errors.field");
        given().contentType(ContentType.JSON).body(noConsent).post("/api/v1/editions/" + edition + "/registrations")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItems("email", "consent", "lastName", "sessionIds"));
        assertEquals(List.of("sessionIds"),
                register(edition, Api.relay("A", email(), List.of(foreign)), 422).getList("errors.field"));
        List<Long> withAHole = new java.util.ArrayList<>(List.of(a));
        withAHole.add(null);
        assertEquals("A session in the list has no number.", given().contentType(ContentType.JSON)
                .header("Accept-Language", "en").body(Api.relay("A", email(), withAHole))
                .post("/api/v1/editions/" + edition + "/registrations").then().statusCode(422).extract().jsonPath()
                .getString("errors.find { it.field == 'sessionIds' }.message"));
        // a name on two lines would split the badge's name and the e-mail's greeting: one line, as the form's field
        Map<String, Object> twoLines = Api.relay("Marie\nClaire", email(), List.of(a));
        twoLines.put("organisation", "Lire\r\nensemble");
        JsonPath refused = register(edition, twoLines, 422);
        assertEquals(List.of("firstName", "organisation"), refused.getList("errors.field"));
        assertEquals("Sur une seule ligne, sans retour à la ligne.", refused.getString("errors[0].message"));
        assertEquals("Aucune séance n° 1234567 dans cette édition.", given().contentType(ContentType.JSON)
                .body(Api.relay("A", email(), List.of(1234567L))).post("/api/v1/editions/" + edition + "/registrations")
                .then().statusCode(422).extract().jsonPath().getString("errors.find { it.field == 'sessionIds' }.message"));
        assertEquals(List.of("sector"), register(edition, withValue(Api.relay("A", email(), List.of()), "sector", "astrology"),
                422).getList("errors.field"));
        given().get("/api/v1/editions/" + edition + "/registrations").then().statusCode(401);
        Api.organiser().get("/api/v1/editions/" + edition + "/registrations").then().body("size()", equalTo(0));
    }

    @Test
    void oneActiveRegistrationPerEmailAndTheClosedEditionsAreClosed() {
        long edition = Api.openEdition();
        String email = email();
        register(edition, Api.relay("A", email, List.of()), 201);
        register(edition, Api.relay("A", email.toUpperCase(), List.of()), 409);
        long draft = Api.edition(Api.forumDay());
        register(draft, Api.relay("A", email(), List.of()), 409);
        register(987654, Api.relay("A", email(), List.of()), 404);
        given().get("/api/v1/registrations/not-a-token").then().statusCode(404).contentType("application/problem+json");
    }

    /**
     * A domain with accents may be written in letters or in its ASCII form, an accent typed with its letter or apart:
     * each was another address to the rule of one registration per address, so the same relay could register twice.
     */
    @Test
    void anAddressIsOneWhicheverWayItsDomainIsWritten() {
        long edition = Api.openEdition();
        String name = "jean" + System.nanoTime();
        register(edition, Api.relay("A", name + "@crèche-soleil.fr", List.of()), 201);
        register(edition, Api.relay("A", name + "@xn--crche-soleil-ydb.fr", List.of()), 409);
        register(edition, Api.relay("A", name + "@XN--CRCHE-SOLEIL-YDB.FR", List.of()), 409);
        register(edition, Api.relay("A", name + "@cre\u0300che-soleil.fr", List.of()), 409);
        register(edition, Api.relay("A", name.toUpperCase() + "@CRÈCHE-SOLEIL.FR", List.of()), 409);
        String other = "marie" + System.nanoTime();
        register(edition, Api.relay("B", other + "@xn--crche-soleil-ydb.fr", List.of()), 201);
        register(edition, Api.relay("B", other + "@crèche-soleil.fr", List.of()), 409);
        register(edition, Api.relay("C", other + "@creche-soleil.fr", List.of()), 201); // without the accent, another domain
    }

    @Test
    void theEditionsCapacityIsEnforced() {
        long edition = Api.openEdition();
        Api.relayCapacity(edition, 1);
        register(edition, Api.relay("A", email(), List.of()), 201);
        register(edition, Api.relay("B", email(), List.of()), 409);
    }

    @Test
    void hostileTextIsKeptAsPlainText() {
        long edition = Api.openEdition();
        Map<String, Object> body = Api.relay("<script>alert(1)</script>", email(), List.of());
        body.put("organisation", "'; DROP TABLE registration; --");
        body.put("accessibilityNeeds", Map.of("needs", List.of("WHEELCHAIR", "EASY_READ"), "notes", "\"quotes\""));
        String token = register(edition, body, 201).getString("manageToken");
        given().get("/api/v1/registrations/" + token).then().body("firstName", equalTo("<script>alert(1)</script>"))
                .body("organisation", equalTo("'; DROP TABLE registration; --"))
                .body("accessibilityNeeds.needs", contains("WHEELCHAIR", "EASY_READ"))
                .body("accessibilityNeeds.notes", equalTo("\"quotes\""));
        Map<String, Object> plain = Api.relay("D", email(), List.of());
        plain.put("accessibilityNeeds", "fauteuil roulant");
        register(edition, plain, 201);
    }

    /** A need sent in a shape Relais does not read is refused with its field named, never dropped. */
    @Test
    void accessibilityNeedsInAnotherShapeAreRefusedNotDropped() {
        long edition = Api.openEdition();
        Map<String, Object> guessed = Api.relay("E", email(), List.of());
        guessed.put("accessibilityNeeds", Map.of("wheelchair", true));
        given().contentType(ContentType.JSON).header("Accept-Language", "en").body(guessed)
                .post("/api/v1/editions/" + edition + "/registrations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("accessibilityNeeds.wheelchair"))
                .body("errors[0].message", equalTo("Unknown field here; the ones read: needs, notes."));
        Map<String, Object> notes = Api.relay("F", email(), List.of());
        notes.put("accessibilityNeeds", Map.of("needs", List.of("WHEELCHAIR"), "notes", List.of("chien guide")));
        given().contentType(ContentType.JSON).body(notes).post("/api/v1/editions/" + edition + "/registrations")
                .then().statusCode(400).body("errors[0].field", equalTo("accessibilityNeeds.notes"));
        Map<String, Object> count = Api.relay("G", email(), List.of());
        count.put("accessibilityNeeds", Map.of("needs", 2));
        given().contentType(ContentType.JSON).body(count).post("/api/v1/editions/" + edition + "/registrations")
                .then().statusCode(400).body("errors[0].field", equalTo("accessibilityNeeds.needs"));
        // One need as a string rather than a list of one is read as that need.
        Map<String, Object> one = Api.relay("H", email(), List.of());
        one.put("accessibilityNeeds", Map.of("needs", "SIGN_LANGUAGE"));
        String token = register(edition, one, 201).getString("manageToken");
        given().get("/api/v1/registrations/" + token).then().body("accessibilityNeeds.needs", contains("SIGN_LANGUAGE"));
    }

    private static Map<String, Object> withValue(Map<String, Object> body, String key, Object value) {
        body.put(key, value);
        return body;
    }

    /**
     * A relay kept waiting only by a clash (an organiser moved another of their sessions over the one they wait for)
     * takes its free seat once the clash is gone: that session moved back, dropped by the relay, deleted, or the relay
     * taken out of it or moved to another by an organiser. The seat stayed free, the relay first on its waiting list.
     */
    @Test
    void aRelayKeptWaitingByAClashTakesTheFreeSeatOnceTheClashIsGone() {
        for (String ending : List.of("moved back", "dropped", "deleted", "taken out", "moved elsewhere")) {
            long edition = Api.openEdition();
            long room = Api.space(edition, "Salle", "ROOM", 40);
            String day = Api.forumDay();
            long workshop = Api.session(edition, room, day, "10:00", "11:00", 1);
            long other = Api.session(edition, room, day, "14:00", "15:00", 5);
            String seated = Api.register(edition, Api.relay("Assise", "assise-" + System.nanoTime() + "@example.org",
                    List.of(workshop))).getString("manageToken");
            String own = "/api/v1/registrations/" + Api.register(edition, Api.relay("Attente",
                    "attente-" + System.nanoTime() + "@example.org", List.of(workshop, other))).getString("manageToken");
            Api.changeSession(edition, other, Api.sessionBody(room, day, "10:30", "11:30", 5)).then().statusCode(200);
            given().delete("/api/v1/registrations/" + seated).then().statusCode(204);
            String inWorkshop = "sessions.find { it.sessionId == " + workshop + " }";
            assertEquals("WAITLISTED", given().get(own).then().extract().jsonPath().getString(inWorkshop + ".status"), ending);
            switch (ending) {
                case "moved back" -> Api.changeSession(edition, other, Api.sessionBody(room, day, "14:00", "15:00", 5)).then()
                        .statusCode(200);
                case "dropped" -> given().contentType(ContentType.JSON).body(Map.of("sessionIds", List.of(workshop)))
                        .put(own + "/sessions").then().statusCode(200);
                case "deleted" -> Api.organiser().delete("/api/v1/editions/" + edition + "/sessions/" + other).then()
                        .statusCode(204);
                default -> { // an organiser's hand on the relay's seat in the other session
                    Pages organiser = Pages.signIn();
                    String list = organiser.get("/organiser/editions/" + edition + "/sessions/" + other + "/attendees").asString();
                    java.util.regex.Matcher seat = java.util.regex.Pattern.compile("/bookings/(\\d+)/remove").matcher(list);
                    org.junit.jupiter.api.Assertions.assertTrue(seat.find(), list);
                    String booking = "/organiser/editions/" + edition + "/bookings/" + seat.group(1);
                    Map<String, String> fields = "taken out".equals(ending) ? Map.of("confirmed", "yes")
                            : Map.of("sessionId", String.valueOf(Api.session(edition, room, day, "16:00", "17:00", 5)));
                    organiser.form(booking + ("taken out".equals(ending) ? "/remove" : "/move"), fields).then().statusCode(303);
                }
            }
            JsonPath after = given().get(own).then().statusCode(200).extract().jsonPath();
            assertEquals("CONFIRMED", after.getString(inWorkshop + ".status"), ending);
            assertEquals(null, after.getString(inWorkshop + ".waitlistPosition"), ending);
        }
    }
}
