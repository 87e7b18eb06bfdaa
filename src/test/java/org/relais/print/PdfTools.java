package org.relais.print;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Independent readers of what Relais prints: poppler's pdftotext and pdftoppm, and zbar's zbarimg. */
public final class PdfTools {

    private PdfTools() {
    }

    public static String text(Path pdf) {
        return run("pdftotext", "-enc", "UTF-8", pdf.toString(), "-");
    }

    public static String text(Path pdf, int page) {
        return run("pdftotext", "-enc", "UTF-8", "-f", "" + page, "-l", "" + page, pdf.toString(), "-");
    }

    /** A page's lines as pdftotext finds them: each line's words, and its left and right edges in points. */
    public static List<Line> lines(Path pdf, int page) {
        String xhtml = run("pdftotext", "-bbox-layout", "-f", "" + page, "-l", "" + page, pdf.toString(), "-");
        List<Line> lines = new java.util.ArrayList<>();
        var line = java.util.regex.Pattern.compile("<line xMin=\"([\\d.]+)\" yMin=\"[\\d.]+\" xMax=\"([\\d.]+)\"[^>]*>(.*?)</line>",
                java.util.regex.Pattern.DOTALL).matcher(xhtml);
        var word = java.util.regex.Pattern.compile("<word[^>]*>([^<]*)</word>");
        while (line.find()) {
            List<String> words = new java.util.ArrayList<>();
            var w = word.matcher(line.group(3));
            while (w.find()) {
                words.add(w.group(1));
            }
            lines.add(new Line(String.join(" ", words), Double.parseDouble(line.group(1)), Double.parseDouble(line.group(2))));
        }
        return lines;
    }

    public record Line(String text, double left, double right) {
    }

    public static int pages(Path pdf) {
        for (String line : run("pdfinfo", pdf.toString()).split("\n")) {
            if (line.startsWith("Pages:")) {
                return Integer.parseInt(line.substring(6).strip());
            }
        }
        throw new AssertionError("pdfinfo gave no page count");
    }

    /** Renders one page to PNG at a resolution and returns the file. */
    public static Path render(Path pdf, int page, int dpi, Path dir) throws IOException {
        Files.createDirectories(dir);
        String prefix = dir.resolve(pdf.getFileName().toString().replace(".pdf", "") + "-p" + page + "-" + dpi).toString();
        run("pdftoppm", "-png", "-r", "" + dpi, "-f", "" + page, "-l", "" + page, "-singlefile", pdf.toString(), prefix);
        return Path.of(prefix + ".png");
    }

    /** Every QR code zbarimg finds in an image, as it reads them. */
    public static List<String> qrCodes(Path png) {
        String out = run(List.of(0, 4), "zbarimg", "-q", "--raw", "-Sdisable", "-Sqrcode.enable", png.toString());
        List<String> codes = new ArrayList<>(Arrays.asList(out.split("\n")));
        codes.removeIf(String::isBlank);
        return codes;
    }

    /**
     * Every QR code of a sheet, read badge by badge: each badge's area is cut out of the page and
     * given to zbarimg alone, as a scanner sees one badge at a time (zbar reading a whole page of
     * eight codes at once now and then skips one that it reads alone).
     */
    public static List<String> qrCodes(Path png, SheetLayout layout, int dpi) throws IOException {
        java.awt.image.BufferedImage page = javax.imageio.ImageIO.read(png.toFile());
        double scale = dpi / 72.0;
        List<String> codes = new ArrayList<>();
        for (int slot = 0; slot < layout.perSheet(); slot++) {
            SheetLayout.Box box = layout.box(slot, false);
            int x = (int) Math.floor(box.x() * scale);
            int y = (int) Math.floor((layout.pageHeight() - box.y() - box.height()) * scale);
            int w = Math.min((int) Math.ceil(box.width() * scale), page.getWidth() - x);
            int h = Math.min((int) Math.ceil(box.height() * scale), page.getHeight() - y);
            Path cut = png.resolveSibling(png.getFileName().toString().replace(".png", "-slot" + slot + ".png"));
            javax.imageio.ImageIO.write(page.getSubimage(x, y, w, h), "png", cut.toFile());
            codes.addAll(qrCodes(cut));
        }
        return codes;
    }

    /** The description (alternate text) of every figure in a tagged PDF's structure, in reading order. */
    public static List<String> figureDescriptions(Path pdf) throws IOException {
        try (com.itextpdf.kernel.pdf.PdfDocument doc = new com.itextpdf.kernel.pdf.PdfDocument(
                new com.itextpdf.kernel.pdf.PdfReader(pdf.toString()))) {
            List<String> found = new ArrayList<>();
            if (doc.getStructTreeRoot() != null) {
                figures(doc.getStructTreeRoot().getKids(), found);
            }
            return found;
        }
    }

    private static void figures(List<com.itextpdf.kernel.pdf.tagging.IStructureNode> kids, List<String> found) {
        for (com.itextpdf.kernel.pdf.tagging.IStructureNode kid : kids) {
            if (kid instanceof com.itextpdf.kernel.pdf.tagging.PdfStructElem e) {
                if (com.itextpdf.kernel.pdf.PdfName.Figure.equals(e.getRole())) {
                    found.add(e.getAlt() == null ? null : e.getAlt().toUnicodeString());
                }
                figures(e.getKids(), found);
            }
        }
    }

    /**
     * What veraPDF, an independent validator, finds wrong against PDF/UA-1: one line per failed rule
     * ("7.1-3: …, 12 times"); empty when the file complies.
     */
    public static List<String> pdfUaFailures(Path pdf) {
        org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider.initialise();
        org.verapdf.pdfa.flavours.PDFAFlavour flavour = org.verapdf.pdfa.flavours.PDFAFlavour.PDFUA_1;
        try (java.io.InputStream in = Files.newInputStream(pdf);
                org.verapdf.pdfa.PDFAParser parser = org.verapdf.pdfa.Foundries.defaultInstance().createParser(in, flavour);
                org.verapdf.pdfa.PDFAValidator validator = org.verapdf.pdfa.Foundries.defaultInstance()
                        .createValidator(flavour, false)) {
            org.verapdf.pdfa.results.ValidationResult result = validator.validate(parser);
            java.util.Map<String, Integer> failed = new java.util.TreeMap<>();
            java.util.Map<String, String> words = new java.util.HashMap<>();
            for (org.verapdf.pdfa.results.TestAssertion a : result.getTestAssertions()) {
                if (a.getStatus() == org.verapdf.pdfa.results.TestAssertion.Status.FAILED) {
                    String rule = a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber();
                    failed.merge(rule, 1, Integer::sum);
                    words.putIfAbsent(rule, a.getMessage() + " (first at " + a.getLocation().getContext() + ")");
                }
            }
            List<String> lines = new ArrayList<>();
            failed.forEach((rule, n) -> lines.add(rule + ": " + words.get(rule) + ", " + n + " times"));
            if (lines.isEmpty() && !result.isCompliant()) {
                lines.add("not compliant, no rule named");
            }
            return lines;
        } catch (Exception e) {
            throw new AssertionError("veraPDF could not read " + pdf + ": " + e, e);
        }
    }

    /** The page's size in points, as pdfinfo reads it ("419.53 x 595.28"). */
    public static String pageSize(Path pdf, int page) {
        for (String line : run("pdfinfo", "-f", "" + page, "-l", "" + page, pdf.toString()).split("\n")) {
            if (line.startsWith("Page") && line.contains("size:")) {
                return line.substring(line.indexOf("size:") + 5).strip().replaceAll(" pts.*", "");
            }
        }
        throw new AssertionError("pdfinfo gave no page size");
    }

    private static String run(String... command) {
        return run(List.of(0), command);
    }

    private static String run(List<Integer> okCodes, String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
            byte[] out = p.getInputStream().readAllBytes();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || !okCodes.contains(p.exitValue())) {
                throw new AssertionError(String.join(" ", command) + " failed: " + err);
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("Cannot run " + command[0] + " (install poppler-utils and zbar-tools)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
