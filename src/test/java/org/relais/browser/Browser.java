package org.relais.browser;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Debian's Chromium, driven by Playwright for Java without downloading a browser of its own
 * (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1; RELAIS_CHROMIUM names another binary).
 */
final class Browser {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Browser() {
    }

    static com.microsoft.playwright.Browser launch(Playwright playwright) {
        String executable = System.getenv().getOrDefault("RELAIS_CHROMIUM", "/usr/bin/chromium");
        if (!Files.isExecutable(Path.of(executable))) {
            throw new IllegalStateException("The browser tests need Chromium at " + executable
                    + " (apt-get install chromium, or set RELAIS_CHROMIUM)");
        }
        return playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(Path.of(executable))
                .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking")));
    }
}
