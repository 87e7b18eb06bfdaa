package org.relais;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
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
}
