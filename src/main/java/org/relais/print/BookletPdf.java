package org.relais.print;

import com.itextpdf.kernel.colors.DeviceRgb;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.geom.AffineTransform;
import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfPage;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfString;
import com.itextpdf.kernel.pdf.PdfUAConformance;
import com.itextpdf.kernel.pdf.PdfVersion;
import com.itextpdf.kernel.pdf.PdfViewerPreferences;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.WriterProperties;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import com.itextpdf.kernel.pdf.tagging.PdfStructureAttributes;
import com.itextpdf.kernel.pdf.tagging.StandardRoles;
import com.itextpdf.kernel.pdf.xobject.PdfFormXObject;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.borders.Border;
import com.itextpdf.layout.borders.SolidBorder;
import com.itextpdf.layout.element.AreaBreak;
import com.itextpdf.layout.element.Cell;
import com.itextpdf.layout.element.Div;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.layout.element.Table;
import com.itextpdf.layout.element.Text;
import com.itextpdf.layout.properties.TextAlignment;
import com.itextpdf.layout.properties.UnitValue;
import com.itextpdf.layout.properties.VerticalAlignment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentMap;
import org.relais.print.Booklet.Entry;
import org.relais.print.Booklet.Fact;
import org.relais.print.Booklet.Words;

/**
 * The printed programme as a tagged PDF (PDF/UA-1: headings, reading order, tables with their
 * headers, the floor plan as a figure with its description, the document's language, fonts
 * embedded): A5 pages, or A4 in large print; optionally imposed two pages a sheet for folding.
 */
public final class BookletPdf {

    private static final float MM = (float) SheetLayout.POINTS_PER_MM;
    /** The grid's rows are quarter hours: minutes a row. */
    private static final long QUARTER = 15;
    private static final DeviceRgb INK = new DeviceRgb(0x1A, 0x1A, 0x1A);
    private static final DeviceRgb GREY = new DeviceRgb(0x55, 0x55, 0x55);
    private static final DeviceRgb ACCENT = new DeviceRgb(0x1F, 0x4E, 0x8C);
    private static final DeviceRgb CELL = new DeviceRgb(0xE3, 0xEC, 0xF7);
    private static final DeviceRgb RULE = new DeviceRgb(0xBB, 0xBB, 0xBB);

    private BookletPdf() {
    }

    /**
     * @param largePrint body text at 16 pt on A4 pages instead of 9.5 pt on A5
     * @param imposed two pages a sheet (A5 on A4, or A4 on A3) in folding order, for the print shop; this
     *        copy is not tagged, the unimposed one is the accessible file
     */
    public record Options(boolean largePrint, boolean imposed) {
    }

    /** Sizes in points for one variant. */
    private record Sizes(PageSize page, float margin, float body, float small, float h1, float h2, float h3, float grid,
            float title, int gridLanes, int gridHours) {
        static Sizes of(boolean large) {
            return large
                    ? new Sizes(PageSize.A4, 18 * MM, 16, 16, 26, 21, 18, 16, 34, 4, 3)
                    : new Sizes(PageSize.A5, 13 * MM, 9.5f, 8, 16, 12.5f, 10.5f, 6.5f, 22, 8, 24);
        }
    }

    public static void write(Booklet booklet, Options options, OutputStream out) {
        if (!options.imposed()) {
            tagged(booklet, options, out);
            return;
        }
        ByteArrayOutputStream pages = new ByteArrayOutputStream();
        tagged(booklet, options, pages);
        impose(pages.toByteArray(), options.largePrint() ? PageSize.A3.rotate() : PageSize.A4.rotate(), out);
    }

    private static void tagged(Booklet b, Options options, OutputStream out) {
        Sizes z = Sizes.of(options.largePrint());
        ConcurrentMap<Integer, String>[] used = BadgePdf.newGlyphMaps();
        PdfDocument pdf = accessible(out, b.language(), b.documentTitle());
        PdfFont regular = BadgePdf.font(Face.REGULAR);
        PdfFont bold = BadgePdf.font(Face.BOLD);
        Document doc = new Document(pdf, z.page(), false);
        doc.setMargins(z.margin(), z.margin(), z.margin() + z.small() * 1.5f, z.margin());
        doc.setFont(regular).setFontSize(z.body()).setFontColor(INK);
        Writer w = new Writer(b, doc, z, regular, bold);

        w.cover();
        w.glance();
        w.sessions();
        w.plans(used);
        w.directory();
        w.guests();
        w.practical();
        w.pageNumbers();
        BadgePdf.register(regular, Face.REGULAR, used[0]);
        BadgePdf.register(bold, Face.BOLD, used[1]);
        doc.close();
    }

    /**
     * A tagged PDF for PDF/UA-1: its language, its title shown as the window's, the XMP metadata
     * that says so. What is added to it must carry its tags (iText's layout module does).
     */
    static PdfDocument accessible(OutputStream out, String language, String title) {
        WriterProperties properties = new WriterProperties().setPdfVersion(PdfVersion.PDF_1_7)
                .addPdfUaXmpMetadata(PdfUAConformance.PDF_UA_1).setFullCompressionMode(true);
        PdfDocument pdf = new PdfDocument(new PdfWriter(out, properties));
        pdf.setTagged();
        pdf.getCatalog().setLang(new PdfString(language));
        pdf.getCatalog().setViewerPreferences(new PdfViewerPreferences().setDisplayDocTitle(true));
        pdf.getDocumentInfo().setTitle(title);
        pdf.getDocumentInfo().setCreator("Relais");
        return pdf;
    }

    /** Lays the booklet out on a document, section after section, each from a new page. */
    private static final class Writer {
        private final Booklet b;
        private final Document doc;
        private final Sizes z;
        private final PdfFont regular;
        private final PdfFont bold;

        Writer(Booklet b, Document doc, Sizes z, PdfFont regular, PdfFont bold) {
            this.b = b;
            this.doc = doc;
            this.z = z;
            this.regular = regular;
            this.bold = bold;
        }

        void cover() {
            Booklet.Cover c = b.cover();
            doc.add(words(c.kicker(), z.h2()).setFont(bold).setFontColor(ACCENT).setMarginTop(18 * MM));
            doc.add(heading(c.title(), StandardRoles.H1, z.title()).setMarginTop(4 * MM));
            if (present(c.theme())) {
                doc.add(paragraph(c.theme()).setFontSize(z.h2()).setFontColor(GREY).setMarginBottom(10 * MM));
            }
            for (Words line : List.of(c.dates(), c.host(), Words.of(c.venue()), Words.of(c.address()))) {
                if (present(line.first())) {
                    doc.add(words(line, z.h3()).setMargin(0).setMarginTop(2 * MM));
                }
            }
        }

        void glance() {
            if (b.glance().isEmpty()) {
                return;
            }
            boolean first = true;
            for (Booklet.GlanceDay whole : b.glance()) {
                List<Booklet.GlanceDay> parts = new ArrayList<>();
                for (Booklet.GlanceDay hours : byHours(whole, z.gridHours())) {
                    parts.addAll(split(hours, z.gridLanes()));
                }
                for (int part = 0; part < parts.size(); part++) {
                    doc.add(new AreaBreak(z.page().rotate()));
                    // The day and the hours this part spans: where it ends has no hour's row of its own.
                    Booklet.GlanceDay shown = parts.get(part);
                    Words date = whole.date().then(", " + shown.from() + "–" + shown.to()
                            + (parts.size() > 1 ? " (" + (part + 1) + "/" + parts.size() + ")" : ""));
                    boolean withTitle = first;
                    Words day = date;
                    java.util.function.Supplier<List<Paragraph>> headings = () -> withTitle
                            ? List.of(heading(b.glanceTitle(), StandardRoles.H1, z.h1()), heading(day, StandardRoles.H2, z.h2()))
                            : List.of(heading(day, StandardRoles.H2, z.h2()));
                    Table grid = fitted(parts.get(part), headings);
                    headings.get().forEach(doc::add);
                    doc.add(grid);
                    first = false;
                }
            }
        }

        /**
         * A day's grid in windows of at most {@code hours} hours, so that in large print each part fits a
         * page and can be read at a glance; a session across two windows shows in both.
         */
        private static List<Booklet.GlanceDay> byHours(Booklet.GlanceDay day, int hours) {
            List<Booklet.GlanceDay> windows = new ArrayList<>();
            int size = hours * 4;
            for (int start = 0; start < day.rows(); start += size) {
                int from = start;
                int to = Math.min(day.rows(), start + size);
                List<Booklet.GlanceCell> cells = day.cells().stream()
                        .filter(c -> c.row() < to && c.row() + c.rowSpan() > from)
                        .map(c -> new Booklet.GlanceCell(Math.max(c.row(), from) - from,
                                Math.min(c.row() + c.rowSpan(), to) - Math.max(c.row(), from), c.column(), c.time(), c.title()))
                        .toList();
                List<Booklet.GlanceHour> labels = day.hours().stream().filter(h -> h.row() >= from && h.row() < to)
                        .map(h -> new Booklet.GlanceHour(h.label(), h.row() - from)).toList();
                java.time.LocalTime end = day.from().plusMinutes(QUARTER * to);
                if (!cells.isEmpty()) {
                    windows.add(new Booklet.GlanceDay(day.date(), day.from().plusMinutes(QUARTER * from),
                            end.isAfter(day.to()) ? day.to() : end, day.columns(), to - from, labels, cells));
                }
            }
            return windows;
        }

        /** A day's grid in parts of at most {@code maxLanes} columns, so that every column stays readable. */
        private static List<Booklet.GlanceDay> split(Booklet.GlanceDay day, int maxLanes) {
            List<Booklet.GlanceDay> parts = new ArrayList<>();
            List<Booklet.GlanceColumn> columns = new ArrayList<>();
            int from = 0;
            int lanes = 0;
            for (Booklet.GlanceColumn c : day.columns()) {
                if (lanes > 0 && lanes + c.lanes() > maxLanes) {
                    parts.add(part(day, columns, from, lanes));
                    from += lanes;
                    columns = new ArrayList<>();
                    lanes = 0;
                }
                columns.add(c);
                lanes += c.lanes();
            }
            if (!columns.isEmpty()) {
                parts.add(part(day, columns, from, lanes));
            }
            parts.removeIf(p -> p.cells().isEmpty());
            return parts;
        }

        private static Booklet.GlanceDay part(Booklet.GlanceDay day, List<Booklet.GlanceColumn> columns, int from, int lanes) {
            List<Booklet.GlanceCell> cells = day.cells().stream()
                    .filter(c -> c.column() >= from && c.column() < from + lanes)
                    .map(c -> new Booklet.GlanceCell(c.row(), c.rowSpan(), c.column() - from, c.time(), c.title())).toList();
            return new Booklet.GlanceDay(day.date(), day.from(), day.to(), columns, day.rows(), day.hours(), cells);
        }

        /**
         * Column widths in percent of the table, rounded down to a thousandth so that they never add
         * up to more than 100 (iText's own division could, by a rounding error, and says so in the log).
         */
        private static UnitValue[] percents(float[] widths) {
            double sum = 0;
            for (float w : widths) {
                sum += w;
            }
            UnitValue[] out = new UnitValue[widths.length];
            for (int i = 0; i < widths.length; i++) {
                out[i] = UnitValue.createPercentValue((float) (Math.floor(widths[i] / sum * 100_000) / 1000));
            }
            return out;
        }

        /**
         * The day's grid in the largest type, down to three quarters of it, with which it fits its page
         * under its headings: the grid is read at a glance, and a session's long title in a short slot would
         * otherwise push its last rows over to the next page.
         */
        private Table fitted(Booklet.GlanceDay day, java.util.function.Supplier<List<Paragraph>> headings) {
            float size = z.grid();
            for (; size > z.grid() * 0.75f; size -= 0.5f) {
                // Tried with its headings, on a copy: they are kept with the grid, so the page has them still to come.
                com.itextpdf.layout.element.Div trial = new com.itextpdf.layout.element.Div();
                headings.get().forEach(trial::add);
                trial.add(grid(day, size));
                var area = doc.getRenderer().getCurrentArea();
                var renderer = trial.createRendererSubTree().setParent(doc.getRenderer());
                var tried = renderer.layout(new com.itextpdf.layout.layout.LayoutContext(
                        new com.itextpdf.layout.layout.LayoutArea(area.getPageNumber(), area.getBBox().clone())));
                if (tried.getStatus() == com.itextpdf.layout.layout.LayoutResult.FULL) {
                    break;
                }
            }
            return grid(day, Math.max(size, z.grid() * 0.75f)); // still too tall: it goes on over the next page
        }

        private Table grid(Booklet.GlanceDay day, float fontSize) {
            int lanes = day.columns().stream().mapToInt(Booklet.GlanceColumn::lanes).sum();
            float[] widths = new float[lanes + 1];
            widths[0] = 1.1f;
            for (int i = 1; i < widths.length; i++) {
                widths[i] = 2.5f;
            }
            // Separate borders: iText's collapsed borders fail on a row-spanning cell split across pages.
            Table table = new Table(percents(widths)).useAllAvailableWidth().setFontSize(fontSize)
                    .setBorderCollapse(com.itextpdf.layout.properties.BorderCollapsePropertyValue.SEPARATE)
                    .setHorizontalBorderSpacing(0).setVerticalBorderSpacing(0);
            table.addHeaderCell(header("", 1));
            for (Booklet.GlanceColumn column : day.columns()) {
                table.addHeaderCell(header(column.name(), column.lanes()).setFont(bold));
            }
            // Every position of the grid gets a cell, empty or not, so the table's structure is regular.
            boolean[][] taken = new boolean[day.rows()][lanes];
            Booklet.GlanceCell[][] starts = new Booklet.GlanceCell[day.rows()][lanes];
            for (Booklet.GlanceCell cell : day.cells()) {
                if (cell.row() >= 0 && cell.row() < day.rows() && cell.column() >= 0 && cell.column() < lanes) {
                    starts[cell.row()][cell.column()] = cell;
                }
            }
            String[] hours = new String[day.rows()];
            for (Booklet.GlanceHour h : day.hours()) {
                if (h.row() >= 0 && h.row() < hours.length) {
                    hours[h.row()] = h.label();
                }
            }
            for (int row = 0; row < day.rows(); row++) {
                boolean onHour = hours[row] != null || row == 0;
                // A cell in the hours' column on every row: a row where no cell starts would be dropped,
                // and the table's structure would no longer be regular.
                table.addCell(onHour ? rowHeader(hours[row] == null ? "" : hours[row]) : empty(false, fontSize));
                for (int col = 0; col < lanes; col++) {
                    if (taken[row][col]) {
                        continue;
                    }
                    Booklet.GlanceCell s = starts[row][col];
                    if (s != null) {
                        int span = Math.max(1, Math.min(s.rowSpan(), day.rows() - row));
                        for (int r = row; r < row + span; r++) {
                            taken[r][col] = true;
                        }
                        Cell cell = new Cell(span, 1).setBackgroundColor(CELL).setBorder(new SolidBorder(ACCENT, 0.6f))
                                .setPadding(1.5f);
                        cell.add(new Paragraph(s.time()).setFont(bold).setMargin(0).setMultipliedLeading(1.05f));
                        cell.add(paragraph(s.title()).setMargin(0).setMultipliedLeading(1.05f));
                        table.addCell(cell);
                    } else {
                        table.addCell(empty(onHour, fontSize));
                    }
                }
            }
            return table;
        }

        /** An empty quarter hour: all of one height, so that the grid reads as time (a long title makes its rows taller). */
        private Cell empty(boolean hourRule, float fontSize) {
            Cell cell = new Cell().setBorder(Border.NO_BORDER).setHeight(fontSize * 1.4f).setPadding(0);
            return hourRule ? cell.setBorderTop(new SolidBorder(RULE, 0.3f)) : cell;
        }

        /** A space's name over its lanes: as many columns as it has sessions at once. */
        private Cell header(String text, int lanes) {
            Cell cell = new Cell(1, Math.max(1, lanes)).add(paragraph(text).setMargin(0)).setBorder(Border.NO_BORDER)
                    .setBorderBottom(new SolidBorder(INK, 0.8f)).setPadding(1.5f);
            cell.getAccessibilityProperties().setRole(StandardRoles.TH)
                    .addAttributes(new PdfStructureAttributes("Table").addEnumAttribute("Scope", "Column"));
            return cell;
        }

        private Cell rowHeader(String hour) {
            Cell cell = new Cell().add(new Paragraph(hour).setMargin(0).setFont(bold)).setBorder(Border.NO_BORDER)
                    .setPadding(0).setPaddingRight(2).setBorderTop(new SolidBorder(RULE, 0.3f));
            cell.getAccessibilityProperties().setRole(StandardRoles.TH)
                    .addAttributes(new PdfStructureAttributes("Table").addEnumAttribute("Scope", "Row"));
            return cell;
        }

        void sessions() {
            section(b.sessionsTitle());
            if (b.days().stream().allMatch(d -> d.sessions().isEmpty())) {
                doc.add(words(b.noSession(), z.body()));
                return;
            }
            for (Booklet.SessionDay day : b.days()) {
                doc.add(heading(day.date(), StandardRoles.H2, z.h2()).setMarginTop(3 * MM));
                for (Booklet.SessionEntry s : day.sessions()) {
                    Div block = new Div().setKeepTogether(true).setMarginBottom(3 * MM);
                    Paragraph when = new Paragraph().setMargin(0).setFontSize(z.small()).setFontColor(ACCENT);
                    when.add(new Text(s.time() + " · ").setFont(bold));
                    addWords(when, s.kind());
                    block.add(when);
                    block.add(heading(s.title(), StandardRoles.H3, z.h3()).setMarginTop(0.5f * MM));
                    if (present(s.description())) {
                        block.add(paragraph(s.description()).setMargin(0).setMarginBottom(1 * MM));
                    }
                    block.add(facts(s.facts()));
                    doc.add(block);
                }
            }
        }

        void plans(ConcurrentMap<Integer, String>[] used) {
            boolean first = true;
            for (PlanPdf.Figure figure : b.plans()) {
                PageSize page = z.page().rotate();
                doc.add(new AreaBreak(page));
                if (first) {
                    doc.add(heading(b.planTitle(), StandardRoles.H1, z.h1()));
                    first = false;
                }
                float width = page.getWidth() - 2 * z.margin();
                float height = page.getHeight() - 2 * z.margin() - z.h1() * 2.2f - z.small() * 1.5f;
                // The plan's own margins are small here: the page has its margins already.
                doc.add(PlanPdf.figure(doc.getPdfDocument(), figure.plan(), figure.description(), width, height,
                        2 * MM, regular, bold, used));
            }
        }

        void directory() {
            if (b.directory().isEmpty()) {
                return;
            }
            section(b.directoryTitle());
            entries(b.directory());
        }

        void guests() {
            if (b.guests().isEmpty()) {
                return;
            }
            doc.add(heading(b.guestsTitle(), StandardRoles.H1, z.h1()).setMarginTop(5 * MM));
            entries(b.guests());
        }

        private void entries(List<Entry> entries) {
            for (Entry e : entries) {
                Div block = new Div().setKeepTogether(true).setMarginBottom(2.5f * MM);
                block.add(heading(e.name(), StandardRoles.H2, z.h3()));
                block.add(facts(e.facts()));
                if (present(e.text())) {
                    block.add(paragraph(e.text()).setMargin(0).setMarginTop(0.5f * MM));
                }
                doc.add(block);
            }
        }

        void practical() {
            if (b.practical().isEmpty()) {
                return;
            }
            section(b.practicalTitle());
            for (Fact f : b.practical()) {
                doc.add(heading(f.label(), StandardRoles.H2, z.h3()).setMarginTop(2 * MM));
                doc.add(words(f.value(), z.body()));
            }
        }

        /** A part of the booklet: a new portrait page and its heading. */
        private void section(Words title) {
            doc.add(new AreaBreak(z.page()));
            doc.add(heading(title, StandardRoles.H1, z.h1()));
        }

        /** Page numbers in the foot of every page but the cover, marked as artifacts: not read aloud. */
        void pageNumbers() {
            PdfDocument pdf = doc.getPdfDocument();
            for (int i = 2; i <= pdf.getNumberOfPages(); i++) {
                Rectangle size = pdf.getPage(i).getPageSize();
                Paragraph number = new Paragraph(String.valueOf(i)).setFontSize(z.small()).setFontColor(GREY);
                number.getAccessibilityProperties().setRole(StandardRoles.ARTIFACT);
                doc.showTextAligned(number, size.getWidth() / 2, z.margin() / 2, i, TextAlignment.CENTER,
                        VerticalAlignment.BOTTOM, 0);
            }
        }

        /** Words as the booklet draws them: shaped where their script needs it (Arabic, right to left). */
        private Text text(String words) {
            return ShapedTextRenderer.text(words, font -> font == bold ? Face.BOLD : Face.REGULAR);
        }

        /** A paragraph of words, set from the right margin when they read from the right. */
        private Paragraph paragraph(String words) {
            Paragraph p = new Paragraph().add(text(words));
            return Shaper.rightToLeft(words) ? p.setTextAlignment(TextAlignment.RIGHT) : p;
        }

        /** Facts as one paragraph: labels in bold, " · " between them. */
        private Paragraph facts(List<Fact> facts) {
            Paragraph p = new Paragraph().setMargin(0).setFontSize(z.small()).setFontColor(GREY);
            boolean first = true;
            for (Fact f : facts) {
                if (!first) {
                    p.add(new Text(" · "));
                }
                first = false;
                addWords(p, f.label(), bold, b.colon()); // in the label's own text: no line starts with its colon
                addWords(p, f.value());
            }
            return p;
        }

        private Paragraph heading(String text, String role, float size) {
            Paragraph p = paragraph(text).setFont(bold).setFontSize(size).setMarginBottom(1 * MM)
                    .setMultipliedLeading(1.1f).setKeepWithNext(true);
            p.getAccessibilityProperties().setRole(role);
            return p;
        }

        private Paragraph heading(Words words, String role, float size) {
            Paragraph p = words(words, size).setFont(bold).setMarginBottom(1 * MM).setMultipliedLeading(1.1f)
                    .setKeepWithNext(true);
            p.getAccessibilityProperties().setRole(role);
            return p;
        }

        private Paragraph words(Words words, float size) {
            Paragraph p = new Paragraph().setFontSize(size);
            addWords(p, words);
            return p;
        }

        private void addWords(Paragraph p, Words words) {
            addWords(p, words, null, new Words("", ""));
        }

        /**
         * The first language as it is; the second after a slash, marked with its language for screen readers; then
         * {@code tail} (a label's colon) in the language of the last words and in the same text, so that a line never
         * breaks before it: "Lieu\u00a0: ", "Where: ", "Lieu / Where: ".
         */
        private void addWords(Paragraph p, Words words, PdfFont font, Words tail) {
            Text first = text(words.bilingual() ? words.first() : words.first() + tail.first());
            if (font != null) {
                first.setFont(font);
            }
            p.add(first);
            if (words.bilingual()) {
                p.add(new Text(" / "));
                Text second = text(words.second() + (tail.second() == null ? tail.first() : tail.second()));
                second.getAccessibilityProperties().setLanguage(b.secondLanguage());
                if (font != null) {
                    second.setFont(font);
                }
                p.add(second);
            }
        }
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    /**
     * Two pages a sheet, in saddle-stitch order (a stack of sheets folded once reads in order), the
     * page count made up to a multiple of four with blank pages; landscape pages turned to fit.
     */
    static void impose(byte[] booklet, PageSize sheet, OutputStream out) {
        try (PdfDocument source = new PdfDocument(new PdfReader(new java.io.ByteArrayInputStream(booklet)));
                PdfDocument target = new PdfDocument(new PdfWriter(out))) {
            target.getDocumentInfo().setTitle(source.getDocumentInfo().getTitle());
            target.getDocumentInfo().setCreator("Relais");
            float slotW = sheet.getWidth() / 2;
            float slotH = sheet.getHeight();
            int count = source.getNumberOfPages();
            int padded = (count + 3) / 4 * 4;
            for (int s = 0; s < padded / 4; s++) {
                int[][] sides = {{padded - 1 - 2 * s, 2 * s}, {2 * s + 1, padded - 2 - 2 * s}};
                for (int[] side : sides) {
                    PdfPage page = target.addNewPage(sheet);
                    PdfCanvas canvas = new PdfCanvas(page);
                    for (int half = 0; half < 2; half++) {
                        int index = side[half];
                        if (index < count) {
                            place(canvas, source.getPage(index + 1).copyAsFormXObject(target), half * slotW, slotW, slotH);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void place(PdfCanvas canvas, PdfFormXObject page, float x, float slotW, float slotH) {
        Rectangle box = page.getBBox().toRectangle();
        float w = box.getWidth();
        float h = box.getHeight();
        AffineTransform t = new AffineTransform();
        if (w > h) {
            // A landscape page turned a quarter anticlockwise into the portrait slot.
            float scale = Math.min(slotW / h, slotH / w);
            t.translate(x + (slotW + h * scale) / 2, (slotH - w * scale) / 2);
            t.rotate(Math.PI / 2);
            t.scale(scale, scale);
        } else {
            float scale = Math.min(slotW / w, slotH / h);
            t.translate(x + (slotW - w * scale) / 2, (slotH - h * scale) / 2);
            t.scale(scale, scale);
        }
        t.translate(-box.getX(), -box.getY());
        canvas.addXObjectWithTransformationMatrix(page, (float) t.getScaleX(), (float) t.getShearY(),
                (float) t.getShearX(), (float) t.getScaleY(), (float) t.getTranslateX(), (float) t.getTranslateY());
    }
}
