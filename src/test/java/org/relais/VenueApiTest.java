package org.relais;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class VenueApiTest {

    @Test
    void spacesAreCreatedReadUpdatedAndDeleted() {
        long edition = Api.edition("2030-02-06");
        long hall = Api.organiser()
                .body(Map.of("name", "Agora", "kind", "HALL", "widthM", 60.5, "depthM", 24, "stepFree", true))
                .post("/api/v1/editions/" + edition + "/spaces").then().statusCode(201)
                .body("widthM", equalTo(60.5f)).body("seats", nullValue()).extract().jsonPath().getLong("id");
        Api.organiser().body(Map.of("name", "Agora", "kind", "ROOM")).post("/api/v1/editions/" + edition + "/spaces")
                .then().statusCode(409);
        Api.organiser().body(Map.of("name", "Agora", "kind", "HALL", "widthM", 60, "depthM", 30, "seats", 500, "stepFree", false))
                .put("/api/v1/editions/" + edition + "/spaces/" + hall).then().statusCode(200).body("seats", equalTo(500))
                .body("stepFree", equalTo(false))
                // as a person and a spreadsheet read it: 60, not 6E+1
                .body(containsString("\"widthM\":60,\"depthM\":30,"));
        Api.organiser().delete("/api/v1/editions/" + edition + "/spaces/" + hall).then().statusCode(204);
    }

    @Test
    void standsAreNumberedCheckedAgainstTheirHallAndKeptInTheirEdition() {
        long edition = Api.edition("2030-02-06");
        long other = Api.edition("2030-02-07");
        long inst = Api.institution("Stand");
        long hall = Api.space(edition, "Hall", "HALL", null); // 20 x 10 m
        long first = Api.organiser().body(Map.of("institutionId", inst, "spaceId", hall))
                .post("/api/v1/editions/" + edition + "/stands").then().statusCode(201)
                .body("number", equalTo(1)).body("widthM", equalTo(3)).body("xM", nullValue())
                .extract().jsonPath().getLong("id");
        Api.organiser().body(Map.of("institutionId", inst, "spaceId", hall, "power", true, "xM", 17, "yM", 8))
                .post("/api/v1/editions/" + edition + "/stands").then().statusCode(201).body("number", equalTo(2))
                .body("power", equalTo(true));
        // 18.5 + 3 m goes past the 20 m wall.
        Api.organiser().body(Map.of("institutionId", inst, "spaceId", hall, "xM", 18.5, "yM", 0))
                .post("/api/v1/editions/" + edition + "/stands").then().statusCode(422).body("errors[0].field", equalTo("xM"));
        Api.organiser().body(Map.of("number", 1, "institutionId", inst)).post("/api/v1/editions/" + edition + "/stands")
                .then().statusCode(409);
        Api.organiser().body(Map.of("institutionId", inst, "spaceId", hall))
                .post("/api/v1/editions/" + other + "/stands").then().statusCode(422).body("errors[0].field", equalTo("spaceId"));
        given().get("/api/v1/editions/" + other + "/stands/" + first).then().statusCode(404);
        given().get("/api/v1/editions/" + edition + "/stands").then().body("number", hasItems(1, 2));
        Api.organiser().delete("/api/v1/editions/" + edition + "/spaces/" + hall).then().statusCode(409);
    }

    /**
     * Stands added at the same moment without a number (two organisers, or a script's threads importing a hall) each
     * take their own next number: both took the same one, and all but one were refused as already existing.
     */
    @Test
    void standsAddedAtOnceWithoutANumberEachTakeTheirOwn() throws Exception {
        long edition = Api.edition("2030-02-06");
        long institution = Api.institution("Simultané");
        java.util.List<java.util.concurrent.Callable<Integer>> adds = new java.util.ArrayList<>();
        for (int i = 0; i < 24; i++) {
            adds.add(() -> Api.organiser().body(Map.of("institutionId", institution))
                    .post("/api/v1/editions/" + edition + "/stands").statusCode());
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(12);
        java.util.List<Integer> statuses = new java.util.ArrayList<>();
        try {
            for (java.util.concurrent.Future<Integer> f : pool.invokeAll(adds)) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Collections.nCopies(24, 201), statuses, "every stand added");
        java.util.List<Integer> numbers = given().get("/api/v1/editions/" + edition + "/stands").then().statusCode(200)
                .extract().jsonPath().getList("number", Integer.class);
        org.junit.jupiter.api.Assertions.assertEquals(java.util.stream.IntStream.rangeClosed(1, 24).boxed().toList(),
                numbers.stream().sorted().toList());
    }
}
