package org.relais.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Debian's Chromium, driven by Playwright for Java without downloading a browser of its own
 * (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1; RELAIS_CHROMIUM names another binary). One browser serves
 * every test of the run; each test opens its own context (cookies, language, screen size).
 * Screenshots are taken with {@code -Drelais.screenshots=true} only, into target/screenshots, for a
 * person to look at: nothing reads them, and on the slowest machines they cost the suite a minute.
 */
final class Browser {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final boolean SCREENSHOTS_TAKEN = Boolean.getBoolean("relais.screenshots");
    private static final String AXE = resource("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js");
    private static com.microsoft.playwright.Browser shared;

    private Browser() {
    }

    static synchronized com.microsoft.playwright.Browser shared() {
        if (shared == null) {
            String executable = System.getenv().getOrDefault("RELAIS_CHROMIUM", "/usr/bin/chromium");
            if (!Files.isExecutable(Path.of(executable))) {
                throw new IllegalStateException("The browser tests need Chromium at " + executable
                        + " (apt-get install chromium, or set RELAIS_CHROMIUM)");
            }
            Playwright playwright = Playwright.create();
            shared = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(Path.of(executable))
                    .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking")));
            Runtime.getRuntime().addShutdownHook(new Thread(playwright::close));
        }
        return shared;
    }

    /**
     * A context whose every page starts with axe-core loaded (the browser runs it as each page opens,
     * outside the pages' security policy), so that {@link #barriers} need not send its 500 KB again.
     */
    static BrowserContext context(String locale, int width, int height) {
        BrowserContext context = shared().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale(locale).setViewportSize(width, height));
        context.addInitScript(AXE);
        return context;
    }

    static String url(URL base, String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    /**
     * Every visible text of the page too faint to read against its background (below WCAG AA's
     * contrast), as "ratio: text (colours)"; empty when all can be read.
     */
    static List<String> faintText(Page page) {
        return check(page, "contrast.js");
    }

    /**
     * Every visible control of the page too small to tap (below WCAG 2.2 AA's 24 by 24 px, label
     * included, outside its exceptions), as "width x height: control"; empty when all can be tapped.
     */
    static List<String> smallTargets(Page page) {
        return check(page, "targets.js");
    }

    /**
     * Every visible field whose hint (placeholder) is cut off by its width, as "field: hint (needs N px,
     * has M)"; empty when every hint can be read whole.
     */
    static List<String> cutHints(Page page) {
        return check(page, "hints.js");
    }

    /**
     * Every word of up to twelve letters or digits that the page breaks across two lines ("90 / 0", "Bibliothèqu / e" in a
     * table's narrow column), as "word: its element's text"; empty when every such word is whole. Addresses and longer
     * words may break.
     */
    static List<String> brokenWords(Page page) {
        return check(page, "broken.js");
    }

    /**
     * Every field whose label shows it must be filled (its asterisk, hidden from screen readers) while its
     * control does not say so (no {@code required}), and every control that says so without the asterisk, each
     * as why and its label's words; empty when a screen reader hears "required" wherever the page shows an
     * asterisk, and only there. axe-core does not compare the two.
     */
    static List<String> unsaidRequired(Page page) {
        return check(page, "required.js");
    }

    /**
     * Every form that shows an asterisk without first saying what it means (the sentence of
     * {@code tags/requirednote}), as its address; empty when each such form says it before its fields.
     */
    static List<String> unexplainedAsterisks(Page page) {
        return check(page, "asterisk.js");
    }

    /**
     * Every message of a form sent back that is not tied to its field (no control's
     * aria-describedby names it, or its control is not flagged aria-invalid), which axe-core does
     * not look for; empty when a screen reader reads each problem on its field.
     */
    static List<String> untiedErrors(Page page) {
        return check(page, "untied.js");
    }

    /**
     * Every barrier axe-core finds on the page under WCAG 2.1 A and AA (a control without a name,
     * an image without text, a wrong ARIA role, a heading out of order, an id given twice...), as
     * "rule: element (what it asks)"; empty when it finds none.
     */
    @SuppressWarnings("unchecked")
    static List<String> barriers(Page page) {
        if (!Boolean.TRUE.equals(page.evaluate("() => typeof axe !== 'undefined'"))) {
            // A page of a context not made by context(): evaluated, not added as a script tag, which the
            // pages' security policy refuses.
            page.evaluate(AXE);
        }
        return (List<String>) page.evaluate("async () => (await axe.run(document, {runOnly: {type: 'tag', values: "
                + "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']})).violations"
                + ".flatMap(v => v.nodes.map(n => v.id + ': ' + n.target.join(' ') + ' (' + v.help + ')'))");
    }

    @SuppressWarnings("unchecked")
    private static List<String> check(Page page, String script) {
        return (List<String>) page.evaluate(resource("/browser/" + script));
    }

    private static String resource(String path) {
        try (java.io.InputStream in = Browser.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The keyboard's first stop on the page as it opened is the link to its content, hidden until then and
     * shown once reached, in {@code words}; followed, it takes the next stop past the header, into the page.
     */
    static void skipsToContent(Page page, String words) {
        Locator skip = page.locator("a.skip");
        assertThat(skip).not().isInViewport();
        page.keyboard().press("Tab");
        assertThat(skip).isFocused();
        assertThat(skip).hasText(words);
        assertThat(skip).isInViewport();
        page.keyboard().press("Enter");
        page.keyboard().press("Tab");
        assertThat(page.locator("main :focus")).hasCount(1);
        assertThat(skip).not().isInViewport();
    }

    static void screenshot(Page page, String name) {
        if (!SCREENSHOTS_TAKEN) {
            return;
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }
}
