package org.relais;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A signed-in organiser's browser, as plain HTTP: cookies, and the CSRF token every form carries. */
public final class Pages {

    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");
    private final Map<String, String> cookies = new HashMap<>();

    private Pages() {
    }

    /** A visitor who has not signed in. */
    public static Pages anonymous() {
        return new Pages();
    }

    public static Pages signIn() {
        Pages pages = new Pages();
        Response login = given().redirects().follow(false).formParam("j_username", Api.ORGANISER)
                .formParam("j_password", Api.PASSWORD).post("/j_security_check");
        pages.cookies.putAll(login.getCookies());
        if (!pages.cookies.containsKey("relais-session")) {
            throw new IllegalStateException("sign-in failed: " + login.statusCode());
        }
        return pages;
    }

    public RequestSpecification request() {
        return given().redirects().follow(false).cookies(cookies).header("Accept-Language", "fr");
    }

    /** The page {@code path} leads to, following the redirects a browser follows. */
    public Response pageOf(String path) {
        Response response = get(path);
        for (int hops = 0; response.statusCode() == 303 && hops < 5; hops++) {
            URI next = URI.create(response.getHeader("Location"));
            response = get(next.getRawPath() + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery()));
        }
        return response;
    }

    public Response get(String path) {
        Response response = request().get(path);
        cookies.putAll(response.getCookies());
        return response;
    }

    /**
     * Submits a form the way a browser does after opening the page it is on: its address opened as a
     * page leads there (or is that page).
     */
    public Response form(String path, Map<String, String> fields) {
        return formOpenedOn(path, path, fields);
    }

    /**
     * Submits to {@code path} a form whose token came from the page {@code opened}: a tab opened while the form was
     * there, sent once the page would no longer show it.
     */
    public Response formOpenedOn(String opened, String path, Map<String, String> fields) {
        return formWithToken(tokenOf(opened), path, fields); // the token first: opening the page may set the cookies it needs
    }

    /** Submits to {@code path} a form with a token read before: a tab left open while things changed elsewhere. */
    public Response formWithToken(String token, String path, Map<String, String> fields) {
        RequestSpecification request = request().formParam("csrf-token", token);
        fields.forEach(request::formParam);
        Response response = request.post(path);
        cookies.putAll(response.getCookies());
        return response;
    }

    /**
     * Submits {@code encoded}, a form's body as a client wrote it ({@link #encoded}), after the form's own token,
     * in UTF-8 as a browser sends it ({@link #form} sends what ISO-8859-1 holds).
     */
    public Response rawForm(String path, String encoded) {
        String token = tokenOf(path);
        Response response = request().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .body("csrf-token=" + token + "&" + encoded).post(path);
        cookies.putAll(response.getCookies());
        return response;
    }

    /** How many times {@code words} stand in a page: a sentence said once, not twice. */
    public static int count(String page, String words) {
        return page.split(java.util.regex.Pattern.quote(words), -1).length - 1;
    }

    /** A value as a browser writes it in a form's body, for {@link #rawForm}. */
    public static String encoded(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The form token of the page {@code path} as it opens now, for a form sent later with {@link #formWithToken}. */
    public String tokenOf(String path) {
        Matcher token = TOKEN.matcher(pageOf(path).asString());
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token on " + path);
        }
        return token.group(1);
    }
}
