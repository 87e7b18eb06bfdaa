package org.relais;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.endsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SecurityTest {

    @Test
    void writesNeedAnOrganiser() {
        given().contentType(ContentType.JSON).body(Map.of("name", "X", "shortName", "X", "kind", "museum"))
                .post("/api/v1/institutions").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Basic"));
        given().auth().preemptive().basic(Api.ORGANISER, "wrong").contentType(ContentType.JSON)
                .body(Map.of("name", "X", "shortName", "X", "kind", "museum"))
                .post("/api/v1/institutions").then().statusCode(401);
    }

    @Test
    void pagesRunOnlyRelaisScriptsAndNoOtherSiteFramesThem() {
        long edition = Api.openEdition();
        for (String page : new String[] {"/editions/" + edition, "/login", "/r/no-such-link"}) {
            given().get(page).then().contentType(containsString("text/html"))
                    .header("Content-Security-Policy", containsString("script-src 'self';"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("X-Frame-Options", equalTo("DENY")).header("Referrer-Policy", equalTo("same-origin"))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    // and no page relies on a script written into it, which the policy would stop
                    .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.matchesPattern("(?s).*<script(?![^>]*\\ssrc=).*")))
                    .body(org.hamcrest.Matchers.not(containsString("javascript:")));
        }
        given().get("/api/v1/editions/" + edition).then().statusCode(200).header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Content-Security-Policy", org.hamcrest.Matchers.nullValue());
        long hall = Api.space(edition, "Agora", "HALL", 300);
        given().get("/api/v1/editions/" + edition + "/floorplan.svg?spaceId=" + hall).then().statusCode(200)
                .contentType(containsString("image/svg+xml")).header("Content-Security-Policy", equalTo("default-src 'none'; style-src 'unsafe-inline'"));
    }

    @Test
    void pagesSendStrangersToTheSignInForm() {
        given().redirects().follow(false).get("/organiser/editions").then().statusCode(303)
                .header("Location", endsWith("/login"));
    }

    @Test
    void aSignInLandsOnThePageThatAskedForIt() {
        long edition = Api.edition("2030-02-07");
        String asked = "/organiser/editions/" + edition + "/registrations?sector=health";
        io.restassured.response.Response toSignIn = given().redirects().follow(false).get(asked);
        toSignIn.then().statusCode(303).header("Location", endsWith("/login"));
        String back = toSignIn.getCookie("quarkus-redirect-location");
        org.junit.jupiter.api.Assertions.assertTrue(back != null && back.endsWith(asked), "the page asked for, kept: " + back);
        io.restassured.response.Response signedIn = given().redirects().follow(false).cookie("quarkus-redirect-location", back)
                .formParam("j_username", Api.ORGANISER).formParam("j_password", Api.PASSWORD).post("/j_security_check");
        signedIn.then().statusCode(302).header("Location", endsWith(asked));
        given().cookies(signedIn.getCookies()).get(asked).then().statusCode(200).body(containsString("Forum 2030-02-07"));

        // Opened without a page asked for, a sign-in lands where it always did.
        given().redirects().follow(false).formParam("j_username", Api.ORGANISER).formParam("j_password", Api.PASSWORD)
                .post("/j_security_check").then().statusCode(302).header("Location", endsWith("/organiser"));
        // A form sent after its sign-in ended is not sent again; the way back is to its page, when that is on this site.
        String spaces = "/organiser/editions/" + edition + "/spaces";
        String formsPage = back.substring(0, back.indexOf("/organiser/")) + spaces;
        io.restassured.response.Response form = given().redirects().follow(false).header("Referer", formsPage)
                .formParam("name", "Salle").post(spaces);
        form.then().statusCode(303).header("Location", endsWith("/login?after=form"));
        given().header("Accept-Language", "fr").get("/login?after=form").then().statusCode(200).body(containsString(
                "Votre connexion avait pris fin\u00a0: le formulaire envoyé n’a pas été enregistré."));
        given().header("Accept-Language", "fr").get("/login").then().statusCode(200).body(org.hamcrest.Matchers.not(
                containsString("Votre connexion avait pris fin")));
        org.junit.jupiter.api.Assertions.assertEquals(formsPage, form.getCookie("quarkus-redirect-location"));
        for (String elsewhere : new String[] {null, "https://elsewhere.example.org" + spaces, "not an address"}) {
            io.restassured.specification.RequestSpecification request = given().redirects().follow(false).formParam("name", "Salle");
            if (elsewhere != null) {
                request.header("Referer", elsewhere);
            }
            io.restassured.response.Response sent = request.post(spaces);
            sent.then().statusCode(303).header("Location", endsWith("/login?after=form"));
            org.junit.jupiter.api.Assertions.assertNull(sent.getCookie("quarkus-redirect-location"), String.valueOf(elsewhere));
        }
        given().get("/api/v1/editions/" + edition + "/spaces").then().body("size()", equalTo(0));
    }

    @Test
    void aDoorLinkLeadsToTheDoorNotToAPageAskedForBeforeOnTheSameTablet() {
        io.restassured.http.Cookie cleared = given().get("/d/" + "0".repeat(40)).then().statusCode(200).extract()
                .detailedCookie("quarkus-redirect-location");
        org.junit.jupiter.api.Assertions.assertEquals("", cleared.getValue());
        org.junit.jupiter.api.Assertions.assertEquals(0, cleared.getMaxAge());
        org.junit.jupiter.api.Assertions.assertEquals("/", cleared.getPath());
    }

    @Test
    void theSignInFormOpensThePagesWithACookieAndWrongPasswordsAreToldSo() {
        given().redirects().follow(false).formParam("j_username", Api.ORGANISER).formParam("j_password", "nope")
                .post("/j_security_check").then().statusCode(org.hamcrest.Matchers.oneOf(302, 303)).header("Location", endsWith("/login-error"));
        given().get("/login-error").then().statusCode(200).body(containsString("Adresse ou mot de passe incorrect."));
        Pages pages = Pages.signIn();
        pages.get("/organiser/editions").then().statusCode(200).body(containsString("<h1>"));
    }

    /**
     * The sign-in cookie is sealed with the key kept in {@code relais.session-key-file} ({@code target/session-key} in
     * tests, made at the first start): a restart reads the same key and signs nobody out. Read with Quarkus's own
     * format (3.31: a byte giving the IV's length, the IV, AES-GCM of {@code expiry:name} under SHA-256 of the key).
     */
    @Test
    void theSignInCookieIsSealedWithTheKeyKeptForTheNextStart() throws Exception {
        String kept = java.nio.file.Files.readString(java.nio.file.Path.of(
                org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("relais.session-key-file", String.class))).strip();
        io.restassured.response.Response login = given().redirects().follow(false).formParam("j_username", Api.ORGANISER)
                .formParam("j_password", Api.PASSWORD).post("/j_security_check");
        java.nio.ByteBuffer sealed = java.nio.ByteBuffer.wrap(java.util.Base64.getDecoder().decode(login.getCookie("relais-session")));
        byte[] iv = new byte[sealed.get()];
        sealed.get(iv);
        byte[] rest = new byte[sealed.remaining()];
        sealed.get(rest);
        javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        byte[] aes = java.security.MessageDigest.getInstance("SHA-256").digest(kept.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        cipher.init(javax.crypto.Cipher.DECRYPT_MODE, new javax.crypto.spec.SecretKeySpec(aes, "AES"),
                new javax.crypto.spec.GCMParameterSpec(128, iv));
        String opened = new String(cipher.doFinal(rest), java.nio.charset.StandardCharsets.UTF_8);
        org.junit.jupiter.api.Assertions.assertEquals(Api.ORGANISER, opened.substring(opened.indexOf(':') + 1));
    }

    @Test
    void signingOutEndsTheSession() {
        Pages pages = Pages.signIn();
        pages.get("/organiser/editions").then().statusCode(200);
        io.restassured.response.Response out = pages.form("/logout", Map.of());
        out.then().statusCode(303).header("Location", endsWith("/login?done=signed-out"));
        org.junit.jupiter.api.Assertions.assertEquals("", out.getDetailedCookie("relais-session").getValue());
        org.junit.jupiter.api.Assertions.assertEquals(0, out.getDetailedCookie("relais-session").getMaxAge());
    }

    /**
     * A page that can carry no form (an address no page has: no form token is made for it) still leads to signing
     * out, through a page that has the button; nobody signed in is sent to the sign-in form instead.
     */
    @Test
    void aPageWithoutFormsStillLeadsToSigningOut() {
        Pages pages = Pages.signIn();
        pages.get("/organiser/nothing-here?lang=fr").then().statusCode(404)
                .body(containsString("<a href=\"/logout\" class=\"signout\">Se déconnecter</a>"))
                .body(org.hamcrest.Matchers.not(containsString("action=\"/logout\"")));
        pages.get("/organiser/editions?lang=fr").then().statusCode(200) // a page with forms carries the button itself
                .body(containsString("action=\"/logout\"")).body(org.hamcrest.Matchers.not(containsString("href=\"/logout\"")));
        pages.get("/logout?lang=fr").then().statusCode(200)
                .body(containsString("<form method=\"post\" action=\"/logout\""))
                .body(containsString("Se déconnecter ferme votre session sur cet appareil"));
        pages.form("/logout", Map.of()).then().statusCode(303).header("Location", endsWith("/login?done=signed-out"));
        given().redirects().follow(false).get("/logout").then().statusCode(303).header("Location", endsWith("/login"));
    }

    @Test
    void formsWithoutTheirCsrfTokenAreRefusedAndChangeNothing() {
        long edition = Api.edition("2030-02-06");
        Pages pages = Pages.signIn();
        pages.request().formParam("name", "Salle pirate").formParam("kind", "ROOM")
                .post("/organiser/editions/" + edition + "/spaces").then().statusCode(400);
        given().get("/api/v1/editions/" + edition + "/spaces").then().body("size()", equalTo(0));
        pages.form("/organiser/editions/" + edition + "/spaces", Map.of("name", "Salle", "kind", "ROOM"))
                .then().statusCode(303);
        given().get("/api/v1/editions/" + edition + "/spaces").then().body("name[0]", equalTo("Salle"));
    }
}
