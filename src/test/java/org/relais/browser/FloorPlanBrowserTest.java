package org.relais.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relais.Api;

/** The organiser moves a stand with the keyboard, sees the overlap at once, and cannot save it. */
@QuarkusTest
class FloorPlanBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void aStandMovedByKeyboardShowsTheOverlap() {
        long edition = Api.edition(Api.forumDay());
        long hall = Api.organiser().body(Map.of("name", "Hall", "kind", "HALL", "widthM", 20, "depthM", 10, "stepFree", true))
                .post("/api/v1/editions/" + edition + "/spaces").then().statusCode(201).extract().jsonPath().getLong("id");
        for (int i = 1; i <= 3; i++) {
            Api.organiser().body(Map.of("number", i, "institutionId", Api.institution("Musée " + i), "spaceId", hall))
                    .post("/api/v1/editions/" + edition + "/stands").then().statusCode(201);
        }
        Api.organiser().body(Map.of("spaceId", hall, "aisleM", 2.0)).post("/api/v1/editions/" + edition + "/floorplan/layout")
                .then().statusCode(200);

        try (BrowserContext context = Browser.context("fr-FR", 1280, 900)) {
            Page page = context.newPage();
            page.navigate(Browser.url(base, "/organiser/editions/" + edition + "/floorplan?spaceId=" + hall));
            page.locator("#j_username").fill(Api.ORGANISER);
            page.locator("#j_password").fill(Api.PASSWORD);
            page.locator("form button[type=submit]").click();
            page.navigate(Browser.url(base, "/organiser/editions/" + edition + "/floorplan?spaceId=" + hall));
            assertThat(page.locator("#plan-problems")).hasText("Aucun problème sur ce plan.");

            // Stand 2 has neighbours 3 m away on its row, either side: two steps of 0.5 m make it overlap one.
            page.locator("g.stand[data-number='2']").focus();
            page.keyboard().press("ArrowLeft");
            page.keyboard().press("ArrowLeft");
            assertThat(page.locator("#plan-problems")).containsText(
                    java.util.regex.Pattern.compile("Les stands (1 et 2|2 et 3) se chevauchent\\."));
            Browser.screenshot(page, "floorplan-overlap");

            // Saving that plan is refused with the reason, and nothing is saved.
            page.locator("#positions button[type=submit]").click();
            assertThat(page.locator("p.problem[role=alert]").first()).containsText("se chevauchent");
            page.navigate(Browser.url(base, "/organiser/editions/" + edition + "/floorplan?spaceId=" + hall));
            assertThat(page.locator("#plan-problems")).hasText("Aucun problème sur ce plan.");

            // Moved clear of the others (down into the free space), it saves.
            page.locator("g.stand[data-number='2']").focus();
            for (int i = 0; i < 8; i++) {
                page.keyboard().press("ArrowDown");
            }
            assertThat(page.locator("#plan-problems")).hasText("Aucun problème sur ce plan.");
            page.locator("#positions button[type=submit]").click();
            assertThat(page.locator(".flash")).isVisible();
        }
    }
}
