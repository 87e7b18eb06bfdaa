package org.relais.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.VertxException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * What the web server refuses before any resource sees the request, answered as Relais answers: a
 * problem document under {@code /api}, words elsewhere, in the reader's language.
 * <ul>
 * <li>An API request whose body is announced larger than {@code quarkus.http.limits.max-body-size} is
 * refused before its body is read. Quarkus refuses it too, a step later, but with an empty body; a
 * client reading problem+json would get nothing to show. Pages keep Quarkus's answer: none of their
 * forms comes near the limit (each field stops at 64 KB, see {@link ErrorMappers}).</li>
 * <li>A request whose {@code Host} header is missing or names no address ({@code Host: a b}) is
 * refused with a 400. Vert.x's router fails such an HTTP/1.1 request itself, and Quarkus's error
 * handler answered it with its own JSON error id and an ERROR line in the log, for a client's mistake
 * anyone can repeat. HTTP/1.0 lets a request go without one, but the address every answer is built
 * from then has no host: the links an answer gives (a {@code Location}) came out broken, and a
 * request that read its own address failed with a 500. No browser sends such a request: a page's
 * answer is a line of text.</li>
 * </ul>
 */
@ApplicationScoped
public class WebServerRefusals {

    private static final Logger LOG = Logger.getLogger(WebServerRefusals.class);

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize limit;

    void install(@Observes Router router) {
        // Quarkus's own check of the announced length is the route of order -2; its error handler comes last.
        router.route().order(-3).handler(this::check).failureHandler(this::unreadableHost);
    }

    private void check(RoutingContext routing) {
        // A request without a Host, or with one that does not read. With quarkus.http.proxy.* on (a reverse proxy),
        // Quarkus reads the request before the router and gives a request without one an empty host, which the router
        // no longer refuses.
        io.vertx.core.net.HostAndPort authority = routing.request().authority();
        String host = routing.request().getHeader(HttpHeaders.HOST);
        if (authority == null || authority.host() == null || authority.host().isEmpty() || host == null
                || io.vertx.core.net.HostAndPort.parseAuthority(host, -1) == null) {
            refuseHost(routing);
            return;
        }
        String length = routing.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        String path = routing.normalizedPath();
        if (length == null || !ErrorMappers.isApi(path) || !over(length)) {
            routing.next();
            return;
        }
        Locale locale = locale(routing);
        // The body is not read: the connection goes once the answer is out.
        refuse(routing, 413, locale, Messages.get(locale, "problem_status_413"),
                Messages.get(locale, "problem_body_too_large", limit.asLongValue() / 1024 / 1024));
    }

    private boolean over(String length) {
        try {
            return Long.parseLong(length.strip()) > limit.asLongValue();
        } catch (NumberFormatException e) {
            return false; // Vert.x refuses a malformed length itself
        }
    }

    private void unreadableHost(RoutingContext routing) {
        if (routing.statusCode() != 400 || !(routing.failure() instanceof VertxException)
                || routing.request().authority() != null || routing.response().headWritten()) {
            routing.next();
            return;
        }
        refuseHost(routing);
    }

    private void refuseHost(RoutingContext routing) {
        LOG.debugf("Refused a request to %s without a readable Host header: %s", routing.request().path(),
                routing.request().getHeader(HttpHeaders.HOST));
        Locale locale = locale(routing);
        refuse(routing, 400, locale, Messages.get(locale, "problem_status_400"), Messages.get(locale, "problem_unreadable_host"));
    }

    /** The reader's language, as {@link LocaleFilter} chooses it, which has not run yet. */
    private static Locale locale(RoutingContext routing) {
        io.vertx.core.http.Cookie cookie = routing.request().getCookie(LocaleFilter.COOKIE);
        return LocaleFilter.chosen(routing.request().getParam("lang"), cookie == null ? null : cookie.getValue(),
                routing.acceptableLanguages().stream().map(l -> Locale.forLanguageTag(l.value()).getLanguage()).toList());
    }

    /** Answers and closes the connection: what is left of the request is not read. */
    private void refuse(RoutingContext routing, int status, Locale locale, String title, String detail) {
        String path = routing.normalizedPath();
        String type;
        String body;
        if (ErrorMappers.isApi(path)) {
            type = Problem.MEDIA_TYPE;
            try {
                body = json.writeValueAsString(new Problem("about:blank", title, status, detail, path, null));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            type = "text/plain; charset=UTF-8";
            body = status + " · " + title + "\n\n" + detail + "\n";
        }
        routing.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, type)
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage()).putHeader(HttpHeaders.CONNECTION, "close")
                .endHandler(done -> routing.request().connection().close()).end(body);
    }
}
