package org.relais;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProgrammeApiTest {

    @Test
    void sessionsAreCreatedInOrderAndUpdated() {
        long edition = Api.edition("2030-02-06");
        long room = Api.space(edition, "Studio", "STUDIO", 12);
        long late = Api.session(edition, room, "2030-02-06", "14:00", "15:00", 12);
        long early = Api.session(edition, room, "2030-02-06", "11:00", "12:00", null);
        given().get("/api/v1/editions/" + edition + "/sessions").then().statusCode(200)
                .body("id", contains((int) early, (int) late)).body("[0].seats", equalTo(null))
                .body("[0].registration", equalTo(false)).body("[1].registration", equalTo(true))
                .body("[0].language", equalTo("fr"));
        Api.organiser().body(Map.of("kind", "CONCERT", "title", "Concert", "spaceId", room, "day", "2030-02-06",
                        "startsAt", "15:00", "endsAt", "15:45", "registration", false, "language", "en"))
                .put("/api/v1/editions/" + edition + "/sessions/" + late).then().statusCode(200)
                .body("kind", equalTo("CONCERT")).body("endsAt", equalTo("15:45")).body("language", equalTo("en"));
        Api.organiser().delete("/api/v1/editions/" + edition + "/sessions/" + early).then().statusCode(204);
        given().get("/api/v1/editions/" + edition + "/sessions").then().body("id", contains((int) late));
    }

    @Test
    void refusesADayOutsideTheEditionAnEndBeforeTheStartAndAnotherEditionsSpace() {
        long edition = Api.edition("2030-02-06");
        long other = Api.edition("2030-02-07");
        long foreign = Api.space(other, "Ailleurs", "ROOM", 10);
        JsonPath problem = Api.organiser()
                .body(Map.of("kind", "TALK", "title", "Débat", "spaceId", foreign, "day", "2030-02-09",
                        "startsAt", "12:00", "endsAt", "11:00"))
                .post("/api/v1/editions/" + edition + "/sessions").then().statusCode(422)
                .contentType("application/problem+json").extract().jsonPath();
        org.junit.jupiter.api.Assertions.assertEquals(List.of("spaceId", "day", "endsAt"), problem.getList("errors.field"));
        org.junit.jupiter.api.Assertions.assertEquals("Le samedi 9 février 2030 n’est pas un jour de cette édition.",
                problem.getString("errors.find { it.field == 'day' }.message"));
        Api.organiser().body(Map.of("kind", "TALK", "title", "Débat", "spaceId", 1234567, "institutionId", 7654321,
                        "day", "2030-02-06", "startsAt", "11:00", "endsAt", "12:00"))
                .post("/api/v1/editions/" + edition + "/sessions").then().statusCode(422)
                .body("errors.find { it.field == 'spaceId' }.message", equalTo("Aucun espace n° 1234567 dans cette édition."))
                .body("errors.find { it.field == 'institutionId' }.message", equalTo("Aucun établissement n° 7654321."));
        given().get("/api/v1/editions/" + edition + "/sessions").then().body("size()", equalTo(0));
    }

    /** A session left on a day the forum no longer has (its second day moved alone) is named with that day in words. */
    @Test
    void aSessionOffTheForumsDaysIsNamedWithItsDayInWords() {
        long edition = Api.edition("2030-02-06");
        Map<String, Object> forum = new java.util.HashMap<>(Map.of("number", Api.uniqueNumber(), "title", "Forum de deux jours",
                "days", List.of(Api.day("2030-02-06"),
                        Api.day("2030-02-07"))));
        Api.organiser().body(forum).put("/api/v1/editions/" + edition).then().statusCode(200);
        long second = Api.session(edition, Api.space(edition, "Studio", "STUDIO", 12), "2030-02-07", "11:00", "12:00", 12);
        forum.put("days", List.of(Api.day("2030-02-06"),
                Api.day("2030-02-09")));
        Api.organiser().body(forum).put("/api/v1/editions/" + edition).then().statusCode(200);
        Api.organiser().get("/api/v1/editions/" + edition + "/conflicts").then().statusCode(200)
                .body("kind", contains("OUTSIDE_OPENING_HOURS")).body("[0].sessionIds", contains((int) second))
                .body("[0].message", equalTo("«\u00a0Atelier 11:00\u00a0» a lieu le jeudi 7 février 2030, qui n’est pas un jour du forum."));
    }

    @Test
    void findsEveryKindOfConflict() {
        long edition = Api.edition("2030-02-06");
        long participant = Api.institution("Sans stand");
        long withStand = Api.institution("Avec stand");
        Api.organiser().body(Map.of("number", Api.uniqueNumber(), "title", "Forum des conflits",
                        "days", List.of(Api.day("2030-02-06")),
                        "participatingInstitutionIds", List.of(participant, withStand)))
                .put("/api/v1/editions/" + edition).then().statusCode(200);
        Api.organiser().body(Map.of("institutionId", withStand)).post("/api/v1/editions/" + edition + "/stands")
                .then().statusCode(201);
        long studio = Api.space(edition, "Studio", "STUDIO", 12);
        long a = Api.session(edition, studio, "2030-02-06", "11:00", "12:00", 12);
        long b = Api.session(edition, studio, "2030-02-06", "11:30", "12:30", 12);
        long tooEarly = Api.session(edition, studio, "2030-02-06", "09:00", "10:00", 12);
        long tooBig = Api.session(edition, studio, "2030-02-06", "14:00", "15:00", 40);
        Api.session(edition, studio, "2030-02-06", "12:30", "13:00", 12); // touches b, no overlap

        JsonPath conflicts = Api.organiser().get("/api/v1/editions/" + edition + "/conflicts").then().statusCode(200)
                .body("$", hasSize(4)).extract().jsonPath();
        org.hamcrest.MatcherAssert.assertThat(conflicts.getList("kind"), containsInAnyOrder("SPACE_DOUBLE_BOOKED",
                "OUTSIDE_OPENING_HOURS", "OVER_SPACE_CAPACITY", "INSTITUTION_WITHOUT_STAND"));
        Map<String, Object> doubleBooked = conflicts.getMap("find { it.kind == 'SPACE_DOUBLE_BOOKED' }");
        org.junit.jupiter.api.Assertions.assertEquals(List.of((int) a, (int) b), doubleBooked.get("sessionIds"));
        org.junit.jupiter.api.Assertions.assertEquals((int) studio, doubleBooked.get("spaceId"));
        org.junit.jupiter.api.Assertions.assertEquals(List.of((int) tooEarly),
                conflicts.getList("find { it.kind == 'OUTSIDE_OPENING_HOURS' }.sessionIds"));
        org.junit.jupiter.api.Assertions.assertEquals(List.of((int) tooBig),
                conflicts.getList("find { it.kind == 'OVER_SPACE_CAPACITY' }.sessionIds"));
        org.junit.jupiter.api.Assertions.assertEquals((int) participant,
                conflicts.getInt("find { it.kind == 'INSTITUTION_WITHOUT_STAND' }.institutionId"));
    }

    @Test
    void conflictsAreForOrganisersOnly() {
        long edition = Api.edition("2030-02-06");
        given().get("/api/v1/editions/" + edition + "/conflicts").then().statusCode(401)
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Basic"))
                .contentType("application/problem+json");
    }

    /**
     * A session another organiser deletes after a change or a deletion of it has read it, before that one writes: a 409
     * that says so, nothing saved. It was a 500, with an error and its trace in the log.
     */
    @Test
    void aSessionDeletedByAnotherRequestWhileChangedOrDeletedIsAConflictInWords() {
        long edition = Api.edition("2030-02-06");
        long room = Api.space(edition, "Studio", "STUDIO", 12);
        long changed = Api.session(edition, room, "2030-02-06", "11:00", "12:00", 12);
        long deleted = Api.session(edition, room, "2030-02-06", "14:00", "15:00", 12);
        DeletedMeanwhile.next(changed);
        Api.organiser().body(Map.of("kind", "WORKSHOP", "title", "Atelier déplacé", "spaceId", room, "day", "2030-02-06",
                        "startsAt", "16:00", "endsAt", "17:00", "seats", 20))
                .put("/api/v1/editions/" + edition + "/sessions/" + changed).then().statusCode(409)
                .contentType("application/problem+json").body("status", equalTo(409))
                .body("detail", equalTo("Ce que vous modifiez a été supprimé au même moment par une autre demande\u00a0: "
                        + "rien n’a été enregistré."));
        DeletedMeanwhile.next(deleted);
        Api.organiser().header("Accept-Language", "en").delete("/api/v1/editions/" + edition + "/sessions/" + deleted)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("What you were changing was deleted at the same moment by another request: nothing was saved."));
        given().get("/api/v1/editions/" + edition + "/sessions").then().body("size()", equalTo(0));
    }
}
