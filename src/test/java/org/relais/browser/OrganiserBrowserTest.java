package org.relais.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Media;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relais.Api;
import org.relais.demo.DemoData;
import org.relais.edition.Edition;
import org.relais.print.PdfTools;

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

    /** An organiser's page, past its header and menus at the keyboard's first stop, in English too. */
    @Test
    void theFirstStopOfTheKeyboardLeadsPastTheMenus() {
        long edition = Api.edition("2031-05-06");
        signIn();
        page.navigate(url("/organiser/editions/" + edition + "?lang=en"));
        Browser.skipsToContent(page, "Skip to content");
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

        // The edition's page leads to every section, as the sections' own tabs do, in the same order.
        String hrefs = "links => links.map(a => a.getAttribute('href'))";
        Object fromEdition = page.locator("nav.tabs a").evaluateAll(hrefs);
        page.locator("nav.tabs a[href$='/spaces']").click();
        org.junit.jupiter.api.Assertions.assertEquals(page.locator("nav.tabs a").evaluateAll(hrefs), fromEdition);
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
        // The page opens at the session's row, which says it is created; the page's top does not.
        assertThat(page.locator("table.list tr.conflict .flash")).hasText("Créé.");
        assertThat(page.locator("table.list tr.conflict .flash")).isInViewport();
        assertThat(page.locator(".flash")).hasCount(1);

        page.locator("nav.tabs a[href$='/conflicts']").click();
        assertThat(page.locator("ul.conflicts li")).hasCount(1);
        assertThat(page.locator("ul.conflicts li")).containsText("« Atelier radio » propose 30 places mais « Studio A » n’en contient que 10.");

        page.locator("ul.conflicts a[href*='/programme#']").click();
        assertThat(page.locator(".grid-session.conflict")).containsText("Atelier radio");
        assertEquals(List.of(), Browser.barriers(page), "conflict-grid");
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
        // The page opens at the field to correct, below the list of sessions, not at its top.
        assertThat(page.locator("#f-endsAt")).isFocused();
        assertThat(page.locator("#e-endsAt")).isInViewport();
        Browser.screenshot(page, "session-form-error");
        // Read in English instead: the form is the same, with what was typed.
        page.locator("a[hreflang=en]").click();
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.locator("[name=title]")).hasValue("Débat <script>alert(1)</script>");
        assertThat(page.locator("[name=kind]")).hasValue("TALK");
        assertThat(page.locator("[name=endsAt]")).hasValue("14:00");
        Browser.screenshot(page, "session-form-switched-to-english");
        page.locator("form.stack button[type=submit]").click();
        assertThat(page.locator("#e-endsAt")).hasText("The end must come after the start.");
    }

    @Test
    void aMarkedGroupTakesTheFocusWithItsRedBorderInSight() {
        long edition = Api.edition("2031-03-02");
        signIn();
        page.navigate(url("/organiser/editions/" + edition + "/badges?layout=a3-99"));
        Locator group = page.locator("fieldset.invalid");
        assertThat(group).isFocused();
        // The focus ring is drawn around the group's red border, not over it (where only its top would show).
        double offset = ((Number) group.evaluate("g => parseFloat(getComputedStyle(g).outlineOffset)")).doubleValue();
        double border = ((Number) group.evaluate("g => parseFloat(getComputedStyle(g).borderTopWidth)")).doubleValue();
        assertTrue(offset > 0 && border > 0, "outline offset " + offset + " px, border " + border + " px");
        Browser.screenshot(page, "badges-marked-layout-focused");
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
        assertEquals(List.of(), Browser.barriers(page), "programme-grid-fr");
        Browser.screenshot(page, "programme-grid-fr");

        // the switch is a group a screen reader names (a plain span's aria-label is read by none)
        page.getByRole(com.microsoft.playwright.options.AriaRole.GROUP, new Page.GetByRoleOptions().setName("Langue"))
                .getByRole(com.microsoft.playwright.options.AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("EN"))
                .click();
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

    /**
     * Printed (Ctrl+P), the grid is one landscape sheet with every space: on screen it scrolls sideways
     * inside its box, and on paper the spaces beyond the sheet's edge were lost ("Sall…", no Studio 104 or
     * 105). The booklet's form stays off the paper.
     */
    @Test
    void theGridPrintsEverySpaceOnOneLandscapeSheet() throws Exception {
        demo.load(true);
        long id = Edition.findByNumber(14).orElseThrow().id;
        signIn();
        page.navigate(url("/organiser/editions/" + id + "/programme"));
        List<String> spaces = page.locator(".grid-head").allTextContents();
        List<String> times = page.locator(".grid-session strong").allTextContents();
        assertTrue(spaces.size() >= 7 && spaces.contains("Studio 105"), spaces.toString());
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        Path pdf = Browser.SCREENSHOTS.resolve("programme-grid-print.pdf");
        java.nio.file.Files.createDirectories(pdf.getParent());
        page.pdf(new Page.PdfOptions().setPath(pdf).setFormat("A4"));
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));
        assertEquals(1, PdfTools.pages(pdf));
        String[] size = PdfTools.pageSize(pdf, 1).split(" x ");
        assertTrue(Double.parseDouble(size[0]) > Double.parseDouble(size[1]), "landscape: " + String.join(" x ", size));
        String text = PdfTools.text(pdf).replaceAll("\\s+", " ");
        for (String space : spaces) {
            assertTrue(text.contains(space.strip()), space + " in " + text);
        }
        for (String time : times) {
            assertTrue(text.contains(time.strip()), time + " in " + text);
        }
        assertFalse(text.contains("Télécharger le programme"), text);
        PdfTools.render(pdf, 1, 60, Browser.SCREENSHOTS);

        // Two days: a sheet each, though both would fit on one.
        long twoDays = Api.organiser().body(java.util.Map.of("number", Api.uniqueNumber(), "title", "Forum sur deux jours",
                        "days", List.of(java.util.Map.of("date", "2031-06-10", "opensAt", "10:00", "closesAt", "12:00"),
                                java.util.Map.of("date", "2031-06-11", "opensAt", "10:00", "closesAt", "12:00"))))
                .post("/api/v1/editions").then().statusCode(201).extract().jsonPath().getLong("id");
        long hall = Api.space(twoDays, "Agora", "HALL", null);
        Api.session(twoDays, hall, "2031-06-10", "11:00", "12:00", 20);
        Api.session(twoDays, hall, "2031-06-11", "11:00", "12:00", 20);
        page.navigate(url("/organiser/editions/" + twoDays + "/programme"));
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        page.pdf(new Page.PdfOptions().setPath(pdf).setFormat("A4"));
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));
        assertEquals(2, PdfTools.pages(pdf));
        assertTrue(PdfTools.text(pdf, 1).contains("10 juin 2031") && !PdfTools.text(pdf, 1).contains("11 juin 2031"));
        assertTrue(PdfTools.text(pdf, 2).contains("11 juin 2031"));
    }

    /** A list printed (Ctrl+P) is the list: its form to add or change one, and the delete button, stay off the paper. */
    @Test
    void anOrganisersListPrintsWithoutItsForm() {
        long edition = Api.edition("2031-05-07");
        long space = Api.space(edition, "Studio imprimé", "STUDIO", 30);
        long session = Api.session(edition, space, "2031-05-07", "11:00", "12:00", 20);
        signIn();
        for (String list : List.of("spaces", "spaces/" + space, "stands", "sessions", "sessions/" + session, "badges", "door")) {
            page.navigate(url("/organiser/editions/" + edition + "/" + list));
            assertThat(page.locator("#form")).isVisible();
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
            assertThat(page.locator("#form")).isHidden();
            assertThat(page.locator("form[method=post][novalidate].stack:visible, form.danger:visible")).hasCount(0);
            assertThat(page.locator("h1")).isVisible();
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));
        }
    }

    /**
     * Two organisers open the same session; the colleague saves first. The second save does not undo
     * theirs: the form comes again with their seats in place and my title kept, and saving it keeps both.
     */
    @Test
    void twoOrganisersChangingTheSameSessionAtOnceLoseNeitherChange() {
        long edition = Api.openEdition();
        long space = Api.space(edition, "Salle Partagée", "ROOM", 40);
        long session = Api.session(edition, space, Api.forumDay(), "11:00", "12:00", 20);
        String edit = "/organiser/editions/" + edition + "/sessions/" + session;
        signIn();
        page.navigate(url(edit));
        try (BrowserContext other = Browser.context("fr-FR", 1280, 900)) {
            Page colleague = other.newPage();
            colleague.navigate(url("/login"));
            colleague.locator("#j_username").fill(Api.ORGANISER);
            colleague.locator("#j_password").fill(Api.PASSWORD);
            colleague.locator("form button[type=submit]").click();
            colleague.navigate(url(edit));
            colleague.locator("[name=seats]").fill("30");
            colleague.locator("[name=description]").fill("Apportez\nvos photos");
            colleague.locator("form.stack button[type=submit]").click();
            assertThat(colleague.locator(".flash")).isVisible();
        }
        page.locator("[name=title]").fill("Atelier photo");
        page.locator("form.stack button[type=submit]").click();
        assertThat(page.locator("p.problem[role=alert]")).containsText("Ceci a été modifié ailleurs pendant que vous le modifiiez");
        assertThat(page.locator("[name=title]")).hasValue("Atelier photo");
        assertThat(page.locator("[name=seats]")).hasValue("30");
        assertThat(page.locator("[name=description]")).hasValue("Apportez\nvos photos");
        assertThat(page.locator("#e-seats")).containsText("la nouvelle valeur est reprise ici");
        assertThat(page.locator("#f-seats")).hasAttribute("aria-describedby", "e-seats");
        assertEquals(List.of(), Browser.barriers(page), "the form come again");
        Api.organiser().get("/api/v1/editions/" + edition + "/sessions/" + session).then()
                .body("title", org.hamcrest.Matchers.equalTo("Atelier 11:00")).body("seats", org.hamcrest.Matchers.equalTo(30));
        Browser.screenshot(page, "session-changed-meanwhile");
        page.locator("form.stack button[type=submit]").click();
        assertThat(page.locator(".flash")).isVisible();
        Api.organiser().get("/api/v1/editions/" + edition + "/sessions/" + session).then()
                .body("title", org.hamcrest.Matchers.equalTo("Atelier photo")).body("seats", org.hamcrest.Matchers.equalTo(30))
                .body("description", org.hamcrest.Matchers.equalTo("Apportez\nvos photos"));
    }

    /** Deleting asks first, naming what goes; "no" keeps it. */
    @Test
    void deletingASpaceAsksFirst() {
        long edition = Api.edition("2031-05-06");
        long space = Api.space(edition, "Salle « Jean-Zay »", "ROOM", 40);
        signIn();
        page.navigate(url("/organiser/editions/" + edition + "/spaces/" + space));
        List<String> asked = new java.util.ArrayList<>();
        page.onceDialog(dialog -> {
            asked.add(dialog.message());
            dialog.dismiss();
        });
        page.locator("form.danger button[type=submit]").click();
        assertEquals(List.of("Supprimer « Salle « Jean-Zay » » ? On ne peut pas revenir en arrière."), asked);
        Api.organiser().get("/api/v1/editions/" + edition + "/spaces/" + space).then().statusCode(200);
        page.onceDialog(dialog -> dialog.accept());
        page.locator("form.danger button[type=submit]").click();
        assertThat(page.locator(".flash")).isVisible();
        Api.organiser().get("/api/v1/editions/" + edition + "/spaces/" + space).then().statusCode(404);
    }

    /**
     * The language switch opens a page where nothing was typed at its top. A list with no choice marked
     * (its first shown, as the session's kind "—") counted as changed, so the page jumped to its form: on
     * the demo's sessions page, 1,929 px down at 390 px wide. What was typed still goes along.
     */
    @Test
    void theLanguageSwitchOpensAPageWithNothingTypedAtItsTop() {
        long edition = Api.edition("2031-07-07");
        signIn();
        page.navigate(url("/organiser/editions/" + edition + "/sessions"));
        page.locator("header.top a[hreflang=en]").click();
        assertThat(page.locator("h1")).containsText("Sessions");
        assertEquals(0, ((Number) page.evaluate("window.scrollY")).intValue(), "at the top");
        page.locator("[name=title]").fill("Radio workshop");
        page.locator("header.top a[hreflang=fr]").click();
        assertThat(page.locator("h1")).containsText("Séances");
        assertThat(page.locator("[name=title]")).hasValue("Radio workshop");
        assertTrue(((Number) page.evaluate("window.scrollY")).intValue() > 0, "at the form typed in");
    }

    /** A status only moves forward: each move asks first, as a mis-click cannot be taken back. */
    @Test
    void movingAnEditionsStatusAsksFirst() {
        long edition = Api.edition("2031-05-08");
        signIn();
        page.navigate(url("/organiser/editions/" + edition));
        List<String> asked = new java.util.ArrayList<>();
        page.onceDialog(dialog -> {
            asked.add(dialog.message());
            dialog.dismiss();
        });
        page.locator("button", new Page.LocatorOptions().setHasText("Passer à « Archivée »")).click();
        assertEquals(List.of("Le forum n’est pas fini\u00a0: son dernier jour est le jeudi 8 mai 2031. Le passer dès maintenant"
                + " à «\u00a0Archivée\u00a0» arrête les inscriptions, les annulations et les changements de séance, et sa page"
                + " publique dira qu’il est clos. Le statut ne revient jamais en arrière."), asked);
        Api.organiser().get("/api/v1/editions/" + edition).then().body("status", org.hamcrest.Matchers.equalTo("DRAFT"));
        page.onceDialog(dialog -> dialog.accept());
        page.locator("button", new Page.LocatorOptions().setHasText("Passer à « Inscriptions ouvertes »")).click();
        assertThat(page.locator(".flash")).isVisible();
        Api.organiser().get("/api/v1/editions/" + edition).then().body("status", org.hamcrest.Matchers.equalTo("REGISTRATION_OPEN"));
    }

    @Test
    void aSessionsAttendeeListPrintsAsASheetToTick() throws Exception {
        long edition = Api.openEdition();
        long space = Api.space(edition, "Salle Émargement", "ROOM", 40);
        long session = Api.session(edition, space, Api.forumDay(), "11:00", "12:00", 1);
        Api.register(edition, Api.relay("Zoé", "zoe.print-" + System.nanoTime() + "@example.org", List.of(session)));
        Api.register(edition, Api.relay("Jérôme", "jerome.print-" + System.nanoTime() + "@example.org", List.of(session)));
        signIn();
        page.navigate(url("/organiser/editions/" + edition + "/sessions/" + session + "/attendees"));
        assertThat(page.locator("header.top")).isVisible();
        assertThat(page.locator("td.tick").first()).isHidden();
        assertThat(page.locator("button", new Page.LocatorOptions().setHasText("Donner une place"))).isVisible();
        assertThat(page.locator("button", new Page.LocatorOptions().setHasText("Donner une place"))).isDisabled();
        assertThat(page.locator("#full-hint")).containsText("La séance est complète");
        // Taking someone off tells them by e-mail: the button asks first, and saying no leaves the list as it is.
        List<String> asked = new java.util.ArrayList<>();
        page.onceDialog(dialog -> {
            asked.add(dialog.message());
            dialog.dismiss();
        });
        page.locator("button", new Page.LocatorOptions().setHasText("Retirer")).first().click();
        assertEquals(List.of("Retirer Zoé Relais de cette séance ? Cette personne en est prévenue par e-mail."), asked);
        assertThat(page.locator("td.tick")).hasCount(2);

        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        assertThat(page.locator("header.top")).isHidden();
        assertThat(page.locator("nav.tabs")).isHidden();
        assertThat(page.locator("form.inline button").first()).isHidden();
        assertThat(page.locator("td.tick")).hasCount(2); // the seated relay and the one waiting, a box each
        assertThat(page.locator("td.tick").first()).isVisible();
        Path pdf = Browser.SCREENSHOTS.resolve("attendees-print.pdf");
        java.nio.file.Files.createDirectories(pdf.getParent());
        page.pdf(new Page.PdfOptions().setPath(pdf).setFormat("A4"));
        String text = PdfTools.text(pdf);
        assertEquals(1, PdfTools.pages(pdf));
        assertTrue(text.contains("Zoé") && text.contains("Jérôme") && text.contains("Liste d’attente")
                && text.contains("1 place prise sur 1"), text);
        assertFalse(text.contains("Retirer") || text.contains("Donner une place") || text.contains("Se déconnecter")
                || text.contains("Ctrl+P"), text);
        PdfTools.render(pdf, 1, 60, Browser.SCREENSHOTS);

        // A filtered list says on paper what it was filtered by, which the hidden form no longer shows.
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));
        page.navigate(url("/organiser/editions/" + edition + "/registrations?sessionId=" + session + "&status=CONFIRMED"));
        assertThat(page.locator("ul.print-only")).isHidden();
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        assertThat(page.locator("form.filters")).isHidden();
        assertThat(page.locator("ul.print-only li")).hasText(new String[] {"Séance : 11:00 · Atelier 11:00", "Statut : Inscrit·e"});
    }
}
