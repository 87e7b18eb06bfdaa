package org.relais;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Behind a reverse proxy on the same machine (HTTPS at the proxy, plain HTTP to Relais), the links
 * Relais answers with lead to the address people used, as the proxy names it.
 */
@QuarkusTest
class ReverseProxyTest {

    /** What nginx, in front for HTTPS at forum.example.org, adds to each request it passes on (README). */
    private static final Map<String, String> PROXY = Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "forum.example.org");

    private static io.restassured.specification.RequestSpecification throughTheProxy() {
        return given().redirects().follow(false).headers(PROXY);
    }

    @Test
    void redirectsAndNewResourcesLeadToTheAddressThePeopleUsed() {
        // The sign-in page, for an organiser's page opened without a sign-in; then the landing page after it.
        throughTheProxy().get("/organiser/editions").then().statusCode(303).header("Location", equalTo("https://forum.example.org/login"));
        // RFC 7239's Forwarded is not read: a proxy that sets X-Forwarded-* often passes a client's Forwarded on as it came.
        given().redirects().follow(false).header("Forwarded", "proto=https;host=elsewhere.example.org")
                .get("/organiser/editions").then().statusCode(303).header("Location", startsWith("http://localhost:"));
        throughTheProxy().formParam("j_username", Api.ORGANISER).formParam("j_password", Api.PASSWORD).post("/j_security_check")
                .then().statusCode(302).header("Location", equalTo("https://forum.example.org/organiser"));

        // Back, once signed in, to the page asked for through the proxy.
        io.restassured.response.Response asked = throughTheProxy().get("/organiser/editions?status=draft");
        asked.then().header("Location", equalTo("https://forum.example.org/login"));
        throughTheProxy().cookie("quarkus-redirect-location", asked.getCookie("quarkus-redirect-location"))
                .formParam("j_username", Api.ORGANISER).formParam("j_password", Api.PASSWORD).post("/j_security_check")
                .then().statusCode(302).header("Location", equalTo("https://forum.example.org/organiser/editions?status=draft"));

        // A resource made through the API.
        Api.organiser().headers(PROXY)
                .body(Map.of("name", "Musée derrière le proxy", "shortName", "Proxy", "kind", "museum", "slug", "proxy-" + System.nanoTime()))
                .post("/api/v1/institutions").then().statusCode(201)
                .header("Location", startsWith("https://forum.example.org/api/v1/institutions/"));

        // Straight to Relais, without a proxy's headers, as before.
        given().redirects().follow(false).get("/organiser/editions").then().statusCode(303)
                .header("Location", startsWith("http://localhost:"));
    }
}
