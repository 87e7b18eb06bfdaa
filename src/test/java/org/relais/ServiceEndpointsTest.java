package org.relais;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ServiceEndpointsTest {

    @Test
    void openApiDescribesTheResources() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/v1/editions/{id}/conflicts"))
                .body(containsString("/api/v1/institutions/{id}"))
                .body(containsString("/api/v1/editions/{id}/stands/{standId}"));
    }

    @Test
    void healthSaysTheDatabaseIsUp() {
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void theHomePageListsOpenForumsAndLeadsToTheOrganisersPages() {
        long open = Api.openEdition();
        given().get("/").then().statusCode(200).body(containsString("href=\"/editions/" + open + "\""))
                .body(containsString("href=\"/organiser\""));
        given().redirects().follow(false).get("/organiser").then().statusCode(303);
        given().get("/relais.css").then().statusCode(200);
    }

    private static JsonNode openApi() throws Exception {
        return new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .extract().asString());
    }

    @Test
    void theOpenApiDocumentHoldsTheApiOnlyAndEveryReferenceIsThere() throws Exception {
        JsonNode document = openApi();
        List<String> paths = new ArrayList<>();
        document.path("paths").fieldNames().forEachRemaining(paths::add);
        assertTrue(paths.contains("/api/v1/editions/{id}/registrations"), paths.toString());
        assertTrue(paths.stream().allMatch(path -> path.startsWith("/api/v1/")), "the pages are not the API: " + paths);

        Set<String> schemas = new HashSet<>();
        document.path("components").path("schemas").fieldNames().forEachRemaining(schemas::add);
        Set<String> referred = new HashSet<>();
        Matcher ref = Pattern.compile("#/components/schemas/([A-Za-z0-9_.]+)").matcher(document.toString());
        while (ref.find()) {
            referred.add(ref.group(1));
        }
        assertTrue(schemas.containsAll(referred), "every reference is to a schema the document holds");
        assertTrue(schemas.contains("Problem") && schemas.contains("RegistrationView"), schemas.toString());
        assertTrue(schemas.stream().noneMatch(name -> name.startsWith("Template") || name.equals("EngineImpl")),
                "no schema of the pages' templates: " + schemas);
    }

    /** Sends a request, checks its answer, and that the OpenAPI document lists that answer for that operation. */
    private static void answersAsDocumented(JsonNode document, String method, String path, int expected,
            Response response) {
        response.then().statusCode(expected);
        JsonNode answers = document.path("paths").path(path).path(method).path("responses");
        List<String> documented = new ArrayList<>();
        answers.fieldNames().forEachRemaining(documented::add);
        assertTrue(documented.contains(String.valueOf(expected)),
                method + " " + path + " answered " + expected + "; the document lists " + documented);
        if (expected >= 400) {
            assertEquals("application/problem+json", response.contentType().split(";")[0]);
            assertEquals("#/components/schemas/Problem", answers.path(String.valueOf(expected)).path("content")
                    .path("application/problem+json").path("schema").path("$ref").asText(), method + " " + path);
        }
        if (expected == 201) {
            assertTrue(answers.path("201").path("headers").has("Location"), method + " " + path);
        }
    }

    @Test
    void theOpenApiDocumentListsWhatTheApiAnswers() throws Exception {
        JsonNode document = openApi();
        long edition = Api.openEdition();
        long session = Api.workshop(edition, 10);
        String registrations = "/api/v1/editions/" + edition + "/registrations";
        String register = "/api/v1/editions/{id}/registrations";
        Map<String, Object> relay = Api.relay("Léa", "lea-" + System.nanoTime() + "@example.org", List.of(session));

        Response created = given().contentType("application/json").body(relay).post(registrations);
        answersAsDocumented(document, "post", register, 201, created);
        String token = created.jsonPath().getString("manageToken");
        answersAsDocumented(document, "post", register, 409,
                given().contentType("application/json").body(relay).post(registrations));
        Map<String, Object> noConsent = new java.util.HashMap<>(relay);
        noConsent.put("email", "autre-" + System.nanoTime() + "@example.org");
        noConsent.put("consent", false);
        answersAsDocumented(document, "post", register, 422,
                given().contentType("application/json").body(noConsent).post(registrations));
        answersAsDocumented(document, "post", register, 400,
                given().contentType("application/json").body("{\"firstName\":").post(registrations));
        answersAsDocumented(document, "post", register, 415,
                given().contentType("text/plain").body("Léa").post(registrations));
        answersAsDocumented(document, "post", register, 404,
                given().contentType("application/json").body(relay).post("/api/v1/editions/999999/registrations"));
        answersAsDocumented(document, "get", register, 401, given().get(registrations));
        answersAsDocumented(document, "get", register, 422, Api.organiser().get(registrations + "?sessionId=abc"));

        String own = "/api/v1/registrations/{token}";
        answersAsDocumented(document, "get", own, 200, given().get("/api/v1/registrations/" + token));
        answersAsDocumented(document, "get", own, 404, given().get("/api/v1/registrations/unknown-link"));
        answersAsDocumented(document, "delete", own, 204, given().delete("/api/v1/registrations/" + token));
        answersAsDocumented(document, "put", own + "/sessions", 409, given().contentType("application/json")
                .body(Map.of("sessionIds", List.of(session))).put("/api/v1/registrations/" + token + "/sessions"));

        answersAsDocumented(document, "get", "/api/v1/editions/{id}/badges.pdf", 422,
                given().auth().preemptive().basic(Api.ORGANISER, Api.PASSWORD)
                        .get("/api/v1/editions/" + edition + "/badges.pdf?layout=xyz"));
        answersAsDocumented(document, "post", "/api/v1/editions/{id}/checkins", 422,
                Api.organiser().body(Map.of("code", "garbage")).post("/api/v1/editions/" + edition + "/checkins"));
        answersAsDocumented(document, "post", "/api/v1/editions/{id}/status", 409,
                Api.organiser().body(Map.of("status", "DRAFT")).post("/api/v1/editions/" + edition + "/status"));
        answersAsDocumented(document, "delete", "/api/v1/editions/{id}/guests/{guestId}", 404,
                Api.organiser().delete("/api/v1/editions/" + edition + "/guests/999999"));
        answersAsDocumented(document, "post", "/api/v1/editions/{id}/spaces/{spaceId}/obstacles", 404,
                Api.organiser().body(Map.of("kind", "PILLAR"))
                        .post("/api/v1/editions/" + edition + "/spaces/999999/obstacles"));

        // A format asked for that the operation does not give: 406, whose detail names those it gives.
        Response xml = given().accept("application/xml").header("Accept-Language", "en").get("/api/v1/editions/" + edition);
        answersAsDocumented(document, "get", "/api/v1/editions/{id}", 406, xml);
        assertEquals("This address answers in application/json, which the Accept header does not ask for.",
                xml.jsonPath().getString("detail"));
        Response html = given().auth().preemptive().basic(Api.ORGANISER, Api.PASSWORD).accept("text/html")
                .header("Accept-Language", "fr").get("/api/v1/editions/" + edition + "/badges.pdf");
        answersAsDocumented(document, "get", "/api/v1/editions/{id}/badges.pdf", 406, html);
        assertEquals("Cette adresse répond en application/pdf, que l’en-tête Accept ne demande pas.",
                html.jsonPath().getString("detail"));
        answersAsDocumented(document, "delete", own, 406,
                given().accept("text/csv").delete("/api/v1/registrations/unknown-link"));
    }

    @Inject
    org.relais.web.PageAddresses addresses;

    @Test
    void everyOperationOfTheApiSaysTheFormatsItAnswersInSoThatA406NamesThem() throws Exception {
        // The document lists 406 on every operation: each must declare its formats (@Produces), or RESTEasy would
        // answer it whatever Accept asks for, and a 406 would have nothing to name.
        JsonNode paths = openApi().path("paths");
        List<String> undeclared = new ArrayList<>();
        paths.fieldNames().forEachRemaining(path -> paths.path(path).fieldNames().forEachRemaining(method -> {
            if (paths.path(path).path(method).path("responses").has("406")
                    && addresses.formats(path.replaceAll("\\{[^}]*}", "1"), method.toUpperCase()).isEmpty()) {
                undeclared.add(method.toUpperCase() + " " + path);
            }
        }));
        assertTrue(paths.size() > 40, "the API's operations are read: " + paths.size());
        assertEquals(List.of(), undeclared);
    }

    @Test
    void theDocumentsProblemHasTheFieldsOfTheProblemsSent() throws Exception {
        // The document writes the Problem schema by hand: it must name what org.relais.web.Problem sends, no more.
        Set<String> documented = new HashSet<>();
        openApi().path("components").path("schemas").path("Problem").path("properties").fieldNames()
                .forEachRemaining(documented::add);
        Set<String> sent = new HashSet<>();
        for (java.lang.reflect.RecordComponent field : org.relais.web.Problem.class.getRecordComponents()) {
            sent.add(field.getName());
        }
        assertEquals(sent, documented);
    }
}
