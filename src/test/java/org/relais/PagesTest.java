package org.relais;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The organiser's forms: they keep what was typed, say what is wrong, and escape what they show. */
@QuarkusTest
class PagesTest {

    @Test
    void aWrongSessionFormComesBackFilledWithEachFieldMarked() {
        long edition = Api.edition("2030-02-06");
        Pages pages = Pages.signIn();
        String html = pages.form("/organiser/editions/" + edition + "/sessions", Map.of("kind", "WORKSHOP",
                        "title", "Atelier <b>radio</b>", "day", "2030-02-06", "startsAt", "14:00", "endsAt", "13:00",
                        "seats", "douze"))
                .then().statusCode(422).extract().asString();
        org.junit.jupiter.api.Assertions.assertAll(
                () -> org.junit.jupiter.api.Assertions.assertTrue(html.contains("value=\"Atelier &lt;b&gt;radio&lt;/b&gt;\""), "title kept, escaped"),
                () -> org.junit.jupiter.api.Assertions.assertTrue(html.contains("value=\"douze\""), "typed seats kept"),
                () -> org.junit.jupiter.api.Assertions.assertTrue(html.contains("Un nombre entier."), "seats error in words"),
                () -> org.junit.jupiter.api.Assertions.assertTrue(html.contains("La fin doit venir après le début."), "end error"),
                () -> org.junit.jupiter.api.Assertions.assertTrue(html.contains("aria-invalid=\"true\"")));
        given().get("/api/v1/editions/" + edition + "/sessions").then().body("size()", equalTo(0));
    }

    /**
     * A browser sends a text area's line ends as CRLF: the text is kept with line feeds, as the API
     * stores it, and its length counts the characters typed (1,999 lines fit in 4,000 characters).
     */
    @Test
    void aTextAreasLinesAreKeptAsTheAPIKeepsThem() {
        long edition = Api.edition("2030-02-06");
        Pages pages = Pages.signIn();
        String lines = "a\r\n".repeat(1999) + "a";
        pages.form("/organiser/editions/" + edition + "/sessions", Map.of("kind", "TALK", "title", "Lignes",
                "description", lines, "day", "2030-02-06", "startsAt", "10:00", "endsAt", "11:00")).then().statusCode(303);
        given().get("/api/v1/editions/" + edition + "/sessions").then()
                .body("[0].description", equalTo("a\n".repeat(1999) + "a"));
    }

    @Test
    void longTextsReachTheirChecksAndAnOversizedFormIsRefusedInWords() {
        long edition = Api.edition("2030-02-06");
        Pages pages = Pages.signIn();
        String path = "/organiser/editions/" + edition + "/sessions";
        Map<String, String> session = new java.util.HashMap<>(Map.of("kind", "TALK", "title", "Table ronde",
                "day", "2030-02-06", "startsAt", "10:00", "endsAt", "11:00"));
        // 4,000 Cyrillic letters are 8,000 bytes: over the web server's default of 2 KB a field, which
        // answered 500 before the form's checks ever saw them.
        session.put("description", "ж".repeat(4000));
        pages.form(path, session).then().statusCode(303);
        given().get("/api/v1/editions/" + edition + "/sessions").then().body("[0].description.length()", equalTo(4000));
        session.put("description", "ж".repeat(4001));
        pages.form(path, session).then().statusCode(422).body(containsString("4000 caractères au plus (il y en a 4001)."));
        // Beyond what any form may send: a page that says so, the organiser still signed in, nothing saved.
        session.put("description", "x".repeat(70_000));
        pages.form(path, session).then().statusCode(413).body(containsString("Envoi trop volumineux"))
                .body(containsString("Rien n’a été enregistré")).body(containsString(Api.ORGANISER));
        given().get("/api/v1/editions/" + edition + "/sessions").then().body("size()", equalTo(1));

        // Many fields (a floor plan's table of positions sends four a stand): 900 are read; over 1,000,
        // RESTEasy's form reader stops, and the page says so where it was a 500.
        session.put("description", "Beaucoup de champs");
        for (int i = 0; i < 900; i++) {
            session.put("extra" + i, "x");
        }
        pages.form(path, session).then().statusCode(303);
        for (int i = 900; i < 1100; i++) {
            session.put("extra" + i, "x");
        }
        pages.form(path, session).then().statusCode(413).body(containsString("Rien n’a été enregistré"));
        given().get("/api/v1/editions/" + edition + "/sessions").then().body("size()", equalTo(2));
    }

    @Test
    void aFormWithABadlyEncodedCharacterIsRefusedInWords() {
        // A percent sign not followed by two hexadecimal digits, as no browser writes it but a script may:
        // RESTEasy's form reader cannot read the body, which answered 500 "Erreur interne".
        long edition = Api.edition("2030-02-06");
        Pages pages = Pages.signIn();
        pages.rawForm("/organiser/editions/" + edition + "/sessions",
                        "kind=TALK&title=Table%ZZronde&day=2030-02-06&startsAt=10:00&endsAt=11:00")
                .then().statusCode(400).body(containsString("Le formulaire envoyé n’a pas pu être lu"))
                .body(containsString("Rien n’a été enregistré")).body(containsString(Api.ORGANISER));
        given().get("/api/v1/editions/" + edition + "/sessions").then().body("size()", equalTo(0));
        // A relay's form the same, in the language asked for.
        given().header("Accept-Language", "en").contentType("application/x-www-form-urlencoded")
                .body("firstName=A%2").post("/editions/" + edition + "/register")
                .then().statusCode(400).body(containsString("The form sent could not be read"));
    }

    @Test
    void aDoneMessageRelaisDoesNotKnowShowsNothing() {
        // an address typed or kept from elsewhere: the flash showed the message's key, "done_link-resent"
        Pages.anonymous().get("/?done=link-resent").then().statusCode(200).body(not(containsString("done_")))
                .body(not(containsString("class=\"flash\"")));
        Pages.anonymous().get("/?done=data-erased").then().statusCode(200)
                .body(containsString("<p class=\"flash\" role=\"status\">Vos données personnelles sont effacées.</p>"));
    }

    @Test
    void hostileTextIsShownEscapedOnEveryPage() {
        long edition = Api.edition("2030-02-06");
        long space = Api.space(edition, "<script>alert(1)</script>", "ROOM", 10);
        Api.organiser().body(Map.of("kind", "TALK", "title", "\"><img src=x onerror=alert(2)>", "spaceId", space,
                "day", "2030-02-06", "startsAt", "10:00", "endsAt", "11:00")).post("/api/v1/editions/" + edition + "/sessions")
                .then().statusCode(201);
        Pages pages = Pages.signIn();
        for (String page : new String[] {"spaces", "sessions", "programme", "conflicts"}) {
            pages.get("/organiser/editions/" + edition + "/" + page).then().statusCode(200)
                    .body(not(containsString("<script>alert(1)")))
                    .body(not(containsString("<img src=x")));
        }
        pages.get("/organiser/editions/" + edition + "/spaces").then().body(containsString("&lt;script&gt;alert(1)"));
    }

    @Test
    void anEditionIsCreatedFromTheFormAndShownOnItsPage() {
        Pages pages = Pages.signIn();
        int number = Api.uniqueNumber();
        String location = pages.form("/organiser/editions/new", Map.of("number", String.valueOf(number),
                        "title", "Forum du printemps", "theme", "Lire ensemble", "days.0.date", "2030-04-10",
                        "days.0.opensAt", "10:00", "days.0.closesAt", "16:00"))
                .then().statusCode(303).extract().header("Location");
        pages.get(location).then().statusCode(200).body(containsString("Forum du printemps"))
                .body(containsString("Brouillon")).body(containsString("Créé."));
    }

    @Test
    void aCopyWithoutADayKeepsTheFormAndMarksTheDate() {
        long source = Api.edition("2030-02-08");
        Api.session(source, Api.space(source, "Agora", "HALL", null), "2030-02-08", "11:00", "12:00", 20);
        Pages.signIn().form("/organiser/editions/new", Map.of("copyFrom", String.valueOf(source),
                        "number", String.valueOf(Api.uniqueNumber()), "title", "Forum recopié",
                        "days.0.opensAt", "", "days.0.closesAt", ""))
                .then().statusCode(422).body(containsString("value=\"Forum recopié\""))
                .body(containsString("<small class=\"error\" id=\"e-days.0.date\">Le programme repris se décale au premier jour"));
    }

    @Test
    void aYearMistypedKeepsTheFormAndMarksTheDate() {
        Pages.signIn().form("/organiser/editions/new", Map.of("number", String.valueOf(Api.uniqueNumber()),
                        "title", "Forum mal daté", "days.0.date", "0203-04-10", "days.0.opensAt", "10:00",
                        "days.0.closesAt", "16:00"))
                .then().statusCode(422).body(containsString("value=\"Forum mal daté\""))
                .body(containsString("<small class=\"error\" id=\"e-days.0.date\">Une date des années 2000 à 2099."));
    }

    @Test
    void aDuplicateNumberKeepsTheFormAndSaysWhy() {
        long edition = Api.edition("2030-02-06");
        int number = given().get("/api/v1/editions/" + edition).then().extract().path("number");
        Pages pages = Pages.signIn();
        pages.form("/organiser/editions/new", Map.of("number", String.valueOf(number), "title", "Copie ratée"))
                .then().statusCode(409).body(containsString("value=\"Copie ratée\""))
                .body(containsString("Une édition porte déjà le numéro " + number));
    }

    @Test
    void theLanguageSwitchIsRemembered() {
        Pages pages = Pages.signIn();
        String cookie = pages.request().get("/organiser/editions?lang=en").then().statusCode(200)
                .body(containsString("<html lang=\"en\">")).body(containsString("Forum editions"))
                .extract().cookie("relais-lang");
        org.junit.jupiter.api.Assertions.assertEquals("en", cookie);
        pages.request().cookie("relais-lang", "en").get("/organiser/institutions").then()
                .body(containsString("<html lang=\"en\">"));
        pages.get("/organiser/institutions").then().body(containsString("<html lang=\"fr\">"));
        // The switch keeps what the page's address asks for (a list's filters), in place of the language asked before.
        long edition = Api.openEdition();
        pages.get("/organiser/editions/" + edition + "/registrations?status=confirmed&lang=fr&sector=french-language")
                .then().statusCode(200)
                .body(containsString("href=\"?status=confirmed&amp;sector=french-language&amp;lang=en\" lang=\"en\""));
    }

    /** Quotation marks and the space before a colon follow the page's language, and French ones never wrap alone. */
    @Test
    void punctuationFollowsThePagesLanguage() {
        long edition = Api.edition("2030-02-06");
        long space = Api.space(edition, "Agora", "HALL", null);
        Pages pages = Pages.signIn();
        pages.get("/organiser/editions/" + edition + "?lang=fr").then().statusCode(200)
                .body(containsString(">Passer à «\u00a0Inscriptions ouvertes\u00a0»</button>"));
        pages.get("/organiser/editions/" + edition + "?lang=en").then().statusCode(200)
                .body(containsString(">Move to “Registration open”</button>"));
        pages.get("/organiser/editions/" + edition + "/spaces/" + space + "?lang=fr").then().statusCode(200)
                .body(containsString("Modifier l’espace «\u00a0Agora\u00a0»</h2>"));
        pages.get("/organiser/editions/" + edition + "/spaces/" + space + "?lang=en").then().statusCode(200)
                .body(containsString("Edit the space “Agora”</h2>"));
        pages.get("/organiser/editions/" + edition + "/floorplan?spaceId=x1&lang=en").then().statusCode(422)
                .body(containsString("<li><strong>spaceId</strong>: A whole number.</li>"));
    }

    @Test
    void theStandsPageNamesParticipantsWithoutAStand() {
        long withStand = Api.institution("Avec");
        long without = Api.institution("Sans");
        String withoutName = given().get("/api/v1/institutions/" + without).then().extract().path("shortName");
        long edition = Api.organiser().body(Map.of("number", Api.uniqueNumber(), "title", "Forum",
                        "days", java.util.List.of(), "participatingInstitutionIds", java.util.List.of(withStand, without)))
                .post("/api/v1/editions").then().statusCode(201).extract().jsonPath().getLong("id");
        Api.organiser().body(Map.of("institutionId", withStand)).post("/api/v1/editions/" + edition + "/stands")
                .then().statusCode(201);
        String html = Pages.signIn().get("/organiser/editions/" + edition + "/stands").then().statusCode(200)
                .extract().asString();
        String warning = html.substring(html.indexOf("class=\"problem\""), html.indexOf("</p>", html.indexOf("class=\"problem\"")));
        org.junit.jupiter.api.Assertions.assertTrue(warning.contains("1 établissement participant n’a pas de stand"), warning);
        org.junit.jupiter.api.Assertions.assertTrue(warning.contains(withoutName), warning);
        org.junit.jupiter.api.Assertions.assertTrue(warning.contains("?institutionId=" + without), warning);
    }

    @Test
    void anInstitutionInUseIsNotDeletedAndThePageSaysWhy() {
        long host = Api.institution("Hôte occupé");
        Api.organiser().body(Map.of("number", Api.uniqueNumber(), "title", "Forum", "hostInstitutionId", host,
                "days", java.util.List.of())).post("/api/v1/editions").then().statusCode(201);
        Pages pages = Pages.signIn();
        pages.form("/organiser/institutions/" + host + "/delete", Map.of()).then().statusCode(409)
                .body(containsString("ne peut pas être supprimé"))
                .body(containsString("value=\"Hôte occupé\""));
        given().get("/api/v1/institutions/" + host).then().statusCode(200);
    }

    /**
     * Without JavaScript, moving an edition's status and deleting a draft acted on one click, though
     * neither can be undone: each now asks on a page whose button sends the form again, confirmed. A
     * move or a deletion the rules refuse is refused at once, without a question.
     */
    @Test
    void withoutJavaScriptAnOrganiserIsAskedBeforeAStatusMoveOrADraftsDeletion() {
        long edition = Api.edition("2031-06-12");
        String page = "/organiser/editions/" + edition;
        Pages organiser = Pages.signIn();
        organiser.form(page + "/status", Map.of("status", "ARCHIVED")).then().statusCode(200)
                .body(containsString("<h1>Le forum n’est pas fini\u00a0: son dernier jour est le jeudi 12 juin 2031. Le passer dès"
                        + " maintenant à «\u00a0Archivée\u00a0» arrête les inscriptions, les annulations et les changements de séance,"
                        + " et sa page publique dira qu’il est clos. Le statut ne revient jamais en arrière.</h1>"))
                .body(containsString("action=\"" + page + "/status\""))
                .body(containsString("<input type=\"hidden\" name=\"status\" value=\"ARCHIVED\">"))
                .body(containsString("<input type=\"hidden\" name=\"confirmed\" value=\"yes\">"))
                .body(containsString(">Passer à «\u00a0Archivée\u00a0»</button>"))
                .body(containsString("<a href=\"" + page + "\">Non, revenir en arrière</a>"));
        organiser.form(page + "/delete", Map.of()).then().statusCode(200)
                .body(containsString("<h1>Supprimer l’édition «\u00a0Forum 2031-06-12\u00a0», avec ses espaces"))
                .body(containsString("action=\"" + page + "/delete\""))
                .body(containsString(">Supprimer ce brouillon</button>"));
        Api.organiser().get("/api/v1/editions/" + edition).then().statusCode(200).body("status", equalTo("DRAFT"));

        organiser.form(page + "/status", Map.of("status", "REGISTRATION_OPEN", "confirmed", "yes")).then().statusCode(303)
                .header("Location", endsWith(page + "?done=status-changed"));
        Api.organiser().get("/api/v1/editions/" + edition).then().body("status", equalTo("REGISTRATION_OPEN"));
        organiser.form(page + "/status", Map.of("status", "REGISTRATION_CLOSED")).then().statusCode(200)
                .body(containsString("<h1>Passer à «\u00a0Inscriptions closes\u00a0»\u00a0? Le statut ne revient jamais en arrière.</h1>"))
                .body(containsString("<input type=\"hidden\" name=\"status\" value=\"REGISTRATION_CLOSED\">"));
        organiser.form(page + "/status", Map.of("status", "DRAFT")).then().statusCode(409)
                .body(not(containsString("name=\"confirmed\"")))
                .body(containsString("Le statut ne peut pas passer de «\u00a0Inscriptions ouvertes\u00a0» à «\u00a0Brouillon\u00a0»"));
        organiser.form(page + "/delete", Map.of()).then().statusCode(409).body(not(containsString("name=\"confirmed\"")));

        long draft = Api.edition("2031-06-13");
        organiser.form("/organiser/editions/" + draft + "/delete", Map.of("confirmed", "yes")).then().statusCode(303)
                .header("Location", endsWith("/organiser/editions?done=deleted"));
        Api.organiser().get("/api/v1/editions/" + draft).then().statusCode(404);
    }

    /** A stand in its hall's top-left corner (0 ; 0) is placed: the list said "non placé", Qute reading a zero as false. */
    @Test
    void aStandInItsHallsCornerIsListedAsPlaced() {
        long edition = Api.edition("2031-07-02");
        long hall = Api.space(edition, "Hall", "HALL", null);
        Api.organiser().body(Map.of("number", 1, "institutionId", Api.institution("Musée du coin"), "spaceId", hall, "xM", 0,
                "yM", 0)).post("/api/v1/editions/" + edition + "/stands").then().statusCode(201);
        Pages.signIn().get("/organiser/editions/" + edition + "/stands").then().statusCode(200)
                .body(containsString("<td>0\u00a0; 0</td>")).body(not(containsString("non placé")));
    }

    /**
     * After adding a guest, a badge holder or saving a session, the page lands where that list is and
     * says it is done. The query went after the {@code #part} ({@code /editions/5#guests?done=created}),
     * where the server never sees it: no message, and no place on the page matched. Then the message
     * was at the page's top, out of sight of the part the page opened at: it is now said in that part.
     */
    @Test
    void aChangeThatLandsOnAPartOfAPageSaysItIsDone() {
        long edition = Api.edition("2031-07-01");
        String page = "/organiser/editions/" + edition;
        Pages organiser = Pages.signIn();
        String landed = organiser.form(page + "/guests", Map.of("name", "Défenseur des droits", "kind", "other")).then()
                .statusCode(303).extract().header("Location");
        assertTrue(landed.endsWith(page + "?done=created&at=guests#guests"), landed);
        String flash = "<p class=\"flash\" role=\"status\">Créé.</p>";
        String shown = organiser.get(page + "?done=created&at=guests").then().statusCode(200).extract().asString();
        assertTrue(shown.indexOf(flash) > shown.indexOf("<h2>Invités</h2>"), "said in the guests' part");
        assertTrue(shown.indexOf(flash) == shown.lastIndexOf(flash), "said once, not at the top too");
        assertTrue(shown.contains("lang=en#guests\""), "the language switch opens the same part");
        organiser.get(page + "?done=created").then().body(containsString("<main id=\"content\">\n" + flash)); // a new edition: at the top
        String holder = organiser.form(page + "/badge-holders", Map.of("role", "STAFF", "firstName", "Léa", "lastName", "Martin",
                "organisation", "Musée")).then().statusCode(303).extract().header("Location");
        assertTrue(holder.endsWith(page + "/badges?done=created&at=holders#holders"), holder);
        String badges = organiser.get(page + "/badges?done=created&at=holders").then().statusCode(200).extract().asString();
        assertTrue(badges.indexOf(flash) > badges.indexOf("id=\"holders\""), "said at the holders");
        assertTrue(badges.indexOf(flash) == badges.lastIndexOf(flash), "said once");
    }

    /**
     * A form under a list comes back refused at the top of its page, where nothing showed: what is wrong
     * is marked at the form, below the list, and an organiser could think it was saved. The top now says
     * that nothing was changed and links down to that form; a page opened as it is says nothing.
     */
    @Test
    void aRefusedFormUnderAListSaysSoWhereThePageOpens() {
        long edition = Api.edition("2031-07-03");
        long hall = Api.space(edition, "Hall", "HALL", null);
        Api.organiser().body(Map.of("institutionId", Api.institution("Musée listé"), "spaceId", hall)).post(
                "/api/v1/editions/" + edition + "/stands").then().statusCode(201);
        String page = "/organiser/editions/" + edition;
        Pages organiser = Pages.signIn();
        String said = "Rien n’a été changé\u00a0: voyez pourquoi plus bas, au formulaire.</a></p>";

        String stands = organiser.form(page + "/stands", Map.of("widthM", "3", "depthM", "2")).then().statusCode(422)
                .extract().asString();
        assertAbove(stands, "<p class=\"problem\"><a href=\"#form\">" + said, "<table class=\"list\">");
        assertAbove(stands, "<table class=\"list\">", "id=\"form\"");
        String spaces = organiser.form(page + "/spaces/" + hall + "/delete", Map.of()).then().statusCode(409)
                .extract().asString();
        assertAbove(spaces, "<a href=\"#form\">" + said, "<table class=\"list\">");
        String guests = organiser.form(page + "/guests", Map.of("kind", "other")).then().statusCode(422)
                .extract().asString();
        assertAbove(guests, "<a href=\"#guests\">" + said, "id=\"guests\"");
        String obstacles = organiser.form(page + "/floorplan/obstacles", Map.of("spaceId", String.valueOf(hall),
                "kind", "PILLAR", "xM", "un")).then().statusCode(422).extract().asString();
        assertAbove(obstacles, "<a href=\"#obstacles\">" + said, "id=\"obstacles\"");

        for (String opened : List.of("/stands", "/spaces", "", "/floorplan", "/sessions", "/badges", "/door")) {
            organiser.get(page + opened).then().statusCode(200).body(not(containsString(said)));
        }
    }

    /** A stand or a space opened from its list lands at its form, under the list, as a session already did. */
    @Test
    void aRowOpenedFromItsListLandsAtItsForm() {
        long edition = Api.edition("2031-07-04");
        long hall = Api.space(edition, "Hall", "HALL", null);
        long stand = Api.organiser().body(Map.of("institutionId", Api.institution("Musée ouvert"), "spaceId", hall)).post(
                "/api/v1/editions/" + edition + "/stands").then().statusCode(201).extract().jsonPath().getLong("id");
        String page = "/organiser/editions/" + edition;
        Pages organiser = Pages.signIn();
        organiser.get(page + "/stands").then().body(containsString("href=\"" + page + "/stands/" + stand + "#form\""));
        organiser.get(page + "/spaces").then().body(containsString("href=\"" + page + "/spaces/" + hall + "#form\""));
        organiser.get(page + "/stands/" + stand).then().statusCode(200).body(containsString("id=\"form\""));
        organiser.get(page + "/spaces/" + hall).then().statusCode(200).body(containsString("id=\"form\""));
    }

    private static void assertAbove(String html, String first, String then) {
        int at = html.indexOf(first);
        assertTrue(at >= 0, "missing: " + first);
        assertTrue(at < html.indexOf(then), first + " should come before " + then);
    }

    /**
     * Without JavaScript, deleting a session with relays in it and laying out a hall again over stands
     * placed by hand acted on one click: the relays lost their seats, the stands their places. Each now
     * asks first; a hall with nothing placed yet is laid out at once.
     */
    @Test
    void withoutJavaScriptAnOrganiserIsAskedBeforeASessionGoesOrAHallIsLaidOutAgain() {
        long edition = Api.openEdition();
        long session = Api.workshop(edition, 5);
        String token = Api.booked(edition, session, "Nadia").getString("manageToken");
        String sessions = "/organiser/editions/" + edition + "/sessions/";
        Pages organiser = Pages.signIn();
        organiser.form(sessions + session + "/delete", Map.of()).then().statusCode(200)
                .body(containsString("<h1>Supprimer cette séance\u00a0? Les relais qui y ont une place ou l’attendent"))
                .body(containsString("action=\"" + sessions + session + "/delete\"")).body(containsString(">Supprimer</button>"))
                .body(containsString("<a href=\"" + sessions + session + "\">Non, revenir en arrière</a>"));
        given().get("/api/v1/registrations/" + token).then().body("sessions.size()", equalTo(1));
        organiser.form(sessions + session + "/delete", Map.of("confirmed", "yes")).then().statusCode(303);
        given().get("/api/v1/registrations/" + token).then().body("sessions.size()", equalTo(0));

        long hall = Api.space(edition, "Hall", "HALL", null);
        long stand = Api.organiser().body(Map.of("institutionId", Api.institution("Musée placé"), "spaceId", hall, "xM", 16,
                "yM", 7)).post("/api/v1/editions/" + edition + "/stands").then().statusCode(201).extract().jsonPath().getLong("id");
        String layout = "/organiser/editions/" + edition + "/floorplan/layout";
        organiser.form(layout, Map.of("spaceId", String.valueOf(hall), "aisleM", "2,5")).then().statusCode(200)
                .body(containsString("<h1>Le stand déjà placé dans ce hall sera déplacé et renuméroté, y compris ce qui a été"))
                .body(containsString("<input type=\"hidden\" name=\"spaceId\" value=\"" + hall + "\">"))
                .body(containsString("<input type=\"hidden\" name=\"aisleM\" value=\"2.5\">"))
                .body(containsString(">Disposer les stands</button>"));
        Api.organiser().get("/api/v1/editions/" + edition + "/stands/" + stand).then().body("xM", equalTo(16));
        organiser.form(layout, Map.of("spaceId", String.valueOf(hall), "aisleM", "2.5", "confirmed", "yes")).then()
                .statusCode(303);
        Api.organiser().get("/api/v1/editions/" + edition + "/stands/" + stand).then().body("xM", not(equalTo(16)));

        long empty = Api.space(edition, "Hall vide", "HALL", null);
        Api.organiser().body(Map.of("institutionId", Api.institution("Musée à placer"), "spaceId", empty))
                .post("/api/v1/editions/" + edition + "/stands").then().statusCode(201);
        organiser.form(layout, Map.of("spaceId", String.valueOf(empty))).then().statusCode(303);
    }

    /**
     * A form's address opened as a page (the language switch on the page a form's answer showed, a
     * reload from the address bar, a bookmark) leads to the page the form is on, in the language asked
     * for; it was a "method not allowed" page, or "not found" where another page holds the address's start.
     */
    @Test
    void aFormsAddressOpenedAsAPageLeadsToThePageItIsOn() {
        long edition = Api.openEdition();
        Pages relay = Pages.anonymous();
        String register = "/editions/" + edition + "/register";
        relay.form(register, Map.of("firstName", "Maryam")).then().statusCode(422)
                .body(containsString("href=\"?lang=en\"")).body(containsString("id=\"e-consent\""));
        relay.get(register + "?lang=en").then().statusCode(303)
                .header("Location", endsWith("/editions/" + edition + "?lang=en"));
        relay.pageOf(register + "?lang=en").then().statusCode(200).body(containsString("<html lang=\"en\">"))
                .body(containsString("id=\"register\"")).body(containsString("I agree that my data is used"));
        String link = Api.booked(edition, Api.workshop(edition, 12), "Maryam").getString("manageToken");
        for (String form : List.of("sessions", "details", "cancel", "erase")) {
            relay.get("/r/" + link + "/" + form).then().statusCode(303).header("Location", endsWith("/r/" + link));
        }

        Pages organiser = Pages.signIn();
        organiser.get("/door/editions/" + edition + "/scan").then().statusCode(303)
                .header("Location", endsWith("/door/editions/" + edition));
        organiser.get("/organiser/editions/" + edition + "/registrations/1/cancel?lang=fr").then().statusCode(303)
                .header("Location", endsWith("/organiser/editions/" + edition + "/registrations/1?lang=fr"));
        // a form whose address has no page above it but the edition's
        organiser.get("/organiser/editions/" + edition + "/bookings/12/up").then().statusCode(303)
                .header("Location", endsWith("/organiser/editions/" + edition));
        organiser.get("/organiser/editions/" + edition + "/floorplan/obstacles/3/delete").then().statusCode(303)
                .header("Location", endsWith("/organiser/editions/" + edition + "/floorplan"));
        // An address that is no form's stays not found; the API and a screen's script asking for JSON keep their 405.
        organiser.get("/organiser/editions/" + edition + "/bookings/12").then().statusCode(404);
        organiser.get("/organiser/editions/" + edition + "/nothing/here").then().statusCode(404);
        Api.organiser().get("/api/v1/editions/" + edition + "/status").then().statusCode(405)
                .contentType("application/problem+json");
        given().accept("application/json").get(register).then().statusCode(405).contentType("application/problem+json");
    }

    /** In tests, as in dev, the mock mailer keeps the mails: their links and sender on localhost are nobody's concern. */
    @Test
    void theMailsLinksOnLocalhostAreNotAConcernWhileNoMailLeaves() {
        long edition = Api.openEdition();
        Pages.signIn().get("/organiser/editions/" + edition + "/registrations").then().statusCode(200)
                .body(containsString("Exporter (CSV)")).body(not(containsString("Les liens des e-mails aux relais")))
                .body(not(containsString("Les e-mails aux relais partent de")));
    }

    @Test
    void unknownPagesAreReadable404s() {
        Pages pages = Pages.signIn();
        pages.get("/organiser/editions/987654").then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("Édition introuvable")).body(containsString("<a href=\"/organiser\">Page d’accueil</a>"));
        // A relay whose link was cut short is told what to do, and sent to the public home, not the organisers'.
        given().header("Accept-Language", "fr").get("/r/abcdef").then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("Ce lien ne mène à aucune inscription : vérifiez qu’il est complet"))
                .body(containsString("<a href=\"/\">Page d’accueil</a>"));
        given().header("Accept-Language", "fr").get("/api/v1/registrations/abcdef").then().statusCode(404)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.equalTo("Inscription introuvable."));
        pages.get("/door/editions/987654").then().statusCode(404).body(containsString("<a href=\"/door\">Page d’accueil</a>"));
        // An address that names no page at all says what to do, in words, not the status's name a second time.
        for (String nowhere : List.of("/organiser/nothing-here", "/nothing-here", "/editions/10/nothing-here")) {
            pages.get(nowhere + "?lang=fr").then().statusCode(404).contentType(containsString("text/html"))
                    .body(containsString("<p>Il n’y a pas de page à cette adresse\u00a0: elle est peut-être incomplète ou ancienne."))
                    .body(containsString("<a href=\"/organiser/editions\">")); // the organiser's menu: it knows who is signed in
        }
        given().header("Accept-Language", "en").get("/nothing-here").then().statusCode(404)
                .body(containsString("<p>There is no page at this address: it may be incomplete or out of date."));
        // The API names no page: its problem keeps the status's name.
        given().header("Accept-Language", "en").get("/api/v1/nothing-here").then().statusCode(404)
                .contentType("application/problem+json").body("detail", equalTo("Not found"));
    }

    /**
     * A form saved after what it changes was deleted (by another organiser, or in another tab): the page says that
     * nothing was saved and why, in the reader's language; the same address opened as a page only says it is not found.
     */
    @Test
    void aFormSavedAfterItsObjectWasDeletedSaysNothingWasSaved() {
        SessionPage opened = SessionPage.on("2030-02-07");
        Pages organiser = opened.organiser();
        String path = opened.path();
        organiser.get(path).then().statusCode(200);
        Api.organiser().delete("/api/v1/editions/" + opened.edition() + "/sessions/" + opened.session()).then().statusCode(204);
        Map<String, String> fields = movedSession(opened.room(), "2030-02-07");
        organiser.form(path, fields).then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("Séance introuvable. Ce formulaire n’a rien enregistré\u00a0: ce qu’il visait a été supprimé "
                        + "entre-temps, depuis une autre page ou par quelqu’un d’autre."));
        organiser.get(path).then().statusCode(404).body(containsString("Séance introuvable."))
                .body(not(containsString("Ce formulaire n’a rien enregistré")));
        organiser.form(path + "?lang=en", fields).then().statusCode(404)
                .body(containsString("Session not found. This form saved nothing: what it was about was deleted meanwhile, "
                        + "from another page or by someone else."));
        Api.organiser().delete("/api/v1/editions/" + opened.edition() + "/sessions/" + opened.session()).then().statusCode(404)
                .body("detail", equalTo("Séance introuvable."));
        given().get("/api/v1/editions/" + opened.edition() + "/sessions").then().body("size()", equalTo(0));
    }

    /** A session 11:00-12:00 on a new edition's {@code day}, in a studio of 12, and an organiser signed in, with its page. */
    private record SessionPage(long edition, long room, long session, Pages organiser, String path) {
        static SessionPage on(String day) {
            long edition = Api.edition(day);
            long room = Api.space(edition, "Studio", "STUDIO", 12);
            long session = Api.session(edition, room, day, "11:00", "12:00", 12);
            return new SessionPage(edition, room, session, Pages.signIn(), "/organiser/editions/" + edition + "/sessions/" + session);
        }
    }

    /** A session's form as an organiser sends it, moving the session to 16:00 on {@code day}. */
    private static Map<String, String> movedSession(long room, String day) {
        return Map.of("kind", "WORKSHOP", "title", "Atelier déplacé", "spaceId", String.valueOf(room), "day", day,
                "startsAt", "16:00", "endsAt", "17:00", "seats", "20", "language", "fr", "registration", "true");
    }

    /** The session form saved by one organiser while another deletes that session: a page that says so, not an error's. */
    @Test
    void aSessionSavedWhileAnotherOrganiserDeletesItSaysSo() {
        SessionPage opened = SessionPage.on("2030-02-06");
        Pages organiser = opened.organiser();
        String path = opened.path();
        DeletedMeanwhile.next(opened.session()); // the form is opened, then the other's deletion lands as it is saved
        String page = organiser.form(path, movedSession(opened.room(), "2030-02-06"))
                .then().statusCode(409).contentType(containsString("text/html")).extract().asString();
        assertTrue(page.contains("Ce que vous modifiez a été supprimé au même moment par une autre demande"), page);
        assertTrue(!page.contains("Error id") && !page.contains("Erreur interne"), page);
        given().get("/api/v1/editions/" + opened.edition() + "/sessions").then().body("size()", equalTo(0));
    }
}
