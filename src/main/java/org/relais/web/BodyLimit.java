package org.relais.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * An API request whose body is announced larger than {@code quarkus.http.limits.max-body-size} is
 * refused with a problem document, before its body is read. Quarkus refuses it too, a step later,
 * but with an empty body; a client reading problem+json would get nothing to show. Pages keep
 * Quarkus's answer: none of their forms comes near the limit (each field stops at 64 KB, see
 * {@link ErrorMappers}).
 */
@ApplicationScoped
public class BodyLimit {

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize limit;

    void install(@Observes Router router) {
        // Quarkus's own check of the announced length is the route of order -2.
        router.route().order(-3).handler(this::check);
    }

    private void check(RoutingContext routing) {
        String length = routing.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        String path = routing.normalizedPath();
        if (length == null || !path.startsWith("/api/") || !over(length)) {
            routing.next();
            return;
        }
        io.vertx.core.http.Cookie cookie = routing.request().getCookie(LocaleFilter.COOKIE);
        Locale locale = LocaleFilter.chosen(routing.request().getParam("lang"), cookie == null ? null : cookie.getValue(),
                routing.acceptableLanguages().stream().map(l -> Locale.forLanguageTag(l.value()).getLanguage()).toList());
        Problem problem = new Problem("about:blank", Messages.get(locale, "problem_status_413"), 413,
                Messages.get(locale, "problem_body_too_large", limit.asLongValue() / 1024 / 1024), path, null);
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // The body is not read: the connection goes once the answer is out.
        routing.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage()).putHeader(HttpHeaders.CONNECTION, "close")
                .endHandler(done -> routing.request().connection().close()).end(body);
    }

    private boolean over(String length) {
        try {
            return Long.parseLong(length.strip()) > limit.asLongValue();
        } catch (NumberFormatException e) {
            return false; // Vert.x refuses a malformed length itself
        }
    }
}
