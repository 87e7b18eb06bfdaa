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

        // A wrong choice on the page is said in words, not a broken image.
        String refused = pages.get(e + "/badges?layout=a3-99").then().statusCode(200).extract().asString();
        assertTrue(refused.contains("a3-99") && !refused.contains("preview.png"), "the unknown layout is named");

        // The relay's page offers their badge.
        String own = given().get("/r/" + token).then().statusCode(200).extract().asString();
        assertTrue(own.contains("/r/" + token + "/badge.pdf"));
        given().get("/r/" + token + "/badge.pdf").then().statusCode(200).contentType("application/pdf");
    }
}
