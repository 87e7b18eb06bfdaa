package org.relais;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProgrammeFeedTest {

    @Test
    void theWholeProgrammeIsAnICalendarFeedOncePublished() {
        long edition = Api.openEdition();
        long studio = Api.space(edition, "Studio 104", "STUDIO", 40);
        long session = Api.session(edition, studio, Api.forumDay(), "11:00", "12:00", 12);
        Api.organiser().body(Map.of("kind", "TALK", "title", "Archives, sons; et images", "day", Api.forumDay(),
                "startsAt", "14:00", "endsAt", "15:00", "spaceId", studio, "registration", false))
                .post("/api/v1/editions/" + edition + "/sessions").then().statusCode(201);
        String ics = given().get("/api/v1/editions/" + edition + "/programme.ics").then().statusCode(200)
                .contentType("text/calendar").extract().asString();
        assertTrue(ics.startsWith("BEGIN:VCALENDAR\r\n") && ics.trim().endsWith("END:VCALENDAR"), ics);
        assertEquals(3, ics.split("BEGIN:VEVENT", -1).length - 1, "the forum day and two sessions: " + ics);
        assertTrue(ics.contains("SUMMARY:Archives\\, sons\\; et images"), ics);
        assertTrue(ics.contains("UID:programme-" + session + "@relais"), ics);
        assertTrue(ics.contains("LOCATION:Studio 104"), ics);
        String page = given().get("/editions/" + edition).then().statusCode(200).extract().asString();
        assertTrue(page.contains("/api/v1/editions/" + edition + "/programme.ics"));

        long draft = Api.edition(Api.forumDay());
        given().get("/api/v1/editions/" + draft + "/programme.ics").then().statusCode(404);
    }
}
