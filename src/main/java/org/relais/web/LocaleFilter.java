package org.relais.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Chooses the reader's language: {@code ?lang=} (the switch on every page, remembered in a
 * cookie), then that cookie, then the browser's Accept-Language, then French.
 */
public class LocaleFilter {

    static final String COOKIE = "relais-lang";

    @Inject
    CurrentLocale current;

    @ServerRequestFilter(preMatching = true)
    public void choose(ContainerRequestContext request) {
        String asked = request.getUriInfo().getQueryParameters().getFirst("lang");
        Cookie cookie = request.getCookies().get(COOKIE);
        Locale chosen = chosen(asked, cookie == null ? null : cookie.getValue(),
                request.getAcceptableLanguages().stream().map(Locale::getLanguage).toList());
        current.set(chosen, supported(asked) != null);
    }

    /** The language from {@code ?lang=}, else the cookie, else the first of the browser's we speak, else French. */
    static Locale chosen(String asked, String cookie, java.util.List<String> acceptable) {
        Locale fromQuery = supported(asked);
        if (fromQuery != null) {
            return fromQuery;
        }
        Locale fromCookie = supported(cookie);
        if (fromCookie != null) {
            return fromCookie;
        }
        for (String language : acceptable) {
            Locale match = supported(language);
            if (match != null) {
                return match;
            }
        }
        return Messages.FRENCH;
    }

    @ServerResponseFilter
    public void remember(ContainerResponseContext response) {
        if (current.chosenNow()) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE, new NewCookie.Builder(COOKIE).value(current.language())
                    .path("/").maxAge(365 * 24 * 3600).sameSite(NewCookie.SameSite.LAX).build());
        }
        response.getHeaders().putSingle(HttpHeaders.CONTENT_LANGUAGE, current.language());
    }

    private static Locale supported(String language) {
        if (language == null) {
            return null;
        }
        for (Locale locale : Messages.SUPPORTED) {
            if (locale.getLanguage().equalsIgnoreCase(language.strip())) {
                return locale;
            }
        }
        return null;
    }
}
