package org.relais;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EditionApiTest {

    @jakarta.inject.Inject
    org.relais.edition.EditionService editions;

    @jakarta.inject.Inject
    org.relais.door.DoorAccounts accounts;

    @Test
    void createsAnEditionAsADraftWithItsDays() {
        long host = Api.institution("Radio");
        int number = Api.uniqueNumber();
        Api.organiser()
                .body("""
                        {"number": %d, "title": "Forum des relais", "theme": "éducation aux médias",
                         "hostInstitutionId": %d,
                         "venue": {"name": "Maison de la Radio", "address": "116 av. du Président-Kennedy",
                                   "accessNotes": "Entrée de plain-pied"},
                         "days": [{"date": "2030-02-07", "opensAt": "10:00", "closesAt": "16:00"},
                                  {"date": "2030-02-06", "opensAt": "09:30", "closesAt": "17:00"}],
                         "registrationOpensOn": "2029-12-01", "registrationClosesOn": "2030-02-05",
                         "relayCapacity": 250, "status": "ARCHIVED", "participatingInstitutionIds": [%d]}
                        """.formatted(number, host, host))
                .post("/api/v1/editions")
                .then().statusCode(201).header("Location", containsString("/api/v1/editions/"))
                .body("status", equalTo("DRAFT")) // status moves through its own call only
                .body("days.date", contains("2030-02-06", "2030-02-07"))
                .body("days[0].opensAt", equalTo("09:30"))
                .body("venue.name", equalTo("Maison de la Radio"))
                .body("participatingInstitutionIds", contains((int) host));
        given().get("/api/v1/editions").then().statusCode(200).body("number", hasItem(number));
    }

    /** An institution's number is named as it was sent, 1234567 not "1 234 567"; a hole in the list says so, not "n° null". */
    @Test
    void refusesUnknownInstitutionsNamingThemAsSent() {
        long id = Api.edition("2030-03-02");
        java.util.List<Long> withAHole = new java.util.ArrayList<>();
        withAHole.add(null);
        Api.organiser().body(Map.of("number", Api.uniqueNumber(), "title", "Forum", "days", List.of(),
                        "hostInstitutionId", 1234567, "participatingInstitutionIds", withAHole))
                .put("/api/v1/editions/" + id).then().statusCode(422).contentType("application/problem+json")
                .body("errors.find { it.field == 'hostInstitutionId' }.message", equalTo("Aucun établissement n° 1234567."))
                .body("errors.find { it.field == 'participatingInstitutionIds' }.message",
                        equalTo("Un établissement de la liste n’a pas de numéro."));
        Api.organiser().header("Accept-Language", "en").body(Map.of("number", Api.uniqueNumber(), "title", "Forum",
                        "days", List.of(), "participatingInstitutionIds", List.of(7654321)))
                .put("/api/v1/editions/" + id).then().statusCode(422)
                .body("errors[0].message", equalTo("No institution number 7654321."));
    }

    /** A title is one line: it heads every e-mail to the relays, and a line break would split its subject. */
    @Test
    void aTitleOnTwoLinesIsRefused() {
        long id = Api.edition("2030-03-03");
        Api.organiser().body(Map.of("number", Api.uniqueNumber(), "title", "Forum\r\nBcc: someone@example.org", "days", List.of()))
                .put("/api/v1/editions/" + id).then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", contains("title"))
                .body("errors[0].message", equalTo("Sur une seule ligne, sans retour à la ligne."));
        given().get("/api/v1/editions/" + id).then().body("title", equalTo("Forum 2030-03-03"));
    }

    /**
     * A date is written YYYY-MM-DD: a number is refused naming its field (Jackson read 20000 as 4 October
     * 2024, days since 1970), and a year mistyped is named rather than kept: a forum in the year 202 or
     * 20,270 was saved, shown and written into its calendar.
     */
    @Test
    void aDateIsWrittenAsADateInAYearOfOurs() {
        long id = Api.edition("2030-03-04");
        long hall = Api.space(id, "Agora", "HALL", null);
        Api.organiser().body(Map.of("number", Api.uniqueNumber(), "title", "Forum",
                        "days", List.of(Api.day(20000))))
                .put("/api/v1/editions/" + id).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("days.0.date"))
                .body("errors[0].message", equalTo("Une date au format AAAA-MM-JJ."));
        Map<String, Object> session = Api.sessionBody(hall, "2030-03-04", "10:00", "11:00", 20);
        session.put("day", 20881); // 4 March 2027, as days since 1970
        Api.organiser().body(session).post("/api/v1/editions/" + id + "/sessions").then().statusCode(400).body("errors.field", contains("day"));
        Api.organiser().body(Map.of("number", Api.uniqueNumber(), "title", "Forum",
                        "days", List.of(Api.day("0203-03-04")),
                        "registrationOpensOn", "+20270-01-01"))
                .put("/api/v1/editions/" + id).then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", contains("days.0.date", "registrationOpensOn"))
                .body("errors[0].message", equalTo("Une date des années 2000 à 2099."));
        Api.organiser().header("Accept-Language", "en").body(Map.of("number", Api.uniqueNumber(), "title", "Forum",
                        "days", List.of(Api.day("2207-03-04"))))
                .put("/api/v1/editions/" + id).then().statusCode(422)
                .body("errors[0].message", equalTo("A date in the years 2000 to 2099."));
        given().get("/api/v1/editions/" + id).then().body("days.date", contains("2030-03-04"))
                .body("registrationOpensOn", equalTo(null));
        Api.organiser().body(Map.of("number", Api.uniqueNumber(), "title", "Forum", "registrationOpensOn", "",
                        "days", List.of(Api.day("2030-03-05"))))
                .put("/api/v1/editions/" + id).then().statusCode(200) // an empty date is still none, where none will do
                .body("days.date", contains("2030-03-05")).body("registrationOpensOn", equalTo(null));
    }

    /** A window opening after the forum would never open: the forum's page said "Les inscriptions ouvriront le…" after its day. */
    @Test
    void theRegistrationWindowEndsWithTheForum() {
        long id = Api.edition("2030-03-06");
        Map<String, Object> day = Api.day("2030-03-06");
        Api.organiser().body(Map.of("number", Api.uniqueNumber(), "title", "Forum", "days", List.of(day),
                        "registrationOpensOn", "2030-03-07"))
                .put("/api/v1/editions/" + id).then().statusCode(422)
                .body("errors.field", contains("registrationOpensOn"))
                .body("errors[0].message", equalTo("Les inscriptions doivent s’ouvrir au plus tard le dernier jour du forum."));
        Api.organiser().header("Accept-Language", "en").body(Map.of("number", Api.uniqueNumber(), "title", "Forum",
                        "days", List.of(day), "registrationOpensOn", "2030-03-01", "registrationClosesOn", "2030-03-07"))
                .put("/api/v1/editions/" + id).then().statusCode(422)
                .body("errors.field", contains("registrationClosesOn"))
                .body("errors[0].message", equalTo("Registration must close on the forum’s last day at the latest."));
        given().get("/api/v1/editions/" + id).then().body("registrationOpensOn", equalTo(null))
                .body("registrationClosesOn", equalTo(null));
        Api.organiser().body(Map.of("number", Api.uniqueNumber(), "title", "Forum", "days", List.of(day),
                        "registrationOpensOn", "2030-03-06", "registrationClosesOn", "2030-03-06"))
                .put("/api/v1/editions/" + id).then().statusCode(200) // on the day itself, at the door's time
                .body("registrationOpensOn", equalTo("2030-03-06"));
    }

    @Test
    void statusMovesOnlyForward() {
        long id = Api.edition("2030-03-01");
        String path = "/api/v1/editions/" + id + "/status";
        Api.organiser().body(Map.of("status", "REGISTRATION_OPEN")).post(path).then().statusCode(200)
                .body("status", equalTo("REGISTRATION_OPEN"));
        Api.organiser().body(Map.of("status", "DRAFT")).post(path).then().statusCode(409)
                .contentType("application/problem+json") // the statuses in words, not their codes
                .body("detail", equalTo("Le statut ne peut pas passer de «\u00a0Inscriptions ouvertes\u00a0» à «\u00a0Brouillon\u00a0»"
                        + "\u00a0: il n’avance que vers l’avant."));
        Api.organiser().body(Map.of("status", "REGISTRATION_OPEN")).post(path).then().statusCode(409);
        Api.organiser().body(Map.of("status", "SOMEWHERE")).post(path).then().statusCode(422)
                .body("errors[0].field", equalTo("status"));
        // an edition read, changed and sent back whole keeps its status, whatever the body says
        Map<String, Object> whole = given().get("/api/v1/editions/" + id).then().extract().jsonPath().getMap("");
        whole.put("title", "Renommée");
        whole.put("status", "DRAFT");
        Api.organiser().body(whole).put("/api/v1/editions/" + id).then().statusCode(200)
                .body("title", equalTo("Renommée")).body("status", equalTo("REGISTRATION_OPEN"));
        Api.organiser().body(Map.of("status", "ARCHIVED")).post(path).then().statusCode(200);
        given().get("/api/v1/editions/" + id).then().body("status", equalTo("ARCHIVED"));
    }

    @Test
    void updatesKeepingWhatIsUnchangedAndRefuseATakenNumber() {
        long first = Api.edition("2030-04-01");
        int takenNumber = given().get("/api/v1/editions/" + first).then().extract().path("number");
        long second = Api.edition("2030-04-02");
        Api.organiser().body(Map.of("number", takenNumber, "title", "Doublon", "days", List.of()))
                .put("/api/v1/editions/" + second).then().statusCode(409);
        given().get("/api/v1/editions/" + second).then().body("title", equalTo("Forum 2030-04-02"))
                .body("days.size()", equalTo(1));
    }

    @Test
    void copiesSpacesStandsAndProgrammeWithTheNewDates() {
        long inst = Api.institution("Copie");
        long source = Api.edition("2030-02-06");
        long space = Api.space(source, "Agora", "HALL", null);
        Api.organiser().body(Map.of("institutionId", inst, "spaceId", space, "xM", 1, "yM", 1))
                .post("/api/v1/editions/" + source + "/stands").then().statusCode(201);
        Api.session(source, space, "2030-02-06", "11:00", "12:00", 20);

        long copy = Api.organiser().body(Map.of("number", Api.uniqueNumber(), "title", "Forum suivant",
                        "days", List.of(Api.day("2031-02-04"))))
                .post("/api/v1/editions/" + source + "/copy").then().statusCode(201).extract().jsonPath().getLong("id");
        given().get("/api/v1/editions/" + copy + "/spaces").then().body("name", contains("Agora"));
        long copiedSpace = given().get("/api/v1/editions/" + copy + "/spaces").then().extract().jsonPath().getLong("[0].id");
        given().get("/api/v1/editions/" + copy + "/stands").then().body("size()", equalTo(1))
                .body("[0].spaceId", equalTo((int) copiedSpace)).body("[0].institutionId", equalTo((int) inst));
        given().get("/api/v1/editions/" + copy + "/sessions").then().body("size()", equalTo(1))
                .body("[0].day", equalTo("2031-02-04")).body("[0].startsAt", equalTo("11:00"))
                .body("[0].spaceId", equalTo((int) copiedSpace));
        // The source is untouched.
        given().get("/api/v1/editions/" + source + "/sessions").then().body("[0].day", equalTo("2030-02-06"));
    }

    /** A copy without days has no first day for its programme to move to: refused on the first day's date, not a 500. */
    @Test
    void aCopyOfAProgrammeNeedsAFirstDay() {
        long source = Api.edition("2030-02-07");
        long space = Api.space(source, "Agora", "HALL", null);
        int number = Api.uniqueNumber();
        // Nothing to move: a copy without days is a draft like any other.
        Api.organiser().body(Map.of("number", number, "title", "Sans programme")).post("/api/v1/editions/" + source + "/copy")
                .then().statusCode(201).body("days.size()", equalTo(0));
        Api.session(source, space, "2030-02-07", "11:00", "12:00", 20);
        int refused = Api.uniqueNumber();
        for (Map<String, Object> body : List.<Map<String, Object>>of(Map.of("number", refused, "title", "Sans jours"),
                Map.of("number", refused, "title", "Sans jours", "days", List.of()))) {
            Api.organiser().body(body).post("/api/v1/editions/" + source + "/copy")
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("errors.field", contains("days.0.date"))
                    .body("errors[0].message", equalTo("Le programme repris se décale au premier jour de la nouvelle édition\u00a0:"
                            + " donnez-lui au moins un jour."));
        }
        // Said with whatever else is wrong, and nothing made.
        Api.organiser().body(Map.of("number", refused, "title", " ")).post("/api/v1/editions/" + source + "/copy")
                .then().statusCode(422).body("errors.field", contains("title", "days.0.date"));
        given().get("/api/v1/editions").then().body("number", not(hasItem(refused)));
    }

    @Test
    void guestsBelongToTheirEdition() {
        long id = Api.edition("2030-05-01");
        long other = Api.edition("2030-05-02");
        long guest = Api.organiser().body(Map.of("name", "Le Défenseur des droits", "kind", "other"))
                .post("/api/v1/editions/" + id + "/guests").then().statusCode(201).extract().jsonPath().getLong("id");
        given().get("/api/v1/editions/" + id + "/guests").then().body("name", contains("Le Défenseur des droits"));
        Api.organiser().delete("/api/v1/editions/" + other + "/guests/" + guest).then().statusCode(404);
        Api.organiser().delete("/api/v1/editions/" + id + "/guests/" + guest).then().statusCode(204);
    }

    @Test
    void onlyADraftCanBeDeleted() {
        long draft = Api.edition("2030-06-01");
        long hall = Api.space(draft, "Salle", "ROOM", 10);
        long museum = Api.institution("Musée du brouillon");
        Api.stand(draft, 1, museum);
        Api.session(draft, hall, "2030-06-01", "11:00", "12:00", 5);
        Api.organiser().body(Map.of("name", "Invité", "kind", "other")).post("/api/v1/editions/" + draft + "/guests")
                .then().statusCode(201);
        // its badges and accesses go with it too: they made the deletion fail with a 500
        Api.organiser().body(Map.of("role", "STAFF", "firstName", "Léa", "lastName", "Martin", "organisation", "Musée",
                "institutionId", museum)).post("/api/v1/editions/" + draft + "/badge-holders").then().statusCode(201);
        String door = "door-" + System.nanoTime() + "@test.local";
        accounts.create(draft, new org.relais.door.DoorAccounts.AccessData("DOOR_ACCOUNT", "Accueil", door, "door-password", null));
        Api.organiser().delete("/api/v1/editions/" + draft).then().statusCode(204);
        given().auth().preemptive().basic(door, "door-password").get("/api/v1/editions/" + draft + "/checkins/search?q=a")
                .then().statusCode(401); // the door's access went with it
        Api.organiser().delete("/api/v1/institutions/" + museum).then().statusCode(204); // nothing names it any more
        given().get("/api/v1/editions/" + draft).then().statusCode(404);
        // one where someone was registered (at the door, here) is kept, with them
        long entered = Api.edition("2030-06-03");
        Pages.signIn().form("/door/editions/" + entered + "/walk-in", Map.of("firstName", "Karim", "lastName", "Benali",
                "organisation", "PJJ", "sector", "french-language", "role", "volunteer", "consent", "true")).then().statusCode(200);
        Api.organiser().delete("/api/v1/editions/" + entered).then().statusCode(409).body("detail",
                equalTo("Ce brouillon a un inscrit, entré par les organisateurs ou à l’accueil\u00a0: il ne se supprime pas."));
        Api.organiser().get("/api/v1/editions/" + entered + "/registrations").then().body("size()", equalTo(1));
        long open = Api.edition("2030-06-02");
        Api.organiser().body(Map.of("status", "REGISTRATION_OPEN")).post("/api/v1/editions/" + open + "/status");
        Api.organiser().delete("/api/v1/editions/" + open).then().statusCode(409);
    }

    /**
     * A draft edition deleted while another request changes it or moves its status on: the other waits and finds it
     * gone (404). It was refused as "deleted at the same moment", after a warning with its trace in the log.
     */
    @Test
    void aDraftDeletedWhileChangedOrPublishedIsNotFoundByTheChange() throws Exception {
        long changed = Api.edition("2030-02-06");
        DeletedMeanwhile.whileHeld(() -> editions.delete(changed), () -> Api.organiser()
                        .body(Map.of("number", Api.uniqueNumber(), "title", "Forum changé",
                                "days", List.of(Api.day("2030-02-06"))))
                        .put("/api/v1/editions/" + changed))
                .then().statusCode(404);
        long published = Api.edition("2030-02-06");
        DeletedMeanwhile.whileHeld(() -> editions.delete(published), () -> Api.organiser()
                        .body(Map.of("status", "REGISTRATION_OPEN")).post("/api/v1/editions/" + published + "/status"))
                .then().statusCode(404);
    }
}
