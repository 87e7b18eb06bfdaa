package org.relais.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relais.print.Booklet.Words;

/** The booklet's layout on its own: days, many spaces, overlapping sessions, scripts, PDF/UA. */
class BookletPdfTest {

    @Test
    void aTwoDayForumWithTwelveSpacesAndADoubleBookingStaysRegularAndReadable() throws Exception {
        List<Booklet.GlanceColumn> columns = new ArrayList<>();
        List<Booklet.GlanceCell> cells = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            // Space 3 has two sessions at once: two lanes.
            columns.add(new Booklet.GlanceColumn("Salle " + (i + 1), i == 3 ? 2 : 1));
        }
        int column = 0;
        for (int i = 0; i < 12; i++) {
            cells.add(new Booklet.GlanceCell(i % 6 * 4, 4, column, "1" + (i % 6) + ":00", "Séance " + (i + 1)));
            if (i == 3) {
                cells.add(new Booklet.GlanceCell(i % 6 * 4 + 2, 4, column + 1, "13:30", "Doublon en salle 4"));
                column++;
            }
            column++;
        }
        List<Booklet.GlanceHour> hours = new ArrayList<>();
        for (int h = 0; h < 7; h++) {
            hours.add(new Booklet.GlanceHour(String.format("%02d:00", 10 + h), h * 4));
        }
        List<Booklet.GlanceDay> glance = List.of(
                new Booklet.GlanceDay(Words.of("lundi 5 mars"), LocalTime.of(10, 0), LocalTime.of(17, 0), columns, 28, hours,
                        cells),
                new Booklet.GlanceDay(Words.of("mardi 6 mars"), LocalTime.of(10, 0), LocalTime.of(17, 0),
                        columns.subList(0, 2), 28, hours,
                        List.of(new Booklet.GlanceCell(0, 28, 0, "10:00–17:00", "Stands toute la journée"))));
        List<Booklet.Fact> facts = List.of(new Booklet.Fact(new Words("Lieu", "Where"), Words.of("Salle 1")));
        Booklet booklet = new Booklet("fr", "en", "Programme – test", new Booklet.Cover(Words.of("Programme"),
                "Forum d’essai", "thème", new Words("Accueilli par X", "Hosted by X"), Words.of("lundi 5 et mardi 6 mars"),
                "Lieu", "Adresse"), new Words("La journée en un coup d’œil", "The day at a glance"), glance,
                new Words("Le programme", "The programme"),
                List.of(new Booklet.SessionDay(Words.of("lundi 5 mars"), List.of(new Booklet.SessionEntry("10:00–11:00",
                        new Words("Atelier", "Workshop"), "Ворк-шоп: «Культура для всех» — مرحبا بكم", "Ελληνικά", facts)))),
                Words.of("rien"), Words.of("Plan"), List.of(), Words.of("Établissements"),
                List.of(new Booklet.Entry("Musée", facts, "Une offre pour les relais."), new Booklet.Entry("مكتبة الحي", facts,
                        "نستقبل العائلات كل يوم سبت في المكتبة لقراءة القصص معا ونقدم ورشات للكتابة والرسم للأطفال والكبار")),
                Words.of("Invités"), List.of(),
                Words.of("Pratique"), facts, new Words("\u00a0: ", ": "));

        Path file = Path.of("target/print/booklet-synthetic.pdf");
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            BookletPdf.write(booklet, new BookletPdf.Options(false, false), out);
        }
        assertEquals(List.of(), PdfTools.pdfUaFailures(file), "PDF/UA-1");
        String text = PdfTools.text(file).replace("\n", " ");
        // Thirteen lanes make two parts of the first day (at most eight a page); the second day is one. Each says
        // the hours it spans, its end included, which has no hour's row of its own.
        assertTrue(text.contains("lundi 5 mars, 10:00–17:00 (1/2)") && text.contains("lundi 5 mars, 10:00–17:00 (2/2)"),
                text);
        assertTrue(text.contains("mardi 6 mars, 10:00–17:00") && !text.contains("mardi 6 mars, 10:00–17:00 ("), text);
        assertTrue(text.contains("Salle 12") && text.contains("Doublon en salle 4") && text.contains("Stands toute la journée"),
                text);
        assertTrue(text.contains("Ворк-шоп: «Культура для всех»") && text.contains("Ελληνικά"), text);
        // Arabic is drawn joined and right to left, line by line, so that it reads back in its order (pdftotext
        // wraps right-to-left runs in embedding marks: formatting, not letters). Drawn as written, letter after
        // letter from the left, it read back backwards.
        String arabic = text.replaceAll("[\u202A-\u202E\u2066-\u2069]", "");
        for (String words : List.of("مرحبا بكم", "مكتبة الحي", "نستقبل العائلات كل يوم سبت", "للكتابة والرسم للأطفال والكبار")) {
            assertTrue(arabic.contains(words), () -> "missing " + words + " in " + arabic);
        }
        // Right to left is also set from the right margin, each line measured as it is drawn (joined letters
        // are narrower than letters alone): the Arabic name and both lines of its offer end at the margin, as
        // the French lines start at the other. Measured unjoined and set from the left, they ended 20-90 pt short.
        int page = 1;
        while (!PdfTools.text(file, page).contains("Une offre pour les relais.")) {
            page++;
        }
        List<PdfTools.Line> lines = PdfTools.lines(file, page);
        List<PdfTools.Line> rtl = lines.stream().filter(l -> l.text().matches(".*[\u0600-\u06FF].*")).toList();
        double margin = lines.stream().mapToDouble(PdfTools.Line::left).min().orElseThrow();
        double edge = Double.parseDouble(PdfTools.pageSize(file, page).split(" x ")[0]) - margin;
        assertEquals(3, rtl.size(), () -> "the name and two lines of offer: " + rtl);
        for (PdfTools.Line line : rtl) {
            assertEquals(edge, line.right(), 1.5, () -> "not at the right margin: " + line);
        }
        assertTrue(rtl.get(2).left() > margin + 50, () -> "the offer's last line is ragged on the left: " + rtl);

        Path large = Path.of("target/print/booklet-synthetic-large.pdf");
        try (OutputStream out = Files.newOutputStream(large)) {
            BookletPdf.write(booklet, new BookletPdf.Options(true, false), out);
        }
        assertEquals(List.of(), PdfTools.pdfUaFailures(large), "PDF/UA-1 in large print");
        // Cut in windows of three hours, each saying its own; the last, shorter, ends with the day.
        String largeText = PdfTools.text(large).replace("\n", " ");
        assertTrue(largeText.contains("lundi 5 mars, 10:00–13:00 (1/") && largeText.contains("mardi 6 mars, 13:00–16:00 (")
                && largeText.contains("mardi 6 mars, 16:00–17:00 ("), largeText);
    }
    @Test
    void aLongTitleInALateShortSlotKeepsTheDaysGridOnOnePage() throws Exception {
        // The demo forum with a second lane in its hall: eight lanes, and a half-hour talk at 15:30 whose title
        // takes five lines. Its rows grew, and the grid's last rows went over to the next page, the title cut.
        List<Booklet.GlanceColumn> columns = new ArrayList<>();
        for (String name : List.of("Agora", "Atelier radio 1", "Atelier radio 2", "Hall d'accueil", "Salle de rencontre",
                "Studio 104", "Studio 105")) {
            columns.add(new Booklet.GlanceColumn(name, name.equals("Agora") ? 2 : 1));
        }
        String talk = "Le Défenseur des droits aux côtés des acteurs sociaux";
        List<Booklet.GlanceCell> cells = List.of(new Booklet.GlanceCell(2, 22, 0, "10:30–16:00", "Temps de rencontre"),
                new Booklet.GlanceCell(20, 3, 1, "15:00–15:45", "Lecture"),
                new Booklet.GlanceCell(0, 2, 6, "10:00–10:30", "Ouverture du forum"),
                new Booklet.GlanceCell(4, 4, 2, "11:00–12:00", "Atelier radio : réaliser une interview"),
                new Booklet.GlanceCell(8, 4, 5, "12:00–13:00", "Les archives audiovisuelles en classe et en atelier"),
                new Booklet.GlanceCell(20, 4, 4, "15:00–16:00", "Visite de la Maison de la Radio"),
                new Booklet.GlanceCell(22, 2, 5, "15:30–16:00", talk));
        List<Booklet.GlanceHour> hours = new ArrayList<>();
        for (int h = 0; h < 6; h++) {
            hours.add(new Booklet.GlanceHour(String.format("%02d:00", 10 + h), h * 4));
        }
        List<Booklet.Fact> facts = List.of(new Booklet.Fact(new Words("Lieu", "Where"), Words.of("Agora")));
        Booklet booklet = new Booklet("fr", null, "Programme", new Booklet.Cover(Words.of("Programme"), "Forum", "thème",
                Words.of("Accueilli par X"), Words.of("mardi 2 février"), "Lieu", "Adresse"),
                Words.of("La journée en un coup d’œil"),
                List.of(new Booklet.GlanceDay(Words.of("mardi 2 février 2027"), LocalTime.of(10, 0), LocalTime.of(16, 0),
                        columns, 24, hours, cells)),
                Words.of("Le programme"), List.of(new Booklet.SessionDay(Words.of("mardi 2 février"), List.of(
                        new Booklet.SessionEntry("15:30–16:00", Words.of("Rencontre"), talk, "", facts)))),
                Words.of("rien"), Words.of("Plan"), List.of(), Words.of("Établissements"), List.of(), Words.of("Invités"),
                List.of(), Words.of("Pratique"), facts, Words.of("\u00a0: "));
        Path file = Path.of("target/print/booklet-late-title.pdf");
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            BookletPdf.write(booklet, new BookletPdf.Options(false, false), out);
        }
        assertEquals(List.of(), PdfTools.pdfUaFailures(file), "PDF/UA-1");
        String grid = PdfTools.text(file, 2).replaceAll("\\s+", " ");
        assertTrue(grid.contains("La journée en un coup d’œil") && grid.contains(talk), grid);
        assertTrue(!PdfTools.text(file, 3).contains("Studio 105"), "the grid's columns again on the next page");
    }
}
