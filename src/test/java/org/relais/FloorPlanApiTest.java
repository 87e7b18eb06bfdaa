package org.relais;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relais.demo.DemoData;
import org.relais.edition.Edition;
import org.relais.venue.Space;

@QuarkusTest
class FloorPlanApiTest {

    @Inject
    DemoData demo;

    @Test
    void theDemoForumsHallIsLaidOutNumberedAndDrawn() throws Exception {
        demo.load(true);
        Edition forum = Edition.findByNumber(14).orElseThrow();
        long agora = Space.<Space>list("edition = ?1 and name = ?2", forum, "Agora").get(0).id;
        String obstacles = "/api/v1/editions/" + forum.id + "/spaces/" + agora + "/obstacles";
        if (Api.organiser().get(obstacles).jsonPath().getList("$").isEmpty()) {
            Api.organiser().body(Map.of("kind", "PILLAR", "xM", 20, "yM", 11, "widthM", 1, "depthM", 1)).post(obstacles)
                    .then().statusCode(201);
            Api.organiser().body(Map.of("kind", "EMERGENCY_EXIT", "label", "Sortie Seine", "xM", 29, "yM", 23.7,
                    "widthM", 2, "depthM", 0.3)).post(obstacles).then().statusCode(201).body("clearanceM", equalTo(2));
        }
        Api.organiser().body(Map.of("kind", "PILLAR", "xM", 59.5, "yM", 11, "widthM", 1, "depthM", 1)).post(obstacles)
                .then().statusCode(422).body("errors.field", hasItem("xM"));

        JsonPath laid = Api.organiser().body(Map.of("spaceId", agora, "aisleM", 2.0))
                .post("/api/v1/editions/" + forum.id + "/floorplan/layout").then().statusCode(200).extract().jsonPath();
        assertEquals(34, laid.getList("stands").size());
        assertEquals(List.of(), laid.getList("problems"));
        List<Integer> numbers = laid.getList("stands.number");
        assertEquals(34, numbers.stream().distinct().count(), "numbers stay unique");
        for (Map<String, Object> s : laid.<Map<String, Object>>getList("stands")) {
            assertTrue(s.get("xM") != null && s.get("yM") != null, "every stand placed: " + s);
        }
        // Same input, same plan.
        JsonPath again = Api.organiser().body(Map.of("spaceId", agora, "aisleM", 2.0))
                .post("/api/v1/editions/" + forum.id + "/floorplan/layout").then().statusCode(200).extract().jsonPath();
        java.util.Comparator<Map<String, Object>> byId = java.util.Comparator.comparing(m -> ((Number) m.get("id")).longValue());
        assertEquals(laid.<Map<String, Object>>getList("stands").stream().sorted(byId).toList(),
                again.<Map<String, Object>>getList("stands").stream().sorted(byId).toList());

        String svg = given().get("/api/v1/editions/" + forum.id + "/floorplan.svg?spaceId=" + agora).then().statusCode(200)
                .contentType(containsString("image/svg+xml")).extract().asString();
        assertTrue(svg.startsWith("<svg") && svg.contains("data-number=\"34\"") && svg.contains("Radio France"), svg);
        assertTrue(svg.contains("Issue de secours") || svg.contains("Emergency exit"));

        for (String format : List.of("A4", "A3")) {
            byte[] pdf = given().accept("application/pdf").get("/api/v1/editions/" + forum.id + "/floorplan.pdf?spaceId=" + agora
                    + "&format=" + format).then().statusCode(200).contentType("application/pdf").extract().asByteArray();
            java.nio.file.Path file = java.nio.file.Path.of("target/print/floorplan-" + format + ".pdf");
            try {
                java.nio.file.Files.createDirectories(file.getParent());
                java.nio.file.Files.write(file, pdf);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            assertEquals(1, org.relais.print.PdfTools.pages(file));
            String text = org.relais.print.PdfTools.text(file);
            assertTrue(text.contains("Établissements et leurs stands") && text.contains("Radio France")
                    && text.contains("1:") && text.contains("Agora"), text);
            // Tagged: the plan is a figure that says in words what it shows, stand numbers included.
            assertEquals(List.of(), org.relais.print.PdfTools.pdfUaFailures(file), "PDF/UA-1");
            List<String> figures = org.relais.print.PdfTools.figureDescriptions(file);
            assertEquals(1, figures.size(), figures.toString());
            assertTrue(figures.get(0).startsWith("Plan : Agora") && figures.get(0).contains("avec 34 stands numérotés.")
                    && figures.get(0).contains("Établissements et leurs stands : ")
                    && figures.get(0).matches("(?s).*Radio France : [0-9, ]+\\..*"), figures.get(0));
        }
        given().accept("application/pdf").get("/api/v1/editions/" + forum.id + "/floorplan.pdf?format=A0").then()
                .statusCode(422);
    }

    @Test
    void whatCannotBeLaidOutIsRefusedInWords() {
        long edition = Api.edition(Api.forumDay());
        long hall = Api.organiser().body(Map.of("name", "Petit hall", "kind", "HALL", "widthM", 8, "depthM", 6,
                "stepFree", true)).post("/api/v1/editions/" + edition + "/spaces").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        for (int i = 1; i <= 12; i++) {
            Api.organiser().body(Map.of("number", i, "institutionId", Api.institution("Inst" + i), "spaceId", hall))
                    .post("/api/v1/editions/" + edition + "/stands").then().statusCode(201);
        }
        Api.organiser().body(Map.of("spaceId", hall, "aisleM", 2.0)).post("/api/v1/editions/" + edition + "/floorplan/layout")
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("ne tiennent pas"));
        Api.organiser().body(Map.of("spaceId", hall, "aisleM", 1.0)).post("/api/v1/editions/" + edition + "/floorplan/layout")
                .then().statusCode(422).body("errors.field", hasItem("aisleM")).body("detail", containsString("1,4"));
        // Aisles wider than the hall, down to a number too large for a double: said of the hall, not of "∞ m".
        for (String aisle : List.of("9", "1e999999999")) {
            Api.organiser().body("{\"spaceId\": " + hall + ", \"aisleM\": " + aisle + "}")
                    .post("/api/v1/editions/" + edition + "/floorplan/layout").then().statusCode(422)
                    .body("errors.field", hasItem("aisleM"))
                    .body("detail", equalTo("Des allées plus larges que le hall « Petit hall » (8 × 6 m) n’y laissent aucune place."));
        }
        Api.organiser().body(Map.of("spaceId", 999999)).post("/api/v1/editions/" + edition + "/floorplan/layout")
                .then().statusCode(404);
    }
}
