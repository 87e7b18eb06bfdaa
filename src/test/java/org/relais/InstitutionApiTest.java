package org.relais;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.relais.door.DoorAccounts;

@QuarkusTest
class InstitutionApiTest {

    @Inject
    DoorAccounts accounts;

    @Inject
    org.relais.network.InstitutionService institutions;

    @Test
    void createsReadsUpdatesAndDeletesAnInstitution() {
        String slug = "musee-" + System.nanoTime();
        long id = Api.organiser()
                .body(Map.of("slug", slug, "name", "Musée des Confluences", "shortName", "Confluences", "kind", "museum",
                        "website", "https://www.museedesconfluences.fr",
                        "correspondent", Map.of("name", "Anne Martin", "email", "anne@example.org", "phone", "+33 1 23 45 67 89"),
                        "charter", List.of("tariffs", "correspondent"), "offer", "Visites pour groupes FLE"))
                .post("/api/v1/institutions")
                .then().statusCode(201).header("Location", org.hamcrest.Matchers.containsString("/api/v1/institutions/"))
                .extract().jsonPath().getLong("id");
        given().get("/api/v1/institutions/" + id).then().statusCode(200)
                .body("slug", equalTo(slug)).body("correspondent.email", equalTo("anne@example.org"))
                .body("charter", contains("correspondent", "tariffs")) // the charter's own order
                .body("offer", equalTo("Visites pour groupes FLE"));

        Api.organiser().body(Map.of("slug", slug, "name", "Musée des Confluences", "shortName", "Confluences",
                        "kind", "museum", "charter", List.of()))
                .put("/api/v1/institutions/" + id).then().statusCode(200).body("website", nullValue())
                .body("charter.size()", equalTo(0));
        given().get("/api/v1/institutions").then().statusCode(200).body("slug", hasItem(slug));

        Api.organiser().delete("/api/v1/institutions/" + id).then().statusCode(204);
        given().get("/api/v1/institutions/" + id).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
    }

    @Test
    void derivesTheSlugAndRefusesADuplicate() {
        String shortName = "Cité Écoles " + System.nanoTime();
        String slug = Api.organiser().body(Map.of("name", "La Cité", "shortName", shortName, "kind", "library"))
                .post("/api/v1/institutions").then().statusCode(201).extract().jsonPath().getString("slug");
        org.junit.jupiter.api.Assertions.assertTrue(slug.startsWith("cite-ecoles-"), slug);
        Api.organiser().body(Map.of("slug", slug, "name", "Autre", "shortName", "Autre", "kind", "library"))
                .post("/api/v1/institutions").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void namesEveryWrongField() {
        Api.organiser().header("Accept-Language", "en")
                .body(Map.of("name", "", "shortName", "x".repeat(81), "kind", "zoo", "website", "ftp://nope",
                        "correspondent", Map.of("email", "not-an-email"), "charter", List.of("bogus")))
                .post("/api/v1/institutions")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("name", "shortName", "kind", "website",
                        "correspondent.email", "charter"))
                .body("errors.find { it.field == 'name' }.message", equalTo("This field is required."));
    }

    @Test
    void refusesToDeleteAnInstitutionThatHostsAnEdition() {
        long host = Api.institution("Hôte");
        Api.organiser().body(Map.of("number", Api.uniqueNumber(), "title", "Forum", "hostInstitutionId", host,
                "days", List.of())).post("/api/v1/editions").then().statusCode(201);
        Api.organiser().delete("/api/v1/institutions/" + host).then().statusCode(409);
        given().get("/api/v1/institutions/" + host).then().statusCode(200);
    }

    /**
     * An institution named on a badge (its staff's) is in use too: deleting it answered "this record
     * already exists", the database's refusal, in place of saying why.
     */
    @Test
    void refusesToDeleteAnInstitutionNamedOnABadgeAndSaysWhy() {
        long museum = Api.institution("Musée badgé");
        long edition = Api.edition("2031-09-10");
        Api.organiser().body(Map.of("role", "STAFF", "firstName", "Léa", "lastName", "Martin", "organisation", "Musée badgé",
                "institutionId", museum)).post("/api/v1/editions/" + edition + "/badge-holders").then().statusCode(201);
        Api.organiser().delete("/api/v1/institutions/" + museum).then().statusCode(409)
                .body("detail", equalTo("Musée badgé (musée) a des stands, des séances, des badges ou des accès"
                        + " ou accueille une édition\u00a0: il ne peut pas être supprimé."));
        given().get("/api/v1/institutions/" + museum).then().statusCode(200);

        long staffed = Api.institution("Musée accrédité"); // its stand staff's access names it
        accounts.create(edition, new DoorAccounts.AccessData("STAND_ACCOUNT", "Équipe", "staffed-" + System.nanoTime()
                + "@test.local", "stand-password", staffed));
        Api.organiser().delete("/api/v1/institutions/" + staffed).then().statusCode(409);
        given().get("/api/v1/institutions/" + staffed).then().statusCode(200);
    }

    @Test
    void institutionsAndSpacesAreListedAsADictionaryOrdersTheirNames() {
        String n = String.valueOf(System.nanoTime());
        Api.organiser().body(Map.of("name", "Zénith " + n, "shortName", "Zénith " + n, "kind", "museum"))
                .post("/api/v1/institutions").then().statusCode(201);
        Api.organiser().body(Map.of("name", "École " + n, "shortName", "École " + n, "kind", "museum"))
                .post("/api/v1/institutions").then().statusCode(201);
        List<String> names = given().get("/api/v1/institutions").then().statusCode(200).extract().jsonPath().getList("name");
        org.junit.jupiter.api.Assertions.assertTrue(names.indexOf("École " + n) >= 0
                && names.indexOf("École " + n) < names.indexOf("Zénith " + n), names.toString()); // É with the E, not after Z

        long edition = Api.edition("2031-03-14");
        Api.space(edition, "Zinc", "ROOM", 20);
        Api.space(edition, "étage", "ROOM", 20);
        Api.space(edition, "Agora", "ROOM", 20);
        Api.organiser().get("/api/v1/editions/" + edition + "/spaces").then().statusCode(200)
                .body("name", contains("Agora", "étage", "Zinc"));
    }

    /**
     * An institution deleted while a badge, an edition or a stand's access is made to name it, either way round: the
     * later request waits for the earlier, and is refused, or refuses, in words. On H2 both went through, and what was
     * made named an institution that no longer existed.
     */
    @Test
    void anInstitutionDeletedWhileABadgeAnEditionOrAnAccessNamesItIsKeptOrTheyAreRefused() throws Exception {
        long edition = Api.edition("2030-02-06");
        long gone = Api.institution("Partie");
        DeletedMeanwhile.whileHeld(() -> institutions.delete(gone), () -> Api.organiser()
                        .body(Map.of("role", "PRESS", "firstName", "Lou", "lastName", "Martin", "institutionId", gone))
                        .post("/api/v1/editions/" + edition + "/badge-holders"))
                .then().statusCode(422).body("errors.field", hasItem("institutionId"));
        Api.organiser().get("/api/v1/editions/" + edition + "/badge-holders").then().statusCode(200).body("size()", equalTo(0));

        long alsoGone = Api.institution("Aussi partie");
        DeletedMeanwhile.whileHeld(() -> institutions.delete(alsoGone), () -> Api.organiser()
                        .body(Map.of("number", Api.uniqueNumber(), "title", "Forum accueilli", "hostInstitutionId", alsoGone,
                                "participatingInstitutionIds", List.of(alsoGone),
                                "days", List.of(Api.day("2030-02-07"))))
                        .post("/api/v1/editions"))
                .then().statusCode(422).body("errors.field", hasItem("hostInstitutionId"))
                .body("errors.field", hasItem("participatingInstitutionIds"));

        long kept = Api.institution("Restée");
        DeletedMeanwhile.whileHeld(() -> accounts.create(edition, new DoorAccounts.AccessData("STAND_ACCOUNT", "Équipe",
                        "equipe-" + edition + "@test.local", "stand-password", kept)),
                () -> Api.organiser().delete("/api/v1/institutions/" + kept))
                .then().statusCode(409).body("detail", containsString("Restée (musée) a des stands"));
        given().get("/api/v1/institutions/" + kept).then().statusCode(200);

        long changed = Api.institution("Changée");
        DeletedMeanwhile.whileHeld(() -> institutions.delete(changed), () -> Api.organiser()
                        .body(Map.of("name", "Musée changé", "shortName", "Changée", "kind", "museum"))
                        .put("/api/v1/institutions/" + changed))
                .then().statusCode(404);
    }
}
