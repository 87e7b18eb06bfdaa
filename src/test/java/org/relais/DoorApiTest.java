package org.relais;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.relais.door.DoorAccounts;

@QuarkusTest
class DoorApiTest {

    @Inject
    DoorAccounts accounts;

    @Inject
    org.relais.door.LeadService leads;

    @Inject
    org.relais.venue.VenueService venue;

    static JsonPath register(long edition, String first, String last, String organisation) {
        Map<String, Object> body = Api.relay(first, "door-" + System.nanoTime() + "@example.org", List.of());
        body.put("lastName", last);
        body.put("organisation", organisation);
        return Api.register(edition, body);
    }

    static Response scan(long edition, String code) {
        return Api.organiser().body(Map.of("code", code, "station", "Entrée 1"))
                .post("/api/v1/editions/" + edition + "/checkins");
    }

    @Test
    void aBadgeChecksInOnceAndEveryWrongScanHasItsOwnAnswer() {
        long edition = Api.openEdition();
        JsonPath awa = register(edition, "Awa", "Diallo", "Emmaüs");
        String code = awa.getString("code");

        JsonPath first = scan(edition, code).then().statusCode(200).body("status", equalTo("CHECKED_IN"))
                .body("name", equalTo("Awa Diallo")).body("organisation", equalTo("Emmaüs"))
                .body("registrationId", equalTo(awa.getInt("id"))).extract().jsonPath();
        JsonPath again = scan(edition, code.toLowerCase()).then().statusCode(200)
                .body("status", equalTo("ALREADY_CHECKED_IN")).body("checkedInBy", equalTo("Entrée 1"))
                .extract().jsonPath();
        assertEquals(first.getString("firstCheckedInAt"), again.getString("firstCheckedInAt"));

        // Garbage from a scanner: a wrong keyboard layout, half a code, 5,000 characters, control characters.
        for (String garbage : List.of("&é\"'(-è_çà)", code.substring(0, 60), "A".repeat(5000), "\u0007\u0000" + code, "")) {
            scan(edition, garbage).then().statusCode(422).contentType("application/problem+json")
                    .body("errors.field", hasItem("code"));
        }
        for (Map<String, Object> none : List.<Map<String, Object>>of(Map.of(), Map.of("code", "  "))) { // nothing scanned
            Api.organiser().body(none).post("/api/v1/editions/" + edition + "/checkins").then().statusCode(422)
                    .body("errors.find { it.field == 'code' }.message", equalTo("Ce champ est obligatoire."));
        }
        char[] altered = code.toCharArray();
        altered[30] = altered[30] == '7' ? '8' : '7';
        scan(edition, new String(altered)).then().statusCode(422).body("errors.message",
                hasItem(org.hamcrest.Matchers.containsString("signature")));

        long other = Api.openEdition();
        String elsewhere = register(other, "Bilal", "Other", "Ailleurs").getString("code");
        scan(edition, elsewhere).then().statusCode(404).contentType("application/problem+json");

        JsonPath cancelled = register(edition, "Chloé", "Annulée", "CCAS");
        given().delete("/api/v1/registrations/" + cancelled.getString("manageToken")).then().statusCode(204);
        scan(edition, cancelled.getString("code")).then().statusCode(409).contentType("application/problem+json");

        // A door account of another edition does not see this one.
        accounts.create(other, new DoorAccounts.AccessData("DOOR_ACCOUNT", "Bénévole", "door-" + other + "@test.local",
                "door-password", null));
        given().auth().preemptive().basic("door-" + other + "@test.local", "door-password").contentType(ContentType.JSON)
                .body(Map.of("code", code)).post("/api/v1/editions/" + edition + "/checkins").then().statusCode(404);
        given().auth().preemptive().basic("door-" + other + "@test.local", "door-password").contentType(ContentType.JSON)
                .body(Map.of("code", elsewhere)).post("/api/v1/editions/" + other + "/checkins").then().statusCode(200)
                .body("status", equalTo("CHECKED_IN"));
        given().auth().preemptive().basic("door-" + other + "@test.local", "wrong-password").contentType(ContentType.JSON)
                .body(Map.of("code", elsewhere)).post("/api/v1/editions/" + other + "/checkins").then().statusCode(401);
    }

    @Test
    void twentyStationsScanningTheSameBadgesCountEachOnce() throws Exception {
        long edition = Api.openEdition();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            codes.add(register(edition, "Relais" + i, "Nom" + i, "Structure").getString("code"));
        }
        List<Callable<String>> scans = new ArrayList<>();
        for (int station = 0; station < 20; station++) {
            for (String code : codes) {
                scans.add(() -> scan(edition, code).then().statusCode(200).extract().path("status"));
            }
        }
        Collections.shuffle(scans);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<String> statuses = new ArrayList<>();
        try {
            for (Future<String> f : pool.invokeAll(scans)) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(30, statuses.stream().filter("CHECKED_IN"::equals).count(), "each badge checked in once");
        assertEquals(570, statuses.stream().filter("ALREADY_CHECKED_IN"::equals).count());
        Api.organiser().get("/api/v1/editions/" + edition + "/attendance").then().statusCode(200)
                .body("registered", equalTo(30)).body("checkedIn", equalTo(30))
                .body("bySector.french-language.checkedIn", equalTo(30));
    }

    @Test
    void theSearchIgnoresCaseAndAccents() {
        long edition = Api.openEdition();
        register(edition, "Élise", "Lefèvre", "Secours populaire");
        register(edition, "Jean", "Dupont", "Maison des Épinettes");
        Api.organiser().get("/api/v1/editions/" + edition + "/checkins/search?q=ELISE lefevre").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].name", equalTo("Élise Lefèvre"));
        Api.organiser().get("/api/v1/editions/" + edition + "/checkins/search?q=epinettes").then()
                .body("size()", equalTo(1)).body("[0].name", equalTo("Jean Dupont"));
        Api.organiser().get("/api/v1/editions/" + edition + "/checkins/search?q=%25").then().statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void aStandKeepsOneLeadPerRelayWithEveryNote() {
        long edition = Api.openEdition();
        long louvre = Api.institution("Louvre");
        long orsay = Api.institution("Orsay");
        long stand = Api.stand(edition, 1, louvre);
        String code = register(edition, "Awa", "Diallo", "Emmaüs").getString("code");

        accounts.create(edition, new DoorAccounts.AccessData("STAND_ACCOUNT", "Équipe Louvre",
                "stand-" + edition + "@test.local", "stand-password", louvre));
        accounts.create(edition, new DoorAccounts.AccessData("STAND_ACCOUNT", "Équipe Orsay",
                "orsay-" + edition + "@test.local", "stand-password", orsay));
        String leads = "/api/v1/editions/" + edition + "/stands/" + stand + "/leads";
        given().auth().preemptive().basic("stand-" + edition + "@test.local", "stand-password").contentType(ContentType.JSON)
                .body(Map.of("code", code, "note", "Visite de groupe en mars, 12 personnes")).post(leads).then()
                .statusCode(201);
        given().auth().preemptive().basic("stand-" + edition + "@test.local", "stand-password").contentType(ContentType.JSON)
                .body(Map.of("code", code, "note", "=Apprenants de français")).post(leads).then().statusCode(201)
                .body("notes.size()", equalTo(2));
        given().auth().preemptive().basic("stand-" + edition + "@test.local", "stand-password").contentType(ContentType.JSON)
                .body(Map.of("note", "sans badge")).post(leads).then().statusCode(422)
                .body("errors.find { it.field == 'code' }.message", equalTo("Ce champ est obligatoire."));
        given().auth().preemptive().basic("orsay-" + edition + "@test.local", "stand-password").contentType(ContentType.JSON)
                .body(Map.of("code", code, "note", "pas mon stand")).post(leads).then().statusCode(404);

        String csv = given().auth().preemptive().basic("stand-" + edition + "@test.local", "stand-password")
                .get(leads + ".csv").then().statusCode(200).contentType("text/csv").extract().asString();
        assertTrue(csv.startsWith("\uFEFF"), "a byte-order mark for spreadsheets");
        assertEquals(2, csv.split("\r\n").length, csv); // the header and one lead
        assertTrue(csv.contains("Diallo") && csv.contains("Visite de groupe en mars, 12 personnes | =Apprenants de français"),
                csv);

        // The contacts are the institution's: the stand that noted them is not deleted, on the API or the page.
        String refused = "Le stand 1 a noté un relais à recontacter\u00a0: il ne se supprime pas et ne change pas"
                + " d’établissement, pour que le sien garde ces contacts.";
        Api.organiser().delete("/api/v1/editions/" + edition + "/stands/" + stand).then().statusCode(409)
                .contentType("application/problem+json").body("detail", equalTo(refused));
        // given to another institution, its contacts would be read by that one's staff
        Api.organiser().body(Map.of("number", 1, "institutionId", orsay)).put("/api/v1/editions/" + edition + "/stands/" + stand)
                .then().statusCode(409).body("detail", equalTo(refused));
        Api.organiser().body(Map.of("number", 1, "institutionId", louvre, "power", true))
                .put("/api/v1/editions/" + edition + "/stands/" + stand).then().statusCode(200); // any other change is made
        given().get("/api/v1/editions/" + edition + "/stands/" + stand).then().body("institutionId", equalTo((int) louvre))
                .body("power", equalTo(true));
        Pages.signIn().form("/organiser/editions/" + edition + "/stands/" + stand + "/delete", Map.of()).then()
                .statusCode(409).body(containsString(refused)).body(containsString("/stands/" + stand + "/delete\"")); // its page, as stored
        given().auth().preemptive().basic("stand-" + edition + "@test.local", "stand-password").get(leads).then()
                .statusCode(200).body("size()", equalTo(1));
        long bare = Api.stand(edition, 2, orsay);
        Api.organiser().delete("/api/v1/editions/" + edition + "/stands/" + bare).then().statusCode(204);

        Api.organiser().body(Map.of("code", "garbage")).post(leads).then().statusCode(422);
        // The organiser switches lead scanning off.
        Pages pages = Pages.signIn();
        pages.form("/organiser/editions/" + edition + "/door/leads", Map.of("enabled", "false"));
        Api.organiser().body(Map.of("code", code, "note", "encore")).post(leads).then().statusCode(409);
    }

    /** A stand account of that institution for the edition; returns its login. */
    private String standStaff(long edition, String team, long institution) {
        String login = team.toLowerCase() + "-" + edition + "@test.local";
        accounts.create(edition, new DoorAccounts.AccessData("STAND_ACCOUNT", "Équipe " + team, login, "stand-password",
                institution));
        return login;
    }

    private static io.restassured.specification.RequestSpecification signedIn(String login) {
        return given().auth().preemptive().basic(login, "stand-password").contentType(ContentType.JSON);
    }

    @Test
    void aLeadIsCreatedWithItsAddressWhereItCanBeReadAgain() {
        long edition = Api.openEdition();
        long louvre = Api.institution("Louvre");
        long orsay = Api.institution("Orsay");
        String leads = "/api/v1/editions/" + edition + "/stands/" + Api.stand(edition, 1, louvre) + "/leads";
        String elsewhere = "/api/v1/editions/" + edition + "/stands/" + Api.stand(edition, 2, orsay) + "/leads";
        String code = register(edition, "Awa", "Diallo", "Emmaüs").getString("code");

        String louvreStaff = standStaff(edition, "Louvre", louvre);
        Response created = signedIn(louvreStaff).body(Map.of("code", code, "note", "Visite de groupe en mars")).post(leads);
        created.then().statusCode(201);
        long lead = created.jsonPath().getLong("id");
        assertEquals(leads + "/" + lead, java.net.URI.create(created.header("Location")).getPath());
        signedIn(louvreStaff).get(created.header("Location")).then().statusCode(200).body("id", equalTo((int) lead))
                .body("name", equalTo("Awa Diallo")).body("notes", equalTo(List.of("Visite de groupe en mars")));
        // The same badge again: the same lead, at the same address, with both notes.
        Response again = Api.organiser().body(Map.of("code", code, "note", "12 personnes")).post(leads);
        again.then().statusCode(201).body("id", equalTo((int) lead));
        assertEquals(created.header("Location"), again.header("Location"));
        Api.organiser().get(leads + "/" + lead).then().statusCode(200).body("notes.size()", equalTo(2));

        // Another institution's staff do not read it, and a lead is found under its own stand only.
        signedIn(standStaff(edition, "Orsay", orsay)).get(leads + "/" + lead).then().statusCode(404);
        Api.organiser().get(elsewhere + "/" + lead).then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("Contact introuvable."));
        Api.organiser().get(leads + "/" + (lead + 1000)).then().statusCode(404);
    }

    @Test
    void scansOfTheSameRelayAtOnceKeepOneLeadWithEveryNote() throws Exception {
        long edition = Api.openEdition();
        long stand = Api.stand(edition, 1, Api.institution("Louvre"));
        List<String> codes = List.of(register(edition, "Awa", "Diallo", "Emmaüs").getString("code"),
                register(edition, "Jean", "Dupont", "CCAS").getString("code"));
        String leads = "/api/v1/editions/" + edition + "/stands/" + stand + "/leads";
        List<Callable<Integer>> scans = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            Map<String, Object> body = Map.of("code", codes.get(i % 2), "note", "note " + i);
            scans.add(() -> Api.organiser().body(body).post(leads).statusCode());
        }
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Integer> statuses = new ArrayList<>();
        try {
            for (Future<Integer> f : pool.invokeAll(scans)) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(Collections.nCopies(24, 201), statuses, "every scan recorded");
        JsonPath list = Api.organiser().get(leads).then().statusCode(200).extract().jsonPath();
        assertEquals(2, list.getList("$").size(), "one lead per relay");
        assertEquals(24, list.getList("notes.flatten()").size(), "no note lost: " + list.getList("notes"));
    }

    /**
     * A stand deleted while a lead is noted at it, either way round: the later request waits for the earlier. A lead
     * noted at a stand deleted meanwhile was refused in words that did not fit ("other data still depends on it"), and
     * a stand deleted while its first lead was noted went, the lead with it, which a stand with leads never does.
     */
    @Test
    void aStandDeletedWhileALeadIsNotedAtItKeepsItsLeadsOrTheLeadIsRefused() throws Exception {
        long edition = Api.openEdition();
        long louvre = Api.institution("Louvre");
        String code = register(edition, "Awa", "Diallo", "Emmaüs").getString("code");
        long gone = Api.stand(edition, 1, louvre);
        DeletedMeanwhile.whileHeld(() -> venue.deleteStand(edition, gone), () -> Api.organiser()
                        .body(Map.of("code", code)).post("/api/v1/editions/" + edition + "/stands/" + gone + "/leads"))
                .then().statusCode(404);

        long kept = Api.stand(edition, 2, louvre);
        DeletedMeanwhile.whileHeld(() -> leads.record(edition, kept, code, null, "Visite en mars", Api.ORGANISER),
                () -> Api.organiser().delete("/api/v1/editions/" + edition + "/stands/" + kept))
                .then().statusCode(409).body("detail", containsString("Le stand 2 a noté un relais à recontacter"));
        Api.organiser().get("/api/v1/editions/" + edition + "/stands/" + kept + "/leads").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].name", equalTo("Awa Diallo"));
    }
}
