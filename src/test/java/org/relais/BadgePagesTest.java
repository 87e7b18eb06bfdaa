package org.relais;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.relais.print.PdfTools;

@QuarkusTest
class BadgePagesTest {

    @Test
    void theOrganiserEntersStaffPreviewsTheSheetAndDownloads() throws Exception {
        long edition = Api.openEdition();
        long louvre = Api.institution("Louvre");
        String relayEmail = "page-badge-" + System.nanoTime() + "@example.org";
        Map<String, Object> body = Api.relay("Awa", relayEmail, List.of());
        body.put("lastName", "Diallo");
        String token = given().contentType(ContentType.JSON).body(body).post("/api/v1/editions/" + edition + "/registrations")
                .then().statusCode(201).extract().path("manageToken");
        Pages pages = Pages.signIn();
        String e = "/organiser/editions/" + edition;

        // A wrong form comes back with what was typed and each field marked.
        Response wrong = pages.form(e + "/badge-holders", Map.of("role", "STAFF", "firstName", "Claire<script>",
                "lastName", "", "organisation", ""));
        assertEquals(422, wrong.statusCode());
        String html = wrong.asString();
        assertTrue(html.contains("value=\"Claire&lt;script&gt;\""), "the first name is kept, escaped");
        assertTrue(html.contains("id=\"e-lastName\""), "the last name is marked");
        assertTrue(html.contains("id=\"e-organisation\""), "the organisation is marked");

        Response added = pages.form(e + "/badge-holders", Map.of("role", "STAFF", "firstName", "Claire",
                "lastName", "Ménard", "institutionId", String.valueOf(louvre), "organisation", ""));
        assertEquals(303, added.statusCode());
        String page = pages.get(e + "/badges").then().statusCode(200).extract().asString();
        assertTrue(page.contains("Ménard") && page.contains("Louvre"), "the staff member is listed with the institution");
        assertTrue(page.contains(e + "/badges/preview.png"), "the first sheet is previewed");

        byte[] png = pages.get(e + "/badges/preview.png?layout=a4-8").then().statusCode(200).contentType("image/png")
                .extract().asByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(794, image.getWidth(), "A4 at 96 dpi");

        byte[] pdf = pages.get(e + "/badges.pdf?layout=avery-l7418&role=STAFF&role=RELAY").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        Path file = Path.of("target/print/page-" + edition + ".pdf");
        Files.createDirectories(file.getParent());
        Files.write(file, pdf);
        String text = PdfTools.text(file);
        assertTrue(text.contains("Ménard") && text.contains("Diallo"), text);
        assertTrue(text.indexOf("Diallo") < text.indexOf("Ménard"), "sorted by last name: " + text);

        // The layouts are offered whole, each on its own line (a list cut them short on a phone), the one asked for chosen.
        String chosen = pages.get(e + "/badges?layout=a6").then().statusCode(200).extract().asString();
        assertTrue(chosen.contains("<input type=\"radio\" name=\"layout\" value=\"a6\" checked> A6, un badge par page (imprimante de l’accueil)"),
                chosen);
        assertTrue(chosen.contains("value=\"a4-8\"> Planches A4 de 8 badges (90\u00a0×\u00a055\u00a0mm) avec traits de coupe"), chosen);

        // A wrong choice on the page is said in words, not a broken image.
        String refused = pages.get(e + "/badges?layout=a3-99").then().statusCode(422).extract().asString();
        assertTrue(refused.contains("a3-99") && !refused.contains("preview.png"), "the unknown layout is named");

        // The relay's page offers their badge.
        String own = given().get("/r/" + token).then().statusCode(200).extract().asString();
        assertTrue(own.contains("/r/" + token + "/badge.pdf"));
        given().get("/r/" + token + "/badge.pdf").then().statusCode(200).contentType("application/pdf");
    }

    /**
     * A name or organisation in letters the badges' font cannot draw (Chinese, Devanagari) would print as
     * empty boxes: the badges page says whose badge, and which letters, before anything is printed; names
     * in the scripts the font has (accents, Greek, Cyrillic, Arabic) are not listed.
     */
    @Test
    void theBadgesPageNamesTheBadgesWhoseLettersTheFontCannotDraw() {
        long edition = Api.openEdition();
        String run = String.valueOf(System.nanoTime());
        Map<String, Object> chinese = Api.relay("Fang", "fang-" + run + "@example.org", List.of());
        chinese.put("lastName", "王芳");
        long wang = given().contentType(ContentType.JSON).body(chinese).post("/api/v1/editions/" + edition + "/registrations")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        for (String name : List.of("Ménard-Çelik", "Ελένη", "Кузнецова", "بن علي")) {
            Map<String, Object> printable = Api.relay("Ana", "ok-" + name.hashCode() + "-" + run + "@example.org", List.of());
            printable.put("lastName", name);
            given().contentType(ContentType.JSON).body(printable).post("/api/v1/editions/" + edition + "/registrations")
                    .then().statusCode(201);
        }
        Pages pages = Pages.signIn();
        String e = "/organiser/editions/" + edition;
        Api.organiser().contentType(ContentType.JSON).body(Map.of("role", "PRESS", "firstName", "Neha", "lastName", "Rao",
                "organisation", "नेहा टाइम्स")).post("/api/v1/editions/" + edition + "/badge-holders").then().statusCode(201);

        String page = pages.get(e + "/badges").then().statusCode(200).extract().asString();
        assertTrue(page.contains("2 badges portent des lettres que la police des badges ne sait pas dessiner"), page);
        assertTrue(page.contains("<a href=\"" + e + "/registrations/" + wang + "\">Fang 王芳</a>"), page);
        assertTrue(page.contains("«\u00a0王芳\u00a0»"), page);
        assertTrue(page.contains("<a href=\"#holders\">Neha Rao</a> · नेहा टाइम्स"), page);
        for (String name : List.of("Ménard-Çelik", "Ελένη", "Кузнецова", "بن علي")) {
            assertTrue(!page.contains("Ana " + name), name + " prints: not listed");
        }
        String english = pages.get(e + "/badges?lang=en").then().statusCode(200).extract().asString();
        assertTrue(english.contains("2 badges have letters the badges’ font cannot draw") && english.contains("“王芳”"), english);

        // The relay is told on their own page, where they may write their name in Latin letters.
        io.restassured.path.json.JsonPath all = Api.organiser().get("/api/v1/editions/" + edition + "/registrations").then()
                .extract().jsonPath();
        String wangToken = all.getString("find { it.id == " + wang + " }.manageToken");
        assertTrue(given().get("/r/" + wangToken + "?lang=fr").then().statusCode(200).extract().asString()
                .contains("Votre badge ne sait pas écrire «\u00a0王芳\u00a0»"));
        assertTrue(!given().get("/r/" + all.getString("find { it.lastName == 'Ελένη' }.manageToken") + "?lang=fr").then()
                .statusCode(200).extract().asString().contains("id=\"unprintable\""), "a Greek name prints");
        given().delete("/api/v1/registrations/" + wangToken).then().statusCode(204);
        String after = pages.get(e + "/badges?lang=fr").then().statusCode(200).extract().asString();
        assertTrue(after.contains("Un badge porte des lettres") && !after.contains("王芳"), "a cancelled relay has no badge: " + after);
    }
}
