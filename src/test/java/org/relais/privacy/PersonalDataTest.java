package org.relais.privacy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relais.Api;
import org.relais.Pages;
import org.relais.door.DoorAccounts;
import org.relais.mail.OutboxWorker;

/** What the privacy notice promises: a relay's data erased on request, and an edition's after its retention time. */
@QuarkusTest
class PersonalDataTest {

    @Inject
    PersonalData personalData;

    @Inject
    DoorAccounts accounts;

    @Inject
    OutboxWorker worker;

    @Inject
    MockMailbox mailbox;

    @Inject
    org.relais.demo.DemoData demo;

    @Test
    void aRelayErasedOnRequestLosesTheirDataAndTheirSeatGoesToWhoWaits() {
        AwaSeated seated = awaSeatedAndBintouWaiting("erase-");
        long edition = seated.edition();
        long session = seated.session();
        String email = seated.email();
        JsonPath awa = seated.registered();
        String waiting = seated.waiting();
        String leads = noted(edition, awa.getString("code"), "Rappeler Awa");
        worker.sendDue();
        mailbox.clear();

        Pages organiser = Pages.signIn();
        String page = "/organiser/editions/" + edition + "/registrations/" + awa.getLong("id");
        organiser.get(page).then().statusCode(200).body(containsString("/erase\"")).body(containsString("Effacer ses données"));
        organiser.form(page + "/erase", Map.of()).then().statusCode(200) // without JavaScript, it asks first
                .body(containsString("<h1>Effacer les données personnelles de Awa Relais\u00a0? C’est définitif.</h1>"))
                .body(containsString(">Effacer ses données</button>"));
        given().get("/api/v1/registrations/" + awa.getString("manageToken")).then().statusCode(200);
        organiser.form(page + "/erase", Map.of("confirmed", "yes")).then().statusCode(303)
                .header("Location", containsString("/organiser/editions/" + edition + "/registrations?done=erased"));

        // Gone: names, contact, organisation, needs, the link, the stand's note; kept: sector, role, dates.
        given().get("/api/v1/registrations/" + awa.getString("manageToken")).then().statusCode(404);
        JsonPath list = Api.organiser().get("/api/v1/editions/" + edition + "/registrations").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Object> erased = list.getMap("find { it.id == " + awa.getLong("id") + " }");
        assertEquals("", erased.get("firstName"));
        assertEquals("", erased.get("lastName"));
        assertEquals("", erased.get("organisation"));
        assertEquals(null, erased.get("email"));
        assertEquals(null, erased.get("phone"));
        Map<?, ?> needs = (Map<?, ?>) erased.get("accessibilityNeeds");
        assertEquals(List.of(), needs.get("needs"));
        assertEquals(null, needs.get("notes"));
        assertEquals("CANCELLED", erased.get("status"));
        assertEquals("french-language", erased.get("sector"));
        assertEquals("volunteer", erased.get("role"));
        assertTrue(erased.get("anonymisedAt") != null && erased.get("cancelledAt") != null, erased.toString());
        assertFalse(list.prettify().contains(email) || list.prettify().contains("Awa"), "nothing of Awa in the list");
        assertEquals(awa.getLong("id"), list.getLong("[-1].id"), "the erased after the others");
        standStaff(edition).get(leads + ".csv").then().statusCode(200).body(not(containsString("Rappeler Awa")));

        // Her seat went to who waited, and she is sent nothing: she asked, and her address is gone.
        given().get("/api/v1/registrations/" + waiting).then().body("sessions[0].status", equalTo("CONFIRMED"));
        worker.sendDue();
        assertEquals(List.of(), mailbox.getMailsSentTo(email));

        organiser.get(page).then().statusCode(200).body(containsString("(données effacées)"))
                .body(not(containsString("/erase\""))).body(not(containsString("Fauteuil")));
        organiser.get("/organiser/editions/" + edition + "/registrations").then().body(containsString("(données effacées)"))
                .body(not(containsString(email)));
        organiser.get("/organiser/editions/" + edition + "/sessions/" + session + "/attendees").then()
                .body(not(containsString("Awa")));
        Api.organiser().post("/api/v1/editions/" + edition + "/registrations/" + awa.getLong("id") + "/erase").then()
                .statusCode(409).contentType("application/problem+json");
        Api.organiser().post("/api/v1/editions/" + edition + "/registrations/987654/erase").then().statusCode(404);
        given().post("/api/v1/editions/" + edition + "/registrations/" + awa.getLong("id") + "/erase").then().statusCode(401);
    }

    /** Without calling the organisers: from the page of all that is kept, through the relay's own link. */
    @Test
    void aRelayErasesTheirOwnDataAndTheirLinkStopsWorking() {
        AwaSeated awa = awaSeatedAndBintouWaiting("self-erase-");
        String token = awa.registered().getString("manageToken");
        worker.sendDue();
        mailbox.clear();

        Pages relay = Pages.anonymous();
        String kept = relay.get("/r/" + token + "/data").then().statusCode(200)
                .body(containsString("Effacer mes données maintenant")).body(containsString("action=\"/r/" + token + "/erase\""))
                .body(containsString("data-confirm=\"Effacer vos données personnelles ? C’est définitif")).extract().asString();
        String organisers = "/organiser/editions/" + awa.edition() + "/registrations/" + awa.registered().getLong("id");
        Pages.signIn().get(organisers + "/data").then().statusCode(200)
                .body(not(containsString("Effacer mes données"))); // the organisers erase from the registration
        // Without JavaScript, no dialog asks: a page does, and nothing is erased until its button is pressed.
        relay.form("/r/" + token + "/erase", Map.of()).then().statusCode(200)
                .body(containsString("<h1>Effacer vos données personnelles\u00a0? C’est définitif, et ce lien cessera de fonctionner.</h1>"))
                .body(containsString("name=\"confirmed\" value=\"yes\"")).body(containsString("<a href=\"/r/" + token + "/data\">"));
        relay.get("/r/" + token + "/data").then().statusCode(200).body(containsString("Effacer mes données maintenant"));
        relay.form("/r/" + token + "/erase", Map.of("confirmed", "yes")).then().statusCode(303)
                .header("Location", endsWith("/?done=data-erased"));
        relay.get("/?done=data-erased").then().statusCode(200).body(containsString("Vos données personnelles sont effacées."));

        relay.get("/r/" + token).then().statusCode(404);
        relay.get("/r/" + token + "/data").then().statusCode(404);
        // the same form sent again, from the page still open in another tab
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(kept);
        assertTrue(csrf.find(), kept);
        relay.request().formParam("csrf-token", csrf.group(1)).formParam("confirmed", "yes").post("/r/" + token + "/erase")
                .then().statusCode(404)
                .body(containsString("Ce lien ne mène à aucune inscription"));
        Map<String, Object> erased = Api.organiser().get("/api/v1/editions/" + awa.edition() + "/registrations").then()
                .statusCode(200).extract().jsonPath().getMap("find { it.id == " + awa.registered().getLong("id") + " }");
        assertEquals("", erased.get("firstName"));
        assertEquals(null, erased.get("email"));
        assertEquals("CANCELLED", erased.get("status"), "before the forum, erasing cancels");
        assertTrue(erased.get("anonymisedAt") != null, erased.toString());
        given().get("/api/v1/registrations/" + awa.waiting()).then().body("sessions[0].status", equalTo("CONFIRMED"));
        worker.sendDue();
        assertEquals(List.of(), mailbox.getMailsSentTo(awa.email()), "she asked, and her address is gone");
    }

    @Test
    void aRelaySeesAndDownloadsAllThatIsKeptAboutThemAsTheOrganisersDo() {
        long edition = Api.openEdition();
        long session = Api.workshop(edition, 1);
        String email = "kept-all-" + System.nanoTime() + "@example.org";
        JsonPath ines = registerWithAll(edition, "Inès <b>", email, session, "+33 6 12 34 56 78", "HEARING_LOOP",
                "Boucle \"magnétique\"");
        String token = ines.getString("manageToken");
        // Someone else's seat and note: not hers, not on her page.
        Api.register(edition, Api.relay("Other", "kept-other-" + System.nanoTime() + "@example.org", List.of(session)));
        noted(edition, ines.getString("code"), "Visites en groupe <script>");
        worker.sendDue();

        // The registration's other addresses, beside those of its data, still answer.
        given().auth().preemptive().basic(Api.ORGANISER, Api.PASSWORD)
                .get("/api/v1/editions/" + edition + "/registrations/" + ines.getLong("id") + "/badge.pdf").then()
                .statusCode(200).contentType("application/pdf");
        Pages.signIn().get("/organiser/editions/" + edition + "/registrations/" + ines.getLong("id") + "/badge.pdf").then()
                .statusCode(200).contentType("application/pdf");
        given().get("/r/" + token).then().statusCode(200).body(containsString("href=\"/r/" + token + "/data\""));
        String page = given().get("/r/" + token + "/data").then().statusCode(200).contentType(containsString("text/html"))
                .extract().asString();
        for (String shown : List.of("Inès &lt;b&gt;", email, "+33 6 12 34 56 78", "Association Lire ensemble",
                "Apprentissage du français", "Bénévole", "Boucle magnétique", "Boucle &quot;magnétique&quot;",
                "place réservée", "Louvre", "Visites en groupe &lt;script&gt;", "Votre inscription : Forum ouvert",
                "envoyé le", "pas enregistrée", "href=\"/r/" + token + "/data.json\"")) {
            assertTrue(page.contains(shown), shown + " in\n" + page);
        }
        assertFalse(page.contains("kept-other-") || page.contains("Other Relais") || page.contains("<script>"), page);
        // The day it goes: the edition's last day plus the retention time.
        LocalDate last = LocalDate.parse(Api.forumDay());
        assertTrue(page.contains(org.relais.web.Messages.longDate(last.plusMonths(personalData.retentionMonths()),
                org.relais.web.Messages.FRENCH)), page);

        JsonPath file = given().get("/r/" + token + "/data.json").then().statusCode(200)
                .header("Content-Disposition", containsString("attachment")).header("Cache-Control", "no-store")
                .extract().jsonPath();
        assertEquals("Inès <b>", file.getString("firstName"));
        assertEquals(email, file.getString("email"));
        assertEquals("+33 6 12 34 56 78", file.getString("phone"));
        assertEquals(List.of("HEARING_LOOP"), file.getList("accessibilityNeeds"));
        assertEquals("CONFIRMED", file.getString("sessions[0].status"));
        assertEquals("Louvre (musée)", file.getString("standNotes[0].institution"));
        assertEquals(List.of("Visites en groupe <script>"), file.getList("standNotes[0].notes"));
        assertEquals("CONFIRMATION", file.getString("mails[0].kind"));
        assertTrue(file.getString("mails[0].sentAt") != null && file.getString("consentAt") != null, file.prettify());
        assertEquals(last.plusMonths(personalData.retentionMonths()).toString(), file.getString("keptUntil"));
        // Once cancelled, the page still leads to it, and it says when.
        given().delete("/api/v1/registrations/" + token).then().statusCode(204);
        given().get("/r/" + token).then().statusCode(200).body(containsString("href=\"/r/" + token + "/data\""));
        given().get("/r/" + token + "/data").then().statusCode(200).body(containsString("Annulation le"))
                .body(containsString("Annulée"));
        given().get("/r/not-a-link/data").then().statusCode(404);
        given().get("/r/not-a-link/data.json").then().statusCode(404);

        // The organisers see the same, to send it to a relay who asks by letter or telephone.
        String kept = "/organiser/editions/" + edition + "/registrations/" + ines.getLong("id") + "/data";
        given().redirects().follow(false).get(kept).then().statusCode(303);
        Pages organiser = Pages.signIn();
        organiser.get(kept + ".json").then().statusCode(200).body("email", equalTo(email));
        String api = "/api/v1/editions/" + edition + "/registrations/" + ines.getLong("id");
        Api.organiser().get(api + "/data").then().statusCode(200).header("Cache-Control", "no-store")
                .body("email", equalTo(email)).body("standNotes[0].notes[0]", equalTo("Visites en groupe <script>"));
        given().get(api + "/data").then().statusCode(401);
        Api.organiser().get("/api/v1/editions/" + edition + "/registrations/987654/data").then().statusCode(404)
                .contentType("application/problem+json");
        organiser.get("/organiser/editions/" + edition + "/registrations/" + ines.getLong("id")).then()
                .body(containsString("href=\"" + kept + "\""));
        organiser.get(kept).then().statusCode(200).body(containsString("Visites en groupe &lt;script&gt;"))
                .body(containsString(email));
        organiser.get("/organiser/editions/" + Api.openEdition() + "/registrations/" + ines.getLong("id") + "/data")
                .then().statusCode(404);

        // Erased: what is left, said as such.
        Api.organiser().post("/api/v1/editions/" + edition + "/registrations/" + ines.getLong("id") + "/erase").then()
                .statusCode(204);
        String erased = organiser.get(kept).then().statusCode(200).extract().asString();
        assertTrue(erased.contains("Les données personnelles ont été effacées le") && erased.contains("effacé")
                && erased.contains("Apprentissage du français"), erased);
        assertFalse(erased.contains(email) || erased.contains("Inès") || erased.contains("Visites en groupe"), erased);
        given().get("/r/" + token + "/data").then().statusCode(404);
    }

    @Test
    void anEditionsDataGoesOnceItsRetentionTimeHasPassedAndItsFiguresStay() {
        long edition = Api.openEdition();
        long session = Api.workshop(edition, 10);
        String email = "kept-" + System.nanoTime() + "@example.org";
        JsonPath chloe = Api.register(edition, Api.relay("Chloé", email, List.of(session)));
        long relay = chloe.getLong("id");
        String leads = noted(edition, chloe.getString("code"), "Rappeler Chloé");
        String press = Api.organiser().contentType(ContentType.JSON)
                .body(Map.of("role", "PRESS", "firstName", "Jeanne", "lastName", "Presse", "organisation", "Le Journal"))
                .post("/api/v1/editions/" + edition + "/badge-holders").then().statusCode(201).extract().path("code");
        Api.organiser().contentType(ContentType.JSON)
                .body(Map.of("role", "GUEST", "firstName", "Gaston", "lastName", "Invité", "organisation", "Mairie"))
                .post("/api/v1/editions/" + edition + "/badge-holders").then().statusCode(201);
        Api.organiser().contentType(ContentType.JSON).body(Map.of("code", press))
                .post("/api/v1/editions/" + edition + "/checkins").then().statusCode(200);
        // Through the API, an organiser erases one relay at once too.
        long other = Api.register(edition, Api.relay("Dalia", "other-" + System.nanoTime() + "@example.org", List.of()))
                .getLong("id");
        Api.organiser().post("/api/v1/editions/" + edition + "/registrations/" + other + "/erase").then().statusCode(204);
        // After the forum, a relay erased on request stays counted, with the sessions they held.
        long held = Api.register(edition, Api.relay("Eve", "held-" + System.nanoTime() + "@example.org", List.of(session)))
                .getLong("id");
        Api.advance(edition, "REGISTRATION_CLOSED", "HELD");
        Api.organiser().post("/api/v1/editions/" + edition + "/registrations/" + held + "/erase").then().statusCode(204);
        Api.organiser().get("/api/v1/editions/" + edition + "/registrations").then()
                .body("find { it.id == " + other + " }.status", equalTo("CANCELLED"))
                .body("find { it.id == " + held + " }.status", equalTo("CONFIRMED"))
                .body("find { it.id == " + held + " }.firstName", equalTo(""))
                .body("find { it.id == " + held + " }.sessions[0].sessionId", equalTo((int) session));

        LocalDate lastDay = LocalDate.parse(Api.forumDay());
        int months = personalData.retentionMonths();
        assertFalse(personalData.due(lastDay.plusMonths(months)).contains(edition), "kept until the time has passed");
        assertTrue(personalData.due(lastDay.plusMonths(months).plusDays(1)).contains(edition), "due the day after");

        assertEquals(1, personalData.eraseEdition(edition), "one relay left to erase");
        assertFalse(personalData.due(lastDay.plusYears(50)).contains(edition), "erased once");
        Api.organiser().get("/api/v1/editions/" + edition + "/registrations").then()
                .body("find { it.id == " + relay + " }.lastName", equalTo(""))
                .body("find { it.id == " + relay + " }.email", nullValue())
                .body("find { it.id == " + relay + " }.anonymisedAt", notNullValue())
                .body("find { it.id == " + relay + " }.status", equalTo("CONFIRMED"))
                .body("find { it.id == " + relay + " }.sessions[0].sessionId", equalTo((int) session))
                .body(not(containsString(email)));
        Api.organiser().get("/api/v1/editions/" + edition + "/badge-holders").then().statusCode(200).body("size()", equalTo(0));
        // The badges went, their counts stay: two other badges, one of them came.
        Api.organiser().get("/api/v1/editions/" + edition + "/attendance").then().statusCode(200)
                .body("otherBadges", equalTo(2)).body("otherBadgesCheckedIn", equalTo(1));
        standStaff(edition).get(leads + ".csv").then().statusCode(200).body(not(containsString("Chloé")));
        given().get("/privacy").then().body(containsString("conservées " + months + " mois après le forum"));
    }

    /** Awa, with every detail, holds the only seat of a workshop; Bintou ({@code waiting}, her token) waits for it. */
    private record AwaSeated(long edition, long session, String email, JsonPath registered, String waiting) {
    }

    private static AwaSeated awaSeatedAndBintouWaiting(String prefix) {
        long edition = Api.openEdition();
        long session = Api.workshop(edition, 1);
        String email = prefix + System.nanoTime() + "@example.org";
        JsonPath awa = registerWithAll(edition, "Awa", email, session, "+33 1 23 45 67 89", "WHEELCHAIR", "Fauteuil électrique");
        String waiting = Api.register(edition, Api.relay("Bintou", "wait-" + System.nanoTime() + "@example.org",
                List.of(session))).getString("manageToken");
        return new AwaSeated(edition, session, email, awa, waiting);
    }

    /** A relay who gave everything the form asks: a phone, a need and words about it. */
    private static JsonPath registerWithAll(long edition, String firstName, String email, long session, String phone,
            String need, String notes) {
        Map<String, Object> body = Api.relay(firstName, email, List.of(session));
        body.put("phone", phone);
        body.put("accessibilityNeeds", Map.of("needs", List.of(need), "notes", notes));
        return Api.register(edition, body);
    }

    /** The Louvre's stand staff note a relay's badge at their stand; returns the stand's leads address. */
    private String noted(long edition, String code, String note) {
        long louvre = Api.institution("Louvre");
        long stand = Api.organiser().body(Map.of("number", 1, "institutionId", louvre))
                .post("/api/v1/editions/" + edition + "/stands").then().statusCode(201).extract().jsonPath().getLong("id");
        accounts.create(edition, new DoorAccounts.AccessData("STAND_ACCOUNT", "Équipe Louvre",
                "stand-" + edition + "@test.local", "stand-password", louvre));
        String leads = "/api/v1/editions/" + edition + "/stands/" + stand + "/leads";
        standStaff(edition).contentType(ContentType.JSON).body(Map.of("code", code, "note", note)).post(leads).then()
                .statusCode(201);
        return leads;
    }

    private static io.restassured.specification.RequestSpecification standStaff(long edition) {
        return given().auth().preemptive().basic("stand-" + edition + "@test.local", "stand-password");
    }

    @Test
    void theDemonstrationsInventedRelaysStayWhileTheDemonstrationIsOn() {
        demo.load(true);
        long forum2018 = org.relais.edition.Edition.findByNumber(org.relais.demo.DemoData.DEMO_EDITION).orElseThrow().id;
        LocalDate later = LocalDate.of(2030, 1, 1);
        assertFalse(personalData.due(later, true).contains(forum2018), "kept with the demonstration on");
        assertTrue(personalData.due(later, false).contains(forum2018), "due like any forum without it");
        // and what is kept about one of them says so, not a day of 2019 long past
        long relay = org.relais.registration.Registration.<org.relais.registration.Registration>list("edition.id", forum2018)
                .get(0).id;
        assertTrue(personalData.keptInEdition(forum2018, relay, true).keptForDemo());
        assertFalse(personalData.keptInEdition(forum2018, relay, false).keptForDemo());
    }
}
