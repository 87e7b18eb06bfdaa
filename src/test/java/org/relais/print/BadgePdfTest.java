package org.relais.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BadgePdfTest {

    static final Path OUT = Path.of("target/print");
    private static final SecureRandom RANDOM = new SecureRandom();

    static String code() {
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUV";
        StringBuilder b = new StringBuilder("R");
        for (int i = 0; i < 116; i++) {
            b.append(alphabet.charAt(RANDOM.nextInt(32)));
        }
        return b.toString();
    }

    static Badge badge(String first, String last, String organisation) {
        return new Badge(first, last, organisation, "Relais", 0x1F5FA8, "14e Forum Vivre ensemble",
                "mardi 5 mars 2019", code(), "Mon programme",
                List.of("10:00–11:30  Atelier : accueillir des groupes — Salle Messiaen",
                        "14:00–15:00  Table ronde — Auditorium"));
    }

    @Test
    void namesInEveryScriptComeBackInReadingOrderAndEveryCodeScans() throws Exception {
        List<Badge> badges = new ArrayList<>(List.of(
                badge("Maryam", "العلي", "جمعية الثقافة للجميع"),
                badge("Ŝœur Łucja-Ĳsbrand", "Ñúñez-Øvergård", "Maison de quartier des Épinettes"),
                badge("Дмитрий", "Достоевский-Щербаков", "Центр социальной помощи"),
                badge("Αλέξανδρος", "Παπαδόπουλος", "Κέντρο Κοινότητας"),
                badge("Marie-Christine-Bénédicte-Alexandrine", "de La Tour d’Auvergne-Lauraguais de Montmorency",
                        "Association départementale pour l’accompagnement des personnes en situation de handicap"),
                badge("محمد", "عبد الرحمن", "Secours populaire"),
                badge("علاء", "Maryam العلي", "لا بأس"),
                badge("Jean", "Dupont", "Emmaüs")));
        Path pdf = OUT.resolve("scripts.pdf");
        Files.createDirectories(OUT);
        try (OutputStream out = Files.newOutputStream(pdf)) {
            BadgePdf.write(badges.iterator(), SheetLayout.byId("a4-8").orElseThrow(), true, "Badges", out);
        }
        assertEquals(2, PdfTools.pages(pdf));
        // A compound name wraps after its hyphen ("Достоевский-" / "Щербаков"), which pdftotext then
        // takes for a hyphenated word and joins: each part is checked on its own.
        // pdftotext wraps right-to-left runs in embedding marks: formatting, not letters.
        String text = PdfTools.text(pdf, 1).replaceAll("[\u202A-\u202E\u2066-\u2069]", "");
        for (String expected : List.of("Maryam", "العلي", "جمعية الثقافة للجميع", "Ŝœur Łucja-Ĳsbrand", "Ñúñez-Øvergård",
                "Дмитрий", "Достоевский", "Щербаков", "Αλέξανδρος", "Παπαδόπουλος", "عبد الرحمن", "محمد", "علاء", "Maryam العلي", "لا بأس")) {
            assertTrue(text.contains(expected), () -> "missing " + expected + " in\n" + text);
        }
        Path png = PdfTools.render(pdf, 1, 150, OUT);
        List<String> scanned = PdfTools.qrCodes(png, SheetLayout.byId("a4-8").orElseThrow(), 150);
        assertEquals(badges.stream().map(Badge::code).sorted().toList(), scanned.stream().sorted().toList());
    }
}
