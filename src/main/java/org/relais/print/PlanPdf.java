package org.relais.print;

import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.xobject.PdfFormXObject;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.element.AreaBreak;
import com.itextpdf.layout.element.Image;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.ConcurrentMap;

/**
 * Floor plans as PDF, landscape A4 or A3, one hall per page: the plan to a round scale (1:100,
 * 1:200…) with a scale bar and the entrance marked, stands numbered (and named when the name
 * fits), a legend, and an index of institutions with their stand numbers. Names that do not fit
 * a stand are in the index only. The file is tagged (PDF/UA-1): each plan is a figure described
 * in words.
 */
public final class PlanPdf {

    private static final double MM = SheetLayout.POINTS_PER_MM;
    private static final int[] SCALES = {50, 100, 150, 200, 250, 300, 400, 500, 750, 1000};

    private PlanPdf() {
    }

    /** One hall's plan, in metres from its top-left corner. */
    public record Plan(String title, String subtitle, double width, double depth, List<Shape> obstacles, List<Shape> stands,
            List<Legend> legend, List<IndexLine> index, String indexTitle, String scaleWords, String entranceWords) {

        /** The same plan without its index, where a directory beside it gives every stand number. */
        public Plan withoutIndex() {
            return new Plan(title, subtitle, width, depth, obstacles, stands, legend, List.of(), indexTitle, scaleWords,
                    entranceWords);
        }

        /**
         * The same plan with its legend and scale in two languages ("Musée / Museum"), the second's words taken from
         * the same plan made in that language. The title stays in the first: it is names, and the page's heading
         * above it is in both.
         */
        public Plan withSecondLanguage(Plan second) {
            List<Legend> both = new java.util.ArrayList<>();
            for (int i = 0; i < legend.size(); i++) {
                both.add(new Legend(legend.get(i).colour(), twice(legend.get(i).words(), second.legend().get(i).words())));
            }
            return new Plan(title, subtitle, width, depth, obstacles, stands, both, index, twice(indexTitle,
                    second.indexTitle()), twice(scaleWords, second.scaleWords()), twice(entranceWords,
                    second.entranceWords()));
        }

        private static String twice(String first, String second) {
            return first.equals(second) ? first : first + " / " + second;
        }
    }

    /** A rectangle to draw, its fill, and its words (a stand's number and name; an obstacle's kind). */
    public record Shape(double x, double y, double width, double depth, int fill, String number, String label,
            boolean entrance) {
    }

    public record Legend(int colour, String words) {
    }

    public record IndexLine(String name, String numbers) {
    }

    public enum Format {
        A4(297, 210), A3(420, 297);

        final double widthMm;
        final double heightMm;

        Format(double widthMm, double heightMm) {
            this.widthMm = widthMm;
            this.heightMm = heightMm;
        }
    }

    /** A plan and what it shows in words, for whoever cannot see it (a screen reader reads this). */
    public record Figure(Plan plan, String description) {
    }

    /**
     * One page per plan, in a tagged PDF that passes PDF/UA-1: each plan is a figure with its
     * description; with no plan, one empty page.
     */
    public static void write(List<Figure> figures, Format format, String title, String language, OutputStream out) {
        ConcurrentMap<Integer, String>[] used = BadgePdf.newGlyphMaps();
        PdfDocument pdf = BookletPdf.accessible(out, language, title);
        PdfFont regular = BadgePdf.font(Face.REGULAR);
        PdfFont bold = BadgePdf.font(Face.BOLD);
        PageSize page = new PageSize((float) (format.widthMm * MM), (float) (format.heightMm * MM));
        Document doc = new Document(pdf, page, false);
        doc.setMargins(0, 0, 0, 0);
        doc.setFont(regular);
        for (int i = 0; i < figures.size(); i++) {
            if (i > 0) {
                doc.add(new AreaBreak(page));
            }
            Figure f = figures.get(i);
            doc.add(figure(pdf, f.plan(), f.description(), page.getWidth(), page.getHeight(), 12 * MM, regular, bold, used));
        }
        if (figures.isEmpty()) {
            pdf.addNewPage(page);
        }
        BadgePdf.register(regular, Face.REGULAR, used[0]);
        BadgePdf.register(bold, Face.BOLD, used[1]);
        doc.close();
    }

    /** A plan drawn on a figure of {@code width} × {@code height} points, tagged with its description. */
    static Image figure(PdfDocument pdf, Plan plan, String description, float width, float height, double margin,
            PdfFont regular, PdfFont bold, ConcurrentMap<Integer, String>[] used) {
        PdfOps ops = new PdfOps(used);
        draw(ops, plan, width, height, margin);
        PdfFormXObject drawing = new PdfFormXObject(new Rectangle(width, height));
        drawing.getPdfObject().setData(ops.bytes());
        BadgePdf.addFaces(drawing.getResources(), pdf, regular, bold);
        Image image = new Image(drawing);
        image.getAccessibilityProperties().setAlternateDescription(description);
        return image;
    }

    /** Draws one plan on a page (or a figure) of {@code pw} × {@code ph} points, {@code margin} kept clear all round. */
    static void draw(Surface s, Plan plan, double pw, double ph, double margin) {
        // Without an index (the booklet has a directory instead), the plan takes the whole width.
        double indexWidth = plan.index().isEmpty() ? 0 : 78 * MM;
        double top = ph - margin;
        Line title = line(plan.title(), Face.BOLD, pw - 2 * margin, 16);
        s.text(title.text, margin, top - title.size, title.size, 0x1A1A1A);
        Line subtitle = line(plan.subtitle(), Face.REGULAR, pw - 2 * margin, 10);
        s.text(subtitle.text, margin, top - title.size - 14, subtitle.size, 0x555555);
        double areaTop = top - title.size - 26;
        double areaWidth = pw - 2 * margin - indexWidth - (indexWidth > 0 ? 8 * MM : 0);
        // The legend is placed first (a key, its words, its line): the plan gets what it and the scale bar leave.
        List<Placed> keys = new java.util.ArrayList<>();
        int legendLines = 1;
        double lx = 0;
        for (Legend l : plan.legend()) {
            Line words = line(l.words(), Face.REGULAR, 90 * MM, 7); // room for two languages
            double w = 4 * MM + words.text.widthAt(words.size);
            if (lx > 0 && lx + w > areaWidth) {
                legendLines++;
                lx = 0;
            }
            keys.add(new Placed(l.colour(), words, lx, legendLines - 1));
            lx += w + 5 * MM;
        }
        double areaBottom = margin + 6 * MM + legendLines * 4.5 * MM + 2 * MM;
        double areaHeight = areaTop - areaBottom;
        // The largest round scale at which the hall fits.
        double pointsPerMetre = 0;
        int scale = SCALES[SCALES.length - 1];
        for (int candidate : SCALES) {
            double ppm = 1000.0 / candidate * MM;
            if (plan.width() * ppm <= areaWidth && plan.depth() * ppm <= areaHeight) {
                scale = candidate;
                pointsPerMetre = ppm;
                break;
            }
        }
        if (pointsPerMetre == 0) {
            pointsPerMetre = Math.min(areaWidth / plan.width(), areaHeight / plan.depth());
            scale = (int) Math.round(1000 * MM / pointsPerMetre);
        }
        double ox = margin;
        double oy = areaTop; // the hall's top-left corner; y grows downward in the plan
        double hallW = plan.width() * pointsPerMetre;
        double hallH = plan.depth() * pointsPerMetre;
        s.fillRect(ox, oy - hallH, hallW, hallH, 0xFAFAFA);
        for (Shape o : plan.obstacles()) {
            box(s, o, ox, oy, pointsPerMetre);
        }
        for (Shape st : plan.stands()) {
            box(s, st, ox, oy, pointsPerMetre);
        }
        outline(s, ox, oy - hallH, hallW, hallH, 1.5, 0x333333);

        // The legend under the plan, in as many lines as it needs.
        for (Placed k : keys) {
            double x = ox + k.x();
            double y = areaBottom - 5 * MM - k.line() * 4.5 * MM;
            s.fillRect(x, y, 3 * MM, 3 * MM, k.colour());
            s.text(k.words().text, x + 4 * MM, y + 0.6 * MM, k.words().size, 0x333333);
        }

        // The scale bar at the bottom: 5 or 10 m in 1 m steps, the scale in words beside it.
        double barMetres = plan.width() >= 30 ? 10 : 5;
        double by = margin;
        for (int m = 0; m < barMetres; m++) {
            s.fillRect(ox + m * pointsPerMetre, by, pointsPerMetre, 2 * MM, m % 2 == 0 ? 0x333333 : 0xFFFFFF);
        }
        outline(s, ox, by, barMetres * pointsPerMetre, 2 * MM, 0.5, 0x333333);
        Line bar = line(((int) barMetres) + " m · 1:" + scale + " · " + plan.scaleWords(), Face.REGULAR,
                areaWidth - barMetres * pointsPerMetre - 4 * MM, 8);
        s.text(bar.text, ox + barMetres * pointsPerMetre + 3 * MM, by + 0.3 * MM, bar.size, 0x333333);

        // The index: institutions and their stand numbers, in a column at the right.
        if (plan.index().isEmpty()) {
            return;
        }
        double ix = pw - margin - indexWidth;
        double iy = areaTop;
        Line head = line(plan.indexTitle(), Face.BOLD, indexWidth, 10);
        s.text(head.text, ix, iy - head.size, head.size, 0x1A1A1A);
        iy -= head.size + 6;
        int lines = 0;
        for (IndexLine entry : plan.index()) {
            lines += Shaper.shape(entry.name(), Face.REGULAR).widthAt(8) > indexWidth - 14 * MM ? 2 : 1;
        }
        // One size for the whole index, as large as the column allows; a long name takes two lines.
        double size = Math.max(5, Math.min(8, (iy - margin) / Math.max(1, lines) / 1.2));
        for (IndexLine entry : plan.index()) {
            Line numbers = line(entry.numbers(), Face.BOLD, 12 * MM, size);
            s.text(numbers.text, ix, iy - size, numbers.size, 0x1A1A1A);
            for (TextFit.Line l : TextFit.fit(entry.name(), Face.REGULAR, indexWidth - 14 * MM, size, size, 2)) {
                s.text(l.text(), ix + 14 * MM, iy - l.size(), l.size(), 0x333333);
                iy -= l.size() * 1.2;
            }
        }
    }

    private static void box(Surface s, Shape shape, double ox, double oy, double ppm) {
        double x = ox + shape.x() * ppm;
        double w = shape.width() * ppm;
        double h = shape.depth() * ppm;
        double y = oy - shape.y() * ppm - h;
        s.fillRect(x, y, w, h, shape.fill());
        outline(s, x, y, w, h, 0.5, 0x333333);
        if (shape.entrance()) {
            Line words = line("▲", Face.BOLD, w, Math.max(6, Math.min(w, h) * 0.9));
            s.text(words.text, x + (w - words.text.widthAt(words.size)) / 2, y + h + 1, words.size, 0x1E7B34);
        }
        if (shape.number() != null) {
            Line n = line(shape.number(), Face.BOLD, w - 2, Math.min(10, h * 0.4));
            s.text(n.text, x + (w - n.text.widthAt(n.size)) / 2, y + h * 0.55, n.size, 0x1A1A1A);
        }
        if (shape.label() != null) {
            // The name only if it fits at a readable size; the index has it anyway.
            ShapedText label = Shaper.shape(shape.label(), Face.REGULAR);
            double size = Math.min(6, h * 0.25);
            if (size >= 3.5 && label.widthAt(size) <= w - 2) {
                s.text(label, x + (w - label.widthAt(size)) / 2, y + h * 0.18, size, 0x333333);
            }
        }
    }

    private static void outline(Surface s, double x, double y, double w, double h, double width, int rgb) {
        s.line(x, y, x + w, y, width, rgb);
        s.line(x + w, y, x + w, y + h, width, rgb);
        s.line(x + w, y + h, x, y + h, width, rgb);
        s.line(x, y + h, x, y, width, rgb);
    }

    private record Line(ShapedText text, double size) {
    }

    /** A legend key where it goes: its colour, its words, points from the left and which line. */
    private record Placed(int colour, Line words, double x, int line) {
    }

    /** A one-line text at a size, made smaller if it does not fit the width. */
    private static Line line(String text, Face face, double width, double size) {
        ShapedText t = Shaper.shape(text == null ? "" : text, face);
        double fit = t.width() <= 0 ? size : Math.min(size, width * 1000 / t.width());
        return new Line(t, fit);
    }
}
