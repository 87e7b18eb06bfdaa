package org.relais;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.relais.mail.OutboxWorker;
import org.relais.registration.RegistrationService;
import org.relais.web.ForumZone;
import org.relais.web.Messages;

/** The public pages' rules, and the organiser's lists, exports and hand on the waiting lists. */
@QuarkusTest
class RegistrationPagesTest {

    @Inject
    MockMailbox mailbox;

    @Inject
    OutboxWorker worker;

    @Inject
    ForumZone zone;

    @Inject
    RegistrationService registrations;

    private static String register(long edition, Map<String, Object> body) {
        return Api.register(edition, body).getString("manageToken");
    }

    /**
     * A forum of two days: each list of sessions a relay sees (the form, their page, their mails) and
     * the organiser's page of a relay put the day before a session's time, so the same workshop on
     * both days is told apart; a one-day forum's lists keep the time alone.
     */
    @Test
    void aForumOfSeveralDaysNamesEachSessionsDay() {
        assertEquals("mar. 5 févr.", Messages.shortDate(LocalDate.parse("2030-02-05"), Locale.FRENCH));
        assertEquals("Tue 5 Feb", Messages.shortDate(LocalDate.parse("2030-02-05"), Locale.ENGLISH));
        long edition = Api.openEdition(2);
        LocalDate first = LocalDate.parse(Api.forumDay());
        LocalDate second = first.plusDays(1);
        long studio = Api.space(edition, "Studio", "STUDIO", 40);
        long one = Api.session(edition, studio, first.toString(), "11:00", "12:00", 10);
        long two = Api.session(edition, studio, second.toString(), "11:00", "12:00", 10);
        String onFirst = Messages.shortDate(first, Locale.FRENCH) + ", 11:00–12:00";
        String onSecond = Messages.shortDate(second, Locale.FRENCH) + ", 11:00–12:00";
        String onFirstHtml = Messages.shortDate(first, Locale.FRENCH) + ", " + hours("11:00–12:00");
        String onSecondHtml = Messages.shortDate(second, Locale.FRENCH) + ", " + hours("11:00–12:00");

        given().get("/editions/" + edition).then().statusCode(200).body(containsString("<strong>" + onFirstHtml + "</strong>"))
                .body(containsString("<strong>" + onSecondHtml + "</strong>"));
        given().get("/editions/" + edition + "?lang=en").then()
                .body(containsString("<strong>" + Messages.shortDate(first, Locale.ENGLISH) + ", " + hours("11:00–12:00") + "</strong>"));
        String email = "two-days-" + System.nanoTime() + "@example.org";
        JsonPath registered = Api.register(edition, Api.relay("Deux", email, List.of(one, two)));
        given().get("/r/" + registered.getString("manageToken")).then().statusCode(200)
                .body(containsString("<li><strong>" + onFirstHtml + "</strong> · Atelier 11:00"))
                .body(containsString("<li><strong>" + onSecondHtml + "</strong> · Atelier 11:00"));
        Pages organiser = Pages.signIn();
        organiser.get("/organiser/editions/" + edition + "/registrations/" + registered.getLong("id")).then()
                .body(containsString("<tr><td>" + onFirstHtml + " · ")).body(containsString("<tr><td>" + onSecondHtml + " · "));
        organiser.get("/organiser/editions/" + edition + "/registrations").then()
                .body(containsString("<small>" + Messages.shortDate(first, Locale.FRENCH) + ", 11:00 Atelier 11:00"))
                .body(containsString("<small>" + Messages.shortDate(second, Locale.FRENCH) + ", 11:00 Atelier 11:00"));
        organiser.form("/door/editions/" + edition + "/scan", Map.of("code", registered.getString("code"))).then()
                .statusCode(200).body(containsString(onFirst.replace("–12:00", "") + " Atelier 11:00 · Studio"))
                .body(containsString(onSecond.replace("–12:00", "") + " Atelier 11:00 · Studio"));
        organiser.get("/door/editions/" + edition + "/sessions").then().statusCode(200)
                .body(containsString("<td>" + onFirstHtml + " Atelier 11:00")).body(containsString("<td>" + onSecondHtml + " Atelier 11:00"));
        Api.advance(edition, "REGISTRATION_CLOSED"); // the relay can still give up a seat, each named with its day
        given().get("/r/" + registered.getString("manageToken")).then()
                .body(containsString(">Libérer ma place à " + Messages.shortDate(first, Locale.FRENCH) + ", 11:00 · Atelier 11:00<"))
                .body(containsString(">Libérer ma place à " + Messages.shortDate(second, Locale.FRENCH) + ", 11:00 · Atelier 11:00<"));
        worker.sendDue();
        Mail confirmation = mailbox.getMailsSentTo(email).get(0);
        assertTrue(confirmation.getText().contains("- " + onFirst + " · Atelier 11:00")
                && confirmation.getText().contains("- " + onSecond + " · Atelier 11:00"), confirmation.getText());
        assertTrue(confirmation.getHtml().contains("<li>" + onFirstHtml + " · Atelier 11:00"), confirmation.getHtml());

        long oneDay = Api.openEdition();
        Api.session(oneDay, Api.space(oneDay, "Studio", "STUDIO", 40), Api.forumDay(), "11:00", "12:00", 10);
        given().get("/editions/" + oneDay).then().body(containsString("<strong>" + hours("11:00–12:00") + "</strong>"));
    }

    @Test
    void theOrganisersListFiltersAndExportsForASpreadsheet() {
        long edition = Api.openEdition();
        long room = Api.space(edition, "Studio", "STUDIO", 40);
        long session = Api.session(edition, room, Api.forumDay(), "11:00", "12:00", 5);
        Map<String, Object> hostile = Api.relay("Élodie", "e-" + System.nanoTime() + "@example.org", List.of(session));
        hostile.put("organisation", "=HYPERLINK(\"http://evil\")");
        hostile.put("lastName", "<script>alert(1)</script>");
        register(edition, hostile);
        Map<String, Object> other = Api.relay("Karim", "k-" + System.nanoTime() + "@example.org", List.of());
        other.put("sector", "justice");
        other.put("accessibilityNeeds", Map.of("needs", List.of("SIGN_LANGUAGE")));
        register(edition, other);
        Map<String, Object> noted = Api.relay("Noémie", "n-" + System.nanoTime() + "@example.org", List.of());
        noted.put("accessibilityNeeds", Map.of("needs", List.of(), "notes", "Chien guide"));
        register(edition, noted);

        Pages pages = Pages.signIn();
        pages.get("/organiser/editions/" + edition + "/registrations").then().statusCode(200)
                .body(containsString("Élodie")).body(containsString("Karim"))
                .body(containsString("&lt;script&gt;alert(1)")).body(not(containsString("<script>alert(1)")));
        pages.get("/organiser/editions/" + edition + "/registrations?sector=justice").then()
                .body(containsString("Karim")).body(not(containsString("Élodie")));
        pages.get("/organiser/editions/" + edition + "/registrations?sessionId=" + session).then()
                .body(containsString("Élodie")).body(not(containsString("Karim")));
        // who needs what, to prepare the day: one need ticked, or any need at all (a need written counts)
        pages.get("/organiser/editions/" + edition + "/registrations?need=SIGN_LANGUAGE").then()
                .body(containsString("Karim")).body(not(containsString("Élodie"))).body(not(containsString("Noémie")))
                .body(containsString("<option value=\"SIGN_LANGUAGE\" selected>Langue des signes</option>"))
                .body(containsString("<li>Accessibilité : Langue des signes</li>")); // above the printed list
        pages.get("/organiser/editions/" + edition + "/registrations?need=ANY").then()
                .body(containsString("Karim")).body(containsString("Noémie")).body(not(containsString("Élodie")))
                .body(containsString("<option value=\"ANY\" selected>Au moins un besoin</option>"));
        Api.organiser().get("/api/v1/editions/" + edition + "/registrations?need=any").then().statusCode(200)
                .body("firstName", org.hamcrest.Matchers.containsInAnyOrder("Karim", "Noémie"));
        Api.organiser().get("/api/v1/editions/" + edition + "/registrations?need=jetpack").then().statusCode(422)
                .body("errors[0].field", equalTo("need"))
                .body("errors[0].message", containsString("ANY, WHEELCHAIR, HEARING_LOOP, SIGN_LANGUAGE, EASY_READ"));
        String needing = new String(pages.get("/organiser/editions/" + edition + "/registrations.csv?need=ANY").then()
                .statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        assertEquals(3, needing.split("\r\n").length, needing);
        assertTrue(needing.contains("Langue des signes") && needing.contains("Chien guide"), needing);

        byte[] csv = pages.get("/organiser/editions/" + edition + "/registrations.csv").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asByteArray();
        assertEquals((byte) 0xEF, csv[0], "UTF-8 byte-order mark");
        String text = new String(csv, StandardCharsets.UTF_8);
        String[] lines = text.substring(1).split("\r\n");
        assertEquals(4, lines.length, text);
        assertTrue(lines[0].startsWith("\"Nom\";\"Prénom\";"), lines[0]);
        assertTrue(text.contains("\"Élodie\""), "accents kept");
        assertTrue(text.contains("\"'=HYPERLINK(\"\"http://evil\"\")\""), "a formula is made inert: " + text);
        assertTrue(text.contains("\"Apprentissage du français\";\"Bénévole\""), "sector and role in words, as a cell starts: " + text);
        assertFalse(text.contains(Api.forumDay() + " 11:00"), "one day: the hour is enough: " + text);
        assertTrue(java.util.Arrays.stream(lines).anyMatch(l -> l.contains("\"Élodie\"") && l.contains(";\"français\";")
                && !l.contains(";\"fr\";")), "the language of their messages in words: " + text);
        // When they registered: a date and time a spreadsheet reads, as the clocks showed it where the forum is held.
        String registeredAt = java.time.OffsetDateTime.parse(Api.organiser().get("/api/v1/editions/" + edition
                + "/registrations").then().extract().jsonPath().getString("find { it.firstName == 'Élodie' }.createdAt"))
                .atZoneSameInstant(java.time.ZoneId.of("Europe/Paris"))
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        assertTrue(java.util.Arrays.stream(lines).anyMatch(l -> l.contains("\"Élodie\"")
                && l.contains("\"" + registeredAt + "\"")), registeredAt + " in " + text);
    }

    /** On a forum of several days, the CSV gives each session's day with its hour: two at 11:00 read alike. */
    @Test
    void theCsvSaysEachSessionsDayWhenTheForumHasSeveral() {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
        String first = Api.forumDay();
        String second = java.time.LocalDate.parse(first).plusDays(1).toString();
        long edition = Api.organiser().body(Map.of("number", Api.uniqueNumber(), "title", "Forum de deux jours",
                "registrationOpensOn", today.minusDays(1).toString(), "registrationClosesOn", today.plusDays(30).toString(),
                "days", List.of(Api.day(first),
                        Api.day(second))))
                .post("/api/v1/editions").then().statusCode(201).extract().jsonPath().getLong("id");
        Api.advance(edition, "REGISTRATION_OPEN");
        long room = Api.space(edition, "Studio", "STUDIO", 40);
        List<Long> both = List.of(Api.session(edition, room, first, "11:00", "12:00", 5),
                Api.session(edition, room, second, "11:00", "12:00", 5));
        Api.register(edition, Api.relay("Inès", "two-days-" + System.nanoTime() + "@example.org", both));
        String csv = new String(Pages.signIn().get("/organiser/editions/" + edition + "/registrations.csv").then()
                .statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        assertTrue(csv.contains(first + " 11:00 ") && csv.contains(second + " 11:00 "), csv);
    }

    /**
     * A list kept as an address whose filter names nothing any more (a session deleted since), or typed
     * by hand, is shown without that filter, the field marked; the API says which field is wrong.
     */
    @Test
    void aFilterThatNamesNothingIsMarkedAndTheListShownWithoutIt() {
        long edition = Api.openEdition();
        long room = Api.space(edition, "Studio", "STUDIO", 40);
        long session = Api.session(edition, room, Api.forumDay(), "11:00", "12:00", 5);
        long gone = Api.session(edition, room, Api.forumDay(), "14:00", "15:00", 5);
        register(edition, Api.relay("Élodie", "e-" + System.nanoTime() + "@example.org", List.of(session)));
        Map<String, Object> karim = Api.relay("Karim", "k-" + System.nanoTime() + "@example.org", List.of());
        karim.put("sector", "justice");
        register(edition, karim);
        Api.organiser().delete("/api/v1/editions/" + edition + "/sessions/" + gone).then().statusCode(204);

        Pages pages = Pages.signIn();
        String list = "/organiser/editions/" + edition + "/registrations";
        pages.get(list + "?sector=justice&sessionId=" + gone).then().statusCode(422)
                .body(containsString("Karim")).body(not(containsString("Élodie"))) // the sector still filters
                .body(containsString("<p class=\"problem\" role=\"alert\">Un filtre demandé n’existe pas"))
                .body(containsString("<select id=\"f-sessionId\" name=\"sessionId\" aria-invalid=\"true\" aria-describedby=\"e-sessionId\">"))
                .body(containsString("<small class=\"error\" id=\"e-sessionId\">Ce choix n’existe pas : la liste n’est pas filtrée ici.</small>"))
                .body(containsString("<select id=\"f-sector\" name=\"sector\"><option value=\"\">Tous</option>"))
                .body(containsString("<option value=\"justice\" selected>"))
                // the export is of the list shown
                .body(containsString("registrations.csv?sector=justice&amp;role=&amp;sessionId=&amp;status=&amp;q=&amp;need=&amp;arrival=\""));
        // typed by hand: none of the choices, or not a number
        pages.get(list + "?need=jetpack&status=zz&sessionId=abc").then().statusCode(422)
                .body(containsString("Élodie")).body(containsString("Karim"))
                .body(containsString("id=\"e-need\"")).body(containsString("id=\"e-status\""))
                .body(containsString("id=\"e-sessionId\"")).body(not(containsString("id=\"e-role\"")));
        pages.get(list + "?sessionId=" + session).then().statusCode(200)
                .body(containsString("Élodie")).body(not(containsString("Karim"))).body(not(containsString("role=\"alert\"")));
        Api.organiser().get("/api/v1/editions/" + edition + "/registrations?sessionId=abc").then().statusCode(422)
                .contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("sessionId")).body("errors[0].message", equalTo("Un nombre entier."));
        Api.organiser().get("/api/v1/editions/" + edition + "/registrations?sessionId=" + gone).then().statusCode(422)
                .body("errors[0].field", equalTo("sessionId"));
    }

    /** After the forum, who came and who did not: the arrival's time in the list, a filter, the API's and the CSV's. */
    @Test
    void theOrganisersListSaysWhoArrivedAndWhoDidNot() {
        long edition = Api.openEdition();
        long session = Api.session(edition, Api.space(edition, "Studio", "STUDIO", 40), Api.forumDay(), "11:00", "12:00", 5);
        JsonPath came = Api.register(edition, Api.relay("Venue", "v-" + System.nanoTime() + "@example.org", List.of(session)));
        Api.register(edition, Api.relay("Absente", "x-" + System.nanoTime() + "@example.org", List.of(session)));
        String at = Api.organiser().body(Map.of("code", came.getString("code"))).post("/api/v1/editions/" + edition + "/checkins")
                .then().statusCode(200).extract().jsonPath().getString("checkedInAt");
        String clock = java.time.OffsetDateTime.parse(at).atZoneSameInstant(java.time.ZoneId.of("Europe/Paris"))
                .toLocalTime().toString().substring(0, 5);

        Pages pages = Pages.signIn();
        String list = "/organiser/editions/" + edition + "/registrations";
        pages.get(list).then().statusCode(200).body(containsString("<small>arrivé·e à " + clock + "</small>"))
                .body(containsString("<span class=\"on-phone\"><br><small>arrivé·e à " + clock + "</small></span>"))
                .body(containsString("Absente"));
        pages.get(list + "?arrival=ARRIVED").then().statusCode(200).body(containsString("Venue"))
                .body(not(containsString("Absente"))).body(containsString("<option value=\"ARRIVED\" selected>Arrivés</option>"))
                .body(containsString("<li>Arrivée : Arrivés</li>"))
                .body(containsString("registrations.csv?sector=&amp;role=&amp;sessionId=&amp;status=&amp;q=&amp;need=&amp;arrival=ARRIVED\""));
        pages.get(list + "?arrival=ABSENT").then().body(containsString("Absente")).body(not(containsString("Venue")));
        String absent = new String(pages.get(list + ".csv?arrival=absent").then().statusCode(200).extract().asByteArray(),
                StandardCharsets.UTF_8);
        assertEquals(2, absent.split("\r\n").length, absent);
        assertTrue(absent.contains("\"Absente\""), absent);
        Api.organiser().get("/api/v1/editions/" + edition + "/registrations?arrival=arrived").then().statusCode(200)
                .body("firstName", contains("Venue"));
        Api.organiser().get("/api/v1/editions/" + edition + "/registrations?arrival=maybe").then().statusCode(422)
                .body("errors[0].field", equalTo("arrival"));

        // the session's page says who was seen: at the forum's door, then at the room's
        String attendees = "/organiser/editions/" + edition + "/sessions/" + session + "/attendees";
        String sheet = pages.get(attendees).then().statusCode(200).extract().asString();
        assertTrue(sheet.contains("<br><small>arrivé·e à " + clock + "</small>"), sheet);
        String door = "/door/editions/" + edition + "/sessions/" + session;
        assertEquals(303, pages.form(door + "/door-scan", Map.of("on", "true")).statusCode());
        pages.form(door + "/scan", Map.of("code", came.getString("code"))).then().statusCode(200);
        sheet = pages.get(attendees).then().statusCode(200).extract().asString();
        assertTrue(sheet.contains("<br><small class=\"ok\">entré·e en salle à "), sheet);
        assertEquals(1, sheet.split("<small class=\"ok\">entré·e en salle").length - 1, "Absente did not come");
    }

    /** A relay checked in at the door by mistake counts as not arrived again once the organisers clear it, and may cancel. */
    @Test
    void aMistakenArrivalIsClearedByTheOrganisers() {
        long edition = Api.openEdition();
        JsonPath wrong = Api.register(edition, Api.relay("Homonyme", "h-" + System.nanoTime() + "@example.org", List.of()));
        Api.organiser().body(Map.of("code", wrong.getString("code"))).post("/api/v1/editions/" + edition + "/checkins")
                .then().statusCode(200).body("status", equalTo("CHECKED_IN"));
        given().delete("/api/v1/registrations/" + wrong.getString("manageToken")).then().statusCode(409);

        Pages pages = Pages.signIn();
        String page = "/organiser/editions/" + edition + "/registrations/" + wrong.getLong("id");
        pages.get(page).then().statusCode(200).body(containsString(page + "/clear-arrival"))
                .body(containsString("Arrivée enregistrée à l’accueil à "))
                .body(containsString("avec le lien de sa page, où il change ses séances.</span>")); // no longer "or cancel"
        pages.form(page + "/clear-arrival", Map.of()).then().statusCode(303)
                .header("Location", containsString("done=arrival-cleared"));
        pages.get(page + "?done=arrival-cleared").then().body(containsString("L’arrivée est effacée"))
                .body(not(containsString(page + "/clear-arrival"))).body(not(containsString("arrivé·e à")));
        Api.organiser().get("/api/v1/editions/" + edition + "/registrations").then()
                .body("[0].checkedInAt", org.hamcrest.Matchers.nullValue());
        Api.organiser().get("/api/v1/editions/" + edition + "/attendance").then().body("checkedIn", equalTo(0));
        given().delete("/api/v1/registrations/" + wrong.getString("manageToken")).then().statusCode(204);
    }

    /** The host preparing a room reads how many of those seated need what; the waiting list is not counted. */
    @Test
    void theSessionsPageCountsTheNeedsOfThoseSeated() {
        long edition = Api.openEdition();
        long session = Api.session(edition, Api.space(edition, "Studio", "STUDIO", 40), Api.forumDay(), "11:00", "12:00", 3);
        String run = "needs-" + System.nanoTime();
        String page = "/organiser/editions/" + edition + "/sessions/" + session + "/attendees";
        Pages pages = Pages.signIn();
        register(edition, Api.relay("Sans", run + "-0@example.org", List.of(session)));
        pages.get(page).then().statusCode(200).body(not(containsString("besoins d’accessibilité")));

        for (Map.Entry<String, Map<String, Object>> relay : Map.of(
                "1", Map.<String, Object>of("needs", List.of("WHEELCHAIR", "SIGN_LANGUAGE")),
                "2", Map.<String, Object>of("needs", List.of("WHEELCHAIR"), "notes", "Chien guide")).entrySet()) {
            Map<String, Object> body = Api.relay("Besoin", run + "-" + relay.getKey() + "@example.org", List.of(session));
            body.put("accessibilityNeeds", relay.getValue());
            register(edition, body);
        }
        Map<String, Object> waiting = Api.relay("Attente", run + "-w@example.org", List.of(session));
        waiting.put("accessibilityNeeds", Map.of("needs", List.of("HEARING_LOOP")));
        register(edition, waiting);
        pages.get(page).then().body(containsString(
                "Parmi les places réservées, besoins d’accessibilité : Fauteuil roulant 2, Langue des signes 1, autre besoin, précisé 1</p>"));
    }

    /** The organiser finds a relay who calls by a piece of their name, organisation or e-mail, whatever the accents and case. */
    @Test
    void theOrganisersListFindsARelayByNameOrganisationOrEmail() {
        long edition = Api.openEdition();
        String run = "find-" + System.nanoTime();
        Map<String, Object> elodie = Api.relay("Élodie", run + "-e@example.org", List.of());
        elodie.put("lastName", "Dupré");
        elodie.put("organisation", "Maison des Femmes");
        register(edition, elodie);
        Map<String, Object> karim = Api.relay("Karim", run + "-k@example.org", List.of());
        karim.put("lastName", "Benali");
        karim.put("organisation", "Centre social Belleville");
        register(edition, karim);

        Pages pages = Pages.signIn();
        String list = "/organiser/editions/" + edition + "/registrations";
        for (String q : List.of("elodie", "DUPRE", "femmes", "élodie maison", run + "-E@example")) {
            pages.request().queryParam("q", q).get(list).then().statusCode(200)
                    .body(containsString("Dupré Élodie")).body(not(containsString("Benali Karim")))
                    .body(containsString("<span class=\"count\">(1)</span>"));
        }
        pages.request().queryParam("q", "belle").get(list).then()
                .body(containsString("Benali Karim")).body(not(containsString("Dupré Élodie")));
        pages.request().queryParam("q", "élodie karim").get(list).then().statusCode(200)
                .body(containsString("Aucune inscription.")).body(containsString("(0)"));
        pages.request().queryParam("q", "<b>\"x").get(list).then().statusCode(200)
                .body(containsString("value=\"&lt;b&gt;&quot;x\"")).body(not(containsString("<b>\"x")));
        // the field keeps what was typed; the export and the API follow the search
        pages.request().queryParam("q", "Femmes").get(list).then().body(containsString("value=\"Femmes\""))
                .body(containsString("registrations.csv?sector=&amp;role=&amp;sessionId=&amp;status=&amp;q=Femmes"));
        String csv = pages.request().queryParam("q", "femmes").get(list + ".csv").then().statusCode(200).extract().asString();
        assertEquals(2, csv.split("\r\n").length, csv);
        assertTrue(csv.contains("\"Dupré\""), csv);
        List<String> found = Api.organiser().queryParam("q", "BELLEVILLE").get("/api/v1/editions/" + edition + "/registrations")
                .then().statusCode(200).extract().jsonPath().getList("lastName");
        assertEquals(List.of("Benali"), found);
    }

    @Test
    void theEditionsPageCountsTheRelaysRegistered() {
        long edition = Api.openEdition();
        Pages pages = Pages.signIn();
        String count = "<dt>Relais inscrits</dt><dd>";
        pages.get("/organiser/editions/" + edition).then().statusCode(200).body(containsString(count + "0</dd>"));
        register(edition, Api.relay("Ana", "count-a-" + System.nanoTime() + "@example.org", List.of()));
        String ben = register(edition, Api.relay("Ben", "count-b-" + System.nanoTime() + "@example.org", List.of()));
        pages.get("/organiser/editions/" + edition).then().body(containsString(count + "2</dd>"));
        given().delete("/api/v1/registrations/" + ben).then().statusCode(204);
        pages.get("/organiser/editions/" + edition).then().body(containsString(count + "1</dd>"));
        pages.get("/organiser/editions/" + edition + "?lang=en").then()
                .body(containsString("<dt>Relays registered</dt><dd>1</dd>"));
    }

    /** The relay's details form on their page: refused with the fields marked and what was typed kept, then saved. */
    @Test
    void aRelayCorrectsTheirDetailsOnTheirPage() {
        long edition = Api.openEdition();
        long room = Api.space(edition, "Studio", "STUDIO", 40);
        long session = Api.session(edition, room, Api.forumDay(), "11:00", "12:00", 5);
        String token = register(edition, Api.relay("Jérme", "d-" + System.nanoTime() + "@example.org", List.of(session)));
        Pages relay = Pages.anonymous();
        relay.get("/r/" + token).then().statusCode(200).body(containsString("Vos coordonnées"))
                .body(containsString("value=\"Jérme\"")).body(containsString("<option value=\"volunteer\" selected>"));
        Map<String, String> fields = new java.util.HashMap<>(Map.of("firstName", "Jérôme", "lastName", "<b>Dupont</b>",
                "organisation", "", "sector", "french-language", "role", "volunteer", "language", "fr",
                "accessibilityNeeds.needs", "WHEELCHAIR"));
        relay.form("/r/" + token + "/details", fields).then().statusCode(422)
                .body(containsString("id=\"e-organisation\"")).body(containsString("value=\"Jérôme\""))
                .body(containsString("value=\"&lt;b&gt;Dupont&lt;/b&gt;\"")).body(containsString("value=\"WHEELCHAIR\" checked"))
                .body(containsString("value=\"" + session + "\" checked"));
        given().get("/api/v1/registrations/" + token).then().body("firstName", equalTo("Jérme"));

        fields.put("organisation", "Emmaüs");
        relay.form("/r/" + token + "/details", fields).then().statusCode(303)
                .header("Location", endsWith("/r/" + token + "?done=details-changed#top"));
        given().get("/api/v1/registrations/" + token).then().body("firstName", equalTo("Jérôme"))
                .body("lastName", equalTo("<b>Dupont</b>")).body("organisation", equalTo("Emmaüs"))
                .body("accessibilityNeeds.needs", equalTo(List.of("WHEELCHAIR"))).body("sessions[0].sessionId", equalTo((int) session));
        relay.get("/r/" + token).then().body(containsString("&lt;b&gt;Dupont&lt;/b&gt;")).body(not(containsString("<b>Dupont")));
    }

    /**
     * A name that begins with a right-to-left override (U+202E) turned its surname around with it on the relay's
     * page ("tnopuD naeJ") and the rest of the mail's greeting line. What a text leaves open of such marks is closed
     * where it ends, whether it came through the API or a page's form, so that it turns nothing after it around.
     */
    @Test
    void aNameThatTurnsTextAroundTurnsNothingAfterIt() {
        long edition = Api.openEdition();
        String email = "rlo-" + System.nanoTime() + "@example.org";
        Map<String, Object> body = Api.relay("\u202EJean", email, List.of());
        body.put("lastName", "Dupont");
        String token = register(edition, body);
        given().get("/api/v1/registrations/" + token).then().body("firstName", equalTo("\u202EJean\u202C"))
                .body("lastName", equalTo("Dupont"));
        given().get("/r/" + token).then().statusCode(200).body(containsString("<dd>\u202EJean\u202C Dupont</dd>"));
        worker.sendDue();
        String greeting = mailbox.getMailsSentTo(email).get(0).getText().lines().findFirst().orElseThrow();
        assertTrue(greeting.contains("\u202EJean\u202C"), greeting);

        // As a browser sends it, in UTF-8: an Arabic first name in an isolate left open, an embedding in the organisation.
        String fields = "firstName=" + Pages.encoded("\u2067\u062c\u0627\u0646") + "&lastName=Dupont&organisation=" + Pages.encoded("Maison \u202Babc")
                + "&sector=french-language&role=volunteer&language=fr";
        Pages.anonymous().rawForm("/r/" + token + "/details", fields).then().statusCode(303);
        given().get("/api/v1/registrations/" + token).then().body("firstName", equalTo("\u2067\u062c\u0627\u0646\u2069"))
                .body("organisation", equalTo("Maison \u202Babc\u202C"));
    }

    /**
     * A relay who mistyped their address sees it on the page they land on and corrects it there: a new link goes to
     * the new address, and the old one (which a stranger may have received) opens nothing. A malformed address, or one another registration uses, is refused with the field marked and
     * what was typed kept; the page cannot be made to mail one address after another.
     */
    @Test
    void aRelayCorrectsAMistypedAddressOnTheirPage() {
        long edition = Api.openEdition();
        String run = "typo-" + System.nanoTime();
        JsonPath registered = Api.register(edition, Api.relay("Sofia", run + "@exmaple.org", List.of()));
        String token = registered.getString("manageToken");
        register(edition, Api.relay("Autre", run + "-other@example.org", List.of()));
        worker.sendDue();
        Pages relay = Pages.anonymous();
        relay.get("/r/" + token + "?done=registered").then().statusCode(200)
                .body(containsString("si l’adresse ci-dessous est fausse, corrigez-la dans «\u00a0Vos coordonnées\u00a0»"))
                .body(containsString("<dd>" + run + "@exmaple.org <a href=\"#details\" class=\"no-print\">Corriger l’adresse</a></dd>"))
                .body(containsString("id=\"f-email\""))
                .body(containsString("value=\"" + run + "@exmaple.org\""));

        String details = "/r/" + token + "/details";
        Map<String, String> fields = new java.util.HashMap<>(Map.of("firstName", "Sofia", "lastName", "Relais", "email", "sofia@",
                "organisation", "Emmaüs", "sector", "french-language", "role", "volunteer", "language", "fr"));
        relay.form(details, fields).then().statusCode(422).body(containsString("id=\"e-email\""))
                .body(containsString("value=\"sofia@\""));
        fields.put("email", run + "-OTHER@example.org");
        relay.form(details, fields).then().statusCode(422)
                .body(containsString("Une autre inscription à cette édition utilise déjà cette adresse."));
        given().get("/api/v1/registrations/" + token).then().body("email", equalTo(run + "@exmaple.org"));

        // Moved: the page opens at a new link, which goes to the new address; whoever got the old one opens nothing.
        fields.put("email", run + "@example.org");
        String moved = relay.form(details, fields).then().statusCode(303).header("Location", endsWith("?done=address-changed#top"))
                .header("Location", not(containsString(token))).extract().header("Location");
        String newToken = moved.replaceAll(".*/r/([^?]+)\\?.*", "$1");
        relay.get("/r/" + newToken + "?done=address-changed").then()
                .body(containsString("Vos coordonnées sont enregistrées. Cette page a un nouveau lien, envoyé à votre nouvelle adresse\u00a0:"
                        + " gardez celui-là, l’ancien ne l’ouvre plus."))
                .body(containsString("<dd>" + run + "@example.org <a href=\"#details\""));
        relay.get("/r/" + token).then().statusCode(404)
                .body(containsString("Une inscription dont l’adresse a changé a un nouveau lien, dans l’e-mail le plus récent."));
        given().get("/api/v1/registrations/" + token).then().statusCode(404);
        worker.sendDue();
        List<Mail> sent = mailbox.getMailsSentTo(run + "@example.org");
        assertEquals(1, sent.size(), "the link, to the new address");
        assertTrue(sent.get(0).getSubject().startsWith("Votre lien d’inscription") && sent.get(0).getText().contains("/r/" + newToken)
                && !sent.get(0).getText().contains(token), sent.get(0).getText());
        details = "/r/" + newToken + "/details";

        // Saved again as it is: nothing more is sent. Another address in the same quarter of an hour waits.
        relay.form(details, fields).then().statusCode(303).header("Location", endsWith("?done=details-changed#top"));
        fields.put("email", run + "-second@example.org");
        relay.form(details, fields).then().statusCode(422)
                .body(containsString("Votre lien est déjà parti il y a moins d’un quart d’heure"))
                .body(containsString("value=\"" + run + "-second@example.org\""));
        aQuarterOfAnHourLater(registered.getLong("id"));
        relay.form(details, fields).then().statusCode(303).header("Location", endsWith("?done=address-changed#top"));
        worker.sendDue();
        assertEquals(1, links(mailbox, run + "-second@example.org"), "a quarter of an hour later");
        assertEquals(1, mailbox.getMailsSentTo(run + "@example.org").size(), "nothing more to the address left");
        register(edition, Api.relay("Libre", run + "@exmaple.org", List.of())); // the mistyped address is free again
    }

    /**
     * An address one keystroke from a common provider's (gmial.com) is valid, so the registration stands; the relay's
     * page asks whether they meant the provider's, and one press corrects it as the details form would.
     */
    @Test
    void aRelayWhoMistypedAProvidersNameIsAskedOnTheirPage() {
        long edition = Api.openEdition();
        String run = "meant-" + System.nanoTime();
        String token = register(edition, Api.relay("Gaëlle", run + "@gmial.com", List.of()));
        String fine = register(edition, Api.relay("Inès", run + "@example.org", List.of()));
        register(edition, Api.relay("Autre", run + "-taken@gmail.com", List.of()));
        worker.sendDue();
        Pages relay = Pages.anonymous();
        relay.get("/r/" + token).then().statusCode(200)
                .body(containsString("Votre adresse est «\u00a0" + run + "@gmial.com\u00a0»\u00a0: vouliez-vous écrire «\u00a0"
                        + run + "@gmail.com\u00a0»\u00a0?"))
                .body(containsString("action=\"/r/" + token + "/address\""))
                .body(containsString("name=\"email\" value=\"" + run + "@gmail.com\""));
        relay.get("/r/" + fine).then().statusCode(200).body(not(containsString("/address\"")));

        // Pressed with an address another registration uses (a page open while it was taken): refused, said on the field.
        relay.form("/r/" + token + "/address", Map.of("email", run + "-taken@gmail.com")).then().statusCode(422)
                .body(containsString("Une autre inscription à cette édition utilise déjà cette adresse."));
        String moved = relay.form("/r/" + token + "/address", Map.of("email", run + "@gmail.com")).then().statusCode(303)
                .header("Location", endsWith("?done=address-changed#top")).header("Location", not(containsString(token)))
                .extract().header("Location");
        String newToken = moved.replaceAll(".*/r/([^?]+)\\?.*", "$1");
        given().get("/api/v1/registrations/" + newToken).then().body("email", equalTo(run + "@gmail.com"))
                .body("firstName", equalTo("Gaëlle"));
        worker.sendDue();
        assertEquals(1, links(mailbox, run + "@gmail.com"), "the link, to the address meant");
        relay.get("/r/" + newToken).then().statusCode(200).body(not(containsString("/address\"")));
        relay.get("/r/" + token).then().statusCode(404);
    }

    /**
     * The same question on a real domain one keystroke from a provider's (tree.fr, free.fr's): the relay answers
     * that the address is right, and the page asks no more, until another address is given. An answer from a page
     * opened before the address changed is about another address and is not taken.
     */
    @Test
    void aRelayWhoseAddressIsRightSaysSoOnce() {
        long edition = Api.openEdition();
        String run = "kept-" + System.nanoTime();
        String token = register(edition, Api.relay("Gaëlle", run + "@tree.fr", List.of()));
        Pages relay = Pages.anonymous();
        relay.get("/r/" + token).then().statusCode(200)
                .body(containsString("vouliez-vous écrire «\u00a0" + run + "@free.fr\u00a0»\u00a0?"))
                .body(containsString("formaction=\"/r/" + token + "/address-kept\">Non, elle est juste</button>"));

        // An answer about another address (a page opened before it changed) changes nothing.
        relay.form("/r/" + token + "/address-kept", Map.of("email", run + "@live.fr")).then().statusCode(303);
        relay.get("/r/" + token).then().body(containsString("id=\"meant\""));
        given().get("/r/" + token + "/data.json").then().statusCode(200).body("addressKept", equalTo(false));

        relay.form("/r/" + token + "/address-kept", Map.of("email", run + "@free.fr")).then().statusCode(303)
                .header("Location", endsWith("/r/" + token + "?done=address-kept#top"));
        relay.get("/r/" + token + "?done=address-kept").then().statusCode(200)
                .body(containsString("C’est noté\u00a0: votre adresse reste telle que vous l’avez écrite"))
                .body(not(containsString("id=\"meant\"")));
        given().get("/api/v1/registrations/" + token).then().body("email", equalTo(run + "@tree.fr"));
        worker.sendDue();
        assertEquals(1, mailbox.getMailsSentTo(run + "@tree.fr").size(), "the confirmation only: no mail for an answer");
        // All that Relais keeps about the relay says it too.
        relay.get("/r/" + token + "/data?lang=fr").then().statusCode(200).body(containsString(run
                + "@tree.fr · confirmée telle quelle, à la question «\u00a0vouliez-vous écrire…\u00a0?\u00a0» de la page</dd>"));
        given().get("/r/" + token + "/data.json").then().statusCode(200).body("addressKept", equalTo(true));

        // Another address, itself one keystroke from a provider's: asked again, about that one.
        Map<String, String> fields = Map.of("firstName", "Gaëlle", "lastName", "Relais", "email", run + "@hotmal.fr",
                "organisation", "Emmaüs", "sector", "french-language", "role", "volunteer", "language", "fr");
        String moved = relay.form("/r/" + token + "/details", fields).then().statusCode(303).extract().header("Location");
        String newToken = moved.replaceAll(".*/r/([^?]+)\\?.*", "$1");
        relay.get("/r/" + newToken).then().statusCode(200)
                .body(containsString("vouliez-vous écrire «\u00a0" + run + "@hotmail.fr\u00a0»\u00a0?"));
    }

    /**
     * The programme and the form's choices say in what language a session is held when it is not the page's:
     * a relay bringing people who do not speak French, or who sign, sees it before choosing.
     */
    @Test
    void theProgrammeSaysWhichSessionsAreInAnotherLanguage() {
        long edition = Api.openEdition();
        long room = Api.space(edition, "Studio langues", "STUDIO", 40);
        Map<String, String> titles = Map.of("fr", "Atelier en français", "en", "Workshop in English",
                "fr-lsf", "Visite signée");
        String[][] times = { { "10:00", "10:45" }, { "11:00", "11:45" }, { "14:00", "14:45" } };
        int i = 0;
        for (String language : List.of("fr", "en", "fr-lsf")) {
            Map<String, Object> body = Api.sessionBody(room, Api.forumDay(), times[i][0], times[i][1], 20);
            body.put("title", titles.get(language));
            body.put("language", language);
            Api.organiser().body(body).post("/api/v1/editions/" + edition + "/sessions").then().statusCode(201);
            i++;
        }
        String fr = Pages.anonymous().get("/editions/" + edition + "?lang=fr").then().statusCode(200).extract().asString();
        String en = Pages.anonymous().get("/editions/" + edition + "?lang=en").then().statusCode(200).extract().asString();
        // Once in the programme, once among the form's choices, "en" and its language held together; nothing for a
        // session in the page's language.
        assertEquals(2, Pages.count(fr, "· en\u00a0anglais</small>"), fr);
        assertEquals(2, Pages.count(fr, "· en\u00a0français + langue des signes française</small>"), fr);
        assertEquals(0, Pages.count(fr, "en\u00a0français</small>"), fr);
        assertEquals(2, Pages.count(en, "· in\u00a0French</small>"), en);
        assertEquals(2, Pages.count(en, "· in\u00a0French + French Sign Language</small>"), en);
        assertEquals(0, Pages.count(en, "in\u00a0English</small>"), en);
    }

    /**
     * Without JavaScript, the relay's cancel button used to cancel at once, without the question the
     * dialog asks: a mis-tap on a phone lost their seats to the waiting list. It now asks on a page,
     * whose button sends the form again, confirmed; the dialog's yes (relais.js) sends it confirmed
     * the first time.
     */
    @Test
    void aRelayWithoutJavaScriptIsAskedBeforeTheirRegistrationIsCancelled() {
        long edition = Api.openEdition();
        String token = Api.booked(edition, Api.workshop(edition, 12), "Maryam").getString("manageToken");
        Pages relay = Pages.anonymous();
        relay.form("/r/" + token + "/cancel", Map.of()).then().statusCode(200)
                .body(containsString("<h1>Annuler votre inscription\u00a0? Vos places seront libérées.</h1>"))
                .body(containsString("action=\"/r/" + token + "/cancel\""))
                .body(containsString("<input type=\"hidden\" name=\"confirmed\" value=\"yes\">"))
                .body(containsString(">Annuler mon inscription</button>"))
                .body(containsString("<a href=\"/r/" + token + "\">Non, revenir en arrière</a>"));
        given().get("/api/v1/registrations/" + token).then().body("status", equalTo("CONFIRMED"))
                .body("sessions[0].status", equalTo("CONFIRMED"));
        relay.form("/r/" + token + "/cancel", Map.of("confirmed", "yes")).then().statusCode(303)
                .header("Location", endsWith("/r/" + token + "?done=cancelled"));
        given().get("/api/v1/registrations/" + token).then().body("status", equalTo("CANCELLED"));
    }

    /**
     * A page left open in another tab, once the registration is cancelled: whatever it sends (a cancellation,
     * sessions, details with a field left wrong) is refused because the registration is cancelled, and the page
     * says so once, as its answer, not a second time as its state. Where it was cancelled, the confirmation
     * says it, once too.
     */
    @Test
    void aTabLeftOpenOnACancelledRegistrationIsAnsweredOnceThatItIsCancelled() {
        long edition = Api.openEdition();
        long session = Api.workshop(edition, 12);
        String token = Api.booked(edition, session, "Maryam").getString("manageToken");
        String relay = "/r/" + token;
        Pages tab = Pages.anonymous();
        String opened = tab.tokenOf(relay);
        String landed = Pages.anonymous().form(relay + "/cancel", Map.of("confirmed", "yes")).then().statusCode(303)
                .extract().header("Location");
        String cancelled = "Cette inscription est annulée.";
        // where it was cancelled, the confirmation says it, and the page's state does not say it again
        String confirmed = Pages.anonymous().get(landed).then().statusCode(200).extract().asString();
        assertEquals(1, Pages.count(confirmed, "<p class=\"flash\" role=\"status\">Votre inscription est annulée\u00a0; un e-mail vous le"
                + " confirme.</p>"), confirmed);
        assertEquals(0, Pages.count(confirmed, cancelled), confirmed);
        String unsent = Pages.anonymous().get(relay).then().statusCode(200).extract().asString();
        assertEquals(1, Pages.count(unsent, "<p class=\"problem\">" + cancelled + "</p>"), unsent);
        assertEquals(0, Pages.count(unsent, "role=\"alert\""), "nothing was sent: no answer to announce");
        // details are checked before anything is looked up, as on the API (422); the page no longer shows their form
        for (var sent : Map.of(
                tab.formWithToken(opened, relay + "/cancel", Map.of("confirmed", "yes")), 409,
                tab.formWithToken(opened, relay + "/sessions", Map.of("sessionIds", Long.toString(session))), 409,
                tab.formWithToken(opened, relay + "/details", Map.of("firstName", "Maryam", "lastName", "", "email", "x")), 422)
                .entrySet()) {
            String page = sent.getKey().then().statusCode(sent.getValue()).extract().asString();
            assertEquals(1, Pages.count(page, cancelled), page);
            assertEquals(1, Pages.count(page, "<p class=\"problem\" role=\"alert\">" + cancelled + "</p>"), page);
            assertEquals(0, Pages.count(page, "Ce champ est obligatoire"), "no field of a form the page no longer shows");
        }
        given().header("Accept-Language", "en").get(relay).then().statusCode(200)
                .body(containsString("<p class=\"problem\">This registration is cancelled.</p>"));
    }

    /**
     * A relay's browser may fill in their own name, e-mail, phone and organisation, on the form and on their page
     * (WCAG 1.3.5); where someone else's are typed (an organiser's page, a door's walk-in) it neither fills them in
     * nor keeps them to suggest to the next person.
     */
    @Test
    void aRelaysBrowserFillsInTheirOwnDetailsNotSomeoneElses() {
        long edition = Api.openEdition();
        Map<String, String> purposes = Map.of("firstName", "given-name", "lastName", "family-name", "email", "email",
                "phone", "tel", "organisation", "organization");
        String form = Pages.anonymous().get("/editions/" + edition).then().statusCode(200).extract().asString();
        JsonPath relay = Api.register(edition, Api.relay("Awa", "auto-" + System.nanoTime() + "@example.org", List.of()));
        String own = Pages.anonymous().get("/r/" + relay.getString("manageToken")).then().statusCode(200).extract().asString();
        Pages organiser = Pages.signIn();
        String entered = organiser.get("/organiser/editions/" + edition + "/registrations/" + relay.getLong("id")).then()
                .statusCode(200).extract().asString();
        purposes.forEach((field, purpose) -> {
            assertEquals(purpose, autocomplete(form, field), field + " on the form");
            assertEquals("off", autocomplete(entered, field), field + " on the organiser's page");
        });
        purposes.forEach((field, purpose) -> {
            if (!field.equals("email")) { // the relay's page has no e-mail field
                assertEquals(purpose, autocomplete(own, field), field + " on the relay's page");
            }
        });
        organiser.get("/door/editions/" + edition + "/walk-in").then().statusCode(200)
                .body(containsString("class=\"stack\" autocomplete=\"off\""));
    }

    /** The autocomplete attribute of a form's field, or "" when it has none. */
    private static String autocomplete(String page, String field) {
        java.util.regex.Matcher input = java.util.regex.Pattern.compile("<input id=\"f-" + field + "\"[^>]*>").matcher(page);
        assertTrue(input.find(), field + " in " + page);
        java.util.regex.Matcher value = java.util.regex.Pattern.compile("autocomplete=\"([^\"]*)\"").matcher(input.group());
        return value.find() ? value.group(1) : "";
    }

    /** The session form refuses fewer seats than relays seated: shown again, the field marked, what was typed kept. */
    @Test
    void theSessionFormRefusesFewerSeatsThanRelaysSeated() {
        long edition = Api.openEdition();
        long room = Api.space(edition, "Studio", "STUDIO", 40);
        long session = Api.session(edition, room, Api.forumDay(), "11:00", "12:00", 2);
        register(edition, Api.relay("A", "a-" + System.nanoTime() + "@example.org", List.of(session)));
        register(edition, Api.relay("B", "b-" + System.nanoTime() + "@example.org", List.of(session)));
        String path = "/organiser/editions/" + edition + "/sessions/" + session;
        Pages pages = Pages.signIn();
        pages.form(path, Map.of("kind", "WORKSHOP", "title", "Atelier renommé", "spaceId", String.valueOf(room),
                "day", Api.forumDay(), "startsAt", "11:00", "endsAt", "12:00", "seats", "1", "registration", "true"))
                .then().statusCode(422)
                .body(containsString("2 relais ont déjà une place dans cette séance : pas moins de 2 places."))
                .body(containsString("value=\"Atelier renommé\"")).body(containsString("value=\"1\""));
        Api.organiser().get("/api/v1/editions/" + edition + "/sessions/" + session).then()
                .body("seats", equalTo(2)).body("title", equalTo("Atelier 11:00"));
    }

    @Test
    void theOrganiserConfirmsByHandOnlyWhenASeatIsFree() {
        long edition = Api.openEdition();
        long room = Api.space(edition, "Studio", "STUDIO", 40);
        long session = Api.session(edition, room, Api.forumDay(), "11:00", "12:00", 1);
        register(edition, Api.relay("Assise", "a-" + System.nanoTime() + "@example.org", List.of(session)));
        String second = register(edition, Api.relay("Deux", "b-" + System.nanoTime() + "@example.org", List.of(session)));
        Map<String, Object> withNeeds = Api.relay("Trois", "c-" + System.nanoTime() + "@example.org", List.of(session));
        withNeeds.put("accessibilityNeeds", Map.of("needs", List.of("WHEELCHAIR", "SIGN_LANGUAGE"), "notes", "<b>chien</b> guide"));
        String third = register(edition, withNeeds);

        Pages pages = Pages.signIn();
        String page = "/organiser/editions/" + edition + "/sessions/" + session + "/attendees";
        String html = pages.get(page).then().statusCode(200).extract().asString();
        // Whoever runs the session sees the needs to prepare for, on the screen and the printed sheet; so does its door.
        String needs = "Fauteuil roulant, Langue des signes · &lt;b&gt;chien&lt;/b&gt; guide";
        assertTrue(html.contains(needs), html);
        assertTrue(pages.get("/door/editions/" + edition + "/sessions/" + session).then().statusCode(200).extract().asString()
                .contains(needs));
        assertTrue(pages.get("/organiser/editions/" + edition + "/registrations").then().statusCode(200).extract().asString()
                .contains(needs));
        List<String> bookingIds = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/bookings/(\\d+)/confirm").matcher(html);
        while (m.find()) {
            bookingIds.add(m.group(1));
        }
        assertEquals(2, bookingIds.size(), "two waiting");
        String thirdBooking = bookingIds.get(1);
        // The session is full: the button says so before it is pressed, and leads to adding seats.
        assertTrue(html.contains("La séance est complète\u00a0: pour donner une place à une personne qui attend, ajoutez d’abord des places."
                + " <a href=\"/organiser/editions/" + edition + "/sessions/" + session + "#form\">"), html);
        assertEquals(2, html.split("disabled aria-describedby=\"full-hint\">Donner une place</button>").length - 1, html);

        pages.form("/organiser/editions/" + edition + "/bookings/" + thirdBooking + "/confirm", Map.of())
                .then().statusCode(409).body(containsString("est complet : ajoutez des places"));
        // a change lands where it was made on a long list: the relay's row, which says it is done
        String up = pages.form("/organiser/editions/" + edition + "/bookings/" + thirdBooking + "/up", Map.of()).then()
                .statusCode(303).extract().header("Location");
        assertTrue(up.endsWith(page + "?done=saved&at=b" + thirdBooking + "#b" + thirdBooking), up);
        String landed = pages.get(up.substring(up.indexOf(page), up.indexOf('#'))).then().statusCode(200).extract().asString();
        String row = landed.substring(landed.indexOf("<tr id=\"b" + thirdBooking + "\">"));
        row = row.substring(0, row.indexOf("</tr>"));
        assertTrue(row.contains("Trois") && row.contains("<p class=\"flash\" role=\"status\">"), row);
        assertEquals(1, landed.split("class=\"flash\"").length - 1, "said once, in the row, not at the top too");
        given().get("/api/v1/registrations/" + third).then().body("sessions[0].waitlistPosition", equalTo(1));
        given().get("/api/v1/registrations/" + second).then().body("sessions[0].waitlistPosition", equalTo(2));

        String seatedBooking = pages.get(page).then().extract().asString()
                .replaceAll("(?s).*?/bookings/(\\d+)/remove.*", "$1");
        String removal = "/organiser/editions/" + edition + "/bookings/" + seatedBooking + "/remove";
        pages.form(removal, Map.of()).then().statusCode(200) // without JavaScript, it asks first
                .body(containsString("de cette séance\u00a0? Cette personne en est prévenue par e-mail.</h1>"))
                .body(containsString("action=\"" + removal + "\"")).body(containsString(">Retirer</button>"))
                .body(containsString("<a href=\"" + page + "\">Non, revenir en arrière</a>"));
        given().get("/api/v1/registrations/" + third).then().body("sessions[0].waitlistPosition", equalTo(1));
        // a removal lands at the list the relay was in, now without them
        pages.form(removal, Map.of("confirmed", "yes")).then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith(page + "?done=saved&at=seated#seated"));
        String seated = pages.get(page + "?done=saved&at=seated").then().statusCode(200).extract().asString();
        assertTrue(seated.contains("<h2 id=\"seated\">") && seated.indexOf("class=\"flash\"") > seated.indexOf("<h2 id=\"seated\">")
                && seated.indexOf("class=\"flash\"") < seated.indexOf("<h2 id=\"waiting\">"), seated);
        given().get("/api/v1/registrations/" + third).then().body("sessions[0].status", equalTo("CONFIRMED"));
        given().get("/api/v1/registrations/" + second).then().body("sessions[0].waitlistPosition", equalTo(1));
    }

    /**
     * The organiser moves a relay to another session where a seat is free: the seat left goes to
     * the waiting list, the relay is told, and a full or overlapping session, or one they have, is refused.
     */
    @Test
    void theOrganiserMovesARelayToAnotherSessionWithASeatFree() {
        long edition = Api.openEdition();
        long room = Api.space(edition, "Studio", "STUDIO", 40);
        String day = Api.forumDay();
        long a = Api.session(edition, room, day, "11:00", "12:00", 1);
        long b = titled(edition, Api.sessionBody(room, day, "14:00", "15:00", 2), "Atelier B");
        long c = titled(edition, Api.sessionBody(Api.space(edition, "Salle", "ROOM", 40), day, "11:30", "12:30", 5), "Atelier C");
        long d = titled(edition, Api.sessionBody(Api.space(edition, "Hall", "HALL", 40), day, "14:00", "15:00", 5), "Atelier D");
        String run = "move-" + System.nanoTime();
        String x = register(edition, Api.relay("Xavier", run + "-x@example.org", List.of(a)));
        String y = register(edition, Api.relay("Yasmina", run + "-y@example.org", List.of(a, d)));
        register(edition, Api.relay("Wassila", run + "-w@example.org", List.of(b)));

        Pages pages = Pages.signIn();
        String pageA = "/organiser/editions/" + edition + "/sessions/" + a + "/attendees";
        String html = pages.get(pageA).then().statusCode(200).extract().asString();
        List<String> movable = bookings(html);
        assertEquals(2, movable.size(), "the seated relay and the waiting one can be moved");
        assertTrue(html.contains("<option value=\"" + b + "\">14:00 · Atelier B · 1 place restante</option>"), html);
        assertTrue(html.contains("<option value=\"" + c + "\">") && html.contains("<option value=\"" + d + "\">"), html);
        assertFalse(html.contains("<option value=\"" + a + "\">"), "not to the session itself");
        String forX = moveList(html, movable.get(0));
        String forY = moveList(html, movable.get(1));
        assertTrue(forX.contains("<option value=\"" + b + "\">") && forX.contains("<option value=\"" + d + "\">"), forX);
        assertTrue(forY.contains("<option value=\"" + c + "\">"), forY);
        assertFalse(forY.contains("<option value=\"" + b + "\">"), "B overlaps D, which Yasmina keeps");
        assertFalse(forY.contains("<option value=\"" + d + "\">"), "D is hers already");

        pages.form("/organiser/editions/" + edition + "/bookings/" + movable.get(0) + "/move", Map.of("sessionId", String.valueOf(b)))
                .then().statusCode(303).header("Location", endsWith(pageA + "?done=booking-moved&at=seated#seated")); // where X sat
        given().get("/api/v1/registrations/" + x).then().body("sessions.sessionId", equalTo(List.of((int) b)))
                .body("sessions[0].status", equalTo("CONFIRMED"));
        given().get("/api/v1/registrations/" + y).then().body("sessions[0].sessionId", equalTo((int) a))
                .body("sessions[0].status", equalTo("CONFIRMED")); // the seat left went to the waiting list
        html = pages.get(pageA + "?done=booking-moved").then().extract().asString();
        assertTrue(html.contains("Le relais est déplacé ; il en est prévenu par e-mail."), html);
        assertFalse(html.contains("<option value=\"" + b + "\">"), "B is full now: not offered");

        String pageD = pages.get("/organiser/editions/" + edition + "/sessions/" + d + "/attendees").asString();
        assertEquals(List.of(), bookings(pageD), "B is full, C overlaps A, A is hers: nowhere to move Yasmina from D");
        java.util.regex.Matcher removable = java.util.regex.Pattern.compile("/bookings/(\\d+)/remove").matcher(pageD);
        assertTrue(removable.find(), pageD);
        String yInD = removable.group(1);
        String yInA = bookings(html).get(0);
        String move = "/organiser/editions/" + edition + "/bookings/";
        pages.form(move + yInD + "/move", Map.of("sessionId", String.valueOf(b))).then().statusCode(409)
                .body(containsString("« Atelier B » est complet"));
        pages.form(move + yInD + "/move", Map.of("sessionId", String.valueOf(c))).then().statusCode(409)
                .body(containsString("« Atelier C » chevauche « Atelier 11:00 »"));
        pages.form(move + yInA + "/move", Map.of("sessionId", String.valueOf(d))).then().statusCode(409)
                .body(containsString("a déjà « Atelier D »"));
        pages.form(move + yInA + "/move", Map.of("sessionId", String.valueOf(Api.workshop(Api.openEdition(), 5))))
                .then().statusCode(404);
        pages.form(move + yInA + "/move", Map.of("sessionId", "<b>")).then().statusCode(404);
        given().get("/api/v1/registrations/" + y).then().body("sessions.sessionId", equalTo(List.of((int) a, (int) d)));

        worker.sendDue();
        Mail moved = mailbox.getMailsSentTo(run + "-x@example.org").stream()
                .filter(m -> m.getSubject().startsWith("Vos séances ont changé : ")).findFirst().orElseThrow();
        // the new session, and the session left, each with its time (a workshop given twice has one title)
        String both = "vous avez désormais une place à « Atelier B », le [^,]+ de 14:00 à 15:00, au lieu de "
                + "« Atelier 11:00 », le [^,]+ de 11:00 à 12:00 ;";
        assertTrue(java.util.regex.Pattern.compile(both).matcher(moved.getText()).find(), moved.getText());
        assertTrue(java.util.regex.Pattern.compile(both).matcher(moved.getHtml()).find(), moved.getHtml());
        assertTrue(mailbox.getMailsSentTo(run + "-y@example.org").stream()
                .anyMatch(m -> m.getSubject().startsWith("Une place s’est libérée")), "the waiting relay moved up");

        // the session left behind does not count as a clash: from A to C, which overlaps A only
        pages.form(move + yInA + "/move", Map.of("sessionId", String.valueOf(c))).then().statusCode(303);
        given().get("/api/v1/registrations/" + y).then().body("sessions.sessionId", equalTo(List.of((int) c, (int) d)));
    }

    /** The relay's own page, for the organiser: their sessions, each movable there, and the page shown again on a refusal. */
    @Test
    void theRelaysPageListsTheirSessionsAndMovesThemThere() {
        long edition = Api.openEdition();
        long room = Api.space(edition, "Studio", "STUDIO", 40);
        String day = Api.forumDay();
        long a = Api.session(edition, room, day, "11:00", "12:00", 1);
        long b = Api.session(edition, room, day, "14:00", "15:00", 3);
        long c = titled(edition, Api.sessionBody(Api.space(edition, "Salle", "ROOM", 40), day, "14:00", "15:00", 3), "Atelier C");
        long d = titled(edition, Api.sessionBody(Api.space(edition, "Hall", "HALL", 40), day, "11:30", "12:30", 3), "Atelier D");
        long e = titled(edition, Api.sessionBody(room, day, "15:00", "16:00", 1), "Atelier E");
        String email = "relay-page-" + System.nanoTime() + "@example.org";
        io.restassured.path.json.JsonPath relay = Api.register(edition, Api.relay("Zoé", email, List.of(a, b)));
        String page = "/organiser/editions/" + edition + "/registrations/" + relay.getLong("id");

        Pages pages = Pages.signIn();
        String html = pages.get(page).then().statusCode(200).extract().asString();
        assertTrue(html.contains(hours("11:00–12:00") + " · <a href=\"/organiser/editions/" + edition + "/sessions/" + a
                + "/attendees\">Atelier 11:00</a>"), html);
        assertTrue(html.contains("place réservée"), html);
        assertTrue(html.contains("<option value=\"" + c + "\">") && html.contains("<option value=\"" + d + "\">"), html);
        assertFalse(html.contains("<option value=\"" + a + "\">") || html.contains("<option value=\"" + b + "\">"),
                "not to a session they have");
        List<String> held = bookings(html);
        assertEquals(2, held.size(), html);

        assertTrue(html.contains("<option value=\"\">Choisir une séance…</option>"), "nothing chosen until the organiser chooses");
        assertEquals(2, html.split("<option value=\"\">Autre séance…</option>", -1).length - 1,
                "each seat's move offers another session, in words short enough for a phone's cell");

        String move = "/organiser/editions/" + edition + "/bookings/";
        pages.form(move + held.get(1) + "/move", Map.of("sessionId", "", "back", "registration")).then().statusCode(422)
                .body(containsString("Choisissez d’abord une séance dans la liste."))
                .body(containsString("<h1>Inscription de Zoé Relais</h1>"));
        pages.form(move + held.get(1) + "/move", Map.of("sessionId", String.valueOf(c), "back", "registration"))
                .then().statusCode(303).header("Location", endsWith(page + "?done=booking-moved"));
        given().get("/api/v1/registrations/" + relay.getString("manageToken")).then()
                .body("sessions.sessionId", equalTo(List.of((int) a, (int) c)));
        String moved = bookings(pages.get(page).asString()).get(1);
        pages.form(move + moved + "/move", Map.of("sessionId", String.valueOf(d), "back", "registration")).then()
                .statusCode(409).body(containsString("<h1>Inscription de Zoé Relais</h1>"))
                .body(containsString("« Atelier D » chevauche « Atelier 11:00 »"));
        given().get("/api/v1/registrations/" + relay.getString("manageToken")).then()
                .body("sessions.sessionId", equalTo(List.of((int) a, (int) c)));

        // one more session, booked by the organiser from the same page
        String add = page + "/sessions";
        assertTrue(pages.get(page).asString().contains("action=\"" + add + "\""), "the form to book one more");
        pages.form(add, Map.of("sessionId", "")).then().statusCode(422)
                .body(containsString("Choisissez d’abord une séance dans la liste."));
        pages.form(add, Map.of("sessionId", String.valueOf(d))).then().statusCode(409)
                .body(containsString("« Atelier D » chevauche « Atelier 11:00 »"));
        pages.form(add, Map.of("sessionId", String.valueOf(e))).then().statusCode(303)
                .header("Location", endsWith(page + "?done=session-added"));
        given().get("/api/v1/registrations/" + relay.getString("manageToken")).then()
                .body("sessions.sessionId", equalTo(List.of((int) a, (int) c, (int) e)))
                .body("sessions[2].status", equalTo("CONFIRMED"));
        pages.form(add, Map.of("sessionId", String.valueOf(e))).then().statusCode(409).body(containsString("a déjà « Atelier E »"));
        worker.sendDue();
        assertTrue(mailbox.getMailsSentTo(email).stream().anyMatch(m -> m.getSubject().startsWith("Vos séances ont changé : ")
                && m.getText().contains("vous ont réservé une place à « Atelier E »")), "the relay is told");
    }

    /**
     * A relay on the phone asks for a full workshop: the organiser books them into it from their page,
     * at the end of its waiting list; a move, which would give up a place they hold, never waits.
     */
    @Test
    void theOrganiserPutsARelayOnAFullSessionsWaitingList() {
        long edition = Api.openEdition();
        long room = Api.space(edition, "Studio", "STUDIO", 40);
        String day = Api.forumDay();
        long full = titled(edition, Api.sessionBody(room, day, "11:00", "12:00", 1), "Atelier complet");
        long other = titled(edition, Api.sessionBody(room, day, "14:00", "15:00", 5), "Atelier libre");
        long spare = titled(edition, Api.sessionBody(room, day, "15:00", "16:00", 5), "Atelier du soir");
        long clash = titled(edition, Api.sessionBody(room, day, "14:30", "15:30", 5), "Atelier chevauchant");
        String seated = register(edition, Api.relay("Assise", "seated-" + System.nanoTime() + "@example.org", List.of(full)));
        String first = register(edition, Api.relay("Première", "first-" + System.nanoTime() + "@example.org", List.of(full)));
        String email = "waiting-" + System.nanoTime() + "@example.org";
        io.restassured.path.json.JsonPath relay = Api.register(edition, Api.relay("Zoé", email, List.of(other)));
        String token = relay.getString("manageToken");
        String page = "/organiser/editions/" + edition + "/registrations/" + relay.getLong("id");

        Pages pages = Pages.signIn();
        String html = pages.get(page).then().statusCode(200).extract().asString();
        assertTrue(html.contains("<option value=\"" + full + "\">11:00 · Atelier complet · complet : liste d’attente, 1 personne attend</option>"),
                html);
        String moveList = html.substring(html.indexOf("/move\""), html.indexOf("id=\"add-session\""));
        assertTrue(moveList.contains("<option value=\"" + spare + "\">"), moveList);
        assertFalse(moveList.contains("<option value=\"" + full + "\">"), "a move is offered free seats only");
        assertTrue(moveList.contains("<option value=\"" + clash + "\">"), "moving out of 14:00, 14:30 does not overlap");
        String addList = html.substring(html.indexOf("id=\"add-session\""), html.indexOf("</select>", html.indexOf("id=\"add-session\"")));
        assertFalse(addList.contains("<option value=\"" + clash + "\">"), "an addition overlapping their 14:00 is not offered");
        assertTrue(addList.contains("<option value=\"" + spare + "\">"), addList);
        assertTrue(html.contains("Les séances qui chevauchent les siennes ne sont pas proposées"), "the page says why");
        pages.form("/organiser/editions/" + edition + "/bookings/" + bookings(html).get(0) + "/move",
                Map.of("sessionId", String.valueOf(full), "back", "registration")).then().statusCode(409)
                .body(containsString("Atelier complet"));
        given().get("/api/v1/registrations/" + token).then().body("sessions.sessionId", equalTo(List.of((int) other)));

        pages.form(page + "/sessions", Map.of("sessionId", String.valueOf(full))).then().statusCode(303)
                .header("Location", endsWith(page + "?done=waitlist-joined"));
        given().get("/api/v1/registrations/" + token).then()
                .body("sessions.sessionId", equalTo(List.of((int) full, (int) other)))
                .body("sessions[0].status", equalTo("WAITLISTED")).body("sessions[0].waitlistPosition", equalTo(2));
        html = pages.get(page + "?done=waitlist-joined").then().body(containsString("Le relais est inscrit sur la liste d’attente"))
                .body(containsString("liste d’attente, position 2")).extract().asString();
        String fullMoves = moveList(html, bookings(html).get(0));
        assertTrue(fullMoves.contains("<option value=\"" + spare + "\">"), fullMoves);
        assertFalse(fullMoves.contains("<option value=\"" + clash + "\">"), "leaving 11:00, 14:30 still overlaps their 14:00");
        worker.sendDue();
        List<Mail> told = mailbox.getMailsSentTo(email);
        assertTrue(told.stream().anyMatch(m -> m.getSubject().startsWith("Vous êtes sur une liste d’attente : ")
                && m.getText().contains("« Atelier complet », le ") && m.getText().contains("les organisateurs vous ont inscrit·e sur sa liste d’attente")
                && m.getText().contains("Atelier complet · Studio — liste d’attente, position 2")), "the relay is told where they stand");

        // the seat comes in turn; a waiting-list mail not yet gone when it does is set aside
        given().delete("/api/v1/registrations/" + seated).then().statusCode(204);
        given().get("/api/v1/registrations/" + token).then().body("sessions[0].waitlistPosition", equalTo(1));
        String later = "later-" + System.nanoTime() + "@example.org";
        String laterToken = register(edition, Api.relay("Tardive", later, List.of(other)));
        long laterId = given().get("/api/v1/registrations/" + laterToken).jsonPath().getLong("id");
        pages.form("/organiser/editions/" + edition + "/registrations/" + laterId + "/sessions",
                Map.of("sessionId", String.valueOf(full))).then().statusCode(303);
        given().delete("/api/v1/registrations/" + token).then().statusCode(204);
        given().delete("/api/v1/registrations/" + first).then().statusCode(204);
        given().get("/api/v1/registrations/" + laterToken).then().body("sessions[0].status", equalTo("CONFIRMED"));
        worker.sendDue();
        List<String> subjects = mailbox.getMailsSentTo(later).stream().map(Mail::getSubject).toList();
        assertTrue(subjects.stream().anyMatch(s -> s.startsWith("Une place s’est libérée : ")), subjects.toString());
        assertFalse(subjects.stream().anyMatch(s -> s.startsWith("Vous êtes sur une liste d’attente")), subjects.toString());
    }

    /** Once the forum is held, its seats and waiting lists say who had a place: the organisers' hand on them stops. */
    @Test
    void afterTheForumTheSeatsAndWaitingListsNoLongerChange() {
        long edition = Api.openEdition();
        long room = Api.space(edition, "Studio", "STUDIO", 40);
        long session = Api.session(edition, room, Api.forumDay(), "11:00", "12:00", 1);
        long other = Api.session(edition, room, Api.forumDay(), "14:00", "15:00", 5);
        JsonPath seated = Api.register(edition, Api.relay("Assise", "a-" + System.nanoTime() + "@example.org", List.of(session)));
        String waiting = register(edition, Api.relay("Attend", "w-" + System.nanoTime() + "@example.org", List.of(session)));
        Pages pages = Pages.signIn();
        String attendees = "/organiser/editions/" + edition + "/sessions/" + session + "/attendees";
        String relay = "/organiser/editions/" + edition + "/registrations/" + seated.getLong("id");
        String before = pages.get(attendees).then().statusCode(200).extract().asString();
        List<String> moving = bookings(before); // the seated, then the one waiting
        assertEquals(2, moving.size(), before);
        assertTrue(pages.get(relay).asString().contains(relay + "/sessions\""), "a session can be added before");

        Api.advance(edition, "REGISTRATION_CLOSED", "HELD");
        pages.get(attendees).then().statusCode(200).body(containsString("Assise")).body(containsString("Attend"))
                .body(containsString("Ce forum est clos : les places et les listes d’attente ne se modifient plus."))
                .body(not(containsString("/bookings/")));
        pages.get(relay).then().statusCode(200).body(not(containsString("/bookings/")))
                .body(not(containsString(relay + "/sessions\""))).body(not(containsString(relay + "/cancel")))
                .body(containsString("où il retrouve son inscription")); // the link sent again no longer changes anything
        String refused = "Ce forum est clos : les places et les listes d’attente ne se modifient plus.";
        pages.form("/organiser/editions/" + edition + "/bookings/" + moving.get(0) + "/remove", Map.of()).then().statusCode(409)
                .body(containsString(refused));
        pages.form("/organiser/editions/" + edition + "/bookings/" + moving.get(1) + "/confirm", Map.of()).then().statusCode(409)
                .body(containsString(refused));
        pages.form("/organiser/editions/" + edition + "/bookings/" + moving.get(0) + "/move", Map.of("sessionId", String.valueOf(other)))
                .then().statusCode(409).body(containsString(refused));
        pages.form(relay + "/sessions", Map.of("sessionId", String.valueOf(other))).then().statusCode(409)
                .body(containsString(refused));
        given().get("/api/v1/registrations/" + seated.getString("manageToken")).then().body("sessions.size()", equalTo(1))
                .body("sessions[0].status", equalTo("CONFIRMED"));
        given().get("/api/v1/registrations/" + waiting).then().body("sessions[0].waitlistPosition", equalTo(1));

        // the programme's record may still be corrected, but nobody is told of a day gone and nobody is seated
        worker.sendDue();
        String waitingEmail = given().get("/api/v1/registrations/" + waiting).then().extract().jsonPath().getString("email");
        int mailsBefore = mailbox.getMailsSentTo(waitingEmail).size();
        Api.changeSession(edition, session, Api.sessionBody(room, Api.forumDay(), "11:30", "12:30", 2)).then().statusCode(200);
        worker.sendDue();
        assertEquals(mailsBefore, mailbox.getMailsSentTo(waitingEmail).size(), "no mail about a past forum");
        given().get("/api/v1/registrations/" + waiting).then().body("sessions[0].status", equalTo("WAITLISTED"));
        Api.organiser().delete("/api/v1/editions/" + edition + "/sessions/" + session).then().statusCode(409)
                .body("detail", equalTo("Ce forum est clos : « Atelier 11:30 » a des inscrits et ne se supprime plus."));
        pages.form("/organiser/editions/" + edition + "/sessions/" + session + "/delete", Map.of()).then().statusCode(409)
                .body(containsString("<p class=\"problem\" role=\"alert\">Ce forum est clos : « Atelier 11:30 » a des inscrits"))
                .body(containsString("value=\"Atelier 11:30\"")); // its form, as stored
        Api.organiser().delete("/api/v1/editions/" + edition + "/sessions/" + other).then().statusCode(204); // nobody had it
    }

    private static long titled(long edition, Map<String, Object> body, String title) {
        body.put("title", title);
        return Api.organiser().body(body).post("/api/v1/editions/" + edition + "/sessions").then().statusCode(201).extract()
                .jsonPath().getLong("id");
    }

    /** The sessions a page offers to move a booking to: its list's options. */
    private static String moveList(String html, String booking) {
        int form = html.indexOf("/bookings/" + booking + "/move");
        return html.substring(form, html.indexOf("</select>", form));
    }

    /** A time range as the pages write it (tags/hours.html): kept on one line, a narrow screen breaking it nowhere. */
    private static String hours(String range) {
        return "<span style=\"white-space: nowrap\">" + range + "</span>";
    }

    /** The bookings a session's page offers to move, in its order: the seated, then the waiting list. */
    private static List<String> bookings(String html) {
        List<String> ids = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/bookings/(\\d+)/move").matcher(html);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    @Test
    void theRegistrationFormKeepsWhatWasTypedAndOffersToResendTheLink() {
        long edition = Api.openEdition();
        String email = "dup-" + System.nanoTime() + "@example.org";
        register(edition, Api.relay("Déjà", email, List.of()));
        Pages visitor = Pages.anonymous();
        visitor.form("/editions/" + edition + "/register", Map.of("firstName", "Déjà", "lastName", "<i>Là</i>",
                        "email", email, "organisation", "Asso", "sector", "justice", "role", "educator", "consent", "true"))
                .then().statusCode(409).body(containsString("est déjà inscrit·e"))
                .body(containsString("value=\"&lt;i&gt;Là&lt;/i&gt;\"")).body(containsString("/editions/" + edition + "/resend"));
        visitor.form("/editions/" + edition + "/resend", Map.of("email", email)).then().statusCode(303);
    }

    /**
     * The link asked for again through the public form, which anyone may fill in with any address, goes
     * once in a quarter of an hour at most: pressing twice sends one mail, and a later asking another.
     */
    @Test
    void theLinkAskedForAgainGoesOnceInAQuarterOfAnHour() {
        long edition = Api.openEdition();
        String email = "again-" + System.nanoTime() + "@example.org";
        long id = Api.register(edition, Api.relay("Encore", email, List.of())).getLong("id");
        Pages visitor = Pages.anonymous();
        for (int press = 0; press < 3; press++) {
            visitor.form("/editions/" + edition + "/resend", Map.of("email", email)).then().statusCode(303)
                    .header("Location", containsString("done=link-sent"));
        }
        visitor.get("/editions/" + edition + "?done=link-sent").then()
                .body(containsString("Il n’y part qu’une fois par quart d’heure\u00a0: s’il n’arrive pas"));
        worker.sendDue();
        assertEquals(1, links(mailbox, email), "one link for three presses");

        // The API's way (offered by its 409 to an address already registered) counts the same.
        String api = "/api/v1/editions/" + edition + "/registrations/link";
        given().contentType("application/json").body(Map.of("email", email)).post(api).then().statusCode(202);
        worker.sendDue();
        assertEquals(1, links(mailbox, email), "the API's asking within the same quarter of an hour");

        aQuarterOfAnHourLater(id);
        visitor.form("/editions/" + edition + "/resend", Map.of("email", email)).then().statusCode(303);
        worker.sendDue();
        assertEquals(2, links(mailbox, email), "again a quarter of an hour later");
        aQuarterOfAnHourLater(id);
        given().contentType("application/json").body(Map.of("email", email.toUpperCase())).post(api).then().statusCode(202);
        worker.sendDue();
        assertEquals(3, links(mailbox, email), "and through the API, the address in any case");
    }

    /**
     * Two askings in the same instant (a double press, two tabs) send one link: the second waits for the first to be
     * written, then counts it. Here the first is held open while the second asks through the API.
     */
    @Test
    void twoAskingsAtTheSameInstantSendTheLinkOnce() throws Exception {
        long edition = Api.openEdition();
        String email = "twice-" + System.nanoTime() + "@example.org";
        Api.register(edition, Api.relay("Deux", email, List.of()));
        var second = new CompletableFuture<Integer>();
        QuarkusTransaction.requiringNew().run(() -> {
            registrations.resendLink(edition, email);
            Thread asking = new Thread(() -> second.complete(given().contentType("application/json").body(Map.of("email", email))
                    .post("/api/v1/editions/" + edition + "/registrations/link").statusCode()));
            asking.start();
            try {
                asking.join(1500); // long enough to write its own mail, had it not waited for this one
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(202, second.get(30, TimeUnit.SECONDS));
        worker.sendDue();
        assertEquals(1, links(mailbox, email), "one link for two askings at once");
    }

    /** Sets the relay's mails 16 minutes back, as if a quarter of an hour had gone by since. */
    private static void aQuarterOfAnHourLater(long registrationId) {
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> org.relais.mail.OutboxMail.update(
                "createdAt = ?1 where registration.id = ?2", java.time.OffsetDateTime.now().minusMinutes(16), registrationId));
    }

    private static long links(MockMailbox mailbox, String email) {
        return mailbox.getMailsSentTo(email).stream().filter(m -> m.getSubject().startsWith("Votre lien d’inscription")).count();
    }

    /** A forum that has all the relays it takes says so before anyone fills in the form, and still resends a link. */
    @Test
    void aFullForumSaysSoInsteadOfOfferingTheForm() {
        long edition = Api.openEdition();
        Api.relayCapacity(edition, 1);
        Pages visitor = Pages.anonymous();
        String page = "/editions/" + edition;
        visitor.get(page).then().body(containsString("action=\"/editions/" + edition + "/register#register\""))
                .body(not(containsString("Le forum est complet")));
        String email = "full-" + System.nanoTime() + "@example.org";
        register(edition, Api.relay("Seule", email, List.of()));

        visitor.get(page).then().statusCode(200).body(containsString("<p class=\"notice\">Le forum est complet\u00a0:"))
                .body(not(containsString("/register#register\""))).body(containsString("action=\"/editions/" + edition + "/resend\""));
        given().get("/").then().body(containsString("Le forum est complet\u00a0: le nombre maximal de relais est atteint."
                + " <a href=\"/editions/" + edition + "\">"));
        // A form read before it filled up is answered with the reason, not with a form no one can send.
        visitor.form(page + "/register", Map.of("firstName", "Tard", "lastName", "Venue", "email", "late-" + System.nanoTime()
                        + "@example.org", "organisation", "Asso", "sector", "justice", "role", "educator", "consent", "true"))
                .then().statusCode(409).body(containsString("<p class=\"problem\" role=\"alert\">Le forum est complet"));
        visitor.form(page + "/resend", Map.of("email", email)).then().statusCode(303);
        worker.sendDue();
        assertTrue(mailbox.getMailsSentTo(email).stream().anyMatch(m -> m.getSubject().startsWith("Votre lien d’inscription")),
                "the link goes again to the one registered");
    }

    @Test
    void aTenThousandCharacterNameIsRefusedByNameOnThePublicForm() {
        long edition = Api.openEdition();
        // Before, the web server refused a field over 2 KB itself: a bare 413 page, the form and its words lost.
        Pages.anonymous().form("/editions/" + edition + "/register", Map.of("firstName", "x".repeat(10_000),
                        "lastName", "<script>alert(1)</script>", "email", "long-" + System.nanoTime() + "@example.org",
                        "organisation", "Asso", "sector", "justice", "role", "educator", "consent", "true"))
                .then().statusCode(422).body(containsString("100 caractères au plus (il y en a 10000)."))
                .body(containsString("id=\"e-firstName\"")).body(containsString("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\""))
                .body(not(containsString("<script>alert(1)")));
    }

    /** A screen reader on the sector's choice says it is required, wrong and why, as on a text field; and the consent too. */
    @Test
    void aChoiceLeftEmptyIsFlaggedAndTiedToItsMessage() {
        long edition = Api.openEdition();
        Pages.anonymous().form("/editions/" + edition + "/register", Map.of("firstName", "Awa", "lastName", "Diallo",
                        "email", "choice-" + System.nanoTime() + "@example.org", "organisation", "Asso", "role", "educator"))
                .then().statusCode(422)
                .body(containsString("<select id=\"f-sector\" name=\"sector\" required aria-invalid=\"true\" aria-describedby=\"e-sector\">"))
                .body(containsString("<small class=\"error\" id=\"e-sector\">"))
                .body(containsString("<select id=\"f-role\" name=\"role\" required>"))
                .body(containsString("name=\"consent\" value=\"true\" required aria-invalid=\"true\" aria-describedby=\"e-consent\">"))
                .body(containsString("<small class=\"error\" id=\"e-consent\">"));
    }

    @Test
    void draftsAreNotPublicAndClosedEditionsTakeNoRegistration() {
        long draft = Api.edition(Api.forumDay());
        given().get("/editions/" + draft).then().statusCode(404);
        long open = Api.openEdition();
        Api.organiser().body(Map.of("status", "REGISTRATION_CLOSED")).post("/api/v1/editions/" + open + "/status");
        given().get("/editions/" + open).then().statusCode(200).body(containsString("<p class=\"notice\">Les inscriptions sont closes.</p>"))
                .body(not(containsString("/register\"")))
                .body(not(containsString("/register#register\""))); // the form's own address
        given().get("/privacy").then().statusCode(200).body(containsString("puis effacées"));
    }

    /**
     * A forum left open with no closing date (its organisers never moved it to held) takes no relay once its last day
     * has gone by: the page says it took place and has no form, and the API refuses. On its day, it still takes them.
     */
    @Test
    void aForumWhoseLastDayHasGoneByTakesNoRegistrationEvenLeftOpen() {
        LocalDate today = zone.today();
        long over = Api.organiser().body(Map.of("number", Api.uniqueNumber(), "title", "Forum resté ouvert",
                        "days", List.of(Api.day(today.minusDays(1).toString()))))
                .post("/api/v1/editions").then().statusCode(201).extract().jsonPath().getLong("id");
        long onItsDay = Api.organiser().body(Map.of("number", Api.uniqueNumber(), "title", "Forum du jour",
                        "days", List.of(Api.day(today.toString()))))
                .post("/api/v1/editions").then().statusCode(201).extract().jsonPath().getLong("id");
        Api.advance(over, "REGISTRATION_OPEN");
        Api.advance(onItsDay, "REGISTRATION_OPEN");

        given().get("/editions/" + over).then().statusCode(200)
                .body(containsString("Ce forum a eu lieu le " + Messages.longDate(today.minusDays(1), Locale.FRENCH)))
                .body(containsString("Aucune séance n’était au programme de ce forum.")).body(not(containsString("pas encore publié")))
                .body(not(containsString("/register#register\"")));
        given().contentType("application/json").body(Api.relay("Tard", "late-" + System.nanoTime() + "@example.org", List.of()))
                .post("/api/v1/editions/" + over + "/registrations").then().statusCode(409)
                .body("detail", equalTo("Les inscriptions à cette édition ne sont pas ouvertes."));
        // A form opened while it was there (its token taken here from the other forum), sent now: refused, nothing kept.
        Pages.anonymous().formOpenedOn("/editions/" + onItsDay, "/editions/" + over + "/register",
                        Map.of("firstName", "Tard", "lastName", "Relais", "email", "late-page-" + System.nanoTime() + "@example.org",
                                "organisation", "Lire ensemble", "sector", "french-language", "role", "volunteer",
                                "language", "fr", "consent", "on"))
                .then().statusCode(409);
        Api.organiser().get("/api/v1/editions/" + over + "/registrations").then().body("size()", equalTo(0));

        given().get("/editions/" + onItsDay).then().statusCode(200).body(containsString("/register#register\""));
        // The organisers are told that it counts as held, on the forum that is over only.
        Pages organiser = Pages.signIn();
        organiser.get("/organiser/editions/" + over).then().statusCode(200)
                .body(containsString("Le dernier jour de ce forum est passé\u00a0: il compte comme tenu."));
        organiser.get("/organiser/editions/" + onItsDay).then().statusCode(200)
                .body(not(containsString("Le dernier jour de ce forum est passé")));
        given().contentType("application/json").body(Api.relay("Jour", "day-" + System.nanoTime() + "@example.org", List.of()))
                .post("/api/v1/editions/" + onItsDay + "/registrations").then().statusCode(201);
    }

    /**
     * A forum moved to held before its last day (a click beside "registration closed", or a forum called off) is over
     * for its relays, but did not take place on a date still to come: its page says it is closed. The move asks first in
     * words that say what it stops at once. On its last day, held reads as before: the forum took place that day.
     */
    @Test
    void aForumMovedToHeldBeforeItsLastDaySaysItIsClosed() {
        LocalDate today = zone.today();
        long early = Api.edition(today.plusDays(3).toString());
        long onItsDay = Api.edition(today.toString());
        Api.advance(early, "REGISTRATION_OPEN");
        Api.advance(onItsDay, "REGISTRATION_OPEN");
        String relay = "/r/" + Api.register(early, Api.relay("Awa", "closed-early-" + System.nanoTime() + "@example.org",
                List.of())).getString("manageToken");
        String relayOnItsDay = "/r/" + Api.register(onItsDay, Api.relay("Awa", "held-on-day-" + System.nanoTime() + "@example.org",
                List.of())).getString("manageToken");
        given().get(relay).then().statusCode(200).body(not(containsString("ne se modifie plus")));
        Pages tab = Pages.anonymous(); // each relay's page, opened while the forum is open
        String opened = tab.tokenOf(relay);
        Pages tabOnItsDay = Pages.anonymous();
        String openedOnItsDay = tabOnItsDay.tokenOf(relayOnItsDay);
        String page = "/organiser/editions/" + early;
        String asked = "Le forum n’est pas fini\u00a0: son dernier jour est le " + Messages.longDate(today.plusDays(3), Locale.FRENCH)
                + ". Le passer dès maintenant à «\u00a0Forum tenu\u00a0» arrête les inscriptions, les annulations et les"
                + " changements de séance, et sa page publique dira qu’il est clos. Le statut ne revient jamais en arrière.";
        String plain = "Passer à «\u00a0Forum tenu\u00a0»\u00a0? Le statut ne revient jamais en arrière.";

        Pages organiser = Pages.signIn();
        organiser.get(page).then().statusCode(200)
                .body(containsString("data-confirm=\"" + asked + "\""))
                .body(containsString("data-confirm=\"Passer à «\u00a0Inscriptions closes\u00a0»\u00a0? Le statut ne revient"))
                .body(not(containsString("data-confirm=\"" + plain + "\"")));
        organiser.form(page + "/status", Map.of("status", "HELD")).then().statusCode(200)
                .body(containsString("<h1>" + asked + "</h1>"));
        Api.organiser().get("/api/v1/editions/" + early).then().body("status", equalTo("REGISTRATION_OPEN"));
        organiser.get("/organiser/editions/" + onItsDay).then().statusCode(200)
                .body(containsString("data-confirm=\"" + plain + "\"")).body(not(containsString("n’est pas fini")));

        organiser.form(page + "/status", Map.of("status", "HELD", "confirmed", "yes")).then().statusCode(303);
        Api.advance(onItsDay, "HELD");
        given().get("/editions/" + early).then().statusCode(200)
                .body(containsString("Ce forum est clos\u00a0: il ne prend plus d’inscription ni de changement."))
                .body(containsString("Aucune séance n’est au programme de ce forum."))
                .body(not(containsString("a eu lieu"))).body(not(containsString("/register#register\"")));
        given().header("Accept-Language", "en").get("/editions/" + early).then().statusCode(200)
                .body(containsString("This forum is closed: it takes no more registrations or changes."))
                .body(containsString("No session is on this forum’s programme."));
        String home = given().get("/").then().statusCode(200).extract().asString();
        int listed = home.indexOf("href=\"/editions/" + early + "\"");
        assertTrue(listed > 0 && (home.indexOf("<section id=\"past\">") < 0 || listed < home.indexOf("<section id=\"past\">")),
                "among the forums to come, by its date");
        assertTrue(home.indexOf("Ce forum est clos\u00a0:", listed) > listed, home);
        assertTrue(home.indexOf("href=\"/editions/" + onItsDay + "\"") > home.indexOf("<section id=\"past\">"), "took place");
        given().get("/editions/" + onItsDay).then().statusCode(200)
                .body(containsString("Ce forum a eu lieu le " + Messages.longDate(today, Locale.FRENCH)));
        // The relays' pages say why nothing can be changed there any more.
        given().get(relay).then().statusCode(200)
                .body(containsString("<p class=\"notice\">Ce forum est clos\u00a0: votre inscription ne se modifie plus.</p>"))
                .body(not(containsString("a eu lieu")));
        given().header("Accept-Language", "en").get(relay).then().statusCode(200)
                .body(containsString("This forum is closed: your registration no longer changes."));
        given().get(relayOnItsDay).then().statusCode(200).body(containsString("Ce forum a eu lieu le "
                + Messages.longDate(today, Locale.FRENCH) + "\u00a0: votre inscription ne se modifie plus."));
        // A cancellation sent from a page opened before the forum was closed is refused in the same words.
        tab.formWithToken(opened, relay + "/cancel", Map.of()).then().statusCode(409)
                .body(containsString("Ce forum est clos\u00a0: cette inscription ne s’annule plus.")).body(not(containsString("a eu lieu")))
                .body(not(containsString("votre inscription ne se modifie plus"))); // said once, by the refusal
        tabOnItsDay.formWithToken(openedOnItsDay, relayOnItsDay + "/cancel", Map.of()).then().statusCode(409)
                .body(containsString("Le forum a eu lieu\u00a0: cette inscription ne s’annule plus."))
                .body(not(containsString("votre inscription ne se modifie plus")));
        // Details sent with a field left wrong are checked first (422), for a form the page no longer shows: the
        // page's own words on the forum over are then the answer.
        tab.formWithToken(opened, relay + "/details", Map.of("firstName", "Awa", "lastName", "", "email", "x")).then()
                .statusCode(422).body(containsString("<p class=\"problem\" role=\"alert\">Ce forum est clos\u00a0: votre inscription"
                        + " ne se modifie plus.</p>")).body(not(containsString("Ce champ est obligatoire")));
        given().get(relay).then().body(containsString("<p class=\"notice\">Ce forum est clos\u00a0: votre inscription"));
    }

    @Test
    void theHomePageListsTheForumsToComeThenThoseThatTookPlace() {
        LocalDate today = zone.today();
        int n = Api.uniqueNumber();
        long open = forum("Forum ouvert " + n, today.minusDays(1), Api.forumDay());
        long soon = forum("Forum bientôt " + n, today.plusDays(5), Api.forumDay());
        long closed = forum("Forum fermé " + n, today.minusDays(1), Api.forumDay());
        long held = forum("Forum passé " + n, LocalDate.of(2019, 1, 5), "2019-02-05");
        long draft = forum("Forum en préparation " + n, today.minusDays(1), Api.forumDay());
        Api.session(held, Api.space(held, "Studio 104", "STUDIO", 40), "2019-02-05", "11:15", "12:00", 12);
        Api.advance(open, "REGISTRATION_OPEN");
        Api.advance(soon, "REGISTRATION_OPEN");
        Api.advance(closed, "REGISTRATION_CLOSED");
        Api.advance(held, "HELD");

        // The forums to come, each with its registration or why there is none; then those that took place.
        String home = given().get("/").then().statusCode(200).extract().asString();
        int past = home.indexOf("<section id=\"past\">");
        assertTrue(past > 0, home);
        for (long upcoming : List.of(open, soon, closed)) {
            int at = home.indexOf("href=\"/editions/" + upcoming + "\"");
            assertTrue(at > 0 && at < past, "to come: " + upcoming);
        }
        assertTrue(home.indexOf("href=\"/editions/" + held + "\"") > past, home);
        assertFalse(home.contains("Forum en préparation " + n), "a draft is not public");
        assertTrue(home.contains("href=\"/editions/" + open + "#register\""), home);
        String opensOn = Messages.longDate(today.plusDays(5), Locale.FRENCH);
        assertTrue(home.contains("Les inscriptions ouvriront le " + opensOn + "."), home);
        assertTrue(home.contains("Les inscriptions sont closes."), home);
        for (long none : List.of(soon, closed, held)) {
            assertFalse(home.contains("/editions/" + none + "#register"), "no registration for " + none);
        }

        // A forum that took place reads as a record: when it was, its programme without seats left, no form.
        given().get("/editions/" + held).then().statusCode(200)
                .body(containsString("Ce forum a eu lieu le mardi 5 février 2019 : voici son programme"))
                .body(containsString("Atelier 11:15")).body(not(containsString("places restantes")))
                .body(not(containsString("/register\"")))
                .body(not(containsString("/register#register\""))); // the form's own address
        given().header("Accept-Language", "en").get("/editions/" + held).then().statusCode(200)
                .body(containsString("This forum took place on Tuesday, 5 February 2019: here are its programme"));
        given().get("/editions/" + soon).then().statusCode(200)
                .body(containsString("Les inscriptions ouvriront le " + opensOn + "."));
        given().get("/editions/" + draft).then().statusCode(404);
    }

    /** A draft edition of one day, its registration window opening on a date and closing a day before the forum. */
    private static long forum(String title, LocalDate opensOn, String day) {
        return Api.organiser().body(Map.of("number", Api.uniqueNumber(), "title", title,
                        "registrationOpensOn", opensOn.toString(),
                        "registrationClosesOn", LocalDate.parse(day).minusDays(1).toString(),
                        "days", List.of(Api.day(day))))
                .post("/api/v1/editions").then().statusCode(201).extract().jsonPath().getLong("id");
    }
}
