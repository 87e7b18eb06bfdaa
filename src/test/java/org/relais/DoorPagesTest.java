package org.relais;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.response.Response;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.relais.web.Messages;

/** The door and stand pages without JavaScript: plain forms, a link and a PIN, walk-ins, leads. */
@QuarkusTest
class DoorPagesTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter PARIS_HHMM = DateTimeFormatter.ofPattern("HH:mm");

    @Inject
    MockMailbox mailbox;

    @Inject
    jakarta.persistence.EntityManager em;

    @Inject
    org.relais.mail.OutboxWorker worker;

    @Inject
    org.relais.badge.SigningKeys keys;

    /** Signs in through a door or stand link with its PIN; returns the session cookies. */
    static Map<String, String> signInByLink(String token, String pin) {
        Response r = given().redirects().follow(false).formParam("j_username", token).formParam("j_password", pin)
                .post("/j_security_check");
        assertEquals(302, r.statusCode());
        return new HashMap<>(r.getCookies());
    }

    /** Opens a page as a browser would, keeping the cookies it sets (the CSRF one). */
    static String open(Map<String, String> cookies, String path) {
        Response r = given().cookies(cookies).get(path);
        assertEquals(200, r.statusCode(), path);
        cookies.putAll(r.getCookies());
        return r.asString();
    }

    /** Relais set on localhost (as in tests and dev): the door's link would not open on a tablet at the door, and the page says so. */
    @Test
    void aDoorLinkOnLocalhostSaysItOpensOnlyOnThisMachine() {
        long edition = Api.openEdition();
        String page = Pages.signIn().form("/organiser/editions/" + edition + "/door/access",
                Map.of("kind", "DOOR_LINK", "name", "Entrée 3")).then().statusCode(200).extract().asString();
        assertTrue(page.contains("http://localhost:8080/d/") && page.contains("Cette adresse ne s’ouvre que sur la machine de Relais\u00a0:"
                + " pour une tablette ou un téléphone à l’entrée, Relais doit être réglé sur son adresse publique (relais.public-url)."), page);
    }

    /**
     * The form that makes a door or stand account asks for someone else's address and a new password: a browser
     * took it for a sign-in form and could fill in the organiser's own saved address and password.
     */
    @Test
    void theAccountFormIsNotFilledInWithTheOrganisersOwnSignIn() {
        long edition = Api.openEdition();
        String page = Pages.signIn().get("/organiser/editions/" + edition + "/door").then().statusCode(200).extract().asString();
        assertTrue(page.contains("<input id=\"f-email\" name=\"email\" type=\"email\" value=\"\" autocomplete=\"off\">"), page);
        assertTrue(page.contains("<input id=\"f-password\" name=\"password\" type=\"password\" value=\"\" autocomplete=\"new-password\">"), page);
    }

    @Test
    void aVolunteerWithALinkChecksInAndRegistersAWalkIn() {
        long edition = Api.openEdition();
        String code = DoorApiTest.register(edition, "Awa", "Diallo", "Emmaüs").getString("code");
        Pages organiser = Pages.signIn();
        String page = organiser.form("/organiser/editions/" + edition + "/door/access",
                Map.of("kind", "DOOR_LINK", "name", "Entrée 2")).then().statusCode(200).extract().asString();
        Matcher link = Pattern.compile("/d/([0-9a-f]{40})").matcher(page);
        Matcher pin = Pattern.compile("class=\"pin\">(\\d{6})<").matcher(page);
        assertTrue(link.find() && pin.find(), "the link and its PIN are shown once");

        given().get("/d/" + link.group(1)).then().statusCode(200);
        Response wrong = given().redirects().follow(false).formParam("j_username", link.group(1))
                .formParam("j_password", "000000".equals(pin.group(1)) ? "111111" : "000000").post("/j_security_check");
        assertTrue(wrong.getHeader("Location").contains("/login-error"), "a wrong PIN is refused");

        Map<String, String> cookies = signInByLink(link.group(1), pin.group(1));
        given().cookies(cookies).redirects().follow(false).get("/organiser").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/door"));
        given().cookies(cookies).redirects().follow(false).get("/door").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/door/editions/" + edition));
        String screen = open(cookies, "/door/editions/" + edition);
        given().cookies(cookies).get("/organiser/editions").then().statusCode(403);
        given().cookies(cookies).get("/door/editions/" + Api.openEdition()).then().statusCode(404);

        Matcher csrf = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(screen);
        assertTrue(csrf.find());
        Map<String, String> all = new HashMap<>(cookies);
        String answer = given().cookies(all).formParam("csrf-token", csrf.group(1)).formParam("code", code)
                .formParam("station", "Entrée 2").post("/door/editions/" + edition + "/scan").then().statusCode(200)
                .extract().asString();
        assertTrue(answer.contains("Bienvenue, Awa Diallo") && answer.contains("answer ok"), answer);

        // A walk-in: a wrong form comes back marked; a right one registers and checks in at once.
        String walkIn = open(all, "/door/editions/" + edition + "/walk-in");
        Matcher token = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(walkIn);
        assertTrue(token.find());
        Response bad = given().cookies(all).formParam("csrf-token", token.group(1)).formParam("firstName", "Karim")
                .formParam("lastName", "").formParam("organisation", "PJJ").post("/door/editions/" + edition + "/walk-in");
        assertEquals(422, bad.statusCode());
        assertTrue(bad.asString().contains("value=\"Karim\"") && bad.asString().contains("id=\"e-lastName\""));
        // its consent, shown as required, says so to a screen reader too
        assertTrue(bad.asString().contains("name=\"consent\" value=\"true\" required aria-invalid=\"true\" aria-describedby=\"e-consent\">"),
                bad.asString());
        String done = given().cookies(all).formParam("csrf-token", token.group(1)).formParam("firstName", "Karim")
                .formParam("lastName", "Benali").formParam("organisation", "PJJ").formParam("sector", "french-language")
                .formParam("role", "volunteer").formParam("consent", "true").formParam("station", "Entrée 2")
                .post("/door/editions/" + edition + "/walk-in").then().statusCode(200).extract().asString();
        assertTrue(done.contains("Bienvenue, Karim Benali"), done);
        Api.organiser().get("/api/v1/editions/" + edition + "/attendance").then().body("registered", equalTo(2))
                .body("checkedIn", equalTo(2));
        given().cookies(all).get("/door/editions/" + edition + "/live").then().statusCode(200);
    }

    @Test
    void aBadgeScannedAgainOnAnotherDaySaysTheDayOfTheArrival() {
        long edition = Api.openEdition();
        io.restassured.path.json.JsonPath zoe = DoorApiTest.register(edition, "Zoé", "Veille", "Emmaüs");
        Pages door = Pages.signIn();
        Map<String, String> scan = Map.of("code", zoe.getString("code"), "station", "Entrée 1");
        assertTrue(door.form("/door/editions/" + edition + "/scan", scan).asString().contains("Bienvenue, Zoé Veille"));
        // Scanned again the same day: the time alone.
        String again = door.form("/door/editions/" + edition + "/scan", scan).asString();
        assertTrue(again.contains("Déjà enregistré·e\u00a0: Zoé Veille, à ") && again.contains("answer warn"), again);

        // Their arrival two days ago, at 10:02 where the forum is held: a scan now names that day.
        java.time.ZonedDateTime before = java.time.ZonedDateTime.now(PARIS).minusDays(2).withHour(10).withMinute(2);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update registration set checked_in_at = ?1 where id = ?2")
                .setParameter(1, before.toOffsetDateTime()).setParameter(2, zoe.getLong("id")).executeUpdate());
        String day = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", java.util.Locale.FRENCH).format(before);
        String later = door.form("/door/editions/" + edition + "/scan", scan).asString();
        assertTrue(later.contains("Déjà enregistré·e\u00a0: Zoé Veille, le " + day + " à 10:02 (Entrée 1)")
                && later.contains("answer warn"), later);
    }

    /**
     * A volunteer trying the scanner before the forum (the day before, say) is told, on the screen and after a scan,
     * that a scan still records an arrival and how to take a test back; at a session's door and a stand, what a scan
     * records there and how to take it back. On the forum's day (the session's, at its door), nothing is said.
     */
    @Test
    void theDoorSaysWhenTodayIsNoneOfTheForumsDays() {
        long ahead = Api.openEdition(2);
        java.time.LocalDate first = java.time.LocalDate.parse(Api.forumDay());
        String warned = "Aujourd’hui n’est pas un jour de ce forum (" + Messages.longDate(first, java.util.Locale.FRENCH) + ", "
                + Messages.longDate(first.plusDays(1), java.util.Locale.FRENCH) + ")\u00a0: un badge scanné ici est pourtant"
                + " enregistré comme arrivé, et un relais arrivé ne peut plus annuler son inscription. Pour un essai, touchez"
                + " «\u00a0Annuler cette arrivée\u00a0» aussitôt après.";
        Pages door = Pages.signIn();
        assertTrue(door.get("/door/editions/" + ahead).asString().contains(warned), "on the screen");
        String answered = door.form("/door/editions/" + ahead + "/scan", Map.of("code", "???")).asString();
        assertTrue(answered.contains(warned) && answered.contains("✗ Code illisible"), answered);
        // A session's door says it by the session's day; a stand's screen by the forum's, a contact noted there staying.
        long workshop = Api.workshop(ahead, "Atelier à venir", 4); // on the first day
        String room = door.get("/door/editions/" + ahead + "/sessions/" + workshop).asString();
        assertTrue(room.contains("Aujourd’hui n’est pas le jour de cette séance (" + Messages.longDate(first, java.util.Locale.FRENCH)
                + ")\u00a0: un badge scanné ici est pourtant compté comme entré dans la salle. Pour un essai, touchez"
                + " «\u00a0Annuler cette entrée\u00a0» aussitôt après."), room);
        long stand = Api.stand(ahead, 1, Api.institution("Essai"));
        String standScreen = door.get("/stand/editions/" + ahead + "/stands/" + stand).asString();
        assertTrue(standScreen.contains(warned.substring(0, warned.indexOf("pourtant")) + "pourtant noté parmi les contacts du"
                + " stand. Après un essai, retirez-le de la liste."), standScreen);
        // and in English (the language the door keeps from now on)
        String english = door.get("/door/editions/" + ahead + "?lang=en").asString();
        assertTrue(english.contains("Today is not a day of this forum (") && english.contains("press “Undo this arrival”"), english);
        String roomInEnglish = door.get("/door/editions/" + ahead + "/sessions/" + workshop + "?lang=en").asString();
        assertTrue(roomInEnglish.contains("Today is not this session’s day (") && roomInEnglish.contains("press “Undo this entry”"),
                roomInEnglish);
        assertTrue(door.get("/stand/editions/" + ahead + "/stands/" + stand + "?lang=en").asString()
                .contains("a badge scanned here is still saved among the stand’s contacts. After a test, remove it from the list."));

        long today = Api.edition(java.time.LocalDate.now(PARIS).toString());
        Api.advance(today, "REGISTRATION_OPEN");
        String onItsDay = door.get("/door/editions/" + today).asString();
        assertTrue(onItsDay.contains("id=\"scan-form\"") && !onItsDay.contains("not-a-forum-day"), onItsDay);
        long todays = Api.session(today, Api.space(today, "Studio", "STUDIO", 12), java.time.LocalDate.now(PARIS).toString(),
                "11:00", "12:00", 4);
        String roomOnItsDay = door.get("/door/editions/" + today + "/sessions/" + todays).asString();
        assertTrue(roomOnItsDay.contains("id=\"scan-form\"") && !roomOnItsDay.contains("not-the-sessions-day"), roomOnItsDay);
        String standOnItsDay = door.get("/stand/editions/" + today + "/stands/" + Api.stand(today, 1, Api.institution("Jour")))
                .asString();
        assertTrue(standOnItsDay.contains("id=\"scan-form\"") && !standOnItsDay.contains("not-a-forum-day"), standOnItsDay);
    }

    @Test
    void theButtonPressedWithNothingScannedAnswersNothing() {
        long edition = Api.openEdition();
        long workshop = Api.workshop(edition, "Atelier vide", 4);
        Api.register(edition, Api.relay("Awa", "empty-scan-" + System.nanoTime() + "@example.org", List.of(workshop)));
        Pages door = Pages.signIn();
        for (String path : List.of("/door/editions/" + edition + "/scan",
                "/door/editions/" + edition + "/sessions/" + workshop + "/scan")) {
            for (String empty : List.of("", "   ")) {
                String page = door.form(path, Map.of("code", empty)).then().statusCode(200).extract().asString();
                assertFalse(page.contains("<p class=\"headline\">") || page.contains("answer bad"), path + ": " + page);
                assertTrue(page.contains("id=\"answer\" class=\"answer\""), page); // the screen, ready for a scan
            }
        }
        // Something that is no code at all is still said to be unreadable.
        String wrong = door.form("/door/editions/" + edition + "/scan", Map.of("code", "???")).asString();
        assertTrue(wrong.contains("<p class=\"headline\">✗ Code illisible</p>") && wrong.contains("answer bad"), wrong);
        Api.organiser().get("/api/v1/editions/" + edition + "/attendance").then().body("checkedIn", equalTo(0));
    }

    @Test
    void theDoorTakesBackAnArrivalItJustRecorded() {
        long edition = Api.openEdition();
        io.restassured.path.json.JsonPath awa = DoorApiTest.register(edition, "Awa", "Diallo", "Emmaüs");
        long awaId = awa.getLong("id");
        Pages door = Pages.signIn();
        String scanned = door.form("/door/editions/" + edition + "/scan", Map.of("code", awa.getString("code"),
                "station", "Entrée 1")).then().statusCode(200).extract().asString();
        assertTrue(scanned.contains("Bienvenue, Awa Diallo") && scanned.contains("action=\"/door/editions/" + edition
                + "/undo\"") && scanned.contains("name=\"registrationId\"") && scanned.contains("value=\"" + awaId + "\"")
                && scanned.contains("Annuler cette arrivée</button>"), scanned);
        arrived(edition, 1);

        // The wrong person was checked in: taken back, they count as expected again.
        String undone = door.form("/door/editions/" + edition + "/undo", Map.of("registrationId", String.valueOf(awaId),
                "station", "Entrée 1")).then().statusCode(200).extract().asString();
        assertTrue(undone.contains("Arrivée annulée : Awa Diallo") && undone.contains("answer warn")
                && !undone.contains("class=\"undo\""), undone);
        arrived(edition, 0);
        Api.organiser().get("/api/v1/editions/" + edition + "/registrations").then()
                .body("find { it.id == " + awaId + " }.checkedInAt", org.hamcrest.Matchers.nullValue());
        assertTrue(door.form("/door/editions/" + edition + "/undo", Map.of("registrationId", String.valueOf(awaId)))
                .asString().contains("Aucune arrivée à annuler : Awa Diallo n’est pas enregistré·e."), "a second undo");

        // Their next scan checks them in, as new.
        DoorApiTest.scan(edition, awa.getString("code")).then().statusCode(200).body("status", equalTo("CHECKED_IN"));
        arrived(edition, 1);
        // Found by the search, the arrival is still the door's to take back, from the list too.
        String found = door.get("/door/editions/" + edition + "?q=diallo").asString();
        assertTrue(found.contains("Déjà arrivé·e") && found.contains("class=\"inline undo\""), found);
        Api.organiser().get("/api/v1/editions/" + edition + "/checkins/search?q=diallo").then().body("[0].undoable", equalTo(true));

        // Past the window, the door can no longer take it back: the organisers can.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update registration set checked_in_at = ?1 where id = ?2")
                .setParameter(1, java.time.OffsetDateTime.now().minusMinutes(11)).setParameter(2, awaId).executeUpdate());
        Api.organiser().get("/api/v1/editions/" + edition + "/checkins/search?q=diallo").then().body("[0].undoable", equalTo(false));
        assertFalse(door.get("/door/editions/" + edition + "?q=diallo").asString().contains("class=\"inline undo\""));
        Response late = door.form("/door/editions/" + edition + "/undo", Map.of("registrationId", String.valueOf(awaId)));
        assertEquals(200, late.statusCode());
        assertTrue(late.asString().contains("L’arrivée de Awa Diallo date de plus de 10 minutes")
                && late.asString().contains("answer bad") && late.asString().contains("celle d’un autre badge sur la page des badges"),
                late.asString());
        arrived(edition, 1);

        // Another badge holder's arrival too; another forum's person is not the door's.
        String code = Api.organiser().body(Map.of("role", "PRESS", "firstName", "Paul", "lastName", "Presse",
                "organisation", "Le Monde")).post("/api/v1/editions/" + edition + "/badge-holders").then().statusCode(201)
                .extract().path("code");
        String press = door.form("/door/editions/" + edition + "/scan", Map.of("code", code)).asString();
        Matcher holder = Pattern.compile("name=\"holderId\"\\s+value=\"(\\d+)\"").matcher(press);
        assertTrue(press.contains("Bienvenue, Paul Presse") && holder.find(), press);
        assertTrue(door.form("/door/editions/" + edition + "/undo", Map.of("holderId", holder.group(1))).asString()
                .contains("Arrivée annulée : Paul Presse"));
        Api.organiser().get("/api/v1/editions/" + edition + "/attendance").then().body("otherBadgesCheckedIn", equalTo(0));
        // Later, the organisers clear it on the badges page, where the arrival shows.
        DoorApiTest.scan(edition, code).then().statusCode(200).body("status", equalTo("CHECKED_IN"));
        String badges = door.get("/organiser/editions/" + edition + "/badges").asString();
        assertTrue(badges.contains("arrivé·e à") && badges.contains("/badge-holders/" + holder.group(1) + "/clear-arrival"),
                badges);
        door.form("/organiser/editions/" + edition + "/badge-holders/" + holder.group(1) + "/clear-arrival", Map.of())
                .then().statusCode(303);
        Api.organiser().get("/api/v1/editions/" + edition + "/attendance").then().body("otherBadgesCheckedIn", equalTo(0));
        assertFalse(door.get("/organiser/editions/" + edition + "/badges").asString().contains("arrivé·e à"));
        long other = Api.openEdition();
        door.form("/door/editions/" + other + "/undo", Map.of("registrationId", String.valueOf(awaId)))
                .then().statusCode(404);
        arrived(edition, 1);
    }

    private static void arrived(long edition, int count) {
        Api.organiser().get("/api/v1/editions/" + edition + "/attendance").then().body("checkedIn", equalTo(count));
    }

    @Test
    void standStaffScanAndDownloadTheirContacts() {
        long edition = Api.openEdition();
        long louvre = Api.institution("Louvre");
        long stand = Api.stand(edition, 3, louvre);
        String code = DoorApiTest.register(edition, "Awa", "Diallo", "Emmaüs").getString("code");
        Pages organiser = Pages.signIn();
        String page = organiser.form("/organiser/editions/" + edition + "/door/access",
                Map.of("kind", "STAND_LINK", "name", "Équipe Louvre", "institutionId", String.valueOf(louvre)))
                .then().statusCode(200).extract().asString();
        Matcher link = Pattern.compile("/d/([0-9a-f]{40})").matcher(page);
        Matcher pin = Pattern.compile("class=\"pin\">(\\d{6})<").matcher(page);
        assertTrue(link.find() && pin.find());
        Map<String, String> cookies = signInByLink(link.group(1), pin.group(1));
        given().cookies(cookies).redirects().follow(false).get("/stand").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/stand/editions/" + edition + "/stands/" + stand));
        String screen = open(cookies, "/stand/editions/" + edition + "/stands/" + stand);
        Matcher csrf = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(screen);
        assertTrue(csrf.find());
        // A scanner sends the code and Enter, with no note; the next page offers the note for that relay.
        String next = given().cookies(cookies).redirects().follow(false).formParam("csrf-token", csrf.group(1))
                .formParam("code", code).post("/stand/editions/" + edition + "/stands/" + stand + "/leads").then()
                .statusCode(303).extract().header("Location");
        String offered = open(cookies, next.replaceAll("^https?://[^/]+", ""));
        Matcher relay = Pattern.compile("name=\"registrationId\" value=\"(\\d+)\"").matcher(offered);
        assertTrue(offered.contains("✓ Awa Diallo") && relay.find(), offered);
        for (String note : List.of("Visite de groupe en mars", "12 personnes, apprenants de français")) {
            given().cookies(cookies).redirects().follow(false).formParam("csrf-token", csrf.group(1))
                    .formParam("registrationId", relay.group(1)).formParam("note", note)
                    .post("/stand/editions/" + edition + "/stands/" + stand + "/leads").then().statusCode(303);
        }
        // The cursor is in that note when the next badge is scanned: the code is the next relay's scan, not a note.
        String bilal = DoorApiTest.register(edition, "Bilal", "Sow", "CCAS").getString("code");
        String chloe = DoorApiTest.register(edition, "Chloé", "Martin", "Secours populaire").getString("code");
        String nextOne = given().cookies(cookies).redirects().follow(false).formParam("csrf-token", csrf.group(1))
                .formParam("registrationId", relay.group(1)).formParam("note", bilal)
                .post("/stand/editions/" + edition + "/stands/" + stand + "/leads").then().statusCode(303)
                .extract().header("Location");
        String bilalsPage = open(cookies, nextOne.replaceAll("^https?://[^/]+", ""));
        Matcher bilalId = Pattern.compile("name=\"registrationId\" value=\"(\\d+)\"").matcher(bilalsPage);
        assertTrue(bilalsPage.contains("✓ Bilal Sow") && bilalId.find(), bilalsPage);
        // A note typed first, then the next badge: the note is Bilal's, the badge Chloé's scan.
        String third = given().cookies(cookies).redirects().follow(false).formParam("csrf-token", csrf.group(1))
                .formParam("registrationId", bilalId.group(1)).formParam("note", "Atelier d'écriture " + chloe)
                .post("/stand/editions/" + edition + "/stands/" + stand + "/leads").then().statusCode(303)
                .extract().header("Location");
        assertTrue(open(cookies, third.replaceAll("^https?://[^/]+", "")).contains("✓ Chloé Martin"));
        Response refused = given().cookies(cookies).formParam("csrf-token", csrf.group(1)).formParam("code", "n'importe quoi")
                .post("/stand/editions/" + edition + "/stands/" + stand + "/leads");
        assertEquals(422, refused.statusCode());
        assertTrue(refused.asString().contains("value=\"n&#39;importe quoi\"") || refused.asString().contains("n&#x27;importe"),
                "what was typed is kept");
        String csv = given().cookies(cookies).get("/stand/editions/" + edition + "/stands/" + stand + "/leads.csv").then()
                .statusCode(200).extract().asString();
        assertTrue(csv.contains("Visite de groupe en mars | 12 personnes, apprenants de français"), csv);
        assertEquals(4, csv.split("\r\n").length, csv);
        assertTrue(csv.contains("Atelier d'écriture") && !csv.contains(bilal) && !csv.contains(chloe), csv);
        // First seen: a date and time a spreadsheet reads, as the clocks showed it where the forum is held.
        Matcher seen = Pattern.compile("\"(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2})\"").matcher(csv);
        assertTrue(seen.find(), csv);
        ZonedDateTime firstSeen = java.time.LocalDateTime.parse(seen.group(1).replace(' ', 'T')).atZone(PARIS);
        ZonedDateTime now = ZonedDateTime.now(PARIS);
        assertTrue(!firstSeen.isAfter(now) && firstSeen.isAfter(now.minusMinutes(5)), firstSeen + " at " + now);
    }

    /**
     * A contact scanned by mistake (or in a test before the forum) comes off the stand's list after a question, its
     * notes with it: from the list, the CSV and the relay's page; the same relay's contact at another stand stays.
     */
    @Test
    void aStandTakesAContactOffItsList() {
        long edition = Api.openEdition();
        long louvre = Api.stand(edition, 3, Api.institution("Louvre"));
        long orsay = Api.stand(edition, 4, Api.institution("Orsay"));
        io.restassured.path.json.JsonPath awa = Api.register(edition, Api.relay("Awa", "lead-off-" + System.nanoTime()
                + "@example.org", List.of()));
        String bilal = DoorApiTest.register(edition, "Bilal", "Sow", "CCAS").getString("code");
        String leads = "/api/v1/editions/" + edition + "/stands/";
        long mistaken = Api.organiser().body(Map.of("code", awa.getString("code"), "note", "Scanné par erreur"))
                .post(leads + louvre + "/leads").then().statusCode(201).extract().jsonPath().getLong("id");
        Api.organiser().body(Map.of("code", bilal, "note", "Visite en mars")).post(leads + louvre + "/leads").then().statusCode(201);
        long elsewhere = Api.organiser().body(Map.of("code", awa.getString("code"), "note", "Visite au musée"))
                .post(leads + orsay + "/leads").then().statusCode(201).extract().jsonPath().getLong("id");

        Pages staff = Pages.signIn();
        String screen = "/stand/editions/" + edition + "/stands/" + louvre;
        String remove = screen + "/leads/" + mistaken + "/remove";
        String asked = "Retirer Awa Relais des contacts du stand, avec ses notes\u00a0?";
        assertTrue(staff.get(screen).asString().contains("action=\"" + remove + "\"")
                && staff.get(screen).asString().contains("data-confirm=\"" + asked + "\""));
        // Without JavaScript, the question is a page; nothing is removed until it is answered.
        staff.form(remove, Map.of()).then().statusCode(200).body(containsString("<h1>" + asked + "</h1>"));
        Api.organiser().get(leads + louvre + "/leads").then().body("size()", equalTo(2));
        staff.formOpenedOn(screen, remove, Map.of("confirmed", "yes")).then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.containsString("done=lead-removed"));
        String after = staff.get(screen + "?done=lead-removed").asString();
        assertTrue(after.contains("Contact retiré.") && !after.contains("Scanné par erreur") && after.contains("Visite en mars"),
                after);
        Api.organiser().get(leads + louvre + "/leads").then().body("name", contains("Bilal Sow"));
        String csv = staff.get(screen + "/leads.csv").asString();
        assertTrue(!csv.contains("Awa") && csv.contains("Bilal"), csv);
        // What Relais keeps about the relay no longer holds that stand's note; the other stand's stays, as does its contact.
        String relaysPage = given().get("/r/" + awa.getString("manageToken") + "/data").asString();
        assertTrue(!relaysPage.contains("Scanné par erreur") && relaysPage.contains("Visite au musée"), relaysPage);
        Api.organiser().get(leads + orsay + "/leads/" + elsewhere).then().statusCode(200);
        // Another stand's contact is not this stand's to remove; one removed is gone.
        staff.formOpenedOn(screen, screen + "/leads/" + elsewhere + "/remove", Map.of("confirmed", "yes")).then().statusCode(404);
        staff.formOpenedOn(screen, remove, Map.of("confirmed", "yes")).then().statusCode(404);
        Api.organiser().get(leads + orsay + "/leads").then().body("size()", equalTo(1));
    }

    @Test
    void theDoorShowsTheSessionsARelayHasASeatIn() {
        long edition = Api.openEdition();
        long room = Api.space(edition, "Salle Nadia Boulanger", "ROOM", 30);
        long afternoon = Api.session(edition, room, Api.forumDay(), "14:00", "15:00", 10);
        long morning = Api.session(edition, room, Api.forumDay(), "09:30", "10:30", 10);
        long full = Api.session(edition, room, Api.forumDay(), "11:00", "12:00", 1);
        Api.register(edition, Api.relay("Awa", "seat-" + System.nanoTime() + "@example.org", List.of(full)));
        String code = Api.register(edition, Api.relay("Bilal", "sessions-" + System.nanoTime() + "@example.org",
                List.of(afternoon, full, morning))).getString("code");

        String answer = Pages.signIn().form("/door/editions/" + edition + "/scan", Map.of("code", code, "station", "Entrée 1"))
                .then().statusCode(200).extract().asString();
        // In the order of the day, with their room; not the one Bilal only waits for.
        assertTrue(answer.contains("09:30 Atelier 09:30 · Salle Nadia Boulanger ; 14:00 Atelier 14:00 · Salle Nadia Boulanger"),
                answer);
        assertFalse(answer.contains("Atelier 11:00"), answer);
    }

    @Test
    void atTheRoomDoorANoShowsSeatGoesToSomeoneWaitingInside() {
        long edition = Api.openEdition();
        long workshop = Api.workshop(edition, "Atelier radio 1", 1);
        Map<String, Object> a = Api.relay("Awa", "room-a-" + System.nanoTime() + "@example.org", List.of(workshop));
        Map<String, Object> b = Api.relay("Bilal", "room-b-" + System.nanoTime() + "@example.org", List.of(workshop));
        String absent = Api.register(edition, a).getString("code");
        io.restassured.path.json.JsonPath waiting = Api.register(edition, b);
        assertEquals("WAITLISTED", waiting.getString("sessions[0].status"));
        String other = DoorApiTest.register(edition, "Chloé", "Sans-Place", "CCAS").getString("code");
        DoorApiTest.scan(edition, waiting.getString("code")).then().statusCode(200); // Bilal is in the building

        Pages pages = Pages.signIn();
        String base = "/door/editions/" + edition + "/sessions/" + workshop;
        assertEquals(303, pages.form(base + "/door-scan", Map.of("on", "true")).statusCode());
        String answer = pages.form(base + "/scan", Map.of("code", waiting.getString("code"))).then().statusCode(200)
                .extract().asString();
        assertTrue(answer.contains("En liste d’attente : Bilal Relais, rang 1"), answer);
        answer = pages.form(base + "/scan", Map.of("code", other)).then().statusCode(200).extract().asString();
        assertTrue(answer.contains("n’a pas de place"), answer);

        String page = pages.get(base).then().statusCode(200).extract().asString();
        Matcher from = Pattern.compile("name=\"from\"><option value=\"(\\d+)\"").matcher(page);
        Matcher to = Pattern.compile("name=\"to\"><option value=\"(\\d+)\"").matcher(page);
        assertTrue(from.find() && to.find(), page);
        assertEquals(303, pages.form(base + "/give-seat", Map.of("from", from.group(1), "to", to.group(1))).statusCode());
        given().get("/api/v1/registrations/" + waiting.getString("manageToken")).then()
                .body("sessions[0].status", equalTo("CONFIRMED"));

        // The time of entry is said as the clocks show it where the forum is held (relais.time-zone), not the server's.
        List<String> entered = new ArrayList<>(List.of(PARIS_HHMM.format(ZonedDateTime.now(PARIS))));
        answer = pages.form(base + "/scan", Map.of("code", waiting.getString("code"))).then().extract().asString();
        assertTrue(answer.contains("place confirmée"), answer);
        entered.add(PARIS_HHMM.format(ZonedDateTime.now(PARIS)));
        answer = pages.form(base + "/scan", Map.of("code", waiting.getString("code"))).then().extract().asString();
        String again = answer;
        assertTrue(entered.stream().anyMatch(at -> again.contains("Déjà entré·e : Bilal Relais, à " + at)),
                entered + " " + answer);
        answer = pages.form(base + "/scan", Map.of("code", absent)).then().extract().asString();
        assertTrue(answer.contains("n’a pas de place"), "the no-show lost the seat: " + answer);

        // Both are told: Bilal that he has the seat, Awa (arriving late, perhaps) that it is no longer hers.
        worker.sendDue();
        List<String> toBilal = mailbox.getMailsSentTo((String) b.get("email")).stream().map(Mail::getSubject).toList();
        assertTrue(toBilal.stream().anyMatch(s -> s.startsWith("Une place s’est libérée")), toBilal.toString());
        List<Mail> toAwa = mailbox.getMailsSentTo((String) a.get("email")).stream()
                .filter(m -> m.getSubject().startsWith("Votre place a été donnée : ")).toList();
        assertEquals(1, toAwa.size(), "the no-show is told once");
        assertTrue(toAwa.get(0).getText().contains("« Atelier 11:00 », le ")
                && toAwa.get(0).getText().contains("de 11:00 à 12:00, a commencé sans vous"), toAwa.get(0).getText());
        assertTrue(toAwa.get(0).getHtml().contains("a commencé sans vous"), toAwa.get(0).getHtml());
    }

    @Test
    void theRoomDoorTakesBackAnEntryItJustRecorded() {
        long edition = Api.openEdition();
        long workshop = Api.workshop(edition, "Atelier radio 2", 1);
        io.restassured.path.json.JsonPath awa = Api.booked(edition, workshop, "Awa");
        io.restassured.path.json.JsonPath bilal = Api.booked(edition, workshop, "Bilal");
        DoorApiTest.scan(edition, bilal.getString("code")).then().statusCode(200); // Bilal waits, in the building
        long awaId = awa.getLong("id");
        Pages pages = Pages.signIn();
        String base = "/door/editions/" + edition + "/sessions/" + workshop;
        assertEquals(303, pages.form(base + "/door-scan", Map.of("on", "true")).statusCode());

        // Bilal's badge scanned for Awa's, say: she is in, her seat cannot be given.
        String in = pages.form(base + "/scan", Map.of("code", awa.getString("code"))).then().statusCode(200)
                .extract().asString();
        assertTrue(in.contains("Awa Relais : place confirmée") && in.contains("action=\"" + base + "/undo\"")
                && in.contains("value=\"" + awaId + "\"") && in.contains("Annuler cette entrée</button>"), in);
        String page = pages.get(base).asString();
        assertTrue(page.contains("class=\"inline undo\"") && !page.contains("name=\"from\""), page);
        String list = pages.get("/door/editions/" + edition + "/sessions").asString();
        assertTrue(list.contains("1 personne entrée sur 1 place prise") && list.contains("1 en attente"), list);

        // Taken back: her seat counts as not taken, and can be given to Bilal.
        String undone = pages.form(base + "/undo", Map.of("registrationId", String.valueOf(awaId))).then()
                .statusCode(200).extract().asString();
        assertTrue(undone.contains("Entrée annulée : Awa Relais") && undone.contains("answer warn")
                && !answerOf(undone).contains("class=\"undo\"") && undone.contains("name=\"from\""), undone);
        assertTrue(pages.form(base + "/undo", Map.of("registrationId", String.valueOf(awaId))).asString()
                .contains("Aucune entrée à annuler : Awa Relais n’est pas entré·e."), "a second undo");
        assertTrue(pages.get("/door/editions/" + edition + "/sessions").asString()
                .contains("Personne n’est entré sur 1 place prise"), "the sessions' list counts it too");

        // Her next scan lets her in again; past ten minutes the door can no longer take it back.
        assertTrue(pages.form(base + "/scan", Map.of("code", awa.getString("code"))).asString().contains("place confirmée"));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update booking set attended_at = ?1 where registration_id = ?2")
                .setParameter(1, java.time.OffsetDateTime.now().minusMinutes(11)).setParameter(2, awaId).executeUpdate());
        assertFalse(pages.get(base).asString().contains("class=\"inline undo\""));
        String late = pages.form(base + "/undo", Map.of("registrationId", String.valueOf(awaId))).then().statusCode(200)
                .extract().asString();
        assertTrue(late.contains("L’entrée de Awa Relais date de plus de 10 minutes") && late.contains("answer bad")
                && late.contains("sur la page de la séance") && !late.contains("name=\"from\""), late);

        // The organisers clear it on the session's page.
        String attendees = "/organiser/editions/" + edition + "/sessions/" + workshop + "/attendees";
        Matcher clear = Pattern.compile("/bookings/(\\d+)/clear-entry").matcher(pages.get(attendees).asString());
        assertTrue(clear.find(), "the session's page offers to clear the entry");
        assertEquals(303, pages.form("/organiser/editions/" + edition + "/bookings/" + clear.group(1) + "/clear-entry",
                Map.of()).statusCode());
        String cleared = pages.get(attendees).asString();
        assertFalse(cleared.contains("entré·e en salle") || cleared.contains("/clear-entry"), cleared);
        assertTrue(pages.get(base).asString().contains("name=\"from\""), "her seat can be given again");

        // Someone without a booking in the session, or another forum's session, is not this door's.
        String chloe = String.valueOf(DoorApiTest.register(edition, "Chloé", "Sans-Place", "CCAS").getLong("id"));
        pages.form(base + "/undo", Map.of("registrationId", chloe)).then().statusCode(404);
        long other = Api.openEdition();
        pages.form("/door/editions/" + other + "/sessions/" + workshop + "/undo",
                Map.of("registrationId", String.valueOf(awaId))).then().statusCode(404);
        pages.form("/organiser/editions/" + other + "/bookings/" + clear.group(1) + "/clear-entry", Map.of())
                .then().statusCode(404);
    }

    @Test
    void aRoomScanKeptThroughAnOutageCountsFromWhenItWasMade() {
        long edition = Api.openEdition();
        long workshop = Api.workshop(edition, "Atelier radio 4", 2);
        io.restassured.path.json.JsonPath awa = Api.booked(edition, workshop, "Awa");
        io.restassured.path.json.JsonPath dina = Api.booked(edition, workshop, "Dina");
        io.restassured.path.json.JsonPath bilal = Api.booked(edition, workshop, "Bilal");
        assertEquals("WAITLISTED", bilal.getString("sessions[0].status"));
        Pages pages = Pages.signIn();
        String base = "/door/editions/" + edition + "/sessions/" + workshop;
        assertEquals(303, pages.form(base + "/door-scan", Map.of("on", "true")).statusCode());

        // The page names whose badge each line is, as its script reads a code without the service.
        String page = pages.get(base).then().statusCode(200).extract().asString();
        assertTrue(page.contains("data-holder=\"" + holder(awa.getString("code")) + "\" data-name=\"Awa Relais\">")
                && page.contains("data-holder=\"" + holder(bilal.getString("code")) + "\" data-name=\"Bilal Relais\" data-position=\"1\"")
                && page.contains("data-scan=\"" + base + "/scan\"") && page.contains("<script src=\"/door.js\""), page);

        // Awa's scan, kept four minutes by the screen, counts from when it was made: her entry then, still the door's to undo.
        java.time.OffsetDateTime scanned = java.time.OffsetDateTime.now().minusMinutes(4);
        roomScan(pages, base, Map.of("code", awa.getString("code"), "scannedAt", scanned.toString())).then().statusCode(200)
                .body("status", equalTo("IN")).body("tone", equalTo("ok")).body("registrationId", equalTo((int) awa.getLong("id")))
                .body("headline", equalTo("✓ Awa Relais : place confirmée, entrez"));
        roomScan(pages, base, Map.of("code", awa.getString("code"))).then().statusCode(200).body("tone", equalTo("warn"))
                .body("headline", equalTo("Déjà entré·e : Awa Relais, à " + PARIS_HHMM.format(scanned.atZoneSameInstant(PARIS))));
        assertTrue(pages.get(base).asString().contains("class=\"inline undo\""), "an entry of four minutes ago may be undone");

        // A time ahead of the server's clock is not taken: the entry counts from now.
        java.time.OffsetDateTime before = java.time.OffsetDateTime.now();
        roomScan(pages, base, Map.of("code", dina.getString("code"), "scannedAt", before.plusHours(1).toString()))
                .then().statusCode(200).body("status", equalTo("IN"));
        java.time.OffsetDateTime dinaIn = QuarkusTransaction.requiringNew().call(() -> (java.time.OffsetDateTime) em
                .createQuery("select b.attendedAt from Booking b where b.registration.id = ?1")
                .setParameter(1, dina.getLong("id")).getSingleResult());
        assertTrue(!dinaIn.isBefore(before.minusSeconds(1)) && dinaIn.isBefore(before.plusMinutes(1)), dinaIn + " vs " + before);

        // Every other answer in words, as on the page.
        roomScan(pages, base, Map.of("code", bilal.getString("code"))).then().statusCode(200).body("tone", equalTo("warn"))
                .body("headline", equalTo("En liste d’attente : Bilal Relais, rang 1")).body("registrationId", equalTo(null));
        roomScan(pages, base, Map.of("code", "not a badge")).then().statusCode(200).body("tone", equalTo("bad"))
                .body("headline", equalTo("✗ Code illisible"));
        String list = pages.get("/door/editions/" + edition + "/sessions").asString();
        assertTrue(list.contains("2 personnes entrées sur 2 places prises"), list);
    }

    @Test
    void theRoomDoorLetsInARelayWithoutTheirBadge() {
        long edition = Api.openEdition();
        long workshop = Api.workshop(edition, "Atelier radio 6", 1);
        long awa = Api.booked(edition, workshop, "Awa")
                .getLong("id");
        long bilal = Api.booked(edition, workshop, "Bilal")
                .getLong("id");
        Pages pages = Pages.signIn();
        String base = "/door/editions/" + edition + "/sessions/" + workshop;
        assertEquals(303, pages.form(base + "/door-scan", Map.of("on", "true")).statusCode());

        // Her badge left at home: the line with her name lets her in, and the door may take it back as after a scan.
        String page = pages.get(base).asString();
        assertTrue(page.contains("action=\"" + base + "/let-in\"") && page.contains("value=\"" + awa + "\"")
                && page.contains("aria-label=\"Faire entrer Awa Relais sans scanner de badge\">Faire entrer</button>"), page);
        String in = pages.form(base + "/let-in", Map.of("registrationId", String.valueOf(awa))).then().statusCode(200)
                .extract().asString();
        assertTrue(answerOf(in).contains("Awa Relais : place confirmée") && answerOf(in).contains("class=\"undo\"")
                && !in.contains("action=\"" + base + "/let-in\""), in);
        assertTrue(pages.get("/door/editions/" + edition + "/sessions").asString().contains("1 personne entrée sur 1 place prise"));
        String attendees = "/organiser/editions/" + edition + "/sessions/" + workshop + "/attendees";
        assertTrue(pages.get(attendees).asString().contains("1 place prise sur 1 · 1 personne entrée en salle"),
                "the organisers see who came in");
        String again = pages.form(base + "/let-in", Map.of("registrationId", String.valueOf(awa))).asString();
        assertTrue(answerOf(again).contains("Déjà entré·e : Awa Relais, à "), again);
        pages.form(base + "/undo", Map.of("registrationId", String.valueOf(awa))).then().statusCode(200);
        assertTrue(pages.get(attendees).asString().contains(" · personne n’est entré en salle"));
        assertTrue(pages.get(base).asString().contains("value=\"" + awa + "\"><button type=\"submit\" class=\"link\""),
                "after the undo, she may be let in again");

        // In a long list, a name is found without a script too: the lines that match, the counts of the whole lists.
        String found = pages.get(base + "?q=RELAIS+àwa").then().statusCode(200).extract().asString();
        assertTrue(found.contains("data-name=\"Awa Relais\"") && !found.contains("data-name=\"Bilal Relais\"")
                && found.contains("Liste d’attente <span class=\"count\">(1)</span>") && found.contains("id=\"none-found\" class=\"hint\" hidden"), found);
        String none = pages.get(base + "?q=zoe").asString();
        assertTrue(!none.contains("data-name=") && none.contains("id=\"none-found\" class=\"hint\">Personne de ce nom"), none);

        // The waiting list does not come in this way; nor does anyone without a booking here, or another forum's session.
        String waiting = pages.form(base + "/let-in", Map.of("registrationId", String.valueOf(bilal))).asString();
        assertTrue(answerOf(waiting).contains("En liste d’attente : Bilal Relais, rang 1"), waiting);
        assertTrue(pages.get("/door/editions/" + edition + "/sessions").asString().contains("Personne n’est entré sur 1 place prise"));
        String chloe = String.valueOf(DoorApiTest.register(edition, "Chloé", "Sans-Place", "CCAS").getLong("id"));
        pages.form(base + "/let-in", Map.of("registrationId", chloe)).then().statusCode(404);
        pages.form(base + "/let-in", Map.of("registrationId", "abc")).then().statusCode(404);
        long other = Api.openEdition();
        pages.form("/door/editions/" + other + "/sessions/" + workshop + "/let-in", Map.of("registrationId", String.valueOf(awa)))
                .then().statusCode(404);

        // The screen's script lets in as JSON, perhaps a let-in kept through an outage: counted from when it was pressed.
        java.time.OffsetDateTime pressed = java.time.OffsetDateTime.now().minusMinutes(3);
        roomJson(pages, base + "/let-in", Map.of("registrationId", awa, "scannedAt", pressed.toString())).then().statusCode(200)
                .body("status", equalTo("IN")).body("tone", equalTo("ok")).body("registrationId", equalTo((int) awa))
                .body("headline", equalTo("✓ Awa Relais : place confirmée, entrez"));
        roomJson(pages, base + "/let-in", Map.of("registrationId", awa)).then().statusCode(200).body("tone", equalTo("warn"))
                .body("headline", equalTo("Déjà entré·e : Awa Relais, à " + PARIS_HHMM.format(pressed.atZoneSameInstant(PARIS))));
        roomJson(pages, base + "/let-in", Map.of("registrationId", bilal)).then().statusCode(200)
                .body("status", equalTo("WAITING")).body("headline", equalTo("En liste d’attente : Bilal Relais, rang 1"));
        roomJson(pages, base + "/let-in", Map.of("registrationId", Long.parseLong(chloe))).then().statusCode(404)
                .contentType("application/problem+json");
        roomJson(pages, base + "/let-in", Map.of("registrationId", "abc")).then().statusCode(400)
                .contentType("application/problem+json");
    }

    /** The answer a door's page shows (what follows holds the forms of its lists, and the one its script copies). */
    private static String answerOf(String page) {
        int start = page.indexOf("id=\"answer\"");
        return page.substring(start, page.indexOf("</div>", start));
    }

    /** A room door's scan as its screen's script sends it: JSON, with the cookies of the signed-in page. */
    @Test
    void seatsAreListedInTheOrderOfTheNamesAsShownAccentsAside() {
        long edition = Api.openEdition();
        long workshop = Api.workshop(edition, "Atelier radio 7", 3);
        Api.booked(edition, workshop, "Zoé", "Ba");
        Api.booked(edition, workshop, "Awa", "Zola");
        Api.booked(edition, workshop, "Émile", "Évrard");
        Pages pages = Pages.signIn();

        // At the room's door, where people are called by their first name: Awa, Émile, Zoé (É with the E, not after Z).
        String room = pages.get("/door/editions/" + edition + "/sessions/" + workshop).then().statusCode(200).extract().asString();
        int awa = room.indexOf("data-name=\"Awa Zola\"");
        int emile = room.indexOf("data-name=\"Émile Évrard\"");
        int zoe = room.indexOf("data-name=\"Zoé Ba\"");
        assertTrue(awa > 0 && awa < emile && emile < zoe, room);

        // On the organisers' list of the session, surname first: Ba, Évrard, Zola.
        String attendees = pages.get("/organiser/editions/" + edition + "/sessions/" + workshop + "/attendees").then()
                .statusCode(200).extract().asString();
        int ba = attendees.indexOf("<td>Ba Zoé<br>");
        int evrard = attendees.indexOf("<td>Évrard Émile<br>");
        int zola = attendees.indexOf("<td>Zola Awa<br>");
        assertTrue(ba > 0 && ba < evrard && evrard < zola, attendees);
    }

    @Test
    void theDoorsAccessesAreListedByKindThenInTheOrderOfTheirNames() {
        long edition = Api.openEdition();
        Pages organiser = Pages.signIn();
        String path = "/organiser/editions/" + edition + "/door/access";
        for (String name : List.of("Zone B", "Équipe du soir", "Accueil")) {
            organiser.form(path, Map.of("kind", "DOOR_LINK", "name", name)).then().statusCode(200);
        }
        organiser.form(path, Map.of("kind", "DOOR_ACCOUNT", "name", "Ulysse", "email", "ulysse-" + edition + "@test.local",
                "password", "door-pass-1")).then().statusCode(303); // no PIN to show once: back to the list

        // An account with a password first, then the links: Accueil, Équipe du soir, Zone B (É with the E, not after Z).
        String page = organiser.get("/organiser/editions/" + edition + "/door").then().statusCode(200).extract().asString();
        int ulysse = page.indexOf("<td>Ulysse<br>");
        int accueil = page.indexOf("<td>Accueil<br>");
        int equipe = page.indexOf("<td>Équipe du soir<br>");
        int zone = page.indexOf("<td>Zone B<br>");
        assertTrue(ulysse > 0 && ulysse < accueil && accueil < equipe && equipe < zone, page);
    }

    private static Response roomScan(Pages pages, String base, Map<String, String> scan) {
        return roomJson(pages, base + "/scan", scan);
    }

    /** What a room screen's script posts (a scan, a let-in) and its answer. */
    private static Response roomJson(Pages pages, String path, Map<String, ?> body) {
        return pages.request().contentType(io.restassured.http.ContentType.JSON).accept(io.restassured.http.ContentType.JSON)
                .body(body).post(path);
    }

    /** A code's holder key as twelve hexadecimal digits, read from the code its signature vouches for. */
    private String holder(String code) {
        return String.format("%012x", keys.verify(code).orElseThrow().holderKey());
    }

    @Test
    void aWalkInsArrivalUndoneTakesTheirRegistrationWithIt() {
        long edition = Api.openEdition();
        String email = "walk-in-" + System.nanoTime() + "@example.org";
        Map<String, String> karim = Map.of("firstName", "Karim", "lastName", "Benali", "email", email,
                "organisation", "PJJ", "sector", "french-language", "role", "volunteer", "consent", "true",
                "station", "Entrée 2");
        Pages door = Pages.signIn();
        String done = door.form("/door/editions/" + edition + "/walk-in", karim).then().statusCode(200).extract().asString();
        Matcher id = Pattern.compile("name=\"registrationId\" value=\"(\\d+)\"").matcher(done);
        assertTrue(done.contains("Bienvenue, Karim Benali") && id.find()
                && done.contains("Annuler cette inscription sur place</button>"), done);
        Api.organiser().get("/api/v1/editions/" + edition + "/attendance").then().body("registered", equalTo(1))
                .body("checkedIn", equalTo(1));
        assertTrue(door.get("/door/editions/" + edition + "?q=benali").asString()
                .contains("Annuler cette inscription sur place</button>"), "the search list's undo says so too");
        Api.organiser().get("/api/v1/editions/" + edition + "/checkins/search?q=benali").then()
                .body("[0].walkIn", equalTo(true)).body("[0].undoable", equalTo(true));

        // He was registered already (under another spelling), or turned back: the registration goes with the arrival.
        String undone = door.form("/door/editions/" + edition + "/undo", Map.of("registrationId", id.group(1)))
                .then().statusCode(200).extract().asString();
        assertTrue(undone.contains("Arrivée et inscription annulées : Karim Benali") && undone.contains("answer warn")
                && undone.contains("inscrite ici, à l’accueil"), undone);
        Api.organiser().get("/api/v1/editions/" + edition + "/attendance").then().body("registered", equalTo(0))
                .body("checkedIn", equalTo(0));
        Api.organiser().get("/api/v1/editions/" + edition + "/registrations?status=CANCELLED").then()
                .body("find { it.id == " + id.group(1) + " }.status", equalTo("CANCELLED"));
        assertTrue(door.form("/door/editions/" + edition + "/undo", Map.of("registrationId", id.group(1))).asString()
                .contains("Aucune arrivée à annuler"), "a second undo");
        worker.sendDue();
        assertEquals(List.of(), mailbox.getMailsSentTo(email), "a walk-in is told nothing");

        // His address is free: registered again at the door, then checked in by scan, the arrival undone keeps
        // a registration made beforehand.
        String again = door.form("/door/editions/" + edition + "/walk-in", karim).then().statusCode(200).extract().asString();
        assertTrue(again.contains("Bienvenue, Karim Benali"), again);
        io.restassured.path.json.JsonPath awa = DoorApiTest.register(edition, "Awa", "Diallo", "Emmaüs");
        DoorApiTest.scan(edition, awa.getString("code")).then().statusCode(200).body("status", equalTo("CHECKED_IN"));
        assertTrue(door.form("/door/editions/" + edition + "/undo", Map.of("registrationId", awa.getString("id")))
                .asString().contains("Arrivée annulée : Awa Diallo"));
        Api.organiser().get("/api/v1/editions/" + edition + "/attendance").then().body("registered", equalTo(2))
                .body("checkedIn", equalTo(1));
    }
}
