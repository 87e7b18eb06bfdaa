package org.relais.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relais.Api;
import org.relais.demo.DemoData;
import org.relais.edition.Edition;
import org.relais.programme.ProgrammeSession;
import org.relais.venue.Space;
import org.relais.venue.Stand;

/**
 * Every organiser page, in French and English, on a desktop and on a phone: it opens, speaks the
 * language asked for, nothing is wider than the screen (the grid scrolls inside its own box), and
 * every text it shows stands out from its background enough to be read (WCAG AA contrast).
 * With -Drelais.screenshots=true, screenshots land in target/screenshots/pages for a person to look at.
 */
@QuarkusTest
class EveryPageBrowserTest {

    /**
     * The suite's second run, on PostgreSQL: the pages are the same HTML whatever the database, so
     * each is loaded and checked there once, in French on a phone; the first run checks all four
     * languages and widths. (The two runs together must stay well inside CI's 20 minutes on the
     * slowest machines: this test is a quarter of each run.)
     */
    private static final boolean SECOND_RUN = "postgresql".equals(System.getProperty("relais.db-kind"));
    private static final int[][] SIZES = SECOND_RUN ? new int[][] {{390, 844}} : new int[][] {{1280, 900}, {390, 844}};
    private static final List<String> LANGUAGES = SECOND_RUN ? List.of("fr") : List.of("fr", "en");

    @TestHTTPResource("/")
    URL base;

    @Inject
    DemoData demo;




    @Test
    void everyPageFitsAPhoneAndADesktopInBothLanguages() {
        demo.load(true);
        Edition forum = Edition.findByNumber(14).orElseThrow();
        long space = Space.listByEdition(forum).get(0).id;
        long stand = Stand.listByEdition(forum).get(0).id;
        long session = ProgrammeSession.listByEdition(forum).get(0).id;
        long booked = ProgrammeSession.<ProgrammeSession>list("edition = ?1 and registration = true", forum).get(0).id;
        long institution = forum.host.id;
        String e = "/organiser/editions/" + forum.id;
        List<String> paths = List.of("/organiser/editions", "/organiser/editions/new", e, e + "/edit", e + "/spaces",
                e + "/spaces/" + space, e + "/stands", e + "/stands/" + stand, e + "/sessions", e + "/sessions/" + session,
                e + "/programme", e + "/conflicts", "/organiser/institutions", "/organiser/institutions/new",
                "/organiser/institutions/" + institution, "/organiser/editions/987654", e + "/registrations",
                e + "/sessions/" + session + "/attendees", e + "/sessions/" + booked + "/attendees", e + "/badges", e + "/floorplan", e + "/door", "/door", "/door/editions/" + forum.id,
                "/door/editions/" + forum.id + "/walk-in", "/door/editions/" + forum.id + "/live", "/door/editions/" + forum.id + "/sessions",
                "/door/editions/" + forum.id + "/sessions/" + booked, "/door/editions/" + forum.id + "?q=ma", "/stand",
                "/stand/editions/" + forum.id + "/stands/" + stand, "/organiser/nothing-here", "/logout",
                "/login", "/d/a-door-link");
        Edition open = Edition.findByNumber(900).orElseThrow();
        long workshop = ProgrammeSession.<ProgrammeSession>list("edition = ?1 and registration = true", open).get(0).id;
        java.util.Map<String, Object> pasted = Api.relay("Page", "every-page-" + System.nanoTime() + "@example.org", List.of(workshop));
        pasted.put("organisation", "Maisondesassociations".repeat(7)); // one word of 147 letters: a paste gone wrong, kept as typed
        io.restassured.path.json.JsonPath relay = io.restassured.RestAssured.given().contentType(io.restassured.http.ContentType.JSON)
                .body(pasted).post("/api/v1/editions/" + open.id + "/registrations").then().statusCode(201).extract().jsonPath();
        paths = new java.util.ArrayList<>(paths);
        paths.addAll(List.of("/organiser/editions/" + open.id + "/registrations",
                "/organiser/editions/" + open.id + "/sessions/" + workshop + "/attendees",
                "/organiser/editions/" + open.id + "/registrations/" + relay.getLong("id"), "/", "/editions/" + open.id,
                "/r/" + relay.getString("manageToken"), "/privacy", "/r/" + relay.getString("manageToken") + "/data",
                "/organiser/editions/" + open.id + "/registrations/" + relay.getLong("id") + "/data"));

        List<String> small = new java.util.ArrayList<>();
        List<String> barriers = new java.util.ArrayList<>();
        List<String> cut = new java.util.ArrayList<>();
        List<String> broken = new java.util.ArrayList<>();
        for (int[] size : SIZES) {
            for (String lang : LANGUAGES) {
                try (BrowserContext context = Browser.context(lang, size[0], size[1])) {
                    Page page = context.newPage();
                    List<String> refused = new java.util.ArrayList<>();
                    page.onConsoleMessage(m -> {
                        if (m.text().contains("Content Security Policy")
                                || m.text().startsWith("Failed to load resource") && !m.location().startsWith(page.url())) {
                            refused.add(page.url() + ": " + m.text() + " " + m.location()); // the icon's request is seen only here
                        }
                    });
                    // what a page loads besides itself (style, scripts, icon, images) is there
                    page.onResponse(r -> {
                        if (!"document".equals(r.request().resourceType()) && r.status() >= 400) {
                            refused.add(page.url() + ": " + r.status() + " " + r.url());
                        }
                    });
                    signIn(page);
                    for (String path : paths) {
                        page.navigate(url(path + (path.contains("?") ? "&" : "?") + "lang=" + lang));
                        assertThat(page.locator("html")).hasAttribute("lang", lang);
                        assertThat(page.locator("h1")).isVisible();
                        Object overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth");
                        assertTrue(((Number) overflow).intValue() <= 0,
                                path + " is " + overflow + " px wider than a " + size[0] + " px screen in " + lang);
                        assertEquals(List.of(), Browser.faintText(page), path + " in " + lang + " at " + size[0] + " px");
                        Browser.smallTargets(page).forEach(t -> small.add(path + " " + lang + " " + size[0] + ": " + t));
                        Browser.barriers(page).forEach(b -> barriers.add(path + " " + lang + " " + size[0] + ": " + b));
                        Browser.unsaidRequired(page).forEach(f -> barriers.add(path + " " + lang + " " + size[0] + ": " + f));
                        Browser.unexplainedAsterisks(page).forEach(f -> barriers.add(path + " " + lang + " " + size[0]
                                + ": asterisks, not said what they mean, in the form " + f));
                        Browser.cutHints(page).forEach(h -> cut.add(path + " " + lang + " " + size[0] + ": " + h));
                        Browser.brokenWords(page).forEach(w -> broken.add(path + " " + lang + " " + size[0] + ": " + w));
                        String name = (path.replaceAll("[^a-z0-9]+", "-") + "-" + lang + "-" + size[0]).replaceAll("^-", "");
                        Browser.screenshot(page, "pages/" + name);
                    }
                    assertEquals(List.of(), refused, "what the pages' security policy stopped, or could not be loaded");
                }
            }
        }
        // 320 px wide, as a desktop zoomed to 400 % (WCAG 1.4.10, reflow): nothing to scroll sideways, no short word broken.
        List<String> wide = new java.util.ArrayList<>();
        for (String lang : SECOND_RUN ? List.<String>of() : LANGUAGES) {
            try (BrowserContext context = Browser.context(lang, 320, 640)) {
                Page page = context.newPage();
                signIn(page);
                for (String path : paths) {
                    page.navigate(url(path + (path.contains("?") ? "&" : "?") + "lang=" + lang));
                    Object overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth");
                    if (((Number) overflow).intValue() > 0) {
                        wide.add(path + " " + lang + ": " + overflow + " px too wide");
                    }
                    Browser.brokenWords(page).forEach(w -> broken.add(path + " " + lang + " 320: " + w));
                }
            }
        }
        assertEquals("", String.join("\n", small), "controls too small to tap");
        assertEquals("", String.join("\n", barriers), "accessibility barriers");
        assertEquals("", String.join("\n", cut), "hints cut off by their field");
        assertEquals("", String.join("\n", broken), "short words broken across lines");
        assertEquals("", String.join("\n", wide), "pages wider than 320 px");
    }

    /**
     * Every form sent back empty comes again with its problems in words, and axe-core finds no
     * barrier there either: each problem is tied to its field, nothing is left unnamed.
     */
    @Test
    void everyFormShownAgainWithItsProblemsHasNoBarrier() {
        demo.load(true);
        Edition forum = Edition.findByNumber(14).orElseThrow();
        Edition open = Edition.findByNumber(900).orElseThrow();
        long stand = Stand.listByEdition(forum).get(0).id;
        String e = "/organiser/editions/" + forum.id;
        String manage = io.restassured.RestAssured.given().contentType(io.restassured.http.ContentType.JSON)
                .body(Api.relay("Forms", "every-form-" + System.nanoTime() + "@example.org",
                        List.of(ProgrammeSession.<ProgrammeSession>list("edition = ?1 and registration = true", open).get(0).id)))
                .post("/api/v1/editions/" + open.id + "/registrations").then().statusCode(201).extract().path("manageToken");
        // page, then the form sent empty on it
        List<String[]> forms = List.of(new String[] {"/organiser/editions/new", "/organiser/editions/new"},
                new String[] {"/organiser/institutions/new", "/organiser/institutions/new"}, new String[] {e, e + "/guests"},
                new String[] {e + "/spaces", e + "/spaces"}, new String[] {e + "/stands", e + "/stands"},
                new String[] {e + "/sessions", e + "/sessions"}, new String[] {e + "/badges", e + "/badge-holders"},
                new String[] {e + "/door", e + "/door/access"}, new String[] {e + "/floorplan", e + "/floorplan/obstacles"},
                new String[] {"/door/editions/" + forum.id + "/walk-in", "/door/editions/" + forum.id + "/walk-in"},
                new String[] {"/stand/editions/" + forum.id + "/stands/" + stand, "/stand/editions/" + forum.id + "/stands/" + stand + "/leads"},
                new String[] {"/editions/" + open.id, "/editions/" + open.id + "/register#register"},
                new String[] {"/r/" + manage, "/r/" + manage + "/details#details"});
        List<String> barriers = new java.util.ArrayList<>();
        for (String lang : LANGUAGES) {
            try (BrowserContext context = Browser.context(lang, 390, 844)) {
                Page page = context.newPage();
                page.navigate(url("/login?lang=" + lang));
                page.locator("#j_username").fill(Api.ORGANISER);
                page.locator("#j_password").fill("not-the-password");
                page.locator("form button[type=submit]").click();
                assertThat(page.locator(".problem")).isVisible();
                Browser.barriers(page).forEach(b -> barriers.add("/login " + lang + ": " + b));
                signIn(page);
                for (String[] form : forms) {
                    page.navigate(url(form[0] + "?lang=" + lang));
                    String selector = "form[action='" + form[1] + "']";
                    page.evaluate("s => document.querySelectorAll(s + ' input:not([type=hidden]):not([type=checkbox]):not([type=radio]), '"
                            + " + s + ' textarea').forEach(f => f.value = '')", selector);
                    page.locator(selector + " button[type=submit]").first().click();
                    page.waitForLoadState();
                    assertThat(page.locator(".error, .problem").first()).isVisible();
                    Browser.barriers(page).forEach(b -> barriers.add(form[1] + " " + lang + ": " + b));
                    Browser.untiedErrors(page).forEach(b -> barriers.add(form[1] + " " + lang + ": " + b));
                    String name = ("form-" + form[1].replaceAll("[^a-z0-9]+", "-") + "-" + lang).replaceAll("-+", "-");
                    Browser.screenshot(page, "pages/" + name);
                }
            }
        }
        assertEquals("", String.join("\n", barriers), "accessibility barriers");
    }

    @Test
    void anErrorPageLeadsBackToThePageBeforeWhereThereIsOne() {
        try (BrowserContext context = Browser.shared().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale("fr").setJavaScriptEnabled(false))) {
            Page page = context.newPage();
            page.navigate(url("/privacy"));
            page.navigate(url("/r/no-such-link"));
            assertThat(page.locator("[data-back]")).isHidden(); // without JavaScript, only the link home
            assertThat(page.locator("main p > a[href='/']")).isVisible();
        }
        try (BrowserContext context = Browser.context("fr", 390, 844)) {
            Page page = context.newPage();
            page.navigate(url("/privacy"));
            page.navigate(url("/r/no-such-link"));
            assertThat(page.locator("[data-back] a")).hasText("Revenir en arrière");
            page.locator("[data-back] a").click();
            page.waitForURL("**/privacy");
        }
    }

    private void signIn(Page page) {
        page.navigate(url("/login"));
        page.locator("#j_username").fill(Api.ORGANISER);
        page.locator("#j_password").fill(Api.PASSWORD);
        page.locator("form button[type=submit]").click();
        assertThat(page.locator("header .who")).hasText(Api.ORGANISER);
    }

    private String url(String path) {
        return Browser.url(base, path);
    }
}
