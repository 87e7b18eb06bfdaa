package org.relais.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relais.Api;
import org.relais.door.DoorAccounts;

/**
 * A door volunteer signs in with a link and a PIN and checks relays in with a USB scanner (which
 * types the code and presses Enter), a bad scan followed by a good one, through the search, and
 * through a moment when the service does not answer.
 */
@QuarkusTest
class DoorBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    DoorAccounts accounts;

    @Inject
    org.relais.door.RoomService rooms;

    @Inject
    org.relais.web.DiskRoom disk;

    private static String register(long edition, String first, String last) {
        return registered(edition, first, last).getString("code");
    }

    /** A relay registered for the forum, with no session; what the API answered (their code and manage token). */
    private static io.restassured.path.json.JsonPath registered(long edition, String first, String last) {
        Map<String, Object> body = Api.relay(first, "scan-" + System.nanoTime() + "@example.org", java.util.List.of());
        body.put("lastName", last);
        return Api.register(edition, body);
    }

    /** The relay cancels through their manage link. */
    private static void cancel(io.restassured.path.json.JsonPath registration) {
        io.restassured.RestAssured.delete("/api/v1/registrations/" + registration.getString("manageToken")).then().statusCode(204);
    }

    /** The list of kept scans the service refused once back, under the band: its count, then what it said of each. */
    private static void refusedOnReturn(Page page, int count, String... said) {
        assertThat(page.locator("#refused")).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                .setTimeout(10_000));
        assertThat(page.locator("#refused .headline")).hasText("Refusés à leur envoi : " + count);
        assertThat(page.locator("#refused li")).hasCount(count);
        for (String words : said) {
            assertThat(page.locator("#refused")).containsText(words);
        }
        assertThat(page.locator("#refused li").first()).containsText("scanné à ");
    }

    @Test
    void aVolunteerChecksRelaysInWithAScanner() {
        long edition = Api.openEdition();
        String awa = register(edition, "Awa", "Diallo");
        String elise = register(edition, "Élise", "Lefèvre");
        String zoe = register(edition, "Zoé", "Ba");
        io.restassured.path.json.JsonPath yann = registered(edition, "Yann", "Le Goff"); // cancels during the outage
        String paul = register(edition, "Paul", "Martin");
        Api.organiser().body(Map.of("role", "PRESS", "firstName", "Inès", "lastName", "Presse", "organisation", "Le Monde"))
                .post("/api/v1/editions/" + edition + "/badge-holders").then().statusCode(201);
        DoorAccounts.Created link = accounts.create(edition,
                new DoorAccounts.AccessData("DOOR_LINK", "Entrée 2", null, null, null));

        try (BrowserContext context = Browser.context("fr-FR", 1280, 800)) {
            Page page = context.newPage();
            signIn(page, link, edition);
            assertThat(page.locator("#code")).isFocused();

            // A bad scan (a scanner on the wrong keyboard layout), then a good one: the field is ready each time.
            scanner(page, "&é\"'(-è_çà");
            assertThat(page.locator("#answer")).hasClass(java.util.regex.Pattern.compile("bad"));
            assertThat(page.locator("#answer .headline")).containsText("illisible");
            assertThat(page.locator("#code")).isFocused();
            scanner(page, awa);
            assertThat(page.locator("#answer")).hasClass(java.util.regex.Pattern.compile("ok"));
            assertThat(page.locator("#answer .headline")).containsText("Bienvenue, Awa Diallo");
            assertThat(page.locator("#code")).isFocused();
            assertThat(page.locator("#code")).hasValue("");
            assertEquals(List.of(), Browser.barriers(page), "door-checked-in");
            Browser.screenshot(page, "door-checked-in");

            scanner(page, awa);
            assertThat(page.locator("#answer")).hasClass(java.util.regex.Pattern.compile("warn"));
            assertThat(page.locator("#answer .headline")).containsText("Déjà enregistré");
            assertThat(page.locator("#answer .headline")).containsText("Entrée 2");

            // A forged code: refused in words.
            char[] forged = elise.toCharArray();
            forged[40] = forged[40] == 'A' ? 'B' : 'A';
            scanner(page, new String(forged));
            assertThat(page.locator("#answer .headline")).containsText("falsifié");
            assertThat(page.locator("#code")).isFocused();

            // A badge holder of the press is found too, with their own badge to print again.
            page.locator("#q").fill("ines pres");
            assertThat(page.locator("#found li")).hasCount(1);
            assertThat(page.locator("#found li a")).hasAttribute("href",
                    java.util.regex.Pattern.compile("/badge-holders/\\d+/badge\\.pdf$"));

            // The search answers while typing, accents aside; check in from the result.
            page.locator("#q").fill("elise lef");
            assertThat(page.locator("#found li")).hasCount(1);
            assertThat(page.locator("#found li")).containsText("Élise Lefèvre");
            // Her line offers her badge, to print it again at the desk.
            assertThat(page.locator("#found li a")).hasAttribute("href",
                    java.util.regex.Pattern.compile("/registrations/\\d+/badge\\.pdf$"));
            // On a phone too, the name and organisation are there to be read.
            page.setViewportSize(390, 844);
            assertThat(page.locator("#found li .who")).isVisible();
            assertEquals(java.util.List.of(), Browser.faintText(page));
            page.setViewportSize(1280, 800);
            page.locator("#found li button").click();
            assertThat(page.locator("#answer .headline")).containsText("Bienvenue, Élise Lefèvre");
            assertThat(page.locator("#code")).isFocused();

            // The wrong line was clicked: the door takes the arrival back at once, and checks her in again.
            page.locator("#answer .undo button").click();
            assertThat(page.locator("#answer .headline")).containsText("Arrivée annulée : Élise Lefèvre");
            assertThat(page.locator("#answer .undo")).hasCount(0);
            assertThat(page.locator("#station")).hasValue("Entrée 2");
            Api.organiser().get("/api/v1/editions/" + edition + "/attendance").then().body("checkedIn",
                    org.hamcrest.Matchers.equalTo(1));
            assertEquals(List.of(), Browser.barriers(page), "door-undone");
            Browser.screenshot(page, "door-undone");
            scanner(page, elise);
            assertThat(page.locator("#answer .headline")).containsText("Bienvenue, Élise Lefèvre");
            // Found again by the search, her arrival is still the door's to take back: from the list too.
            page.locator("#q").fill("elise lef");
            assertThat(page.locator("#found li .tag")).containsText("Déjà arrivé");
            page.locator("#found li .undo button").click();
            assertThat(page.locator("#answer .headline")).containsText("Arrivée annulée : Élise Lefèvre");
            // The answer to that plain form has the screen's address: a reload later will not undo her arrival again.
            assertEquals(Browser.url(base, "/door/editions/" + edition), page.url());
            scanner(page, elise);
            assertThat(page.locator("#answer .headline")).containsText("Bienvenue, Élise Lefèvre");

            // A badge scanned while the cursor is still in the search is taken as a scan.
            page.locator("#q").fill("diallo");
            page.locator("#q").focus();
            scanner(page, awa);
            assertThat(page.locator("#answer .headline")).containsText("Déjà enregistré");
            assertThat(page.locator("#answer .headline")).containsText("Awa Diallo");
            assertThat(page.locator("#q")).hasValue("");
            assertThat(page.locator("#code")).isFocused();

            // The service stops answering: the scan is kept, checked against its signature here, and sent later.
            page.route("**/scan", route -> route.abort());
            scanner(page, zoe);
            assertThat(page.locator("#answer .headline")).containsText("Gardé sur cet appareil");
            assertThat(page.locator("#connection")).isVisible();
            scanner(page, new String(forged));
            assertThat(page.locator("#answer .headline")).containsText("falsifié");
            // Yann's badge is genuine, so it is kept; he had cancelled, which the service knows and this device does not.
            scanner(page, yann.getString("code"));
            assertThat(page.locator("#answer .headline")).containsText("Gardé sur cet appareil (2 en attente)");
            cancel(yann);
            // An undo waits for the service: the screen stays, and says nothing changed.
            page.route("**/undo", route -> route.abort());
            page.locator("#q").fill("elise lef");
            page.locator("#found li .undo button").click();
            assertThat(page.locator("#answer .headline")).hasText("✗ Le service ne répond pas : rien n’a été changé. Réessayez dans un instant.");
            assertEquals(Browser.url(base, "/door/editions/" + edition), page.url());
            page.unroute("**/undo");
            // A name looked for meanwhile: the list says the search waits for the service, not that nobody is called so.
            page.route("**/search.json*", route -> route.abort());
            page.locator("#q").fill("diallo");
            assertThat(page.locator("#found li")).hasText("Le service ne répond pas : la recherche reprendra à son retour. "
                    + "Les badges scannés, eux, sont gardés.");
            page.unroute("**/search.json*");
            page.locator("#q").fill("");
            scanner(page, paul);
            assertThat(page.locator("#answer .headline")).containsText("Gardé sur cet appareil (3 en attente)");
            assertEquals(List.of(), Browser.barriers(page), "door-offline");
            Browser.screenshot(page, "door-offline");
            Api.organiser().get("/api/v1/editions/" + edition + "/attendance").then().body("checkedIn",
                    org.hamcrest.Matchers.equalTo(2));
            page.unroute("**/scan");
            assertThat(page.locator("#connection")).containsText("tous les scans gardés ont été envoyés",
                    new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
            int arrived = Api.organiser().get("/api/v1/editions/" + edition + "/attendance").then().extract()
                    .path("checkedIn");
            assertEquals(4, arrived, "the kept scans arrived once, the refused one not");
            // Paul's answer, still on screen, no longer says it waits: it is the service's welcome, naming him, and says
            // the service has it.
            assertThat(page.locator("#answer")).hasClass(java.util.regex.Pattern.compile("ok"));
            assertThat(page.locator("#answer .headline")).hasText("✓ Bienvenue, Paul Martin");
            assertThat(page.locator("#answer > p:not(:has(a))").last()).hasText("✓ Enregistré à son envoi.");
            assertThat(page.locator("#answer")).not().containsText("Gardé sur cet appareil");
            // Under it, as under any scan's answer, his badge and the undo: a wrong badge scanned through the outage
            // is taken back from where it is seen.
            assertThat(page.locator("#answer a")).hasAttribute("href",
                    java.util.regex.Pattern.compile("/registrations/\\d+/badge\\.pdf$"));
            page.locator("#answer .undo button").click();
            assertThat(page.locator("#answer .headline")).hasText("Arrivée annulée : Paul Martin");
            assertEquals(3, (int) Api.organiser().get("/api/v1/editions/" + edition + "/attendance").then().extract()
                    .path("checkedIn"), "Paul's arrival taken back");
            scanner(page, paul);
            assertThat(page.locator("#answer .headline")).hasText("✓ Bienvenue, Paul Martin");
            // The door hears of the refused one, and it stays listed (a reload included) until someone has seen it.
            refusedOnReturn(page, 1, "Inscription annulée : Yann Le Goff", "Proposez-lui une inscription sur place.");
            assertEquals(List.of(), Browser.barriers(page), "door-refused");
            Browser.screenshot(page, "door-refused");
            page.reload();
            refusedOnReturn(page, 1, "Yann Le Goff");
            page.locator("#refused button").click();
            assertThat(page.locator("#refused")).hasCount(0);
            assertThat(page.locator("#code")).isFocused();
            page.reload();
            assertThat(page.locator("#code")).isFocused();
            assertThat(page.locator("#refused")).hasCount(0);

            page.navigate(Browser.url(base, "/door/editions/" + edition + "/live"));
            assertThat(page.locator("#arrived")).hasText("4");
            assertEquals(List.of(), Browser.barriers(page), "door-live");
            Browser.screenshot(page, "door-live");
            Object overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth");
            assertTrue(((Number) overflow).intValue() <= 0);
        }
    }

    @Test
    void atTheRoomDoorAVolunteerTakesBackAnEntry() {
        long edition = Api.openEdition();
        long workshop = Api.workshop(edition, "Atelier radio 3", 1);
        rooms.setDoorScan(edition, workshop, true);
        String awaCode = Api.booked(edition, workshop, "Awa", "Diallo").getString("code");
        String bilal = Api.booked(edition, workshop, "Bilal").getString("code");
        io.restassured.RestAssured.given().auth().preemptive().basic(Api.ORGANISER, Api.PASSWORD)
                .contentType(io.restassured.http.ContentType.JSON).body(Map.of("code", bilal))
                .post("/api/v1/editions/" + edition + "/checkins").then().statusCode(200); // Bilal waits, inside
        DoorAccounts.Created link = accounts.create(edition,
                new DoorAccounts.AccessData("DOOR_LINK", "Salle radio", null, null, null));

        try (BrowserContext context = Browser.context("fr-FR", 390, 844)) {
            Page page = context.newPage();
            signIn(page, link, edition);
            page.navigate(Browser.url(base, "/door/editions/" + edition + "/sessions/" + workshop));
            assertThat(page.locator("#code")).isFocused();
            scanner(page, awaCode);
            assertThat(page.locator("#answer .headline")).containsText("Awa Diallo : place confirmée");
            assertThat(page.locator("select[name=from]")).hasCount(0);

            // The wrong badge was scanned: the entry is taken back, and Awa's seat may go to Bilal.
            page.locator("#answer .undo button").click();
            assertThat(page.locator("#answer")).hasClass(java.util.regex.Pattern.compile("warn"));
            assertThat(page.locator("#answer .headline")).containsText("Entrée annulée : Awa Diallo");
            assertThat(page.locator("select[name=from] option")).hasText("Awa Diallo");
            assertEquals(List.of(), Browser.barriers(page), "room-undone");
            assertEquals(List.of(), Browser.faintText(page));
            Browser.screenshot(page, "room-undone");
            Object overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth");
            assertTrue(((Number) overflow).intValue() <= 0);

            // She comes in after all; from the list of seats, her entry can still be taken back.
            page.locator("#code").fill(awaCode);
            page.keyboard().press("Enter");
            assertThat(page.locator("#answer .headline")).containsText("place confirmée");
            page.locator(".found .undo button").click();
            assertThat(page.locator("#answer .headline")).containsText("Entrée annulée : Awa Diallo");

            // Her seat goes to Bilal, answered in place: the page keeps its address and reads its lists again.
            String roomPage = page.url();
            page.locator("form[action$='/give-seat'] button[type=submit]").click();
            assertThat(page.locator("#answer")).hasClass(java.util.regex.Pattern.compile("ok"));
            assertThat(page.locator("#answer .headline")).hasText("La place est donnée.");
            assertThat(page.locator("li[data-name='Bilal Relais']:not([data-position])")).hasCount(1);
            assertThat(page.locator("select[name=from]")).hasCount(0);
            assertEquals(roomPage, page.url());
            assertThat(page.locator("#code")).isFocused();
        }
    }

    @Test
    void atTheRoomDoorScansAreAnsweredInPlaceAndKeptThroughAnOutage() {
        long edition = Api.openEdition();
        long workshop = Api.workshop(edition, "Atelier radio 5", 4, "14:00", "15:00");
        rooms.setDoorScan(edition, workshop, true);
        String awa = Api.booked(edition, workshop, "Awa", "Diallo").getString("code");
        String dina = Api.booked(edition, workshop, "Dina", "Haddad").getString("code");
        Api.booked(edition, workshop, "Emma", "Petit"); // her badge stays at home
        io.restassured.path.json.JsonPath farid = Api.booked(edition, workshop, "Farid", "Kone"); // cancels during the outage
        String bilal = Api.booked(edition, workshop, "Bilal", "Sow").getString("code"); // the fifth: on the waiting list
        String chloe = register(edition, "Chloé", "Martin"); // no booking in this session
        DoorAccounts.Created link = accounts.create(edition,
                new DoorAccounts.AccessData("DOOR_LINK", "Salle radio 5", null, null, null));

        try (BrowserContext context = Browser.context("fr-FR", 390, 844)) {
            Page page = context.newPage();
            signIn(page, link, edition);
            String roomPage = Browser.url(base, "/door/editions/" + edition + "/sessions/" + workshop);
            page.navigate(roomPage);
            assertThat(page.locator("#code")).isFocused();

            // Answered in place: the page stays, the field keeps the focus, the list says she came.
            scanner(page, awa);
            assertThat(page.locator("#answer .headline")).containsText("Awa Diallo : place confirmée");
            assertThat(page.locator("#answer .undo button")).hasText("Annuler cette entrée");
            assertThat(page.locator("li[data-name='Awa Diallo'] .tag")).hasText("✓ venu·e");
            assertThat(page.locator("#code")).isFocused();
            assertEquals(roomPage, page.url());

            // The service stops answering: the page's lists answer, and the entry is kept.
            java.util.regex.Pattern roomForms = java.util.regex.Pattern.compile(".*/sessions/\\d+/(scan|let-in|undo)$");
            page.route(roomForms, route -> route.abort());
            scanner(page, dina);
            assertThat(page.locator("#answer")).hasClass(java.util.regex.Pattern.compile("ok"));
            assertThat(page.locator("#answer .headline")).containsText("Dina Haddad : place confirmée");
            assertThat(page.locator("#answer")).containsText("Gardé sur cet appareil (1 en attente)");
            assertThat(page.locator("#connection")).isVisible();
            assertThat(page.locator("li[data-name='Dina Haddad'] .tag")).hasText("✓ venu·e");
            assertThat(page.locator("li[data-name='Dina Haddad'] .let-in")).hasCount(0);
            scanner(page, dina);
            assertThat(page.locator("#answer .headline")).hasText("Déjà entré·e : Dina Haddad");
            scanner(page, bilal);
            assertThat(page.locator("#answer .headline")).hasText("En liste d’attente : Bilal Sow, rang 1");
            scanner(page, chloe);
            assertThat(page.locator("#answer .headline")).containsText("Ce badge n’a pas de place dans cette séance");
            char[] forged = dina.toCharArray();
            forged[40] = forged[40] == 'A' ? 'B' : 'A';
            scanner(page, new String(forged));
            assertThat(page.locator("#answer .headline")).containsText("falsifié");
            scanner(page, dina);
            assertThat(page.locator("#answer .headline")).hasText("Déjà entré·e : Dina Haddad");
            // Farid has a seat on the page's list, so he goes in; meanwhile he had cancelled, and his seat went to Bilal.
            scanner(page, farid.getString("code"));
            assertThat(page.locator("#answer")).containsText("Gardé sur cet appareil (2 en attente)");
            cancel(farid);
            // An undo waits for the service: the page says so, and stays.
            page.locator("li[data-name='Awa Diallo'] .undo button").click();
            assertThat(page.locator("#answer .headline")).hasText("✗ Le service ne répond pas : rien n’a été changé. Réessayez dans un instant.");
            assertEquals(roomPage, page.url());
            assertThat(page.locator("li[data-name='Awa Diallo'] .tag")).hasText("✓ venu·e");
            // Emma left her badge at home: found by name as it is typed, the line with her name lets her in, kept as a scan.
            page.locator("#q").fill("petit");
            assertThat(page.locator("li[data-name='Awa Diallo']")).isHidden();
            assertThat(page.locator("li[data-name='Bilal Sow']")).isHidden();
            page.locator("li[data-name='Emma Petit'] .let-in button").click();
            assertThat(page.locator("#answer .headline")).containsText("Emma Petit : place confirmée");
            assertThat(page.locator("#answer")).containsText("Gardé sur cet appareil (3 en attente)");
            assertThat(page.locator("li[data-name='Emma Petit'] .tag")).hasText("✓ venu·e");
            page.locator("#q").fill("");
            assertEquals(1, rooms.counts(edition).get(workshop).entered(), "Dina's and Emma's entries wait on the device");
            assertEquals(List.of(), Browser.barriers(page), "room-offline");
            assertEquals(List.of(), Browser.faintText(page));
            Browser.screenshot(page, "room-offline");

            // Back: the kept entry is sent once, and the lists show it as the service has it.
            page.unroute(roomForms);
            assertThat(page.locator("#connection")).containsText("tous les scans gardés ont été envoyés",
                    new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
            assertEquals(3, rooms.counts(edition).get(workshop).entered(), "the kept entries arrived once, the refused one not");
            // Emma's answer, still on screen, now says the service has her entry.
            assertThat(page.locator("#answer > p")).hasText(new String[] {"✓ Emma Petit : place confirmée, entrez",
                "✓ Enregistré à son envoi."});
            assertThat(page.locator("li[data-name='Dina Haddad'] .undo button")).hasText("Annuler cette entrée");
            refusedOnReturn(page, 1, "Farid Kone n’a pas de place dans cette séance");
            assertEquals(List.of(), Browser.barriers(page), "room-refused");
            assertEquals(List.of(), Browser.faintText(page));
            Browser.screenshot(page, "room-refused");
            page.locator("#refused button").click();
            assertThat(page.locator("#refused")).hasCount(0);

            assertThat(page.locator("li[data-name='Emma Petit'] .tag")).hasText("✓ venu·e");

            // With the service, an undo and a let-in are answered in place too, the page's address unchanged.
            page.locator("li[data-name='Dina Haddad'] .undo button").click();
            assertThat(page.locator("#answer .headline")).hasText("Entrée annulée : Dina Haddad");
            assertThat(page.locator("li[data-name='Dina Haddad'] .tag")).hasText("pas encore");
            assertEquals(2, rooms.counts(edition).get(workshop).entered());
            page.locator("li[data-name='Dina Haddad'] .let-in button").click();
            assertThat(page.locator("#answer .headline")).hasText("✓ Dina Haddad : place confirmée, entrez");
            assertThat(page.locator("#answer .undo button")).hasText("Annuler cette entrée");
            assertThat(page.locator("li[data-name='Dina Haddad'] .tag")).hasText("✓ venu·e");
            assertEquals(roomPage, page.url());
            assertEquals(3, rooms.counts(edition).get(workshop).entered());

            // A badge scanned while the cursor is in the search is taken as a scan.
            page.locator("#q").fill("dina");
            page.locator("#q").focus();
            scanner(page, awa);
            assertThat(page.locator("#answer .headline")).containsText("Déjà entré·e : Awa Diallo");
            assertThat(page.locator("#q")).hasValue("");
            assertThat(page.locator("#code")).isFocused();
            page.locator("#q").fill("zoé");
            assertThat(page.locator("#none-found")).isVisible();

            // An address asking for a name: the script fetches the whole lists (to answer for anyone through an outage) and filters them.
            page.navigate(roomPage + "?q=diallo");
            assertThat(page.locator("li[data-name='Dina Haddad']")).hasCount(1);
            assertThat(page.locator("li[data-name='Dina Haddad']")).isHidden();
            assertThat(page.locator("li[data-name='Awa Diallo']")).isVisible();
            Object overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth");
            assertTrue(((Number) overflow).intValue() <= 0);
        }
    }

    @Test
    void atAStandABadgeScannedDuringAnOutageIsKeptWithItsNote() {
        long edition = Api.openEdition();
        long louvre = Api.institution("Louvre");
        long stand = Api.stand(edition, 4, louvre);
        String awa = register(edition, "Awa", "Diallo");
        String bilal = register(edition, "Bilal", "Sow");
        String chloe = register(edition, "Chloé", "Martin");
        io.restassured.path.json.JsonPath dina = registered(edition, "Dina", "Haddad"); // cancels during the outage
        DoorAccounts.Created link = accounts.create(edition,
                new DoorAccounts.AccessData("STAND_LINK", "Équipe Louvre", null, null, louvre));
        String csv = "/api/v1/editions/" + edition + "/stands/" + stand + "/leads.csv";

        try (BrowserContext context = Browser.context("fr-FR", 390, 844)) {
            Page page = context.newPage();
            page.navigate(Browser.url(base, "/d/" + link.token()));
            page.locator("#j_password").fill(link.pin());
            page.locator("button[type=submit]").click();
            page.waitForURL("**/stand/editions/" + edition + "/stands/" + stand);
            assertThat(page.locator("#code")).isFocused();

            // As without the script: the badge, Enter, and the next page offers a note for that relay.
            scanner(page, awa);
            assertThat(page.locator("form.answer .headline")).containsText("✓ Awa Diallo");
            // The cursor waits in Awa's note; the next badge scanned there is Chloé's scan.
            assertThat(page.locator("#last-note")).isFocused();
            scanner(page, chloe);
            assertThat(page.locator("form.answer .headline")).containsText("✓ Chloé Martin");
            // Her note, typed while the service does not answer: the page stays with it, and says so; saved once it is back.
            page.route("**/leads", route -> route.abort());
            page.locator("#last-note").fill("Ateliers du mercredi");
            page.locator("#last-note").press("Enter");
            assertThat(page.locator("#answer .headline")).hasText("✗ Le service ne répond pas : rien n’a été changé. Réessayez dans un instant.");
            assertThat(page.locator("#last-note")).hasValue("Ateliers du mercredi");
            page.unroute("**/leads");
            page.locator("form.answer button[type=submit]").click();
            assertThat(page.locator("#stand-leads")).containsText("Ateliers du mercredi");
            page.locator("#code").fill("n'importe quoi");
            page.keyboard().press("Enter");
            assertThat(page.locator(".field.invalid small.error")).isVisible(); // the service's refusal, as without the script
            assertThat(page.locator("#code")).hasValue("n'importe quoi");

            // The service stops answering: a genuine badge is kept here with its note; a forged one is refused.
            page.route("**/leads", route -> route.abort());
            page.locator("#code").fill(bilal);
            page.locator("#f-note").fill("Visite de groupe en mars");
            page.locator("#scan-form button[type=submit]").click();
            assertThat(page.locator("#answer")).hasClass(java.util.regex.Pattern.compile("warn"));
            assertThat(page.locator("#answer .headline")).containsText("Gardé sur cet appareil (1 en attente)");
            assertThat(page.locator("#answer")).containsText("le contact et sa note seront enregistrés dès que le service le pourra");
            assertThat(page.locator("#connection")).isVisible();
            assertThat(page.locator("#code")).hasValue("");
            assertThat(page.locator("#f-note")).hasValue("");
            // The refusal of the nonsense typed before is no longer what the field holds: it is gone.
            assertThat(page.locator(".field.invalid")).hasCount(0);
            assertThat(page.locator(".problem")).hasCount(0);
            char[] forged = bilal.toCharArray();
            forged[40] = forged[40] == 'A' ? 'B' : 'A';
            page.locator("#code").fill(new String(forged));
            page.keyboard().press("Enter");
            assertThat(page.locator("#answer .headline")).containsText("falsifié");
            assertThat(page.locator("#code")).hasValue("");
            page.locator("#code").fill(dina.getString("code"));
            page.locator("#f-note").fill("Rappeler pour l’atelier conte");
            page.locator("#scan-form button[type=submit]").click();
            assertThat(page.locator("#answer .headline")).containsText("Gardé sur cet appareil (2 en attente)");
            cancel(dina);
            assertEquals(List.of(), Browser.barriers(page), "stand-offline");
            Browser.screenshot(page, "stand-offline");
            assertEquals(3, Api.organiser().accept("text/csv").get(csv).then().statusCode(200).extract().asString().split("\r\n").length,
                    "only Awa's and Chloé's contacts so far");

            // Back: the kept contact is recorded once, with its note.
            page.unroute("**/leads");
            assertThat(page.locator("#connection")).containsText("tous les scans gardés ont été envoyés",
                    new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
            String contacts = Api.organiser().accept("text/csv").get(csv).then().statusCode(200).extract().asString();
            assertEquals(4, contacts.split("\r\n").length, contacts);
            assertTrue(contacts.contains("Sow"), contacts);
            assertEquals(2, contacts.split("Visite de groupe en mars", -1).length, "its note, once: " + contacts);
            assertEquals(2, contacts.split("Ateliers du mercredi", -1).length, "Chloé's note, once: " + contacts);
            // Dina's contact is refused (she cancelled): the stand hears it with the note, to keep by hand if it matters.
            refusedOnReturn(page, 1, "L’inscription de Dina Haddad est annulée.", "Note gardée : Rappeler pour l’atelier conte");
            // Her answer, still on screen, says so too, in place of "kept".
            assertThat(page.locator("#answer")).hasClass(java.util.regex.Pattern.compile("bad"));
            assertThat(page.locator("#answer > p")).hasText(new String[] {"✗ L’inscription de Dina Haddad est annulée.",
                "Note gardée : Rappeler pour l’atelier conte"});
            assertThat(page.locator("#stand-leads .count")).hasText("(3)"); // the page's list, read again
            assertThat(page.locator("#stand-leads")).containsText("Bilal Sow");
            assertTrue(!contacts.contains("Haddad"), contacts);
            assertEquals(List.of(), Browser.barriers(page), "stand-refused");
            Browser.screenshot(page, "stand-refused");

            // Signing out is the header's plain form, which the screen's script leaves alone.
            page.locator("form[action='/logout'] button").click();
            page.waitForURL(url -> !url.contains("/stand/"));
            page.navigate(Browser.url(base, "/stand/editions/" + edition + "/stands/" + stand));
            assertThat(page.locator("#j_password")).isVisible();
        }
    }

    @Test
    void aWalkInRegisteredByMistakeIsTakenBackFromTheSearch() {
        long edition = Api.openEdition();
        DoorAccounts.Created link = accounts.create(edition,
                new DoorAccounts.AccessData("DOOR_LINK", "Entrée 3", null, null, null));
        try (BrowserContext context = Browser.context("fr-FR", 1280, 800)) {
            Page page = context.newPage();
            signIn(page, link, edition);
            page.navigate(Browser.url(base, "/door/editions/" + edition + "/walk-in"));
            page.locator("#f-firstName").fill("Karim");
            page.locator("#f-lastName").fill("Benali");
            page.locator("#f-organisation").fill("PJJ");
            page.locator("#f-sector").selectOption("french-language");
            page.locator("#f-role").selectOption("volunteer");
            page.locator("input[name=consent]").check();
            page.locator("form.stack button[type=submit]").click();
            assertThat(page.locator("#answer .headline")).containsText("Bienvenue, Karim Benali");
            assertThat(page.locator("#answer .undo button")).hasText("Annuler cette inscription sur place");

            // He was registered already: found by name, the list's button (built by the screen's script) says what it takes back.
            page.locator("#q").fill("benali");
            assertThat(page.locator("#found li .undo button")).hasText("Annuler cette inscription sur place");
            page.locator("#found li .undo button").click();
            assertThat(page.locator("#answer .headline")).containsText("Arrivée et inscription annulées : Karim Benali");
            Api.organiser().get("/api/v1/editions/" + edition + "/attendance").then()
                    .body("registered", org.hamcrest.Matchers.equalTo(0));
            page.locator("#q").fill("benali");
            assertThat(page.locator("#found li .tag")).containsText("Annulée");
        }
    }

    @Test
    void aDiskNearlyFullIsSaidAtTheDoorAndTheScansWaitForRoom() {
        long edition = Api.openEdition();
        String awa = register(edition, "Awa", "Diallo");
        String bilal = register(edition, "Bilal", "Sow");
        DoorAccounts.Created link = accounts.create(edition,
                new DoorAccounts.AccessData("DOOR_LINK", "Entrée 1", null, null, null));
        String full = "Le service ne peut rien enregistrer pour l’instant : le disque qui tient ses données est presque plein.";

        try (BrowserContext context = Browser.context("fr-FR", 390, 844)) {
            Page page = context.newPage();
            signIn(page, link, edition);
            assertThat(page.locator("#code")).isFocused(); // the scanner types where the screen's script put the cursor
            scanner(page, awa);
            assertThat(page.locator("#answer .headline")).containsText("Bienvenue, Awa Diallo");
            try {
                disk.requireAtLeast(Long.MAX_VALUE);
                // Taking her arrival back waits for room, and says so, not that the service is away (its page, read).
                page.locator("#answer .undo button").click();
                assertThat(page.locator("#answer .headline")).hasText("✗ " + full
                        + " Rien n’a été changé ; prévenez l’équipe du forum.");
                // A scan is kept, the band saying why (the service's problem, read as JSON), and still after a retry.
                scanner(page, bilal);
                // Its answer says it waits for the service, true of a full disk as of an outage.
                assertThat(page.locator("#answer .headline")).hasText("Gardé sur cet appareil (1 en attente)\u00a0: le badge"
                        + " est authentique, l’arrivée sera enregistrée dès que le service le pourra.");
                String band = "⚠ " + full + " Prévenez l’équipe du forum. Les scans sont gardés sur cet appareil (1 en attente)"
                        + " et seront envoyés dès qu’il aura de nouveau de la place.";
                assertThat(page.locator("#connection")).hasText(band);
                page.waitForResponse("**/scan", () -> { });
                assertThat(page.locator("#connection")).hasText(band);
                assertEquals(List.of(), Browser.barriers(page), "door-disk-full");
                Browser.screenshot(page, "door-disk-full");
                Api.organiser().get("/api/v1/editions/" + edition + "/attendance").then().body("checkedIn",
                        org.hamcrest.Matchers.equalTo(1));
            } finally {
                disk.requireAtLeast(0);
            }
            assertThat(page.locator("#connection")).hasText("✓ Le service enregistre de nouveau\u00a0: tous les scans gardés"
                    + " ont été envoyés.", new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions()
                    .setTimeout(10_000));
            assertThat(page.locator("#answer > p:not(:has(a))").last()).hasText("✓ Enregistré à son envoi.");
            Api.organiser().get("/api/v1/editions/" + edition + "/attendance").then().body("checkedIn",
                    org.hamcrest.Matchers.equalTo(2));
        }
    }

    /** A USB scanner at the field that has the focus: it types the code, then presses Enter. */
    private static void scanner(Page page, String code) {
        page.keyboard().type(code);
        page.keyboard().press("Enter");
    }

    /** Opens the door's link and types its PIN: the check-in screen. */
    private void signIn(Page page, DoorAccounts.Created link, long edition) {
        page.navigate(Browser.url(base, "/d/" + link.token()));
        page.locator("#j_password").fill(link.pin());
        page.locator("button[type=submit]").click();
        page.waitForURL("**/door/editions/" + edition);
    }
}
