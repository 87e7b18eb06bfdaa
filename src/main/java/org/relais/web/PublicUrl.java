package org.relais.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address people reach Relais at ({@code relais.public-url}): the links a mail or a page gives
 * out, and the domain that names a mail's identifier and a relay's calendar events, the same in
 * the mail as on the relay's page, so that a calendar importing both keeps each event once.
 */
@ApplicationScoped
public class PublicUrl {

    private final String base;

    private final String domain;

    PublicUrl(@ConfigProperty(name = "relais.public-url", defaultValue = "http://localhost:8080") String url) {
        this.base = url.replaceAll("/+$", "");
        String host = URI.create(base).getHost();
        this.domain = host == null ? "relais" : host;
    }

    /** The address of a path, such as {@code /r/<token>}. */
    public String of(String path) {
        return base + path;
    }

    public String domain() {
        return domain;
    }
}
