package org.relais;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * API.md: "Create answers 201 with a Location header and the created object". Every create of the API,
 * and the object read again at that address: the same, by its id.
 */
@QuarkusTest
class CreatedAddressTest {

    /** Sends the create, and reads the object again where its Location says; returns its id. */
    private static long createdAndReadAgain(String path, Map<String, Object> body) {
        Response created = Api.organiser().body(body).post(path);
        created.then().log().ifValidationFails().statusCode(201);
        String location = created.header("Location");
        assertNotNull(location, path + " answers 201 without a Location");
        long id = created.jsonPath().getLong("id");
        Api.organiser().get(location).then().statusCode(200).body("id", equalTo((int) id));
        return id;
    }

    @Test
    void everyCreatedObjectCanBeReadAtItsLocation() {
        long institution = createdAndReadAgain("/api/v1/institutions", Map.of("name", "Musée des adresses",
                "shortName", "Adresses", "kind", "museum", "slug", "adresses-" + System.nanoTime()));
        String editions = "/api/v1/editions";
        long edition = createdAndReadAgain(editions, Map.of("number", Api.uniqueNumber(), "title", "Forum des adresses",
                "days", List.of(Api.day("2031-03-04"))));
        createdAndReadAgain(editions + "/" + edition + "/copy", Map.of("number", Api.uniqueNumber(),
                "title", "Forum suivant",
                "days", List.of(Api.day("2032-03-09"))));
        String base = editions + "/" + edition;
        createdAndReadAgain(base + "/guests", Map.of("name", "Le Défenseur des droits", "kind", "other"));
        long hall = createdAndReadAgain(base + "/spaces", Map.of("name", "Agora", "kind", "HALL", "widthM", 30,
                "depthM", 20));
        createdAndReadAgain(base + "/spaces/" + hall + "/obstacles", Map.of("kind", "PILLAR", "xM", 10, "yM", 5,
                "widthM", 1, "depthM", 1));
        long stand = createdAndReadAgain(base + "/stands", Map.of("number", 1, "institutionId", institution));
        createdAndReadAgain(base + "/badge-holders", Map.of("role", "STAFF", "firstName", "Awa", "lastName", "Diallo",
                "organisation", "Musée des adresses"));

        long open = Api.openEdition();
        long session = createdAndReadAgain("/api/v1/editions/" + open + "/sessions",
                Api.sessionBody(Api.space(open, "Studio", "STUDIO", 40), Api.forumDay(), "11:00", "12:00", 10));
        long registration = createdAndReadAgain("/api/v1/editions/" + open + "/registrations",
                Api.relay("Léa", "lea-" + System.nanoTime() + "@example.org", List.of(session)));
        String code = Api.organiser().get("/api/v1/editions/" + open + "/registrations").jsonPath()
                .getString("find { it.id == " + registration + " }.code");
        long openStand = Api.stand(open, 1, institution);
        createdAndReadAgain("/api/v1/editions/" + open + "/stands/" + openStand + "/leads", Map.of("code", code,
                "note", "visite en mars"));
    }
}
