package org.relais;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
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

    public Response get(String path) {
        Response response = request().get(path);
        cookies.putAll(response.getCookies());
        return response;
    }

    /** Submits a form the way a browser does after opening the page it is on. */
    public Response form(String path, Map<String, String> fields) {
        String page = path.equals("/logout") ? "/organiser/editions"
                : path.matches("/editions/\\d+/(register|resend)") ? path.replaceAll("/(register|resend)$", "")
                : path.matches("/r/[\\w-]+/(sessions|details|cancel)") ? path.replaceAll("/(sessions|details|cancel)$", "")
                : path.matches(".*/bookings/\\d+/[\\w-]+") ? "/organiser/editions"
                : path.matches(".*/badge-holders(/\\d+/(delete|clear-arrival))?") ? path.replaceAll("/badge-holders.*$", "/badges")
                : path.matches("/organiser/.*/door/(leads|access.*)") ? path.replaceAll("/door/.*$", "/door")
                : path.matches("/door/editions/\\d+/(scan|undo)") ? path.replaceAll("/(scan|undo)$", "")
                : path.matches("/door/editions/\\d+/sessions/\\d+/door-scan") ? path.replaceAll("/\\d+/door-scan$", "")
                : path.matches("/door/editions/\\d+/sessions/\\d+/(scan|give-seat|undo|let-in)") ? path.replaceAll("/(scan|give-seat|undo|let-in)$", "")
                : path.matches("/stand/.*/leads") ? path.replaceAll("/leads$", "")
                : path.replaceAll("/(delete|status|guests|erase|link|cancel|clear-arrival)$", "").replaceAll("(/registrations/\\d+)/sessions$", "$1");
        String html = get(page).asString(); // the page the form is on
        Matcher token = TOKEN.matcher(html);
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token on " + path);
        }
        RequestSpecification request = request().formParam("csrf-token", token.group(1));
        fields.forEach(request::formParam);
        Response response = request.post(path);
        cookies.putAll(response.getCookies());
        return response;
    }
}
