package org.relais;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Two organisers change the same thing at once: the second save does not silently undo the first. The
 * form comes again, nothing saved, with the colleague's changes taken into the fields only they changed
 * and said in words where both changed; saving what it then shows keeps both.
 */
@QuarkusTest
class ChangedMeanwhileTest {

    private static final Pattern SEEN = Pattern.compile("name=\"seen\" value=\"([^\"]*)\"");

    @Test
    void aSaveOverAColleaguesChangeKeepsTheirsAndSaysWhereBothChanged() {
        long edition = Api.openEdition();
        long space = Api.space(edition, "Salle Commune", "ROOM", 40);
        Map<String, Object> stored = Api.sessionBody(space, Api.forumDay(), "11:00", "12:00", 20);
        stored.put("description", "Deux\nlignes");
        long session = Api.organiser().body(stored).post("/api/v1/editions/" + edition + "/sessions").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        String page = "/organiser/editions/" + edition + "/sessions/" + session;
        Pages mine = Pages.signIn();
        String seen = seen(mine.get(page).then().statusCode(200).extract().asString());

        // Meanwhile a colleague retitles the workshop and gives it more seats.
        Map<String, Object> theirs = new HashMap<>(stored);
        theirs.put("title", "Atelier du matin");
        theirs.put("seats", 30);
        Api.changeSession(edition, session, theirs).then().statusCode(200);

        // My form, opened before: a title of my own, the seats and the description as I saw them (a
        // browser sends a text area's line ends as CRLF).
        Map<String, String> form = new HashMap<>(Map.of("kind", "WORKSHOP", "title", "Atelier photo", "description",
                "Deux\r\nlignes", "day", Api.forumDay(), "startsAt", "11:00", "endsAt", "12:00", "spaceId",
                String.valueOf(space), "seats", "20", "registration", "true", "seen", seen));
        String again = mine.form(page, form).then().statusCode(409)
                .body(containsString("Ceci a été modifié ailleurs pendant que vous le modifiiez (par quelqu’un d’autre, ou dans un autre onglet)\u00a0: rien n’a été enregistré."))
                .extract().asString();
        assertTrue(again.contains("value=\"Atelier photo\""), "my title kept");
        assertTrue(again.contains("Changé aussi entre-temps ailleurs, en «\u00a0Atelier du matin\u00a0»"), again);
        assertTrue(again.contains("value=\"30\""), "their seats taken");
        assertTrue(again.contains("<small class=\"note\" id=\"e-seats\">Changé entre-temps ailleurs\u00a0: la nouvelle valeur est reprise ici.</small>"), again);
        assertTrue(again.contains("name=\"seats\" type=\"number\" value=\"30\" aria-describedby=\"e-seats\">"), "read with the field");
        assertTrue(!again.contains("aria-invalid"), "a field changed elsewhere is not a wrong one");
        assertTrue(!again.contains("id=\"e-description\""), "the description, unchanged on both sides, is not marked");
        assertTrue(!again.contains("corrigez les champs signalés"), "nothing to correct: one message says what happened");
        given().get("/api/v1/editions/" + edition + "/sessions/" + session).then().body("title", equalTo("Atelier du matin"))
                .body("seats", equalTo(30));

        // Saving what the page now shows keeps both changes; sent twice (a double click), the same.
        form.put("seats", "30");
        form.put("seen", seen(again));
        mine.form(page, form).then().statusCode(303);
        mine.form(page, form).then().statusCode(303);
        given().get("/api/v1/editions/" + edition + "/sessions/" + session).then().body("title", equalTo("Atelier photo"))
                .body("seats", equalTo(30)).body("description", equalTo("Deux\nlignes"));

        // A colleague who empties a field I changed too: said, mine kept.
        seen = seen(mine.get(page).asString());
        theirs.put("title", "Atelier photo");
        theirs.put("description", null);
        Api.changeSession(edition, session, theirs).then().statusCode(200);
        form.put("description", "Trois\r\nlignes\r\nà présent");
        form.put("seen", seen);
        mine.form(page, form).then().statusCode(409).body(containsString("à présent</textarea>"))
                .body(containsString("Vidé entre-temps ailleurs\u00a0: c’est votre valeur qui est gardée ici."));

        // A form sent by a script, without what a page saw, is saved as it always was.
        form.remove("seen");
        form.put("title", "Atelier scripté");
        mine.form(page, form).then().statusCode(303);
        given().get("/api/v1/editions/" + edition + "/sessions/" + session).then().body("title", equalTo("Atelier scripté"));
        form.put("seen", "");
        form.put("title", "Atelier scripté, seen vide");
        mine.form(page, form).then().statusCode(303);
        given().get("/api/v1/editions/" + edition + "/sessions/" + session).then().body("title", equalTo("Atelier scripté, seen vide"));
    }

    @Test
    void aDayAColleagueAddedAndTheInstitutionsTheyTickedAreNotLost() {
        long host = Api.institution("Hôte");
        long louvre = Api.institution("Louvre");
        long edition = Api.edition("2031-05-06");
        String page = "/organiser/editions/" + edition + "/edit";
        Pages mine = Pages.signIn();
        String html = mine.get(page).then().statusCode(200).extract().asString();
        String number = html.replaceAll("(?s).*name=\"number\" type=\"number\" value=\"(\\d+)\".*", "$1");
        Map<String, String> form = new HashMap<>(Map.of("number", number, "title", "Forum 2031-05-06",
                "days.0.date", "2031-05-06", "days.0.opensAt", "10:00", "days.0.closesAt", "16:00"));

        Map<String, String> theirs = new HashMap<>(form);
        theirs.put("days.1.date", "2031-05-07");
        theirs.put("days.1.opensAt", "09:30");
        theirs.put("days.1.closesAt", "17:00");
        theirs.put("hostInstitutionId", String.valueOf(host));
        theirs.put("participatingInstitutionIds", String.valueOf(louvre));
        Pages.signIn().form(page, theirs).then().statusCode(303);

        form.put("title", "Forum du printemps");
        form.put("seen", seen(html));
        String again = mine.form(page, form).then().statusCode(409).extract().asString();
        assertTrue(again.contains("name=\"days.1.date\" type=\"date\" value=\"2031-05-07\""), "their second day taken");
        assertTrue(again.contains("value=\"09:30\""), again);
        assertTrue(again.contains("value=\"Forum du printemps\""), "my title kept");
        assertTrue(Pattern.compile("value=\"" + louvre + "\" checked").matcher(again).find(), "their institution ticked");
        assertTrue(Pattern.compile("<option value=\"" + host + "\" selected>").matcher(again).find(), "their host chosen");
        given().get("/api/v1/editions/" + edition).then().body("title", equalTo("Forum 2031-05-06"));

        Map<String, String> shown = new HashMap<>(theirs);
        shown.put("title", "Forum du printemps");
        shown.put("seen", seen(again));
        mine.form(page, shown).then().statusCode(303);
        given().get("/api/v1/editions/" + edition).then().body("title", equalTo("Forum du printemps"))
                .body("days.size()", equalTo(2)).body("hostInstitutionId", equalTo((int) host));
        assertEquals(List.of("Forum du printemps"), List.of(mine.get(page).asString()
                .replaceAll("(?s).*name=\"title\" type=\"text\" value=\"([^\"]*)\".*", "$1")));
        assertTrue(Pattern.compile("value=\"" + louvre + "\" checked").matcher(mine.get(page).asString()).find(),
                "the institution still takes part");
    }

    @Test
    void anInstitutionsCharterTickedByAColleagueIsTakenAndAStandMovedOnThePlanStaysWhereTheyPutIt() {
        long institution = Api.institution("Charte");
        String page = "/organiser/institutions/" + institution;
        Pages mine = Pages.signIn();
        String html = mine.get(page).then().statusCode(200).extract().asString();
        String slug = html.replaceAll("(?s).*name=\"slug\" type=\"text\" value=\"([^\"]*)\".*", "$1");
        String key = html.replaceAll("(?s).*name=\"charter\" value=\"([^\"]+)\".*", "$1");
        Map<String, String> form = new HashMap<>(Map.of("name", "Charte (musée)", "shortName", "Charte", "slug", slug,
                "kind", "museum"));
        Map<String, String> theirs = new HashMap<>(form);
        theirs.put("charter", key);
        Pages.signIn().form(page, theirs).then().statusCode(303);
        form.put("name", "Musée de la Charte");
        form.put("seen", seen(html));
        String again = mine.form(page, form).then().statusCode(409).extract().asString();
        assertTrue(again.contains("name=\"charter\" value=\"" + key + "\" checked"), "their tick taken");
        form.put("seen", seen(again));
        form.put("charter", key);
        mine.form(page, form).then().statusCode(303);
        given().get("/api/v1/institutions/" + institution).then().body("name", equalTo("Musée de la Charte"));
        assertTrue(mine.get(page).asString().contains("name=\"charter\" value=\"" + key + "\" checked"));

        long edition = Api.edition("2031-06-06");
        long hall = Api.space(edition, "Grand Hall", "HALL", null);
        long stand = Api.organiser().body(Map.of("number", 7, "institutionId", institution, "spaceId", hall, "xM", 1, "yM", 1))
                .post("/api/v1/editions/" + edition + "/stands").then().statusCode(201).extract().jsonPath().getLong("id");
        String standPage = "/organiser/editions/" + edition + "/stands/" + stand;
        String standHtml = mine.get(standPage).then().statusCode(200).extract().asString();
        Api.organiser().body(Map.of("number", 7, "institutionId", institution, "spaceId", hall, "xM", 12, "yM", 4))
                .put("/api/v1/editions/" + edition + "/stands/" + stand).then().statusCode(200);
        Map<String, String> standForm = new HashMap<>(Map.of("number", "7", "institutionId", String.valueOf(institution),
                "spaceId", String.valueOf(hall), "widthM", "3", "depthM", "2", "xM", "1", "yM", "1", "power", "true",
                "seen", seen(standHtml)));
        mine.form(standPage, standForm).then().statusCode(409).body(containsString("value=\"12\""))
                .body(not(containsString("e-power")));
        given().get("/api/v1/editions/" + edition + "/stands/" + stand).then().body("power", equalTo(false));
    }

    /** The floor plan's table of positions sends every stand of the hall: a stand a colleague moved stays where they put it. */
    @Test
    void theTableOfPositionsKeepsAStandAColleagueMovedMeanwhile() {
        long edition = Api.edition("2031-07-06");
        long hall = Api.organiser().body(Map.of("name", "Nef", "kind", "HALL", "widthM", 30, "depthM", 20))
                .post("/api/v1/editions/" + edition + "/spaces").then().statusCode(201).extract().jsonPath().getLong("id");
        long first = placed(edition, hall, 1, 1);
        long second = placed(edition, hall, 2, 10);
        String page = "/organiser/editions/" + edition + "/floorplan?spaceId=" + hall;
        Pages mine = Pages.signIn();
        String seen = seen(mine.get(page).then().statusCode(200).extract().asString());

        Api.organiser().body(Map.of("number", 1, "institutionId", Api.institution("Premier"), "spaceId", hall, "xM", 5, "yM", 6))
                .put("/api/v1/editions/" + edition + "/stands/" + first).then().statusCode(200);
        String positions = "/organiser/editions/" + edition + "/floorplan/positions";
        String table = "spaceId=" + hall + "&stand=" + first + "&stand=" + second + "&x-" + first + "=1&y-" + first + "=1&x-"
                + second + "=20&y-" + second + "=1";
        String again = mine.rawForm(positions, table + "&seen=" + Pages.encoded(seen)).then().statusCode(409)
                .body(containsString("Ceci a été modifié ailleurs")).extract().asString();
        assertTrue(again.contains("name=\"x-" + first + "\" value=\"5\""), "their move taken");
        assertTrue(again.contains("id=\"e-x-" + first + "\""), "and marked");
        assertTrue(again.contains("<a href=\"#positions\">"), "the page's top leads down to the table");
        assertTrue(again.contains("name=\"x-" + second + "\" value=\"20\""), "mine kept");
        given().get("/api/v1/editions/" + edition + "/stands/" + second).then().body("xM", equalTo(10));

        String shown = table.replace("x-" + first + "=1&y-" + first + "=1", "x-" + first + "=5&y-" + first + "=6");
        mine.rawForm(positions, shown + "&seen=" + Pages.encoded(seen(again))).then().statusCode(303);
        given().get("/api/v1/editions/" + edition + "/stands/" + first).then().body("xM", equalTo(5));
        given().get("/api/v1/editions/" + edition + "/stands/" + second).then().body("xM", equalTo(20));
    }

    /** A relay telling their needs on their own page while an organiser corrects their name: neither undoes the other. */
    @Test
    void aRelaysOwnChangeAndAnOrganisersCorrectionDoNotUndoEachOther() {
        long edition = Api.openEdition();
        String email = "ines-" + System.nanoTime() + "@example.org";
        io.restassured.path.json.JsonPath registered = Api.register(edition, Api.relay("Inès", email, List.of()));
        String token = registered.getString("manageToken");
        String page = "/organiser/editions/" + edition + "/registrations/" + registered.getLong("id");
        Pages organiser = Pages.signIn();
        String organiserSaw = seen(organiser.get(page).then().statusCode(200).extract().asString());

        Pages relay = Pages.anonymous();
        String own = "/r/" + token + "/details";
        Map<String, String> details = new HashMap<>(Map.of("firstName", "Inès", "lastName", "Relais", "organisation",
                "Association Lire ensemble", "sector", "french-language", "role", "volunteer", "language", "fr",
                "accessibilityNeeds.needs", "WHEELCHAIR"));
        details.put("seen", seen(ownDetails(relay.get("/r/" + token).then().statusCode(200).extract().asString())));
        relay.form(own, details).then().statusCode(303);
        details.put("seen", seen(ownDetails(relay.get("/r/" + token).asString()))); // the page the relay lands on, still open

        Map<String, String> correction = new HashMap<>(Map.of("firstName", "Inès", "lastName", "Relais-Martin", "email", email,
                "organisation", "Association Lire ensemble", "sector", "french-language", "role", "volunteer", "language", "fr",
                "seen", organiserSaw));
        String again = organiser.form(page, correction).then().statusCode(409)
                .body(containsString("Ceci a été modifié ailleurs")).extract().asString();
        assertTrue(again.contains("value=\"WHEELCHAIR\" checked"), "the relay's need taken");
        assertTrue(again.contains("value=\"Relais-Martin\""), "the correction kept");
        given().get("/api/v1/registrations/" + token).then().body("lastName", equalTo("Relais"))
                .body("accessibilityNeeds.needs", equalTo(List.of("WHEELCHAIR")));
        correction.put("accessibilityNeeds.needs", "WHEELCHAIR");
        correction.put("seen", seen(again));
        organiser.form(page, correction).then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("?done=saved"));
        given().get("/api/v1/registrations/" + token).then().body("lastName", equalTo("Relais-Martin"))
                .body("accessibilityNeeds.needs", equalTo(List.of("WHEELCHAIR")));

        // The relay's page, opened before that correction, does not undo it either: said in its own part.
        details.put("phone", "+33 6 12 34 56 78");
        String mine = relay.form(own, details).then().statusCode(409).extract().asString();
        assertTrue(mine.contains("value=\"Relais-Martin\""), "the organiser's correction taken");
        assertTrue(mine.contains("value=\"+33 6 12 34 56 78\""), "the phone typed kept");
        assertTrue(mine.replaceAll("(?s).*<section id=\"details\"", "").contains("Ceci a été modifié ailleurs"), mine);
        given().get("/api/v1/registrations/" + token).then().body("phone", equalTo(null));
    }

    /** A relay's page opened before their sessions changed elsewhere: saving its choices says so instead of undoing it. */
    @Test
    void aRelaysChoicesSavedFromAnOlderPageDoNotUndoAChangeMadeElsewhere() {
        Workshops day = Workshops.open();
        long edition = day.edition(), morning = day.morning(), afternoon = day.afternoon(), late = day.late();
        String token = Api.register(edition, Api.relay("Choix", "choix-" + System.nanoTime() + "@example.org", List.of(morning)))
                .getString("manageToken");
        Pages relay = Pages.anonymous();
        String seen = seen(relay.get("/r/" + token).then().statusCode(200).extract().asString());

        given().contentType(io.restassured.http.ContentType.JSON).body(Map.of("sessionIds", List.of(morning, afternoon)))
                .put("/api/v1/registrations/" + token + "/sessions").then().statusCode(200); // another tab, or the API

        String choices = "/r/" + token + "/sessions";
        String mine = "sessionIds=" + morning + "&sessionIds=" + late;
        String again = relay.rawForm(choices, mine + "&seen=" + Pages.encoded(seen)).then().statusCode(409).extract().asString();
        assertTrue(again.contains("Changé aussi entre-temps ailleurs, en «\u00a011:00 · Atelier 11:00, 14:00 · Atelier 14:00\u00a0»"), again);
        assertTrue(again.replaceAll("(?s).*<h2 id=\"change\"", "").contains("Ceci a été modifié ailleurs"), "said at the form");
        assertTrue(again.contains("value=\"" + late + "\" checked"), "my choice kept");
        assertTrue(!again.contains("value=\"" + afternoon + "\" checked"), again);
        given().get("/api/v1/registrations/" + token).then().body("sessions.sessionId",
                org.hamcrest.Matchers.contains((int) morning, (int) afternoon));
        relay.rawForm(choices, mine + "&seen=" + Pages.encoded(seen(again))).then().statusCode(303);
        given().get("/api/v1/registrations/" + token).then().body("sessions.sessionId",
                org.hamcrest.Matchers.contains((int) morning, (int) late));
    }

    /**
     * A relay's page opened before registration closed (then before the forum was closed), what it sends changed
     * elsewhere meanwhile: the page that answers no longer has that form to mark, and says so at its top, once, with
     * the registration as it stands now; nothing is saved.
     */
    @Test
    void aRelaysPageOpenedBeforeItsFormWentIsAnsweredAtItsTop() {
        Workshops day = Workshops.open();
        long edition = day.edition(), morning = day.morning(), afternoon = day.afternoon();
        String email = "clos-" + System.nanoTime() + "@example.org";
        String token = Api.register(edition, Api.relay("Clos", email, List.of(morning))).getString("manageToken");
        Pages relay = Pages.anonymous();
        String opened = relay.get("/r/" + token).then().statusCode(200).extract().asString();
        String csrf = relay.tokenOf("/r/" + token);
        given().contentType(io.restassured.http.ContentType.JSON).body(Map.of("sessionIds", List.of(morning, afternoon)))
                .put("/api/v1/registrations/" + token + "/sessions").then().statusCode(200); // the organisers, or the API
        Api.advance(edition, "REGISTRATION_CLOSED");
        String answer = "<p class=\"problem\" role=\"alert\">Votre inscription a changé ailleurs depuis que cette page a été"
                + " ouverte (par les organisateurs, ou dans un autre onglet)\u00a0: rien n’a été enregistré. La voici telle"
                + " qu’elle est maintenant.</p>";
        String sessions = relay.rawForm("/r/" + token + "/sessions", "sessionIds=" + morning + "&seen=" + Pages.encoded(seen(opened)))
                .then().statusCode(409).extract().asString();
        assertEquals(1, Pages.count(sessions, answer), sessions);
        assertTrue(!sessions.contains("Les champs signalés"), "no field on the page to mark");
        assertTrue(sessions.contains("name=\"giveUp\" value=\"" + afternoon + "\""), "the sessions as they are now");
        given().get("/api/v1/registrations/" + token).then().body("sessions.sessionId",
                org.hamcrest.Matchers.contains((int) morning, (int) afternoon));

        Map<String, String> details = new HashMap<>(Map.of("firstName", "Clos", "lastName", "Relais", "organisation",
                "Association Lire ensemble", "sector", "french-language", "role", "volunteer", "language", "fr",
                "seen", seen(ownDetails(opened))));
        given().contentType(io.restassured.http.ContentType.JSON).body(Map.of("firstName", "Close", "lastName", "Relais", "email",
                email, "organisation", "Association Lire ensemble", "sector", "french-language", "role", "volunteer",
                "language", "fr")).put("/api/v1/registrations/" + token + "/details").then().statusCode(200);
        Api.advance(edition, "HELD"); // closed before its day: details no longer change
        String held = relay.formWithToken(csrf, "/r/" + token + "/details", details).then().statusCode(409).extract().asString();
        assertEquals(1, Pages.count(held, answer), held);
        assertTrue(held.contains("<p class=\"notice\">Ce forum est clos\u00a0: votre inscription ne se modifie plus.</p>"),
                "why the form is gone");
        given().get("/api/v1/registrations/" + token).then().body("firstName", equalTo("Close"));
    }

    /** Once registration closes, giving up a session keeps the others as they are now, one an organiser added included. */
    @Test
    void givingUpASessionKeepsOneAnOrganiserAddedSinceThePageOpened() {
        Workshops day = Workshops.open();
        long edition = day.edition(), morning = day.morning(), afternoon = day.afternoon(), late = day.late();
        io.restassured.path.json.JsonPath registered = Api.register(edition,
                Api.relay("Part", "part-" + System.nanoTime() + "@example.org", List.of(morning, afternoon)));
        String token = registered.getString("manageToken");
        Api.advance(edition, "REGISTRATION_CLOSED");
        Pages relay = Pages.anonymous();
        relay.get("/r/" + token).then().statusCode(200).body(containsString("name=\"giveUp\" value=\"" + morning + "\""));
        Pages.signIn().form("/organiser/editions/" + edition + "/registrations/" + registered.getLong("id") + "/sessions",
                Map.of("sessionId", String.valueOf(late))).then().statusCode(303);

        // the page's button for the morning, which listed the afternoon alone as kept
        relay.form("/r/" + token + "/sessions", Map.of("sessionIds", String.valueOf(afternoon), "giveUp", String.valueOf(morning),
                "confirmed", "yes")).then().statusCode(303);
        given().get("/api/v1/registrations/" + token).then().body("sessions.sessionId",
                org.hamcrest.Matchers.contains((int) afternoon, (int) late));
    }

    /** An open edition with three workshops of 10 seats that do not overlap: 11:00, 14:00 and 16:00. */
    private record Workshops(long edition, long morning, long afternoon, long late) {
        static Workshops open() {
            long edition = Api.openEdition();
            return new Workshops(edition, Api.workshop(edition, "Studio A", 10, "11:00", "12:00"),
                    Api.workshop(edition, "Studio B", 10, "14:00", "15:00"), Api.workshop(edition, "Studio C", 10, "16:00", "17:00"));
        }
    }

    /** A relay's page from its details part on: the page carries the sessions form first. */
    private static String ownDetails(String html) {
        return html.substring(html.indexOf("<section id=\"details\""));
    }


    private static long placed(long edition, long hall, int number, int x) {
        return Api.organiser().body(Map.of("number", number, "institutionId", Api.institution("Stand " + number), "spaceId", hall,
                        "xM", x, "yM", 1))
                .post("/api/v1/editions/" + edition + "/stands").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static String seen(String html) {
        Matcher m = SEEN.matcher(html);
        assertTrue(m.find(), "the form carries what it was opened with");
        return m.group(1);
    }
}
