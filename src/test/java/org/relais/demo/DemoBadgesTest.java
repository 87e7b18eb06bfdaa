package org.relais.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relais.Api;
import org.relais.badge.BadgeHolder;
import org.relais.edition.Edition;
import org.relais.print.PdfTools;
import org.relais.print.SheetLayout;
import org.relais.registration.Registration;

/** The 2018 demo forum's badges, as the organiser prints them: every one spelled right and scannable. */
@QuarkusTest
class DemoBadgesTest {

    @Inject
    DemoData demo;

    @Test
    void everyBadgeOfTheDemoForumReadsAndScans() throws Exception {
        demo.load(true);
        Edition forum = Edition.findByNumber(14).orElseThrow();
        List<String> expected = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Registration r : Registration.listByEdition(forum)) {
            expected.add(r.code);
            names.add(r.lastName);
        }
        for (BadgeHolder h : BadgeHolder.listByEdition(forum)) {
            expected.add(h.code);
            names.add(h.lastName);
        }
        assertTrue(expected.size() >= 30, "the demo forum has relays and staff: " + expected.size());

        byte[] pdf = Api.organiser().accept("application/pdf").get("/api/v1/editions/" + forum.id + "/badges.pdf")
                .then().statusCode(200).extract().asByteArray();
        Path file = Path.of("target/print/demo-2018.pdf");
        Files.createDirectories(file.getParent());
        Files.write(file, pdf);
        int pages = PdfTools.pages(file);
        assertEquals((expected.size() + 7) / 8, pages);

        String text = PdfTools.text(file).replaceAll("[\\u202A-\\u202E\\u2066-\\u2069]", "").replace("\n", " ");
        for (String name : names) {
            // A compound name may wrap after its hyphen, which pdftotext joins: compare without hyphens.
            assertTrue(text.replace("-", "").contains(name.replace("-", "")), () -> "missing " + name);
        }
        List<String> scanned = new ArrayList<>();
        for (int page = 1; page <= pages; page++) {
            scanned.addAll(PdfTools.qrCodes(PdfTools.render(file, page, 150, Path.of("target/print")),
                    SheetLayout.byId("a4-8").orElseThrow(), 150));
        }
        assertEquals(expected.stream().sorted().toList(), scanned.stream().sorted().toList());
    }
}
