package org.relais.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Sets right, before anything reads them, the request headers a client may send broken and that no
 * answer needs: the four that say what the client prefers (RESTEasy reads them for every page, and a
 * weight that is no number failed the page with a 500) keep only their entries that read, as RFC
 * 9110 lets a server ignore what it cannot read. A request to a page sent without a Content-Type is
 * a form, as a browser sends one, so that its CSRF token is checked (without a type it was not); a
 * body sent to the API without one is, as the RFC suggests, {@code application/octet-stream}, which
 * no call takes (415).
 */
public class RequestHeaders {

    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    /** A media type's parameters other than its weight: a name and a value, a word or a quoted text. */
    private static final String PARAMETERS = "(\\s*;\\s*(?![qQ]\\s*=)" + TOKEN + "\\s*=\\s*(" + TOKEN + "|\"[^\"]*\"))*";
    private static final String WEIGHT = "(\\s*;\\s*[qQ]\\s*=\\s*(0(\\.[0-9]{0,3})?|1(\\.0{0,3})?))?";

    /** One entry of each header, as RFC 9110 writes it; a media type's parameters but its weight are free. */
    private static final Map<String, Pattern> ENTRIES = Map.of(
            HttpHeaders.ACCEPT, Pattern.compile("(\\*/\\*|" + TOKEN + "/(\\*|" + TOKEN + "))" + PARAMETERS + WEIGHT + PARAMETERS),
            HttpHeaders.ACCEPT_CHARSET, Pattern.compile("(\\*|" + TOKEN + ")" + WEIGHT),
            HttpHeaders.ACCEPT_ENCODING, Pattern.compile("(\\*|" + TOKEN + ")" + WEIGHT),
            HttpHeaders.ACCEPT_LANGUAGE, Pattern.compile("(\\*|[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*)" + WEIGHT));

    @ServerRequestFilter(preMatching = true, priority = Priorities.HEADER_DECORATOR)
    public void setRight(ContainerRequestContext request, HttpServerRequest http) {
        ENTRIES.forEach((name, entry) -> {
            String sent = request.getHeaderString(name);
            if (sent == null) {
                return;
            }
            String[] entries = sent.split(",");
            List<String> kept = Arrays.stream(entries).map(String::strip).filter(e -> entry.matcher(e).matches())
                    .toList();
            if (kept.isEmpty()) {
                request.getHeaders().remove(name);
            } else if (kept.size() < entries.length) { // as sent when every entry reads: nothing more to do
                request.getHeaders().putSingle(name, String.join(", ", kept));
            }
        });
        if (request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null && !"GET".equals(request.getMethod())
                && !"HEAD".equals(request.getMethod())) {
            if (!ErrorMappers.isApi(http.path())) { // as sent: the address UriInfo builds fails on some odd ones
                // A page's form, as a browser sends one, so that its token is checked: without a type, the
                // CSRF filter let a signed-in organiser's action through without it.
                request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_FORM_URLENCODED);
            } else if (request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null) {
                request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_OCTET_STREAM);
            }
        }
    }
}
