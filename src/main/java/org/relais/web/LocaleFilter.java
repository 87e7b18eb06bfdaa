package org.relais.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Chooses the reader's language: {@code ?lang=} (the switch on every page, remembered in a
 * cookie), then that cookie, then the browser's Accept-Language, then French.
 */
public class LocaleFilter {

    static final String COOKIE = "relais-lang";

    /** One entry of Accept-Language as RFC 9110 writes it: a language range and, perhaps, its weight. */
    private static final Pattern LANGUAGE_RANGE = Pattern.compile(
            "\\s*(\\*|[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*)\\s*(;\\s*[qQ]\\s*=\\s*(0(\\.[0-9]{0,3})?|1(\\.0{0,3})?))?\\s*");

    @Inject
    CurrentLocale current;

    @ServerRequestFilter(preMatching = true)
    public void choose(ContainerRequestContext request) {
        String asked = request.getUriInfo().getQueryParameters().getFirst("lang");
        Cookie cookie = request.getCookies().get(COOKIE);
        Locale chosen = chosen(asked, cookie == null ? null : cookie.getValue(), acceptableLanguages(request));
        current.set(chosen, supported(asked) != null);
    }

    /**
     * The browser's languages, best first. A header that does not read (a weight that is no number, say)
     * is set right here, before anything else reads it (the pages' templates do, and would fail): its
     * unreadable entries are left out, as a header of none would be.
     */
    static List<String> acceptableLanguages(ContainerRequestContext request) {
        try {
            return request.getAcceptableLanguages().stream().map(Locale::getLanguage).toList();
        } catch (WebApplicationException unreadable) {
            String kept = Arrays.stream(request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE).split(","))
                    .filter(entry -> LANGUAGE_RANGE.matcher(entry).matches()).map(String::strip)
                    .collect(Collectors.joining(", "));
            if (kept.isEmpty()) {
                request.getHeaders().remove(HttpHeaders.ACCEPT_LANGUAGE);
            } else {
                request.getHeaders().putSingle(HttpHeaders.ACCEPT_LANGUAGE, kept);
            }
            return request.getAcceptableLanguages().stream().map(Locale::getLanguage).toList();
        }
    }

    /** The language from {@code ?lang=}, else the cookie, else the first of the browser's we speak, else French. */
    static Locale chosen(String asked, String cookie, List<String> acceptable) {
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
