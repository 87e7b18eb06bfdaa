package org.relais.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Media;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.net.URL;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relais.Api;
import org.relais.print.PdfTools;

/**
 * The organiser moves a stand with the keyboard, sees the overlap at once, and cannot save it; the page prints the
 * plan and the positions as they stand, without its forms.
 */
@QuarkusTest
class FloorPlanBrowserTest {

    @TestHTTPResource("/")
    URL base;

    /** A coordinate as the page prints it: 5.00 as 5, 12.50 as 12.5. */
    private static String plain(String value) {
        return new BigDecimal(value).stripTrailingZeros().toPlainString();
    }

    @Test
    void aStandMovedByKeyboardShowsTheOverlap() throws Exception {
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
            // Each stand's text reads as its name does ("1 Musée 1", not "1Musée 1"): the words a voice-control
            // user reads off the plan name the button (WCAG 2.5.3; the tooltip is not what the stand shows).
            List<String> names = List.of("1 Musée 1", "2 Musée 2", "3 Musée 3");
            assertEquals(names, page.locator("g.stand").evaluateAll("gs => gs.map(g => g.getAttribute('aria-label'))"));
            assertEquals(names, page.locator("g.stand").evaluateAll("gs => gs.map(g => { const c = g.cloneNode(true); "
                    + "c.querySelectorAll('title').forEach(t => t.remove()); return c.textContent.replace(/\\s+/g, ' ').trim(); })"));

            // Stand 2 has neighbours 3 m away on its row, either side: two steps of 0.5 m make it overlap one.
            page.locator("g.stand[data-number='2']").focus();
            page.keyboard().press("ArrowLeft");
            page.keyboard().press("ArrowLeft");
            assertThat(page.locator("#plan-problems")).containsText(
                    java.util.regex.Pattern.compile("Les stands (1 et 2|2 et 3) se chevauchent\\."));
            assertEquals(List.of(), Browser.barriers(page), "floorplan-overlap");
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

            // On paper: the plan and each stand's position as text, the one just moved included, without the forms.
            String stand = page.locator("g.stand[data-number='2']").getAttribute("data-stand");
            String moved = plain(page.locator("[name='x-" + stand + "']").inputValue()) + " ; "
                    + plain(page.locator("[name='y-" + stand + "']").inputValue());
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
            assertThat(page.locator("[data-position='" + stand + "']")).isVisible();
            assertThat(page.locator("[data-position='" + stand + "']")).hasText(moved);
            assertThat(page.locator("[name='x-" + stand + "']")).isHidden();
            assertThat(page.locator("#positions button[type=submit]")).isHidden();
            assertThat(page.locator("input[name=aisleM]")).isHidden();
            Path pdf = Browser.SCREENSHOTS.resolve("floorplan-print.pdf");
            Files.createDirectories(pdf.getParent());
            page.pdf(new Page.PdfOptions().setPath(pdf).setFormat("A4"));
            String text = PdfTools.text(pdf);
            // poppler reads "5 ; 8" back as "5;8" (or keeps the non-breaking space)
            assertTrue(text.contains("Stands") && text.replaceAll("[\\s\u00a0]", "").contains(moved.replaceAll("[\\s\u00a0]", ""))
                    && text.contains("Obstacles"), text);
            assertFalse(text.contains("Disposer automatiquement") || text.contains("Enregistrer") || text.contains("Ajouter"), text);
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));

            page.locator("#positions button[type=submit]").click();
            assertThat(page.locator(".flash")).isVisible();
            assertThat(page.locator("[data-position='" + stand + "']")).hasText(moved);

            // Laying the hall out again would undo that: the page asks first, and "no" keeps the plan.
            java.util.List<String> asked = new java.util.ArrayList<>();
            page.onceDialog(dialog -> {
                asked.add(dialog.message());
                dialog.dismiss();
            });
            page.locator("form[action$='/floorplan/layout'] button[type=submit]").click();
            assertThat(page.locator("[data-position='" + stand + "']")).hasText(moved);
            org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("Les 3 stands déjà placés dans ce hall seront"
                    + " déplacés et renumérotés, y compris ce qui a été placé à la main. Continuer ?"), asked);
            page.onceDialog(dialog -> dialog.accept());
            page.locator("form[action$='/floorplan/layout'] button[type=submit]").click();
            assertThat(page.locator(".flash")).isVisible();
            assertThat(page.locator("[data-position='" + stand + "']")).not().hasText(moved);
        }
    }
}
