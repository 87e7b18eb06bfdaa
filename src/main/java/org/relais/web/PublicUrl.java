package org.relais.web;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address people reach Relais at ({@code relais.public-url}): the links a mail or a page gives
 * out, and the domain that names a mail's identifier and a relay's calendar events, the same in
 * the mail as on the relay's page, so that a calendar importing both keeps each event once. Relais
 * does not start with a setting that is not such an address: every link given out would be broken.
 */
@ApplicationScoped
public class PublicUrl {

    /** The setting as given, for a refusal to quote. */
    private final String setting;

    private final String base;

    /** The address's host; null when the setting is not an http(s) address, which {@link #onStart} refuses. */
    private final String host;

    PublicUrl(@ConfigProperty(name = "relais.public-url", defaultValue = "http://localhost:8080") String url) {
        this.setting = url.strip();
        this.base = setting.replaceAll("/+$", "");
        this.host = hostOf(base);
    }

    /** The host of an absolute http or https address, or null for anything else ({@code forum.example.org} without its scheme, say). */
    static String hostOf(String url) {
        try {
            URI uri = new URI(url);
            boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            return web && uri.getHost() != null ? uri.getHost() : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    void onStart(@Observes @Priority(5) StartupEvent event) {
        if (host == null) {
            throw Main.StartRefused.inWords("start_public_url_not_an_address", setting);
        }
    }

    /** The address of a path, such as {@code /r/<token>}; the address itself for {@code ""}. */
    public String of(String path) {
        return base + path;
    }

    public String domain() {
        return host;
    }

    /**
     * Whether the address opens only on the machine Relais runs on ({@code localhost}, {@code 127.0.0.1},
     * {@code ::1}): right for trying Relais out, not for links sent to relays.
     */
    public boolean onlyHere() {
        String name = host.toLowerCase(Locale.ROOT);
        return name.equals("localhost") || name.endsWith(".localhost") || name.startsWith("127.") || name.equals("[::1]")
                || name.equals("0.0.0.0");
    }
}
