package org.relais;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a careless or hostile client sends gets a clear problem+json answer, and nothing saved is lost. */
@QuarkusTest
class BadInputTest {

    @Test
    void aHugeTitleIsRefusedByName() {
        long edition = Api.edition("2030-02-06");
        Api.organiser().body(Map.of("number", Api.uniqueNumber(), "title", "x".repeat(12_000), "days", List.of()))
                .put("/api/v1/editions/" + edition)
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("title")).body("status", equalTo(422)).body("title", not(equalTo(null)));
        given().get("/api/v1/editions/" + edition).then().body("title", equalTo("Forum 2030-02-06"));
    }

    @Test
    void daysSentAsNullAreNoDaysOnAChangeAsOnACreation() {
        long edition = Api.edition("2030-02-06");
        // It was a 500 on a change: the checks read null as no days, the update did not.
        Map<String, Object> noDays = new java.util.HashMap<>(Map.of("number", Api.uniqueNumber(), "title", "Sans jours"));
        noDays.put("days", null);
        Api.organiser().body(noDays).put("/api/v1/editions/" + edition).then().statusCode(200).body("days.size()", equalTo(0));
        noDays.put("number", Api.uniqueNumber());
        Api.organiser().body(noDays).post("/api/v1/editions").then().statusCode(201).body("days.size()", equalTo(0));
    }

    @Test
    void aFilterNamingNothingOfTheEditionIsNamedNotAnEmptyList() {
        long edition = Api.openEdition();
        Api.register(edition, Api.relay("Filtrée", "filter-" + System.nanoTime() + "@example.org", List.of()));
        String list = "/api/v1/editions/" + edition + "/registrations";
        // An unknown status read as "none of them": the client took it for an empty edition.
        Api.organiser().get(list + "?status=zz&sector=nowhere&role=astronaut&sessionId=987654").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("status", "sector", "role", "sessionId"));
        Api.organiser().get(list + "?status=confirmed&sector=french-language").then().statusCode(200).body("size()", equalTo(1));
        // the page shows the list without that filter, the field marked
        Pages.signIn().get("/organiser/editions/" + edition + "/registrations?status=zz").then().statusCode(422)
                .body(containsString("Filtrée")).body(containsString("<small class=\"error\" id=\"e-status\">"));
    }

    /**
     * Positions typed on the plan's page past the hall's edge are marked on their field, and a stand
     * number no stand has is not found: both were 500s (a column too narrow, a number too long).
     */
    @Test
    void positionsBeyondTheHallAreMarkedNotAnError() {
        long edition = Api.edition("2030-02-06");
        long hall = Api.space(edition, "Agora", "HALL", null);
        long stand = Api.organiser().body(Map.of("institutionId", Api.institution("Bord"), "spaceId", hall, "xM", 1, "yM", 1))
                .post("/api/v1/editions/" + edition + "/stands").then().statusCode(201).extract().jsonPath().getLong("id");
        Pages pages = Pages.signIn();
        String plan = "/organiser/editions/" + edition + "/floorplan?spaceId=" + hall;
        String positions = "/organiser/editions/" + edition + "/floorplan/positions";
        String token = pages.get(plan).then().statusCode(200).extract().asString()
                .replaceAll("(?s).*name=\"csrf-token\" value=\"([^\"]+)\".*", "$1");
        for (String[] xy : new String[][] {{"99999999999999999999", "1"}, {"1", "1e308"}, {"20.5", "1"}, {"-1", "1"}}) {
            String field = xy[0].equals("1") ? "y-" + stand : "x-" + stand;
            pages.request().formParam("csrf-token", token).formParam("spaceId", String.valueOf(hall))
                    .formParam("stand", String.valueOf(stand)).formParam("x-" + stand, xy[0]).formParam("y-" + stand, xy[1])
                    .post(positions).then().statusCode(422)
                    .body(containsString("<small class=\"error\" id=\"e-" + field + "\">Le stand dépasse des limites de «\u00a0Agora\u00a0»."))
                    .body(containsString("value=\"" + xy[0] + "\""))
                    .body(containsString("aria-invalid=\"true\" aria-describedby=\"e-" + field + "\""));
        }
        pages.request().formParam("csrf-token", token).formParam("spaceId", String.valueOf(hall))
                .formParam("stand", "99999999999999999999").post(positions).then().statusCode(404);
        given().get("/api/v1/editions/" + edition + "/stands/" + stand).then().body("xM", equalTo(1)).body("yM", equalTo(1));
    }

    /** A space has both its width and depth, or neither: the plan and the lists have nothing to draw with one. */
    @Test
    void aSpaceWithOneSideOnlyIsRefused() {
        long edition = Api.edition("2030-02-06");
        Map<String, Object> space = new java.util.HashMap<>(Map.of("name", "Salle", "kind", "ROOM", "widthM", 12));
        Api.organiser().body(space).post("/api/v1/editions/" + edition + "/spaces").then().statusCode(422)
                .body("errors.field", equalTo(List.of("depthM")));
        space.put("depthM", 8);
        space.remove("widthM");
        Api.organiser().body(space).post("/api/v1/editions/" + edition + "/spaces").then().statusCode(422)
                .body("errors.field", equalTo(List.of("widthM")));
        // One kept from before this rule: the list shows no size rather than failing.
        long kept = Api.space(edition, "Salle d’avant", "ROOM", 20);
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .run(() -> org.relais.venue.Space.update("depthM = null where id = ?1", kept));
        Pages.signIn().get("/organiser/editions/" + edition + "/spaces").then().statusCode(200)
                .body(containsString("Salle d’avant</a></td>"));
    }

    /** A value of the address's query that is not of its parameter's type is named; RESTEasy alone answered 404. */
    @Test
    void aQueryValueOfTheWrongTypeIsNamedNotANotFound() {
        long edition = Api.openEdition();
        for (String value : List.of("abc", "99999999999999999999")) {
            Api.organiser().get("/api/v1/editions/" + edition + "/floorplan/problems?spaceId=" + value).then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("spaceId")).body("errors[0].message", equalTo("Un nombre entier."));
        }
        // a path's value that names nothing is still not found
        Api.organiser().get("/api/v1/editions/abc?spaceId=1").then().statusCode(404).contentType("application/problem+json");
        Pages.signIn().get("/organiser/editions/" + edition + "/floorplan?spaceId=x1").then().statusCode(422)
                .body(containsString("<li><strong>spaceId</strong> : Un nombre entier.</li>"));
    }

    /** A search of 10,000 characters, in the address: answered as a search, not refused by the web server with an empty 414. */
    @Test
    void aSearchOfTenThousandCharactersIsAnswered() {
        long edition = Api.openEdition();
        String name = "Longue" + "é".repeat(30);
        Map<String, Object> relay = Api.relay("Zoé", "long-q-" + System.nanoTime() + "@example.org", List.of());
        relay.put("lastName", name);
        Api.register(edition, relay);
        String q = "é".repeat(10_000);
        Api.organiser().queryParam("q", q).get("/api/v1/editions/" + edition + "/registrations").then().statusCode(200)
                .body("size()", equalTo(0));
        Api.organiser().queryParam("q", "longue" + "e".repeat(10_000)).get("/api/v1/editions/" + edition + "/checkins/search")
                .then().statusCode(200).contentType(containsString("json"));
        Api.organiser().queryParam("q", q).get("/api/v1/editions/" + edition + "/registrations/nothing").then().statusCode(404)
                .contentType("application/problem+json");
        Pages.signIn().get("/organiser/editions/" + edition + "/registrations?q=" + "x".repeat(10_000)).then().statusCode(200)
                .body(containsString("Aucune inscription."));
    }

    @Test
    void aBodyOverTheLimitIsRefusedInWordsBeforeItIsRead() throws Exception {
        long edition = Api.openEdition();
        // 20 MB announced, a few bytes sent: the answer comes without the rest being read.
        String answer = rawPost("/api/v1/editions/" + edition + "/registrations", 20_000_000, "en");
        org.junit.jupiter.api.Assertions.assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        org.junit.jupiter.api.Assertions.assertTrue(answer.contains("application/problem+json"), answer);
        org.junit.jupiter.api.Assertions.assertTrue(answer.contains("\"title\":\"Request too large\""), answer);
        org.junit.jupiter.api.Assertions.assertTrue(answer.contains("larger than 10 MB"), answer);
        org.junit.jupiter.api.Assertions.assertTrue(answer.contains("\"instance\":\"/api/v1/editions/" + edition + "/registrations\""), answer);
        org.junit.jupiter.api.Assertions.assertTrue(rawPost("/api/v1/editions/" + edition + "/registrations", 20_000_000, "fr")
                .contains("Envoi trop volumineux"));
        // Under the limit, the body is read and judged as ever.
        String judged = rawPost("/api/v1/editions/" + edition + "/registrations", 2, "en");
        org.junit.jupiter.api.Assertions.assertTrue(judged.startsWith("HTTP/1.1 422") && judged.contains("consent"), judged);
        Api.organiser().get("/api/v1/editions/" + edition + "/registrations").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void aBodySentInChunksPastTheLimitIsCutOffWithoutAnErrorInTheLog() throws Exception {
        long edition = Api.openEdition();
        List<java.util.logging.LogRecord> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        // no length announced: the web server counts as it reads, answers 413 past 10 MB and closes
        String answer = watchingTheLog(errors, () -> chunkedPost("/api/v1/editions/" + edition + "/registrations", 11));
        org.junit.jupiter.api.Assertions.assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), errors.stream()
                .map(r -> r.getLoggerName() + ": " + r.getMessage()).toList(), "nothing unexpected happened");
        Api.register(edition, Api.relay("Après", "after-chunks-" + System.nanoTime() + "@example.org", List.of()));
    }

    @Test
    void aRequestWithoutAReadableHostGetsAnAnswerInWordsAndNoErrorInTheLog() throws Exception {
        // HTTP/1.1 needs a Host header: the router refused such a request with Quarkus's JSON error id, and
        // logged an ERROR for each, a client's mistake anyone can repeat.
        List<java.util.logging.LogRecord> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        String api = watchingTheLog(errors, () -> rawRequest("GET /api/v1/editions HTTP/1.1\r\nAccept-Language: en\r\n"));
        assertTrue(api.startsWith("HTTP/1.1 400") && api.contains("application/problem+json"), api);
        assertTrue(api.contains("\"detail\":\"The request could not be read: its Host header is missing or names no address.\""), api);
        assertTrue(api.contains("\"instance\":\"/api/v1/editions\""), api);
        String page = watchingTheLog(errors, () -> rawRequest("GET /editions HTTP/1.1\r\nHost: a b\r\n"));
        assertTrue(page.startsWith("HTTP/1.1 400") && page.contains("text/plain"), page);
        assertTrue(page.contains("La requête n’a pas pu être lue\u00a0: son en-tête Host manque"), page);
        assertEquals(List.of(), errors.stream().map(r -> r.getLoggerName() + ": " + r.getMessage()).toList());
        // A request with its Host is served as ever.
        assertTrue(rawRequest("GET /api/v1/editions HTTP/1.1\r\nHost: localhost\r\n").startsWith("HTTP/1.1 200"));
    }

    @Test
    void anHttp10RequestWithoutAHostIsRefusedInWordsRatherThanHalfServed() throws Exception {
        // HTTP/1.0 lets a request go without a Host, but the address every answer is built from then has none: a
        // method the address does not answer was a 500 with Quarkus's error id, a redirect said "http:/organiser/…".
        List<java.util.logging.LogRecord> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        String api = watchingTheLog(errors, () -> rawRequest("PUT /api/v1/editions HTTP/1.0\r\nAccept-Language: en\r\n"));
        assertTrue(api.startsWith("HTTP/1.0 400") && api.contains("application/problem+json"), api);
        assertTrue(api.contains("its Host header is missing or names no address"), api);
        String page = watchingTheLog(errors, () -> rawRequest("GET /organiser HTTP/1.0\r\n"));
        assertTrue(page.startsWith("HTTP/1.0 400") && page.contains("son en-tête Host manque"), page);
        assertEquals(List.of(), errors.stream().map(r -> r.getLoggerName() + ": " + r.getMessage()).toList());
        // With its Host, an HTTP/1.0 request is served.
        assertTrue(rawRequest("GET /api/v1/editions HTTP/1.0\r\nHost: localhost\r\n").startsWith("HTTP/1.0 200"));
    }

    @Test
    void aWholeAddressSentWithAnIpv6HostIsAnsweredAsAnyOther() throws Exception {
        long open = Api.openEdition();
        // The address RESTEasy builds from such a request does not read ("http://[::1]http://…"): the filters that
        // read it failed with a 500. They read the path as sent.
        String form = rawRequest("POST http://relais.example/editions/" + open + "/register HTTP/1.1\r\nHost: [::1]\r\n");
        assertTrue(form.startsWith("HTTP/1.1 400") && form.contains("Formulaire non vérifié"), form);
        String options = rawRequest("OPTIONS http://relais.example/api/v1/editions HTTP/1.1\r\nHost: [::1]\r\n");
        assertTrue(options.startsWith("HTTP/1.1 200") && options.contains("Allow: GET, HEAD, OPTIONS, POST"), options);
        String put = rawRequest("PUT http://relais.example/api/v1/editions HTTP/1.1\r\nHost: [::1]\r\n");
        assertTrue(put.startsWith("HTTP/1.1 405") && put.contains("application/problem+json"), put);
    }

    @Test
    void theBadgesPageAskedByAWholeAddressAfterAnIpv6HostIsShown() throws Exception {
        long open = Api.openEdition();
        // The badges page carried its query from the address RESTEasy builds, which does not read here: a 500.
        String session = given().redirects().follow(false).formParam("j_username", Api.ORGANISER)
                .formParam("j_password", Api.PASSWORD).post("/j_security_check").getCookie("relais-session");
        String page = rawRequest("GET http://relais.example/organiser/editions/" + open + "/badges?layout=a6 HTTP/1.1\r\n"
                + "Host: [::1]\r\nCookie: relais-session=" + session + "\r\n");
        assertTrue(page.startsWith("HTTP/1.1 200") && page.contains("badges.pdf?layout=a6"), page);
    }

    @Test
    void aFormWhoseSenderLeavesHalfwayChangesNothingAndLogsNoError() throws Exception {
        long open = Api.openEdition();
        // A phone that loses its network halfway through sending a registration: the connection closes while the
        // form is read. Nothing is done, nobody is there to answer; it was logged as an ERROR with its trace.
        List<java.util.logging.LogRecord> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.net.URI base = java.net.URI.create(io.restassured.RestAssured.baseURI);
        watchingTheLog(errors, () -> {
            try (java.net.Socket socket = new java.net.Socket(base.getHost(), io.restassured.RestAssured.port)) {
                socket.getOutputStream().write(("POST /editions/" + open + "/register HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 400\r\n\r\nfirstName=L%C3%A9a")
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                Thread.sleep(300); // the server is reading the form
            }
            return "";
        });
        assertEquals(List.of(), errors.stream().map(r -> r.getLoggerName() + ": " + r.getMessage()).toList());
        Api.organiser().get("/api/v1/editions/" + open + "/registrations").then().body("size()", equalTo(0));
    }

    /** Sends {@code head} (a request line and headers, each ending in CRLF) and reads the whole answer. */
    private static String rawRequest(String head) throws java.io.IOException {
        java.net.URI base = java.net.URI.create(io.restassured.RestAssured.baseURI);
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((head + "Connection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return answer(socket);
        }
    }

    /**
     * What {@code request} answers, while each ERROR (SEVERE) the server logs, until half a second after the
     * answer, goes to {@code errors}.
     */
    private static String watchingTheLog(List<java.util.logging.LogRecord> errors, java.util.concurrent.Callable<String> request)
            throws Exception {
        java.util.logging.Handler watch = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                if (record.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()) {
                    errors.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger.getLogger("").addHandler(watch);
        try {
            String answer = request.call();
            Thread.sleep(500); // what the server logs after it answered
            return answer;
        } finally {
            java.util.logging.Logger.getLogger("").removeHandler(watch);
        }
    }

    /** Sends a JSON body of {@code megabytes} MB in chunks of 1 MB, and reads what comes back before the socket closes. */
    private static String chunkedPost(String path, int megabytes) throws java.io.IOException {
        java.net.URI base = java.net.URI.create(io.restassured.RestAssured.baseURI);
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            java.io.OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n6\r\n{\"a\":\"\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] chunk = ("100000\r\n" + "a".repeat(1 << 20) + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            try {
                for (int i = 0; i < megabytes; i++) {
                    out.write(chunk);
                }
                out.write("2\r\n\"}\r\n0\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                out.flush();
            } catch (java.net.SocketException e) {
                // the server closed the connection on the way: its answer is already there to read
            }
            return answer(socket);
        }
    }

    /** Announces a body of {@code length} bytes, sends "{}" only, and reads what comes back before the socket closes. */
    private static String rawPost(String path, long length, String language) throws java.io.IOException {
        java.net.URI base = java.net.URI.create(io.restassured.RestAssured.baseURI);
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Accept-Language: " + language + "\r\nConnection: close\r\nContent-Length: " + length + "\r\n\r\n{}")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return answer(socket);
        }
    }

    /** What comes back before the socket closes, times out or is reset after the answer. */
    private static String answer(java.net.Socket socket) throws java.io.IOException {
        java.io.ByteArrayOutputStream read = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = socket.getInputStream().read(buffer)) > 0;) {
                read.write(buffer, 0, n);
            }
        } catch (java.net.SocketException | java.net.SocketTimeoutException e) {
            // what came is the answer
        }
        return read.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void malformedJsonIsA400WithoutATrace() {
        Api.organiser().body("{\"number\": 3, ").post("/api/v1/editions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", not(containsString("at "))).body(not(containsString("Exception")));
        Api.organiser().body("{\"number\": \"trois\"}").post("/api/v1/editions")
                .then().statusCode(400).body("errors[0].field", equalTo("number"))
                .body("errors[0].message", equalTo("Un nombre entier."));
        Api.organiser().body("{\"days\": [{\"date\": \"2030-13-45\"}]}").post("/api/v1/editions")
                .then().statusCode(400).body("errors[0].field", equalTo("days.0.date"))
                .body("errors[0].message", equalTo("Une date au format AAAA-MM-JJ."));
        Api.organiser().header("Accept-Language", "en").body("{\"days\": [{\"opensAt\": \"25:99\"}]}").post("/api/v1/editions")
                .then().statusCode(400).body("errors[0].field", equalTo("days.0.opensAt"))
                .body("errors[0].message", equalTo("A time as HH:MM."));
        Api.organiser().post("/api/v1/editions").then().statusCode(400).contentType("application/problem+json");
        Map<String, Object> relay = Api.relay("R", "needs-" + System.nanoTime() + "@example.org", List.of());
        relay.put("accessibilityNeeds", 7);
        given().contentType(ContentType.JSON).body(relay).post("/api/v1/editions/" + Api.openEdition() + "/registrations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("accessibilityNeeds")).body(not(containsString("Exception")));
        // A list or an object where a text goes says what the field takes, as a date's or a number's does.
        for (Object notText : List.of(List.of("Awa"), Map.of("first", "Awa"))) {
            relay.put("accessibilityNeeds", null);
            relay.put("firstName", notText);
            given().contentType(ContentType.JSON).body(relay).post("/api/v1/editions/" + Api.openEdition() + "/registrations")
                    .then().statusCode(400).body("errors[0].field", equalTo("firstName"))
                    .body("errors[0].message", equalTo("Un texte, entre guillemets."));
        }
        Api.organiser().header("Accept-Language", "en").body(Map.of("number", 3, "title", List.of())).post("/api/v1/editions")
                .then().statusCode(400).body("errors[0].field", equalTo("title")).body("errors[0].message", equalTo("A text, in quotes."));
    }

    /** A length typed as no number said "Un nombre entier", though 2,5 is one. */
    @Test
    void aLengthThatIsNoNumberAsksForANumberNotAWholeOne() {
        long edition = Api.edition("2031-07-06");
        Pages.signIn().form("/organiser/editions/" + edition + "/spaces", Map.of("name", "Salle", "kind", "ROOM",
                        "widthM", "douze", "depthM", "8,5")).then().statusCode(422)
                .body(containsString("id=\"e-widthM\">Un nombre, par exemple 2,5.</small>"))
                .body(not(containsString("id=\"e-depthM\"")));
    }

    /** A fraction where a whole number is asked for was cut to its whole part: 1.5 gave institution 1 a stand. */
    @Test
    void aFractionWhereAWholeNumberIsAskedForIsRefusedByName() {
        long edition = Api.edition("2031-07-05");
        long institution = Api.institution("Entier");
        Api.organiser().body(Map.of("institutionId", institution + 0.5)).post("/api/v1/editions/" + edition + "/stands")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("institutionId"))
                .body(not(containsString("Exception")));
        Api.organiser().body(Map.of("institutionId", institution, "number", 2.5)).post("/api/v1/editions/" + edition + "/stands")
                .then().statusCode(400).body("errors[0].field", equalTo("number"));
        Api.organiser().get("/api/v1/editions/" + edition + "/stands").then().body("size()", equalTo(0));
        Api.organiser().body(Map.of("institutionId", institution, "number", 2)).post("/api/v1/editions/" + edition + "/stands")
                .then().statusCode(201).body("number", equalTo(2));
    }

    @Test
    void negativeSizesAndUnknownIdsAreNamed() {
        long edition = Api.edition("2030-02-06");
        Api.organiser().body(Map.of("name", "Salle", "kind", "ROOM", "widthM", -3, "seats", -1))
                .post("/api/v1/editions/" + edition + "/spaces")
                .then().statusCode(422).body("errors.field", org.hamcrest.Matchers.hasItems("widthM", "seats"));
        Api.organiser().body(Map.of("institutionId", 987654)).post("/api/v1/editions/" + edition + "/stands")
                .then().statusCode(422).body("errors[0].field", equalTo("institutionId"));
        given().get("/api/v1/editions/987654/sessions").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/editions/" + edition + "/sessions/987654").then().statusCode(404);
        given().get("/api/v1/editions/abc").then().statusCode(404);
        given().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void hostileTextIsStoredAsPlainText() {
        String hostile = "<script>alert('x')</script> \"; DROP TABLE edition; --";
        long edition = Api.edition("2030-02-06");
        long id = Api.organiser().body(Map.of("kind", "TALK", "title", hostile, "day", "2030-02-06",
                        "startsAt", "10:00", "endsAt", "11:00"))
                .post("/api/v1/editions/" + edition + "/sessions").then().statusCode(201).extract().jsonPath().getLong("id");
        given().get("/api/v1/editions/" + edition + "/sessions/" + id).then().body("title", equalTo(hostile));
        given().get("/api/v1/editions/" + edition).then().statusCode(200);
    }

    /** "06" is digits only: the message says what is wrong with it, its length, not just what a phone is made of. */
    @Test
    void aShortPhoneNumberIsRefusedSayingHowLongOneIs() {
        Map<String, Object> relay = Api.relay("P", "phone-" + System.nanoTime() + "@example.org", List.of());
        relay.put("phone", "06");
        given().contentType(ContentType.JSON).header("Accept-Language", "fr").body(relay)
                .post("/api/v1/editions/" + Api.openEdition() + "/registrations")
                .then().statusCode(422).body("errors[0].field", equalTo("phone"))
                .body("errors[0].message", containsString("de 4 à 30 caractères"));
    }

    /**
     * "----" and "(  ) ." are made of a phone's signs but hold no number; they are refused by name. Real numbers with
     * their usual groupings still pass.
     */
    @Test
    void aPhoneNumberWithoutItsDigitsIsRefused() {
        long edition = Api.openEdition();
        for (String phone : List.of("----", "....", "(  ) .", "+ 1-2-3")) {
            Map<String, Object> relay = Api.relay("P", "signs-" + System.nanoTime() + "@example.org", List.of());
            relay.put("phone", phone);
            given().contentType(ContentType.JSON).header("Accept-Language", "fr").body(relay)
                    .post("/api/v1/editions/" + edition + "/registrations")
                    .then().statusCode(422).body("errors[0].field", equalTo("phone"))
                    .body("errors[0].message", containsString("dont 4 chiffres au moins"));
        }
        for (String phone : List.of("+33 6 12 34 56 78", "(030) 123-4567", "06.12.34.56.78", "1234")) {
            Map<String, Object> relay = Api.relay("P", "digits-" + System.nanoTime() + "@example.org", List.of());
            relay.put("phone", phone);
            given().contentType(ContentType.JSON).body(relay).post("/api/v1/editions/" + edition + "/registrations")
                    .then().statusCode(201).body("phone", equalTo(phone));
        }
    }

    /** Lengths are kept to the centimetre; numbers no hall has are refused, never a 500. */
    @Test
    void extremeLengthsAreRefusedOrKeptToTheCentimetre() {
        long edition = Api.edition("2030-02-06");
        long inst = Api.institution("Mesures");
        long hall = Api.space(edition, "Hall", "HALL", null); // 20 x 10 m
        String stands = "/api/v1/editions/" + edition + "/stands";
        Api.organiser().body("{\"institutionId\": " + inst + ", \"spaceId\": " + hall + ", \"xM\": 1e999999999, \"yM\": 1}")
                .post(stands).then().statusCode(422).body("errors[0].field", equalTo("xM"));
        Api.organiser().body("{\"institutionId\": " + inst + ", \"spaceId\": " + hall + ", \"widthM\": 1e-999999999}")
                .post(stands).then().statusCode(422).body("errors[0].field", equalTo("widthM"));
        Api.organiser().body("{\"name\": \"Minuscule\", \"kind\": \"ROOM\", \"widthM\": 1e-999999999, \"depthM\": 8}")
                .post("/api/v1/editions/" + edition + "/spaces").then().statusCode(422).body("errors[0].field", equalTo("widthM"));
        Api.organiser().body("{\"kind\": \"PILLAR\", \"xM\": 1, \"yM\": 1, \"widthM\": 1e-999999999, \"depthM\": 1}")
                .post("/api/v1/editions/" + edition + "/spaces/" + hall + "/obstacles").then().statusCode(422)
                .body("errors[0].field", equalTo("widthM"));
        // What the answer says is what is kept: 2.346 m is 2.35 m in both.
        long stand = Api.organiser().body("{\"institutionId\": " + inst + ", \"spaceId\": " + hall
                        + ", \"widthM\": 2.346, \"xM\": 0.004, \"yM\": 1}")
                .post(stands).then().statusCode(201).body(containsString("\"widthM\":2.35,"))
                .body(containsString("\"xM\":0,")).extract().jsonPath().getLong("id");
        given().get(stands + "/" + stand).then().statusCode(200).body(containsString("\"widthM\":2.35,"))
                .body(containsString("\"xM\":0,"));
    }

    /** A name of no-break spaces (pasted from a document) or invisible marks is no name: the badge would show a blank. */
    @Test
    void aNameThatShowsNothingIsMissing() {
        long edition = Api.openEdition();
        for (String blank : List.of("\u00a0", " \u00a0\u2003 ", "\u200b", "\ufeff")) {
            Map<String, Object> relay = Api.relay(blank, "blank-" + System.nanoTime() + "@example.org", List.of());
            given().contentType(ContentType.JSON).body(relay).post("/api/v1/editions/" + edition + "/registrations")
                    .then().statusCode(422).body("errors.field", contains("firstName"))
                    .body("errors[0].message", equalTo("Ce champ est obligatoire."));
        }
        Api.organiser().get("/api/v1/editions/" + edition + "/registrations").then().body("size()", equalTo(0));
    }

    @Test
    void controlCharactersAreRefused() {
        Api.organiser().body(Map.of("name", "Bad\u0000name", "shortName", "Bad", "kind", "museum"))
                .post("/api/v1/institutions").then().statusCode(422).body("errors[0].field", equalTo("name"));
    }

    @Test
    void wrongMethodsAndMediaTypesAreProblems() {
        long edition = Api.edition("2031-05-01");
        // A method the address does not answer is a 405 that says which it does, as OPTIONS does, even where
        // RESTEasy found no resource (the registrations of an edition), and a missing object stays a 404.
        Api.organiser().delete("/api/v1/editions").then().statusCode(405).contentType("application/problem+json")
                .header("Allow", "GET, HEAD, OPTIONS, POST");
        Api.organiser().delete("/api/v1/editions/" + edition + "/registrations").then().statusCode(405)
                .contentType("application/problem+json").header("Allow", "GET, HEAD, OPTIONS, POST");
        Api.organiser().put("/api/v1/editions/" + edition + "/status").then().statusCode(405)
                .header("Allow", "OPTIONS, POST");
        Api.organiser().options("/api/v1/editions").then().statusCode(200).header("Allow", "GET, HEAD, OPTIONS, POST");
        Api.organiser().options("/api/v1/editions/" + edition).then().statusCode(200)
                .header("Allow", "DELETE, GET, HEAD, OPTIONS, PUT");
        Api.organiser().delete("/api/v1/editions/99999999").then().statusCode(404);
        Api.organiser().delete("/api/v1/no-such-thing").then().statusCode(404);
        given().auth().preemptive().basic(Api.ORGANISER, Api.PASSWORD).contentType(ContentType.XML).body("<a/>")
                .post("/api/v1/editions").then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void anAcceptLanguageThatDoesNotReadIsSetRightNotAnError() {
        long open = Api.openEdition();
        // A weight that is no number: the page is served, in French, as without the header (it was a 500).
        for (String page : List.of("/", "/editions/" + open, "/privacy")) {
            given().header("Accept-Language", "zz;q=bad").get(page).then().statusCode(200)
                    .contentType(containsString("text/html")).header("Content-Language", equalTo("fr"))
                    .body(containsString("<html lang=\"fr\""));
        }
        // The entries that read are kept: English here, for a page and for the API.
        given().header("Accept-Language", "de;q=x, en-GB;q=0.8").get("/").then().statusCode(200)
                .body(containsString("<html lang=\"en\""));
        given().header("Accept-Language", "fr;q=1.5, en").get("/api/v1/editions/999999").then().statusCode(404)
                .contentType("application/problem+json").body("detail", equalTo("Edition not found."));
        given().header("Accept-Language", "zz;q=bad").get("/r/no-such-link").then().statusCode(404)
                .contentType(containsString("text/html"));
    }

    @Test
    void preferencesThatDoNotReadAreLeftOutAndABodyWithoutItsTypeIsRefused() throws Exception {
        long open = Api.openEdition();
        String page = "/editions/" + open;
        // Each of these failed the page with a 500 (RESTEasy reads them to choose the page's variant).
        Map<String, String> broken = Map.of("Accept", "text/html;q=2", "Accept-Charset", "utf-8;q=bad",
                "Accept-Encoding", "gzip;q=", "Accept-Language", "fr;q=0.5;q=0.9");
        for (Map.Entry<String, String> header : broken.entrySet()) {
            given().header(header.getKey(), header.getValue()).get(page).then().statusCode(200)
                    .contentType(containsString("text/html")).body(containsString("<html lang=\"fr\""));
        }
        given().header("Accept", "garbage").get("/").then().statusCode(200).contentType(containsString("text/html"));
        // What a browser sends is kept whole, and a format asked for that Relais does not give is still 406.
        given().header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8,"
                + "application/signed-exchange;v=b3;q=0.7").header("Accept-Language", "de-DE,de;q=0.9,en;q=0.8")
                .header("Accept-Encoding", "gzip, deflate, br, zstd").get(page).then().statusCode(200)
                .body(containsString("<html lang=\"en\""));
        given().header("Accept", "application/xml").get("/api/v1/editions/" + open).then().statusCode(406);

        // A page's form sent with no Content-Type is read as a form, so its token is checked: without one, refused
        // (it was a 500). A body sent to the API with no Content-Type is of no type it takes (415).
        String answer = rawPostWithoutType(page + "/register", "firstName=L%C3%A9a&lastName=Martin");
        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        assertTrue(!answer.contains("Exception") && !answer.contains("Error id"), answer);
        answer = rawPostWithoutType("/api/v1/editions/" + open + "/registrations", "{\"firstName\": \"Léa\"}");
        assertTrue(answer.startsWith("HTTP/1.1 415") && answer.contains("application/problem+json"), answer);
        Api.organiser().get("/api/v1/editions/" + open + "/registrations").then().body("size()", equalTo(0));
    }

    @Test
    void anOrganisersActionSentWithoutAContentTypeStillNeedsItsToken() throws Exception {
        long edition = Api.edition("2030-06-04");
        long guest = Api.organiser().body(Map.of("name", "Le Défenseur des droits", "kind", "other"))
                .post("/api/v1/editions/" + edition + "/guests").then().statusCode(201).extract().jsonPath().getLong("id");
        // No Content-Type, no token: as another site's script could send it with the organiser's cookie. It was
        // carried out (303, the guest gone): the CSRF check only read forms.
        String session = given().redirects().follow(false).formParam("j_username", Api.ORGANISER)
                .formParam("j_password", Api.PASSWORD).post("/j_security_check").getCookie("relais-session");
        String answer = rawPostWith("/organiser/editions/" + edition + "/guests/" + guest + "/delete",
                "Cookie: relais-session=" + session, "");
        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        given().get("/api/v1/editions/" + edition + "/guests").then().body("id", hasItem((int) guest));
    }

    /** Posts a body with its length but no Content-Type, as a hand-made client might; returns the whole answer. */
    private static String rawPostWithoutType(String path, String body) throws java.io.IOException {
        return rawPostWith(path, "Accept: */*", body);
    }

    /** Posts a body with its length, the header given and no Content-Type; returns the whole answer. */
    private static String rawPostWith(String path, String header, String body) throws java.io.IOException {
        java.net.URI base = java.net.URI.create(io.restassured.RestAssured.baseURI);
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + header + "\r\nContent-Length: " + bytes.length + "\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            return answer(socket);
        }
    }

    @Test
    void anAddressThatDoesNotDecodeBehindAMatrixParameterIsA400() {
        // RESTEasy decodes such a path twice: "%25" becomes "%", which then escapes nothing (it was a 500).
        given().urlEncodingEnabled(false).header("Accept-Language", "en").get("/api/v1/editions/%25/sessions/10;x=1")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("The address asked for could not be read (a “%” that encodes no character)."))
                .body("instance", equalTo("/api/v1/editions/%25/sessions/10"));
        given().urlEncodingEnabled(false).get("/editions/%25;x=1").then().statusCode(400)
                .contentType(containsString("text/html")).body(containsString("n’a pas pu être lue"))
                .body(not(containsString("Exception")));
    }

    @Test
    void aFormLeftOpenForHoursCanStillBeSent() {
        long open = Api.openEdition();
        // The token's cookie, renewed at each page with a form, outlives a tab kept open all day (it lived two hours).
        io.restassured.http.Cookie token = given().get("/editions/" + open).then().statusCode(200).extract()
                .detailedCookie("relais-csrf");
        assertEquals(7 * 24 * 3600, token.getMaxAge(), token.toString());
    }

    @Test
    void aFormRefusedForItsTokenSaysSoAndLinksToItsPageOpenedAgain() {
        long open = Api.openEdition();
        // A relay's registration sent with a token whose cookie is gone (a page left open past the cookie's week, a
        // browser that keeps no cookie): it was an empty 400, a blank page.
        String page = given().header("Accept-Language", "fr").formParam("csrf-token", "perdu")
                .formParam("firstName", "Léa").formParam("lastName", "Martin").formParam("email", "lea@example.org")
                .post("/editions/" + open + "/register").then().statusCode(400).contentType(containsString("text/html"))
                .extract().asString();
        assertTrue(page.contains("<h1>400 · Formulaire non vérifié</h1>"), page);
        assertTrue(page.contains("Ce formulaire n’a pas pu être vérifié") && page.contains("Rien n’a été enregistré"), page);
        assertTrue(page.contains("<a href=\"/editions/" + open + "\">Rouvrir la page</a>"), page);
        assertTrue(!page.contains("data-back"), page); // back would return to the same form, its token refused again
        Api.organiser().get("/api/v1/editions/" + open + "/registrations").then().body("size()", equalTo(0));

        // An organiser's action without its token, from a browser switched to English: the page shows no sign-out form (it would need the
        // token) but a link to one, and links to the page the form is on.
        Pages pages = Pages.signIn();
        String refused = pages.request().cookie("relais-lang", "en").formParam("name", "Salle").formParam("kind", "ROOM")
                .post("/organiser/editions/" + open + "/spaces").then().statusCode(400)
                .contentType(containsString("text/html")).extract().asString();
        assertTrue(refused.contains("This form could not be checked"), refused);
        assertTrue(refused.contains("<a href=\"/organiser/editions/" + open + "/spaces\">Open the page again</a>"), refused);
        assertTrue(!refused.contains("action=\"/logout\"") && refused.contains(Api.ORGANISER), refused);
        assertTrue(refused.contains("<a href=\"/logout\" class=\"signout\">Sign out</a>"), refused); // to a page that has the form
        given().get("/api/v1/editions/" + open + "/spaces").then().body("size()", equalTo(0));
    }
}
