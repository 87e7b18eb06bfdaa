package org.relais;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.canvas.parser.EventType;
import com.itextpdf.kernel.pdf.canvas.parser.PdfCanvasProcessor;
import com.itextpdf.kernel.pdf.canvas.parser.data.IEventData;
import com.itextpdf.kernel.pdf.canvas.parser.data.TextRenderInfo;
import com.itextpdf.kernel.pdf.canvas.parser.listener.IEventListener;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.relais.demo.DemoData;
import org.relais.edition.Edition;
import org.relais.print.PdfTools;

/** The printed programme, read back with poppler and checked against PDF/UA-1 by veraPDF. */
@QuarkusTest
class ProgrammeBookletTest {

    private static final String A5 = "420 x 595";
    private static final String A4_PORTRAIT = "595 x 842";
    private static final String A4_LANDSCAPE = "842 x 595";

    @Inject
    DemoData demo;

    @Test
    void theDemoForumsBookletHasEveryPartAndPassesPdfUa() {
        demo.load(true);
        Edition forum = Edition.findByNumber(14).orElseThrow();
        Path fr = fetch(forum.id, "lang=fr", "booklet-fr.pdf");
        assertEquals(A5, PdfTools.pageSize(fr, 1));
        String text = PdfTools.text(fr);
        for (String expected : List.of("Programme", "Accueilli par Radio France", "mardi 6 février 2018, 10:00–16:00",
                "Maison de la Radio", "La journée en un coup d’œil", "Studio 104", "Le programme",
                "Atelier radio : réaliser une interview", "Réservation", "nécessaire, à l’inscription",
                "libre, sans réservation", "Places", "Animé par", "français", "Plan", "Les établissements participants",
                "Musée du Louvre", "Engagements de la charte", "Invités", "Défenseur des droits", "Informations pratiques",
                "Accessibilité", "boucle magnétique")) {
            assertTrue(text.contains(expected), "missing “" + expected + "” in:\n" + text);
        }
        assertFalse(text.contains("booklet_"), "every word comes from the bundles");
        assertFalse(text.lines().anyMatch(line -> line.startsWith(":")), "a label keeps its colon (\"Places :\"):\n" + text);
        // The day's grid says the hours it spans, its end included, which has no hour's row of its own.
        int glance = java.util.stream.IntStream.rangeClosed(1, PdfTools.pages(fr))
                .filter(p -> PdfTools.text(fr, p).contains("La journée en un coup d’œil")).findFirst().orElseThrow();
        assertTrue(PdfTools.text(fr, glance).contains("mardi 6 février 2018, 10:00–16:00"), PdfTools.text(fr, glance));
        assertEquals(List.of(), PdfTools.pdfUaFailures(fr), "PDF/UA-1");
        // The directory gives every institution's stand number; the plan's own index is left out. (The text read
        // back from a PDF has an ordinary space where the page holds a non-breaking one.)
        assertTrue(text.contains("Stand : ") && !text.contains("Établissements et leurs stands"), text);

        Path en = fetch(forum.id, "lang=en", "booklet-en.pdf");
        String english = PdfTools.text(en);
        assertTrue(english.contains("The day at a glance") && english.contains("Participating institutions")
                && english.contains("Tuesday, 6 February 2018") && english.contains("needed, when you register"), english);
        assertFalse(english.contains("La journée en un coup d’œil"));
        // each language's colon after a label, from the bundles: none before it in English
        assertTrue(english.contains("Seats: ") && english.contains("Where: ") && !english.contains("Seats :"), english);
        assertEquals(List.of(), PdfTools.pdfUaFailures(en), "PDF/UA-1 in English");

        Path both = fetch(forum.id, "lang=both", "booklet-both.pdf");
        String bilingual = PdfTools.text(both).replace("\n", " ");
        assertTrue(bilingual.contains("La journée en un coup d’œil / The day at a glance")
                && bilingual.contains("Informations pratiques / Practical information")
                // The plan's legend too, not only the pages' headings.
                && bilingual.contains("Issue de secours / Emergency exit") && bilingual.contains("Musée / Museum")
                // a label in two languages ends with the second's colon, after its words
                && bilingual.contains("Places / Seats: ") && !bilingual.contains("Seats :"),
                bilingual);
        assertEquals(List.of(), PdfTools.pdfUaFailures(both), "PDF/UA-1 in two languages");
    }

    @Test
    void largePrintIsSixteenPointsOnA4AndImpositionFoldsInOrder() throws IOException {
        demo.load(true);
        Edition forum = Edition.findByNumber(14).orElseThrow();
        Path large = fetch(forum.id, "lang=fr&large=true", "booklet-large.pdf");
        assertEquals(A4_PORTRAIT, PdfTools.pageSize(large, 1));
        assertEquals(List.of(), PdfTools.pdfUaFailures(large), "PDF/UA-1 in large print");
        try (PdfDocument pdf = new PdfDocument(new PdfReader(large.toFile()))) {
            for (int p = 1; p <= pdf.getNumberOfPages(); p++) {
                if (hasDrawing(pdf, p)) {
                    continue; // the floor plan is a drawing to scale, described in words for screen readers
                }
                float smallest = smallestText(pdf, p);
                assertTrue(smallest >= 15.9f, "page " + p + " has text at " + smallest + " pt");
            }
        }

        Path plain = fetch(forum.id, "lang=fr", "booklet-plain.pdf");
        Path imposed = fetch(forum.id, "lang=fr&imposed=true", "booklet-imposed.pdf");
        int pages = PdfTools.pages(plain);
        int sheets = (pages + 3) / 4;
        assertEquals(2 * sheets, PdfTools.pages(imposed), "two sides a sheet for " + pages + " pages");
        assertEquals(A4_LANDSCAPE, PdfTools.pageSize(imposed, 1), "A5 pages two by two on A4 landscape");
        // Folded, the first side shows the last page on the left and the cover on the right.
        String outside = PdfTools.text(imposed, 1);
        assertTrue(outside.contains("Accueilli par Radio France"), outside);
        String inside = PdfTools.text(imposed, 2);
        assertTrue(inside.contains("La journée en un coup d’œil"), "page 2 inside the cover: " + inside);
        Path large2 = fetch(forum.id, "large=true&imposed=true", "booklet-large-imposed.pdf");
        assertEquals("1190 x 842", PdfTools.pageSize(large2, 1), "large print imposed on A3");
        assertEquals(A4_LANDSCAPE, PdfTools.pageSize(large, 2), "the day grid is a landscape page");
    }

    @Test
    void oddProgrammesStillPrintAndBadQuestionsAreAnswered() {
        long edition = Api.openEdition();
        // An empty programme prints a booklet that says so.
        Path empty = fetch(edition, "lang=fr", "booklet-empty.pdf");
        assertTrue(PdfTools.text(empty).contains("Aucune séance n’est encore au programme."));
        assertEquals(List.of(), PdfTools.pdfUaFailures(empty));

        long studio = Api.space(edition, "Studio <b>7</b>", "STUDIO", 40);
        String longTitle = "Atelier " + "très long titre ".repeat(31);
        // 500 characters are refused in words; the longest title allowed (300) prints.
        Api.organiser().body(Map.of("kind", "WORKSHOP", "title", longTitle.substring(0, 500), "day", Api.forumDay(),
                "startsAt", "11:00", "endsAt", "11:30", "spaceId", studio, "seats", 10))
                .post("/api/v1/editions/" + edition + "/sessions").then().statusCode(422).body("errors.field", hasItem("title"));
        Api.organiser().body(Map.of("kind", "WORKSHOP", "title", longTitle.substring(0, 300), "day", Api.forumDay(),
                "startsAt", "11:00", "endsAt", "11:30", "spaceId", studio, "seats", 10))
                .post("/api/v1/editions/" + edition + "/sessions").then().statusCode(201);
        Api.organiser().body(Map.of("kind", "TALK", "title", "<script>alert('x')</script> « Débat »", "day", Api.forumDay(),
                "startsAt", "14:00", "endsAt", "15:00", "registration", false, "language", "fr-lsf"))
                .post("/api/v1/editions/" + edition + "/sessions").then().statusCode(201);
        Path odd = fetch(edition, "lang=fr", "booklet-odd.pdf");
        String text = PdfTools.text(odd).replace("\n", " ");
        assertTrue(text.contains("Atelier très long titre"), text);
        assertTrue(text.contains("<script>alert('x')</script> « Débat »"), "hostile text printed as text: " + text);
        assertTrue(text.contains("Lieu à préciser"), "a session with no space: " + text);
        assertTrue(text.contains("langue des signes française"), text);
        assertTrue(text.contains("Studio <b>7</b>"), text);
        assertEquals(List.of(), PdfTools.pdfUaFailures(odd));

        given().get("/api/v1/editions/" + edition + "/programme.pdf?lang=xx")
                .then().statusCode(422).contentType("application/problem+json").body("errors.field", hasItem("lang"));
        given().get("/api/v1/editions/999999/programme.pdf").then().statusCode(404);

        long draft = Api.edition(Api.forumDay());
        given().get("/api/v1/editions/" + draft + "/programme.pdf").then().statusCode(404);
        Api.organiser().accept("application/pdf").get("/api/v1/editions/" + draft + "/programme.pdf").then().statusCode(200)
                .contentType("application/pdf");
    }

    @Test
    void organisersPrintItFromTheProgrammePageAndRelaysFromThePublicPage() throws IOException {
        long draft = Api.edition(Api.forumDay());
        Pages organiser = Pages.signIn();
        String page = organiser.get("/organiser/editions/" + draft + "/programme").then().statusCode(200).extract().asString();
        assertTrue(page.contains("action=\"/organiser/editions/" + draft + "/programme.pdf\"") && page.contains("name=\"large\"")
                && page.contains("value=\"both\""), page);
        assertFalse(page.contains("id=\"unprintable\""), "nothing to print as boxes: " + page);
        byte[] pdf = organiser.request().get("/organiser/editions/" + draft + "/programme.pdf?lang=both&large=true").then()
                .statusCode(200).contentType("application/pdf").extract().asByteArray();
        Path file = Path.of("target/print/booklet-draft.pdf");
        Files.write(file, pdf);
        assertEquals(A4_PORTRAIT, PdfTools.pageSize(file, 1));
        assertTrue(PdfTools.text(file).replace("\n", " ").contains("Aucune séance n’est encore au programme. / No session is on the programme yet."));
        Pages.anonymous().get("/organiser/editions/" + draft + "/programme.pdf").then().statusCode(303);

        long open = Api.openEdition();
        String public_ = given().get("/editions/" + open).then().statusCode(200).extract().asString();
        assertTrue(public_.contains("/api/v1/editions/" + open + "/programme.pdf?lang=fr"), public_);
    }

    @Test
    void theProgrammeAndPlanPagesNameWhatWouldPrintAsEmptyBoxes() {
        long edition = Api.edition(Api.forumDay());
        String base = "/api/v1/editions/" + edition;
        long hall = Api.organiser().body(Map.of("name", "Hall \uD83C\uDFAA", "kind", "HALL", "widthM", 30, "depthM", 20))
                .post(base + "/spaces").then().statusCode(201).extract().jsonPath().getLong("id");
        long museum = Api.institution("博物馆");
        Api.organiser().body(Map.of("number", 1, "institutionId", museum, "spaceId", hall))
                .post(base + "/stands").then().statusCode(201);
        Api.organiser().body(Map.of("number", 2, "institutionId", Api.institution("Ελληνικό"), "spaceId", hall))
                .post(base + "/stands").then().statusCode(201);
        Api.organiser().body(Map.of("spaceId", hall, "aisleM", 2.0)).post(base + "/floorplan/layout").then().statusCode(200);
        long studio = Api.space(edition, "Studio 7", "STUDIO", 40);
        Api.organiser().body(Map.of("kind", "WORKSHOP", "title", "Atelier \uD83C\uDFA8 couleurs", "day", Api.forumDay(),
                "startsAt", "11:00", "endsAt", "12:00", "spaceId", studio, "seats", 10)).post(base + "/sessions").then()
                .statusCode(201);
        Api.organiser().body(Map.of("kind", "TALK", "title", "Débat en grec : Ελένη", "description", "Récit 王 et 王小",
                "day", Api.forumDay(), "startsAt", "14:00", "endsAt", "15:00", "spaceId", studio)).post(base + "/sessions")
                .then().statusCode(201);
        Api.organiser().body(Map.of("name", "Чайковский", "kind", "other")).post(base + "/guests").then().statusCode(201);
        Api.organiser().body(Map.of("name", "王小明", "kind", "other")).post(base + "/guests").then().statusCode(201);
        Api.organiser().body(Map.of("name", "李华", "kind", "other")).post(base + "/guests").then().statusCode(201);

        Pages organiser = Pages.signIn();
        String e = "/organiser/editions/" + edition;
        String programme = unprintable(organiser.get(e + "/programme?lang=fr").then().statusCode(200).extract().asString());
        // each thing once, under its name, linked to where it is corrected, its letters once: a session's description
        // under its title, an institution's short name (its stand on the plan) under its name
        assertTrue(programme.contains("<p>6 éléments du programme portent des lettres que la police du programme imprimé ne"
                + " sait pas dessiner"), programme);
        assertTrue(programme.contains("<li><a href=\"" + e + "/spaces/" + hall + "#form\">Hall \uD83C\uDFAA</a>\u00a0: "
                + "«\u00a0\uD83C\uDFAA\u00a0»</li>"), programme);
        assertTrue(programme.contains("\">Atelier \uD83C\uDFA8 couleurs</a>\u00a0: «\u00a0\uD83C\uDFA8\u00a0»</li>"), programme);
        assertTrue(programme.contains("\">Débat en grec : Ελένη</a>\u00a0: «\u00a0王小\u00a0»</li>"), programme);
        assertTrue(programme.contains("<li><a href=\"/organiser/institutions/" + museum + "\">博物馆 (musée)</a>\u00a0: "
                + "«\u00a0博物馆\u00a0»</li>"), programme);
        assertTrue(programme.contains("<li><a href=\"" + e + "#guests\">王小明</a>\u00a0: «\u00a0王小明\u00a0»</li>"), programme);
        assertTrue(programme.contains("<li><a href=\"" + e + "#guests\">李华</a>\u00a0: «\u00a0李华\u00a0»</li>"),
                "two guests listed on one page, each by name: " + programme);
        assertFalse(programme.contains("Ελληνικό") || programme.contains("Чайковский") || programme.contains("Studio 7"),
                "Greek, Cyrillic and Latin print: " + programme);
        // the links lead where each is corrected
        assertTrue(organiser.get(e + "/sessions/" + Api.organiser().get(base + "/sessions").then().extract().jsonPath()
                .getLong("find { it.title == 'Débat en grec : Ελένη' }.id")).then().statusCode(200).extract().asString()
                .contains("Récit 王 et 王小"));
        assertTrue(unprintable(organiser.get(e + "/programme?lang=en").then().statusCode(200).extract().asString())
                .contains("<p>6 items of the programme have letters the printed programme’s font cannot draw"));

        String plan = unprintable(organiser.get(e + "/floorplan?lang=fr&spaceId=" + hall).then().statusCode(200).extract()
                .asString());
        assertTrue(plan.contains("<p>2 éléments du plan portent des lettres que la police du plan en PDF ne sait pas dessiner"),
                plan);
        assertTrue(plan.contains(">Hall \uD83C\uDFAA</a>") && plan.contains(">博物馆 (musée)</a>"), plan);
        assertFalse(plan.contains("Atelier") || plan.contains("Ελληνικό") || plan.contains("王小明"), plan);
    }

    /** The part of a page that lists what would print as empty boxes. */
    private static String unprintable(String page) {
        int at = page.indexOf("id=\"unprintable\"");
        assertTrue(at > 0, page);
        return page.substring(at, page.indexOf("</div>", at));
    }

    private static Path fetch(long edition, String query, String name) {
        byte[] pdf = given().accept("application/pdf").get("/api/v1/editions/" + edition + "/programme.pdf?" + query).then()
                .statusCode(200).contentType("application/pdf").extract().asByteArray();
        Path file = Path.of("target/print/" + name);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static boolean hasDrawing(PdfDocument pdf, int page) {
        var xobjects = pdf.getPage(page).getResources().getResource(PdfName.XObject);
        return xobjects != null && !xobjects.keySet().isEmpty();
    }

    /** The smallest text on a page, in points as printed (font size times the text matrix's scale). */
    private static float smallestText(PdfDocument pdf, int page) {
        float[] smallest = {Float.MAX_VALUE};
        IEventListener listener = new IEventListener() {
            @Override
            public void eventOccurred(IEventData data, EventType type) {
                if (data instanceof TextRenderInfo info && !info.getText().isBlank()) {
                    float height = info.getAscentLine().getStartPoint().get(1) - info.getDescentLine().getStartPoint().get(1);
                    float size = info.getFontSize() * info.getTextMatrix().get(4);
                    smallest[0] = Math.min(smallest[0], Math.abs(size) > 0 ? Math.abs(size) : height);
                }
            }

            @Override
            public Set<EventType> getSupportedEvents() {
                return Set.of(EventType.RENDER_TEXT);
            }
        };
        new PdfCanvasProcessor(listener).processPageContent(pdf.getPage(page));
        return smallest[0];
    }
}
