package org.relais.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relais.Api;
import org.relais.demo.DemoData;
import org.relais.edition.Edition;

/** An organiser at work in a real browser: signing in, setting up an edition, seeing a conflict. */
@QuarkusTest
class OrganiserBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    DemoData demo;

    BrowserContext context;
    Page page;



    @BeforeEach
    void open() {
        context = Browser.context("fr-FR", 1280, 900);
        page = context.newPage();
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    private String url(String path) {
        return Browser.url(base, path);
    }

    private void signIn() {
        page.navigate(url("/organiser/editions"));
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
        page.locator("#j_username").fill(Api.ORGANISER);
        page.locator("#j_password").fill(Api.PASSWORD);
        page.locator("form button[type=submit]").click();
        assertThat(page).hasURL(Pattern.compile(".*/organiser/editions$"));
        assertThat(page.locator("header .who")).hasText(Api.ORGANISER);
    }

    @Test
    void aWrongPasswordIsSaidInWords() {
        page.navigate(url("/login"));
        page.locator("#j_username").fill(Api.ORGANISER);
        page.locator("#j_password").fill("not-the-password");
        page.locator("form button[type=submit]").click();
        assertThat(page.locator(".problem")).containsText("Adresse ou mot de passe incorrect");
    }

    @Test
    void createsAnEditionWithASpaceAndASessionAndSeesTheConflict() {
        signIn();
        page.locator("a.button[href='/organiser/editions/new']").click();
        int number = Api.uniqueNumber();
        page.locator("[name=number]").fill(String.valueOf(number));
        page.locator("[name=title]").fill("Forum du navigateur");
        page.locator("[name='days.0.date']").fill("2031-02-04");
        page.locator("[name='days.0.opensAt']").fill("10:00");
        page.locator("[name='days.0.closesAt']").fill("16:00");
        page.locator("form.stack button[type=submit]").click();
        assertThat(page.locator("h1")).containsText("Forum du navigateur");
        assertThat(page.locator(".flash")).containsText("Créé");

        page.locator("nav.tabs a[href$='/spaces']").click();
        page.locator("[name=name]").fill("Studio A");
        page.locator("[name=kind]").selectOption("STUDIO");
        page.locator("[name=seats]").fill("10");
        page.locator("form.stack button[type=submit]").click();
        assertThat(page.locator("table.list")).containsText("Studio A");

        page.locator("nav.tabs a[href$='/sessions']").click();
        page.locator("[name=kind]").selectOption("WORKSHOP");
        page.locator("[name=title]").fill("Atelier radio");
        page.locator("[name=startsAt]").fill("11:00");
        page.locator("[name=endsAt]").fill("12:00");
        page.locator("[name=spaceId]").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Studio A (10)"));
        page.locator("[name=seats]").fill("30");
        page.locator("form.stack button[type=submit]").click();
        assertThat(page.locator("table.list tr.conflict")).containsText("Atelier radio");

        page.locator("nav.tabs a[href$='/conflicts']").click();
        assertThat(page.locator("ul.conflicts li")).hasCount(1);
        assertThat(page.locator("ul.conflicts li")).containsText("« Atelier radio » propose 30 places mais « Studio A » n’en contient que 10.");

        page.locator("ul.conflicts a[href*='/programme#']").click();
        assertThat(page.locator(".grid-session.conflict")).containsText("Atelier radio");
        Browser.screenshot(page, "conflict-grid");
    }

    @Test
    void aWrongFormKeepsWhatWasTypedAndMarksTheField() {
        long edition = Api.edition("2031-03-01");
        signIn();
        page.navigate(url("/organiser/editions/" + edition + "/sessions"));
        page.locator("[name=kind]").selectOption("TALK");
        page.locator("[name=title]").fill("Débat <script>alert(1)</script>");
        page.locator("[name=startsAt]").fill("15:00");
        page.locator("[name=endsAt]").fill("14:00");
        page.locator("form.stack button[type=submit]").click();
        assertThat(page.locator(".field.invalid #f-endsAt")).isVisible();
        assertThat(page.locator("#e-endsAt")).hasText("La fin doit venir après le début.");
        assertThat(page.locator("[name=title]")).hasValue("Débat <script>alert(1)</script>");
        Browser.screenshot(page, "session-form-error");
    }

    @Test
    void theDemoForumsGridInBothLanguagesAndOnAPhone() {
        demo.load(true);
        long id = Edition.findByNumber(14).orElseThrow().id;
        signIn();
        page.navigate(url("/organiser/editions/" + id + "/programme"));
        assertThat(page.locator(".grid-session")).not().hasCount(0);
        assertThat(page.locator(".grid-session.conflict")).hasCount(0);
        assertThat(page.locator(".grid-head").first()).isVisible();
        Browser.screenshot(page, "programme-grid-fr");

        page.locator(".lang a[hreflang=en]").click();
        assertThat(page.locator("h1")).hasText("Programme (grid)");
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        Browser.screenshot(page, "programme-grid-en");
        page.navigate(url("/organiser/editions/" + id));
        assertThat(page.locator("h1")).containsText("14e forum");
        assertThat(page.locator("nav.tabs")).containsText("Stands (34)");
        page.navigate(url("/organiser/editions/" + id + "/stands"));
        assertThat(page.locator("h1")).containsText("34");
        assertThat(page.locator(".problem")).hasCount(0); // every participant has its stand
        Browser.screenshot(page, "edition-en");

        page.setViewportSize(390, 844);
        page.navigate(url("/organiser/editions/" + id + "/sessions?lang=fr"));
        assertThat(page.locator("h1")).containsText("Séances");
        Browser.screenshot(page, "sessions-phone-fr");
    }
}
