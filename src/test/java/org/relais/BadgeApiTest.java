package org.relais;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relais.badge.BadgeCode;
import org.relais.badge.SigningKeys;
import org.relais.print.PdfTools;
import org.relais.print.SheetLayout;

@QuarkusTest
class BadgeApiTest {

    private static final Path OUT = Path.of("target/print");

    @Inject
    SigningKeys keys;

    private static JsonPath register(long edition, String first, String last, String organisation, List<Long> sessions) {
        Map<String, Object> body = Api.relay(first, "badge-" + System.nanoTime() + "@example.org", sessions);
        body.put("lastName", last);
        body.put("organisation", organisation);
        return Api.register(edition, body);
    }

    private static Path download(String path, String name) throws Exception {
        byte[] pdf = Api.organiser().accept("application/pdf").get(path).then().statusCode(200).contentType("application/pdf")
                .extract().asByteArray();
        Files.createDirectories(OUT);
        Path file = OUT.resolve(name);
        Files.write(file, pdf);
        return file;
    }

    private static String plain(String text) {
        return text.replaceAll("[\\u202A-\\u202E\\u2066-\\u2069]", "");
    }

    @Test
    void anEditionsBadgesAreSortedSpelledAndScannable() throws Exception {
        long edition = Api.openEdition();
        List<String> codes = new ArrayList<>();
        codes.add(register(edition, "Émile", "Zola", "Centre social", List.of()).getString("code"));
        codes.add(register(edition, "Maryam", "العلي", "جمعية الثقافة", List.of()).getString("code"));
        codes.add(register(edition, "Дмитрий", "Достоевский", "Центр помощи", List.of()).getString("code"));
        codes.add(register(edition, "Éloïse", "Élan", "Maison des Épinettes", List.of()).getString("code"));
        codes.add(register(edition, "Eric", "Elan", "Secours populaire", List.of()).getString("code"));
        String cancelled = register(edition, "Annulé", "Absent", "Nulle part", List.of()).getString("manageToken");
        given().delete("/api/v1/registrations/" + cancelled).then().statusCode(204);
        String staff = Api.organiser().contentType(ContentType.JSON)
                .body(Map.of("role", "STAFF", "firstName", "Αλέξανδρος", "lastName", "Παπαδόπουλος",
                        "organisation", "Musée du Louvre"))
                .post("/api/v1/editions/" + edition + "/badge-holders").then().statusCode(201)
                .body("role", equalTo("STAFF")).extract().path("code");
        codes.add(staff);

        Path pdf = download("/api/v1/editions/" + edition + "/badges.pdf?layout=a4-8", "edition-" + edition + ".pdf");
        assertEquals(1, PdfTools.pages(pdf));
        String text = plain(PdfTools.text(pdf));
        for (String name : List.of("Émile", "Zola", "Maryam", "العلي", "جمعية الثقافة", "Дмитрий", "Достоевский",
                "Éloïse", "Élan", "Eric", "Elan", "Αλέξανδρος", "Παπαδόπουλος", "RELAIS", "ÉQUIPE D’INSTITUTION")) {
            assertTrue(text.contains(name), () -> "missing " + name + " in\n" + text);
        }
        assertFalse(text.contains("Absent"), "a cancelled registration has no badge");

        // Last name then first name, accents understood: Elan Eric, Élan Éloïse, Zola, then other scripts.
        List<String> order = List.of("Elan", "Élan", "Zola");
        int previous = -1;
        for (String last : order) {
            int at = text.indexOf("\n" + last + "\n");
            assertTrue(at > previous, () -> "badges out of order: " + order + " in\n" + text);
            previous = at;
        }

        Path png = PdfTools.render(pdf, 1, 150, OUT);
        assertEquals(codes.stream().sorted().toList(),
                PdfTools.qrCodes(png, SheetLayout.byId("a4-8").orElseThrow(), 150).stream().sorted().toList());
        for (String code : codes) {
            assertTrue(keys.verify(code).isPresent(), code);
        }
    }

    @Test
    void aCodeNamesItsEditionAndCannotBeAlteredOrForged() throws Exception {
        long edition = Api.openEdition();
        int number = Api.organiser().get("/api/v1/editions/" + edition).then().extract().path("number");
        String code = register(edition, "Awa", "Diallo", "Emmaüs", List.of()).getString("code");
        BadgeCode read = keys.verify(code).orElseThrow();
        assertEquals(BadgeCode.Kind.REGISTRATION, read.kind());
        assertEquals(number, read.editionNumber());
        assertTrue(keys.verify(code.toLowerCase()).isPresent(), "a code typed in lower case still reads");

        char[] altered = code.toCharArray();
        altered[20] = altered[20] == 'A' ? 'B' : 'A';
        assertTrue(keys.verify(new String(altered)).isEmpty(), "an altered code is refused");
        assertTrue(keys.verify(code.substring(0, 60)).isEmpty(), "half a code is refused");
        assertTrue(keys.verify("&é\"'(-è_çà").isEmpty(), "scanner garbage is refused");

        var forger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String forged = BadgeCode.issue(BadgeCode.Kind.REGISTRATION, number, forger.getPrivate());
        assertTrue(keys.verify(forged).isEmpty(), "a code signed with another key is refused");
        assertTrue(BadgeCode.verify(forged, forger.getPublic()).isPresent());
        assertFalse(code.contains(Long.toString(edition)) && code.contains("Diallo"));
    }

    @Test
    void roleFilterLayoutsAndTheRelaysOwnBadge() throws Exception {
        long edition = Api.openEdition();
        long room = Api.space(edition, "Salle Messiaen", "STUDIO", 40);
        long session = Api.session(edition, room, Api.forumDay(), "10:30", "11:30", 20);
        JsonPath relay = register(edition, "Awa", "Diallo", "Emmaüs", List.of(session));
        Api.organiser().contentType(ContentType.JSON)
                .body(Map.of("role", "PRESS", "firstName", "Paul", "lastName", "Presse", "organisation", "Le Monde"))
                .post("/api/v1/editions/" + edition + "/badge-holders").then().statusCode(201);

        String press = plain(PdfTools.text(download("/api/v1/editions/" + edition + "/badges.pdf?role=PRESS", "press.pdf")));
        assertTrue(press.contains("Presse") && press.contains("Le Monde"), press);
        assertFalse(press.contains("Diallo"), press);

        Path a6 = download("/api/v1/editions/" + edition + "/badges.pdf?layout=a6&role=RELAY,PRESS&back=true", "a6.pdf");
        assertEquals(4, PdfTools.pages(a6), "two badges, each with its back");

        Path own = OUT.resolve("own-" + edition + ".pdf");
        Files.write(own, given().get("/api/v1/registrations/" + relay.getString("manageToken") + "/badge.pdf")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray());
        assertEquals(2, PdfTools.pages(own));
        assertTrue(PdfTools.text(own, 1).contains("Diallo"));
        String back = PdfTools.text(own, 2);
        assertTrue(back.contains("Mon programme") && back.contains("10:30–11:30") && back.contains("Salle Messiaen"), back);
        assertEquals(List.of(relay.getString("code")), PdfTools.qrCodes(PdfTools.render(own, 1, 150, OUT)));

        given().delete("/api/v1/registrations/" + relay.getString("manageToken")).then().statusCode(204);
        given().get("/api/v1/registrations/" + relay.getString("manageToken") + "/badge.pdf").then().statusCode(409)
                .contentType("application/problem+json");
    }

    /** A forum of two days: a relay's badge says both, and its back each session's day. */
    @Test
    void aBadgeForAForumOfSeveralDaysSaysItsDays() throws Exception {
        long edition = Api.openEdition(2);
        java.time.LocalDate first = java.time.LocalDate.parse(Api.forumDay());
        java.time.LocalDate second = first.plusDays(1);
        long session = Api.session(edition, Api.space(edition, "Studio", "STUDIO", 40), second.toString(), "11:00", "12:00", 10);
        JsonPath relay = register(edition, "Awa", "Diallo", "Emmaüs", List.of(session));
        Path own = OUT.resolve("two-days-" + edition + ".pdf");
        Files.createDirectories(OUT);
        Files.write(own, given().get("/api/v1/registrations/" + relay.getString("manageToken") + "/badge.pdf")
                .then().statusCode(200).extract().asByteArray());
        String front = plain(PdfTools.text(own, 1));
        String days = org.relais.web.Messages.shortDate(first, java.util.Locale.FRENCH) + " – "
                + org.relais.web.Messages.shortDate(second, java.util.Locale.FRENCH) + " " + second.getYear();
        assertTrue(front.contains(days), front);
        assertTrue(plain(PdfTools.text(own, 2)).contains(org.relais.web.Messages.shortDate(second, java.util.Locale.FRENCH)
                + " 11:00–12:00"), PdfTools.text(own, 2)); // as the front writes days: "mer. 10 mars", never "10/03"
    }

    @Test
    void badRequestsAreRefusedByName() {
        long edition = Api.openEdition();
        Api.organiser().accept("application/pdf").get("/api/v1/editions/" + edition + "/badges.pdf?layout=a3-99").then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem("layout"));
        Api.organiser().accept("application/pdf").get("/api/v1/editions/" + edition + "/badges.pdf?role=KING").then().statusCode(422)
                .body("errors.field", hasItem("role"));
        Api.organiser().accept("application/pdf").get("/api/v1/editions/999999/badges.pdf").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/editions/" + edition + "/badges.pdf").then().statusCode(401);
        given().get("/api/v1/registrations/not-a-token/badge.pdf").then().statusCode(404);
        Api.organiser().contentType(ContentType.JSON)
                .body(Map.of("role", "RELAY", "firstName", "", "lastName", "x".repeat(10_000)))
                .post("/api/v1/editions/" + edition + "/badge-holders").then().statusCode(422)
                .body("errors.field", hasItem("role")).body("errors.field", hasItem("firstName"))
                .body("errors.field", hasItem("lastName")).body("errors.field", hasItem("organisation"));
    }
}
