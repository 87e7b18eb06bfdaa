package org.relais.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Turns every error into what its reader needs: problem+json under {@code /api} and for a screen's
 * script that asks for JSON, a page elsewhere. Never a stack trace.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);
    /** What Quarkus's CSRF filter sets on the request's context once the form's token is checked and right. */
    private static final String CSRF_VERIFIED = "csrf_token_verified";
    /** An outage answers every request with 503: its log says so once every ten seconds, with how many. */
    private static final long OUTAGE_LOG_EVERY = TimeUnit.SECONDS.toNanos(10);
    private static final AtomicLong OUTAGE_LOGGED = new AtomicLong(System.nanoTime() - OUTAGE_LOG_EVERY);
    private static final AtomicInteger OUTAGE_ANSWERS = new AtomicInteger();

    @jakarta.inject.Inject
    io.quarkus.vertx.http.runtime.CurrentVertxRequest current;

    @jakarta.inject.Inject
    PageAddresses pages;

    @jakarta.inject.Inject
    DiskRoom disk;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.http.auth.form.location-cookie",
            defaultValue = "quarkus-redirect-location")
    String locationCookie;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(int status, String type, String title, String detail, List<FieldError> errors,
                String home, String again);
    }

    @ServerExceptionMapper
    public Response invalid(InvalidInputException e, UriInfo uri) {
        return answer(uri, 422, e.detail() != null ? e.detail() : Messages.get("problem_invalid"), e.errors().list());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        if (!isApi(uri) && "registration".equals(e.what()) && path(uri).startsWith("/r/")) {
            // A relay's link cut short, or mistyped: say what to do, not only what is missing.
            return answer(uri, 404, Messages.get("problem_link_not_found"), null);
        }
        String detail = Messages.get("problem_not_found", Messages.get("thing_" + e.what()));
        // A form sent for something deleted since it was opened: say that nothing was saved, and why.
        return answer(uri, 404, sendsAForm(uri) ? detail + " " + Messages.get("problem_not_found_on_save") : detail, null);
    }

    /** A change refused, or failed, for want of room on the disk: nothing was written, and the same change will do once there is. */
    @ServerExceptionMapper
    public Response diskFull(DiskRoom.Full e, UriInfo uri) {
        disk.logRefusal(path(uri));
        return build(uri, 503, DiskRoom.PROBLEM_TYPE, Messages.get("problem_disk_full"), null, null, null)
                .header(HttpHeaders.RETRY_AFTER, "60").build();
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e, UriInfo uri) {
        return build(uri, 409, e.type(), e.localizedMessage(), null, null, null).build();
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return malformed(e, uri);
    }

    /** Takes over from Quarkus's own mapper for this type, which answers with an empty body. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return malformed(e, uri);
    }

    /** A unique key the rules should have caught first (two requests at the same instant): a clash. */
    @ServerExceptionMapper
    public Response duplicate(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        String refusal = refusal(e);
        return conflict(new ConflictException(refusal != null ? refusal : "conflict_duplicate"), uri);
    }

    /**
     * The message for the database's own refusal of a change, found anywhere in the chain (at commit
     * it comes wrapped): a row still referred to, or a duplicate key; null for anything else.
     */
    static String refusal(Throwable e) {
        for (Throwable t : causes(e).toList()) {
            String state = t instanceof java.sql.SQLException sql ? sql.getSQLState() : null;
            if ("23503".equals(state) || "23506".equals(state)) { // PostgreSQL's and H2's foreign keys
                return "conflict_in_use";
            }
            if ("23505".equals(state)) {
                return "conflict_duplicate";
            }
        }
        return null;
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return signIn(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return signIn(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return answer(uri, 403, Messages.get("problem_forbidden"), null);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, HttpServerRequest request) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformed(json, uri);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status == 400) {
            return answer(uri, 400, Messages.get("problem_malformed_detail"), null);
        }
        List<FieldError> unreadable = status == 404 ? unreadableQuery(e.getCause(), uri) : List.of();
        if (!unreadable.isEmpty()) {
            return answer(uri, 422, Messages.get("problem_invalid"), unreadable);
        }
        if (status >= 500) {
            LOG.error("Request failed: " + path(uri), e);
        }
        if (status == 413) {
            return tooLarge(uri);
        }
        String path = request.path();
        if ((status == 405 || status == 404 && pages.isForm(path)) && readsAPage(uri)) {
            // A form's address opened as a page (RESTEasy answers 404 where another resource holds the
            // address's start): the page it sits under, in the language asked for if it was.
            String query = request.query();
            return Response.seeOther(URI.create(pages.above(path) + (query == null ? "" : "?" + query))).build();
        }
        Set<String> allowed = status == 405 || status == 404 ? pages.allowed(path) : Set.of();
        if (!allowed.isEmpty() && !allowed.contains(request.method().name())) {
            // A method the address does not answer: RESTEasy says 405 without the Allow header that must go
            // with it, or 404 where another resource holds the address's start.
            return build(uri, 405, title(405), null).header(HttpHeaders.ALLOW, String.join(", ", allowed)).build();
        }
        Set<String> formats = status == 406 ? pages.formats(path, request.method().name()) : Set.of();
        if (!formats.isEmpty()) {
            // A format asked for that the address does not give: say which it gives (RFC 9110, 15.5.7).
            return answer(uri, 406, Messages.get("problem_not_acceptable", String.join(", ", formats)), null);
        }
        // An address that names no page (typed, cut short, an old bookmark): say what to do, not the status twice.
        return answer(uri, status, status == 404 && !isApi(uri) ? Messages.get("problem_no_page") : title(status), null);
    }

    /**
     * A page's form that the CSRF check refused, its token missing or the cookie it is checked against gone (a
     * page left open past the cookie's week, a browser that keeps no cookie): Quarkus's filter answers an empty
     * 400, which a browser shows as a blank page. It says what happened instead, and links to the form's page,
     * opened again with a token: going back would return to the form as it was, whose token is refused again.
     */
    @ServerResponseFilter
    public void refusedForm(ContainerRequestContext request, ContainerResponseContext response, HttpServerRequest http) {
        if (response.getStatus() != 400 || response.hasEntity() || HttpMethod.GET.equals(request.getMethod())
                || HttpMethod.HEAD.equals(request.getMethod()) || isApi(request.getUriInfo())) {
            return;
        }
        io.vertx.ext.web.RoutingContext rc = current.getCurrent();
        if (rc == null || rc.get(CSRF_VERIFIED) != null) {
            return;
        }
        String form = http.path();
        Response page = build(request.getUriInfo(), 400, Problem.NO_TYPE, Messages.get("problem_form_refused"), null,
                Messages.get("problem_title_form_refused"), pages.pageOf(form)).build();
        // Rendered here: Qute's response filter, which renders the pages the resources answer, may have run already.
        Object entity = page.getEntity() instanceof TemplateInstance template ? template.render() : page.getEntity();
        response.setEntity(entity, null, page.getMediaType());
    }

    /**
     * The query's parameters whose value RESTEasy could not read as their type ({@code ?spaceId=abc}): it
     * answers 404, as for a path that names nothing, with the converter's exception as the cause, which
     * quotes the value. A 404 caused by a path's value stays a 404.
     */
    private static List<FieldError> unreadableQuery(Throwable cause, UriInfo uri) {
        String message = cause == null ? null : cause.getMessage();
        int open = message == null ? -1 : message.indexOf('"');
        int close = open < 0 ? -1 : message.indexOf('"', open + 1);
        if (close < 0) {
            return List.of();
        }
        String value = message.substring(open + 1, close);
        String why = Messages.get(cause instanceof NumberFormatException ? "error_number" : "error_wrong_type");
        return uri.getQueryParameters().entrySet().stream().filter(p -> p.getValue().contains(value))
                .map(p -> new FieldError(p.getKey(), why)).toList();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri, HttpServerRequest request) {
        if (request.response().ended()) {
            // The web server has answered already, and closes the connection: a body sent in chunks that grew
            // over quarkus.http.limits.max-body-size while it was read gets its 413 there, then this exception.
            LOG.debugf("After the web server's answer %d on %s: %s", request.response().getStatusCode(), path(uri), e);
            return null;
        }
        if (clientLeft(e)) {
            // The connection closed while the request was read (a phone that lost its network halfway through a
            // form): nothing was done, and there is nobody to answer. It was logged as an error, with its trace.
            LOG.debugf("The client left during %s: %s", path(uri), e);
            return null;
        }
        return unexpected(e, uri);
    }

    /** The client's connection closed under the request, wherever that sits in the chain of causes. */
    private static boolean clientLeft(Throwable e) {
        return causes(e).anyMatch(io.vertx.core.http.HttpClosedException.class::isInstance);
    }

    /** {@code e} and its causes, the outermost first. */
    static java.util.stream.Stream<Throwable> causes(Throwable e) {
        return java.util.stream.Stream.iterate(e, t -> t != null, t -> t.getCause() == t ? null : t.getCause());
    }

    /** A failure, its causes and the exceptions suppressed along the way, where SmallRye Config and a failed commit put their reasons. */
    static java.util.stream.Stream<Throwable> everyCause(Throwable t) {
        return causes(t).flatMap(c -> java.util.stream.Stream.concat(java.util.stream.Stream.of(c),
                java.util.Arrays.stream(c.getSuppressed()).flatMap(ErrorMappers::everyCause)));
    }

    /** An exception no other mapper knows: a 503 if the database is out of reach, else a 500, logged. */
    Response unexpected(Exception e, UriInfo uri) {
        if (e.getClass() == RuntimeException.class && String.valueOf(e.getMessage()).startsWith("Param limit of ")) {
            return tooLarge(uri); // RESTEasy's form reader, over quarkus.http.limits.max-parameters
        }
        if (e instanceof IllegalArgumentException && String.valueOf(e.getMessage()).startsWith("Failed to decode URL ")) {
            // RESTEasy's form reader, on a % not followed by two hexadecimal digits (a script's, not a browser's)
            return answer(uri, 400, Messages.get("problem_unreadable_form"), null);
        }
        if (e instanceof IllegalArgumentException && String.valueOf(e.getMessage()).contains("escape sequence")) {
            // RESTEasy decoding an address a second time, behind a matrix parameter: "/editions/%25;x=1"
            // ("invalid escape sequence", or "unterminated escape sequence" when the % comes last)
            return answer(uri, 400, Messages.get("problem_unreadable_address"), null);
        }
        if (DiskRoom.exhausted(e)) {
            return diskFull(new DiskRoom.Full(), uri);
        }
        if (databaseUnavailable(e)) {
            logOutage(uri, e);
            return build(uri, 503, Messages.get("problem_unavailable"), null).header(HttpHeaders.RETRY_AFTER, "5")
                    .build();
        }
        String refusal = refusal(e);
        if (refusal != null) { // a rule should have said why first: nothing was saved, and the log says where
            LOG.warnf("The database refused a change on %s, which no rule caught: %s", path(uri), e);
            return conflict(new ConflictException(refusal), uri);
        }
        if (causes(e).anyMatch(t -> t instanceof org.hibernate.StaleStateException)) {
            // Its row was gone when the change was written: another request (an organiser deleting what another is
            // saving) deleted it after this one read it. Nothing was saved; nothing is wrong with the service.
            LOG.infof("Deleted by another request while %s changed it: %s", path(uri), e);
            return conflict(new ConflictException("conflict_deleted_meanwhile"), uri);
        }
        LOG.error("Unexpected error on " + path(uri), e);
        return answer(uri, 500, Messages.get("problem_internal"), null);
    }

    private static void logOutage(UriInfo uri, Throwable e) {
        OUTAGE_ANSWERS.incrementAndGet();
        long now = System.nanoTime();
        long last = OUTAGE_LOGGED.get();
        if (now - last >= OUTAGE_LOG_EVERY && OUTAGE_LOGGED.compareAndSet(last, now)) {
            Throwable root = causes(e).reduce((outer, inner) -> inner).orElse(e);
            LOG.warnf("The database was unavailable (%d request(s) answered 503 since the last such line; this one %s): %s",
                    OUTAGE_ANSWERS.getAndSet(0), path(uri), root);
        }
    }

    /**
     * The database could not be reached (stopped, restarting, a connection broken, none free in time) or a
     * lock not had in time: the transaction was rolled back, and the same request a moment later
     * will do. Wherever it sits in the chain of causes (the admissions' thread, CDI and Hibernate
     * each wrap it).
     */
    static boolean databaseUnavailable(Throwable e) {
        return causes(e).anyMatch(t -> t instanceof org.hibernate.exception.JDBCConnectionException
                || t instanceof org.hibernate.exception.LockTimeoutException
                || t instanceof jakarta.persistence.LockTimeoutException
                || t instanceof java.sql.SQLTransientConnectionException
                || t instanceof java.sql.SQLNonTransientConnectionException
                || t instanceof java.sql.SQLRecoverableException
                || t instanceof java.sql.SQLException sql && unavailable(sql.getSQLState()));
    }

    /** SQL states: a connection failure (08…), a server shutting down or starting (57P…), no connection slot left. */
    private static boolean unavailable(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P") || state.equals("53300"));
    }

    private Response malformed(JsonProcessingException e, UriInfo uri) {
        List<FieldError> errors = null;
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                    .collect(Collectors.joining("."));
            errors = List.of(new FieldError(field, e instanceof PropertyBindingException unknown
                    && unknown.getKnownPropertyIds() != null
                            ? Messages.get("error_unknown_field", unknown.getKnownPropertyIds().stream()
                                    .map(String::valueOf).collect(Collectors.joining(", ")))
                            : wanted(e)));
        }
        return answer(uri, 400, Messages.get("problem_malformed_detail"), errors);
    }

    /**
     * What a field sent a value it cannot take asks for: a date, a time or a whole number in the words the pages use
     * ("Une date au format AAAA-MM-JJ.", "Un nombre entier." for a fraction or a word), a text in JSON's ("Un texte,
     * entre guillemets." for a list or an object). Where a list, a yes or no or a length goes (the pages' words for a
     * length write 2,5 where JSON writes 2.5), the value is "of an unexpected type".
     */
    private static String wanted(JsonProcessingException e) {
        Class<?> type = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        String key = type == java.time.LocalDate.class ? "error_date"
                : type == java.time.LocalTime.class ? "error_time"
                : type == Integer.class || type == int.class || type == Long.class || type == long.class ? "error_number"
                : type == String.class ? "error_text"
                : "error_wrong_type";
        return Messages.get(key);
    }

    private Response signIn(UriInfo uri) {
        if (isApi(uri)) {
            return build(uri, 401, Messages.get("problem_status_401"), null)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Relais\", charset=\"UTF-8\"").build();
        }
        // A failed sign-in reaches this mapper too (lazy authentication): say so on the form.
        if (path(uri).endsWith("/j_security_check")) {
            return Response.seeOther(URI.create("/login-error")).build();
        }
        boolean form = sendsAForm(uri);
        Response.ResponseBuilder login = Response.seeOther(URI.create(form ? "/login?after=form" : "/login"));
        URI back = readsAPage(uri) ? uri.getRequestUri() : form ? formsPage(uri) : null;
        if (back != null) {
            // Once signed in, back to the page asked for (a link, a bookmark, a tab whose sign-in ended) or to the page
            // of the form sent, not the editions' list: Quarkus's sign-in reads this cookie, checks that it names this
            // site, and clears it. Written as Quarkus writes it (a bare value; a cookie's value cannot hold ',' or ';').
            login.header(HttpHeaders.SET_COOKIE, io.vertx.core.http.Cookie.cookie(locationCookie,
                    back.toString().replace(",", "%2C").replace(";", "%3B")).setPath("/").setHttpOnly(true)
                    .setSecure("https".equals(back.getScheme())).setSameSite(io.vertx.core.http.CookieSameSite.LAX).encode());
        }
        return login.build();
    }

    /**
     * A screen's script posting to its page's address (a room door's scan or let-in) asks for JSON: it reads a
     * problem, where a browser opening a page (which accepts HTML) reads a page.
     */
    private boolean scriptAsksForJson() {
        io.vertx.ext.web.RoutingContext rc = current.getCurrent();
        String accept = rc == null ? null : rc.request().getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("json") && !accept.contains("text/html");
    }

    /**
     * The page a form was sent from, as its browser names it ({@code Referer}), when it is on this site: Quarkus
     * refuses a sign-in whose way back leads elsewhere.
     */
    private URI formsPage(UriInfo uri) {
        io.vertx.ext.web.RoutingContext rc = current.getCurrent();
        String referer = rc == null ? null : rc.request().getHeader("Referer");
        try {
            URI page = referer == null ? null : new URI(referer);
            URI here = uri.getRequestUri();
            return page != null && here.getScheme().equals(page.getScheme()) && java.util.Objects.equals(here.getRawAuthority(),
                    page.getRawAuthority()) ? page : null;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    /** A browser sending a page's form: a POST outside the API, not a screen's script asking for JSON. */
    private boolean sendsAForm(UriInfo uri) {
        io.vertx.ext.web.RoutingContext rc = current.getCurrent();
        return rc != null && rc.request().method() == io.vertx.core.http.HttpMethod.POST && !isApi(uri) && !scriptAsksForJson();
    }

    /** A browser opening an address as a page: a GET (or HEAD) outside the API, not a screen's script asking for JSON. */
    private boolean readsAPage(UriInfo uri) {
        io.vertx.ext.web.RoutingContext rc = current.getCurrent();
        String method = rc == null ? null : rc.request().method().name();
        return ("GET".equals(method) || "HEAD".equals(method)) && !isApi(uri) && !scriptAsksForJson();
    }

    /** The request's path, decoded; as sent where it does not decode (a % that escapes nothing, behind a matrix parameter). */
    static String path(UriInfo uri) {
        try {
            return uri.getPath();
        } catch (IllegalArgumentException undecodable) {
            return uri.getRequestUri().getRawPath();
        }
    }

    static boolean isApi(UriInfo uri) {
        return isApi(path(uri));
    }

    /** Whether {@code path} (decoded or as sent) is the JSON API's, which answers problems, not pages. */
    static boolean isApi(String path) {
        return path != null && (path.startsWith("/api/") || path.equals("/api"));
    }

    private Response answer(UriInfo uri, int status, String detail, List<FieldError> errors) {
        return build(uri, status, detail, errors).build();
    }

    private Response.ResponseBuilder build(UriInfo uri, int status, String detail, List<FieldError> errors) {
        return build(uri, status, Problem.NO_TYPE, detail, errors, null, null);
    }

    /**
     * The answer, a problem or a page, of a {@code type} a screen's script can tell ({@link Problem#NO_TYPE} for none;
     * a page carries it too). A page's {@code heading} says what happened where the status's name would not, and
     * {@code again} is a page to open again, linked in place of "go back"; null for neither.
     */
    private Response.ResponseBuilder build(UriInfo uri, int status, String type, String detail, List<FieldError> errors,
            String heading, String again) {
        String title = title(status);
        if (isApi(uri) || scriptAsksForJson()) {
            return Response.status(status).type(Problem.MEDIA_TYPE)
                    .entity(new Problem(type, title, status, detail, path(uri), errors));
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.page(status, Problem.NO_TYPE.equals(type) ? null : type, heading != null ? heading : title,
                        detail, errors == null ? List.of() : errors, home(path(uri)), again));
    }

    /** A form or body too large to read: a page says so in words, and that nothing was saved. */
    private Response tooLarge(UriInfo uri) {
        return answer(uri, 413, isApi(uri) ? title(413) : Messages.get("problem_too_large"), null);
    }

    /** The status's name, or a general one for a status no message names. */
    private static String title(int status) {
        String key = "problem_status_" + status;
        String title = Messages.get(key);
        return title.equals(key) ? Messages.get("problem_status_other", status) : title;
    }

    /** The home of whoever is on that page: the organisers', the door's, a stand's, or the public one. */
    static String home(String path) {
        for (String area : List.of("/organiser", "/door", "/stand")) {
            if (path.equals(area) || path.startsWith(area + "/")) {
                return area;
            }
        }
        return "/";
    }
}
