package org.relais.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.relais.Api;
import org.relais.mail.OutboxWorker;

/**
 * A relay on a phone registers, gets the e-mail, changes sessions, corrects their details, cancels through the link,
 * then erases their data.
 */
@QuarkusTest
class RelayBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    MockMailbox mailbox;

    @Inject
    OutboxWorker worker;

    /**
     * The language switch on a form that came back opens the forum's page in that language, its form ready and
     * holding what was typed; so does the switch on a form being filled in.
     */
    @Test
    void theLanguageSwitchOnAFormThatCameBackOpensTheForumsPage() {
        long edition = Api.openEdition();
        long studio = Api.space(edition, "Studio 104", "STUDIO", 40);
        Api.session(edition, studio, Api.forumDay(), "11:00", "12:00", 12);
        try (BrowserContext context = Browser.context("fr-FR", 390, 844)) {
            Page page = context.newPage();
            page.navigate(Browser.url(base, "/editions/" + edition));
            page.locator("[name=firstName]").fill("Maryam");
            page.locator("[name=sector]").selectOption("french-language");
            page.locator("input[name='accessibilityNeeds.needs'][value=HEARING_LOOP]").check();
            page.locator("#register button[type=submit]").click();
            assertThat(page.locator("#e-consent")).isVisible();
            page.locator("a[hreflang=en]").click();
            assertThat(page).hasURL(Pattern.compile(".*/editions/" + edition + "\\?lang=en$"));
            assertThat(page.locator("html")).hasAttribute("lang", "en");
            assertThat(page.locator("#register button[type=submit]")).isVisible();
            assertThat(page.locator("#e-consent")).hasCount(0);
            assertThat(page.locator("[name=firstName]")).hasValue("Maryam");
            assertThat(page.locator("#register form")).isInViewport();
            assertThat(page.locator("[name=sector]")).hasValue("french-language");
            assertThat(page.locator("input[name='accessibilityNeeds.needs'][value=HEARING_LOOP]")).isChecked();
            assertThat(page.locator("[name=language]")).hasValue("en"); // left as it came, it follows the page
            Browser.screenshot(page, "relay-form-switched-to-english-phone");

            // Being filled in, in English: a name, a choice ticked, the default language changed; back to French.
            page.locator("[name=lastName]").fill("Benali");
            page.locator(".choice:has-text('Atelier 11:00') input").check();
            page.locator("input[name='accessibilityNeeds.needs'][value=HEARING_LOOP]").uncheck();
            page.locator("a[hreflang=fr]").click();
            assertThat(page.locator("html")).hasAttribute("lang", "fr");
            assertThat(page.locator("[name=firstName]")).hasValue("Maryam");
            assertThat(page.locator("[name=lastName]")).hasValue("Benali");
            assertThat(page.locator(".choice:has-text('Atelier 11:00') input")).isChecked();
            assertThat(page.locator("input[name='accessibilityNeeds.needs'][value=HEARING_LOOP]")).not().isChecked();
            assertThat(page.locator("[name=language]")).hasValue("fr");
            Browser.screenshot(page, "relay-form-switched-to-french-phone");
            page.setViewportSize(1280, 900);
            Browser.screenshot(page, "relay-form-switched-to-french-desktop");

            // Carried once: the page opened again later is the empty form.
            page.reload();
            assertThat(page.locator("[name=lastName]")).hasValue("");
        }
    }

    /** The relay's details on the public form, as Maryam Benali of a social centre types them. */
    private static void fillDetails(Page page, String email) {
        page.locator("[name=firstName]").fill("Maryam");
        page.locator("[name=lastName]").fill("Benali");
        page.locator("[name=email]").fill(email);
        page.locator("[name=organisation]").fill("Centre social Belleville");
        page.locator("[name=sector]").selectOption("french-language");
        page.locator("[name=role]").selectOption("trainer");
    }

    /** On a phone with a keyboard (or a switch), the forum's page lets a relay go past its header at the first stop. */
    @Test
    void theFirstStopOfTheKeyboardLeadsPastTheHeader() {
        long edition = Api.openEdition();
        try (BrowserContext context = Browser.context("fr-FR", 390, 844)) {
            Page page = context.newPage();
            page.navigate(Browser.url(base, "/editions/" + edition));
            Browser.skipsToContent(page, "Aller au contenu");
        }
    }

    /**
     * A second registration with the same address marks no field: the page opens at what it says, with the focus,
     * rather than at the form's first field, the offer to send the link again beside it.
     */
    @Test
    void aSecondRegistrationWithTheSameAddressOpensAtWhatItSays() {
        long edition = Api.openEdition();
        String email = "again-" + System.nanoTime() + "@example.org";
        Api.register(edition, Api.relay("Maryam", email, List.of()));
        try (BrowserContext context = Browser.context("fr-FR", 390, 844)) {
            Page page = context.newPage();
            page.navigate(Browser.url(base, "/editions/" + edition));
            fillDetails(page, email);
            page.locator("[name=consent]").check();
            page.locator("#register button[type=submit]").click();
            assertThat(page.locator("#register p.problem")).containsText("est déjà inscrit·e");
            assertThat(page.locator("#register p.problem")).isFocused();
            assertThat(page.locator("#register p.problem")).isInViewport();
        }
    }

    @Test
    void registersOnAPhoneThenChangesAndCancelsThroughTheLink() {
        long edition = Api.openEdition();
        long studio = Api.space(edition, "Studio 104", "STUDIO", 40);
        Api.session(edition, studio, Api.forumDay(), "11:00", "12:00", 12);
        long afternoon = Api.session(edition, studio, Api.forumDay(), "14:00", "15:00", 12);
        String email = "phone-" + System.nanoTime() + "@example.org";

        try (BrowserContext context = Browser.context("fr-FR", 390, 844)) {
            Page page = context.newPage();
            page.navigate(Browser.url(base, "/editions/" + edition));
            assertThat(page.locator("h1")).hasText("Forum ouvert");
            page.locator("a.button[href='#register']").click();

            // A first try without consent and with an invalid e-mail: the form comes back filled, fields marked.
            fillDetails(page, "pas-une-adresse");
            page.locator("input[name='accessibilityNeeds.needs'][value=HEARING_LOOP]").check();
            page.locator(".choice:has-text('Atelier 11:00') input").check();
            page.locator("#register button[type=submit]").click();
            assertThat(page.locator("#e-consent")).hasText("Acceptez la notice de confidentialité pour vous inscrire.");
            assertThat(page.locator("#e-email")).isVisible();
            // The page opens at the first field to correct, the address, not at the form's top.
            assertThat(page.locator("#f-email")).isFocused();
            assertThat(page.locator("#e-email")).isInViewport();
            assertThat(page.locator("[name=firstName]")).hasValue("Maryam");
            assertThat(page.locator(".choice:has-text('Atelier 11:00') input")).isChecked();
            Browser.screenshot(page, "relay-form-errors-phone");

            page.locator("[name=email]").fill(email);
            page.locator("[name=consent]").check();
            page.locator("#register button[type=submit]").click();
            assertThat(page.locator(".flash")).containsText("Vous êtes inscrit·e");
            assertThat(page.locator("ul.plain")).containsText("Atelier 11:00");
            assertThat(page.locator("ul.plain")).containsText("place réservée");
            assertEquals(List.of(), Browser.barriers(page), "relay-manage-phone");
            Browser.screenshot(page, "relay-manage-phone");
            Object overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth");
            assertTrue(((Number) overflow).intValue() <= 0, "the manage page fits the phone");
            String managePath = new URL(page.url()).getPath();
            // Printed, the page is the relay's registration and sessions, without the forms to change or cancel.
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
            assertThat(page.locator("ul.plain")).isVisible();
            assertThat(page.locator("#change")).isHidden();
            assertThat(page.locator("button:has-text('Annuler mon inscription')")).isHidden();
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.SCREEN));
            assertThat(page.locator("#change")).isVisible();

            worker.sendDue();
            List<Mail> mails = mailbox.getMailsSentTo(email);
            assertEquals(1, mails.size());
            Matcher link = Pattern.compile("https?://[^\\s]+(/r/[A-Za-z0-9_-]{43})").matcher(mails.get(0).getText());
            assertTrue(link.find(), mails.get(0).getText());
            assertEquals(managePath, link.group(1));
            // The e-mail as a mail program shows it: readable by a screen reader too.
            try (BrowserContext mail = Browser.context("fr-FR", 390, 844)) {
                Page shown = mail.newPage();
                shown.setContent(mails.get(0).getHtml());
                assertEquals(List.of(), Browser.barriers(shown), "the confirmation e-mail");
                Browser.screenshot(shown, "relay-confirmation-mail-phone");
            }

            // Through the link from the e-mail: change to the afternoon workshop.
            page.navigate(Browser.url(base, link.group(1)));
            page.locator(".choice:has-text('Atelier 11:00') input").uncheck();
            page.locator(".choice:has-text('Atelier 14:00') input").check();
            page.locator("button:has-text('Enregistrer mes choix')").click();
            assertThat(page.locator(".flash")).containsText("Vos choix de séances sont enregistrés");
            assertThat(page.locator(".flash")).isInViewport(); // not at the form it was sent from
            assertThat(page.locator("ul.plain")).containsText("Atelier 14:00");
            assertThat(page.locator("ul.plain")).not().containsText("Atelier 11:00");

            // A name to complete and other needs: a first try with the first name emptied comes back marked,
            // with what was typed and the sessions as they are; then it saves, and the badge follows.
            page.locator("#details [name=firstName]").fill("");
            page.locator("#details [name=lastName]").fill("Benali-Haddad");
            page.locator("#details input[name='accessibilityNeeds.needs'][value=HEARING_LOOP]").uncheck();
            page.locator("#details input[name='accessibilityNeeds.needs'][value=SIGN_LANGUAGE]").check();
            page.locator("button:has-text('Enregistrer mes coordonnées')").click();
            assertThat(page.locator("#e-firstName")).isVisible();
            assertThat(page.locator("#details [name=lastName]")).hasValue("Benali-Haddad");
            assertThat(page.locator("#details input[name='accessibilityNeeds.needs'][value=SIGN_LANGUAGE]")).isChecked();
            assertThat(page.locator(".choice:has-text('Atelier 14:00') input")).isChecked();
            Browser.screenshot(page, "relay-details-errors-phone");
            page.locator("#details [name=firstName]").fill("Maryam");
            page.locator("button:has-text('Enregistrer mes coordonnées')").click();
            assertThat(page.locator(".flash")).containsText("Vos coordonnées sont enregistrées");
            assertThat(page.locator(".flash")).isInViewport(); // not at the form it was sent from
            assertThat(page.locator("dl.facts")).containsText("Maryam Benali-Haddad");
            assertThat(page.locator("ul.plain")).containsText("Atelier 14:00");
            assertThat(page.locator("#details input[name='accessibilityNeeds.needs'][value=HEARING_LOOP]")).not().isChecked();
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth");
            assertTrue(((Number) overflow).intValue() <= 0, "the details form fits the phone");
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
            assertThat(page.locator("#details")).isHidden();
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.SCREEN));

            page.onDialog(dialog -> dialog.accept());
            page.locator("button:has-text('Annuler mon inscription')").click();
            assertThat(page.locator(".flash")).hasText("Votre inscription est annulée\u00a0; un e-mail vous le confirme.");
            assertThat(page.locator("p.problem")).hasCount(0); // the confirmation says it: the page's state does not again
            assertThat(page.locator("a.button")).hasText("S’inscrire à nouveau");
            worker.sendDue();
            assertTrue(mailbox.getMailsSentTo(email).stream().anyMatch(m -> m.getSubject().startsWith("Inscription annulée")));

            // Then, without waiting for the retention time: all that is kept, and its erasure.
            page.locator("a:has-text('Tout ce que Relais garde sur vous')").click();
            assertThat(page.locator("h1")).hasText("Données conservées");
            page.locator("button:has-text('Effacer mes données')").click();
            assertThat(page.locator(".flash")).hasText("Vos données personnelles sont effacées.");
            page.navigate(Browser.url(base, managePath));
            assertThat(page.locator("h1")).containsText("404");
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
        int told = mailbox.getMailsSentTo(email).size();
        worker.sendDue();
        assertEquals(told, mailbox.getMailsSentTo(email).size(), "nothing more once the data is erased");
        io.restassured.RestAssured.given().get("/api/v1/editions/" + edition + "/sessions/" + afternoon).then().statusCode(200);
    }
}
