package org.relais.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relais.Api;
import org.relais.Pages;
import org.relais.mail.OutboxWorker;

/**
 * A disk with too little room (the least room set above any disk's, on the build's folder, read for real): every change
 * is refused in words and nothing is written, the pages still open and say why, the outbox waits; room again, and the same
 * change goes through.
 */
@QuarkusTest
class DiskFullTest {

    @Inject
    DiskRoom disk;

    @Inject
    OutboxWorker outbox;

    @Test
    void aNearlyFullDiskRefusesEveryChangeAndLosesNothing() {
        long edition = Api.openEdition();
        long workshop = Api.workshop(edition, "Studio", 10);
        Pages organiser = Pages.signIn();
        given().contentType(ContentType.JSON).body(Api.relay("Avant", "before-" + System.nanoTime() + "@example.org", List.of(workshop)))
                .post("/api/v1/editions/" + edition + "/registrations").then().statusCode(201);
        String before = "/organiser/editions/" + edition + "/registrations";
        String fresh = "full-" + System.nanoTime() + "@example.org";
        try {
            disk.requireAtLeast(Long.MAX_VALUE);

            given().contentType(ContentType.JSON).body(Api.relay("Plein", fresh, List.of(workshop))).header("Accept-Language", "fr")
                    .post("/api/v1/editions/" + edition + "/registrations").then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", "60")
                    .body("type", equalTo("tag:relais,2026:disk-full"))
                    .body("detail", containsString("le disque qui tient ses données est presque plein. Rien n’a été enregistré."));
            given().contentType(ContentType.JSON).body(Api.relay("Full", fresh, List.of(workshop))).header("Accept-Language", "en")
                    .post("/api/v1/editions/" + edition + "/registrations").then().statusCode(503)
                    .body("detail", containsString("the disk that holds its data is nearly full. Nothing was saved."));
            Api.organiser().contentType(ContentType.JSON).body(Map.of("name", "Salle pleine", "kind", "ROOM", "seats", 10))
                    .post("/api/v1/editions/" + edition + "/spaces").then().statusCode(503);
            organiser.form("/organiser/editions/" + edition + "/sessions", Map.of("title", "Jamais")).then().statusCode(503)
                    .contentType(containsString("text/html")).body(containsString("Rien n’a été enregistré."))
                    .body(containsString("data-problem=\"tag:relais,2026:disk-full\""));
            Pages.anonymous().form("/editions/" + edition + "/register", Map.of("firstName", "Plein", "email", fresh)).then()
                    .statusCode(503).body(containsString("le disque qui tient ses données est presque plein"));

            organiser.get(before).then().statusCode(200)
                    .body(containsString("Le disque qui tient les données de Relais est presque plein (il reste "));
            organiser.get(before + "?lang=en").then().statusCode(200)
                    .body(containsString("The disk that holds Relais’s data is nearly full ("));
            given().get("/editions/" + edition).then().statusCode(200).body(not(containsString("presque plein")));
            given().get("/q/health").then().statusCode(503).body("status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'Disk room for the database' }.status", equalTo("DOWN"));
            assertEquals(0, outbox.sendDue(), "the confirmation waits: sent and not marked sent, it would go twice");
            organiser.form("/logout", Map.of()).then().statusCode(303).header("Location", endsWith("/login?done=signed-out"));
        } finally {
            disk.requireAtLeast(0);
        }
        assertTrue(outbox.sendDue() >= 1, "sent once there is room");
        given().get("/q/health").then().statusCode(200).body("checks.name", hasItem("Disk room for the database"));
        Api.organiser().get("/api/v1/editions/" + edition + "/registrations").then().statusCode(200)
                .body("size()", equalTo(1)).body("firstName", equalTo(List.of("Avant")));
        given().contentType(ContentType.JSON).body(Api.relay("Plein", fresh, List.of(workshop)))
                .post("/api/v1/editions/" + edition + "/registrations").then().statusCode(201);
        // The API's document says which 503 it is, on a change; a read is never refused for the disk.
        given().accept("application/json").get("/q/openapi").then()
                .body("paths.'/api/v1/editions/{id}/registrations'.post.responses.'503'.description",
                        containsString("nearly full (type tag:relais,2026:disk-full)"))
                .body("paths.'/api/v1/editions/{id}/registrations'.get.responses.'503'.description", not(containsString("disk")));
        // Another problem says its own kind, the disk's type gone with it.
        given().contentType(ContentType.JSON).body(Api.relay("Plein", fresh, List.of(workshop)))
                .post("/api/v1/editions/" + edition + "/registrations").then().statusCode(409)
                .body("type", equalTo("tag:relais,2026:already-registered"));
    }
}
