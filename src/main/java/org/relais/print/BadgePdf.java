package org.relais.print;

import com.itextpdf.io.font.PdfEncodings;
import com.itextpdf.io.font.otf.Glyph;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.font.PdfFontFactory;
import com.itextpdf.kernel.font.PdfFontFactory.EmbeddingStrategy;
import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfPage;
import com.itextpdf.kernel.pdf.PdfStream;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.WriterProperties;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.Deflater;

/**
 * Writes badges as a PDF, streamed: sheets are drawn and compressed on every core while this
 * thread reads the next badges and writes finished pages out, and no more than a few sheets are
 * held at once, so memory does not grow with the number of badges.
 */
public final class BadgePdf {

    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final ExecutorService DRAWERS = Executors.newFixedThreadPool(CORES, r -> {
        Thread t = new Thread(r, "badge-drawer");
        t.setDaemon(true);
        return t;
    });
    /** Sheets drawn ahead of the one being written: enough to keep every core busy. */
    private static final int AHEAD = CORES * 4;
    private static final int CROP = 0x000000;

    private BadgePdf() {
    }

    /** A sheet's content streams, compressed: the front and, when asked for, the back. */
    private record Sheet(byte[] front, byte[] back) {
    }

    /**
     * Writes every badge the iterator gives, in its order, filling each sheet of the layout. With
     * {@code backs}, every sheet is followed by its back (the badges' personal programmes), mirrored
     * for double-sided printing.
     */
    public static int write(Iterator<Badge> badges, SheetLayout layout, boolean backs, String title,
            OutputStream out) {
        return write(badges, layout, backs, title, false, out);
    }

    /** With {@code autoPrint}, the viewer opens its print dialog as the PDF opens (a reprint at the door). */
    public static int write(Iterator<Badge> badges, SheetLayout layout, boolean backs, String title, boolean autoPrint,
            OutputStream out) {
        ConcurrentMap<Integer, String>[] used = newGlyphMaps();
        WriterProperties properties = new WriterProperties().setFullCompressionMode(true);
        int count = 0;
        try (PdfDocument pdf = new PdfDocument(new PdfWriter(out, properties))) {
            pdf.getDocumentInfo().setTitle(title);
            pdf.getDocumentInfo().setCreator("Relais");
            if (autoPrint) {
                pdf.getCatalog().setOpenAction(com.itextpdf.kernel.pdf.action.PdfAction.createJavaScript("this.print(true);"));
            }
            PdfFont regular = font(Face.REGULAR);
            PdfFont bold = font(Face.BOLD);
            ArrayDeque<Future<Sheet>> pending = new ArrayDeque<>();
            while (badges.hasNext() || !pending.isEmpty()) {
                while (badges.hasNext() && pending.size() < AHEAD) {
                    List<Badge> sheet = new ArrayList<>(layout.perSheet());
                    while (badges.hasNext() && sheet.size() < layout.perSheet()) {
                        sheet.add(badges.next());
                    }
                    count += sheet.size();
                    pending.add(DRAWERS.submit(() -> draw(sheet, layout, backs, used)));
                }
                Sheet sheet = await(pending.poll());
                page(pdf, layout, sheet.front(), regular, bold);
                if (sheet.back() != null) {
                    page(pdf, layout, sheet.back(), regular, bold);
                }
            }
            if (count == 0) {
                // A PDF needs a page: an empty one says there was nothing to print.
                pdf.addNewPage(new PageSize((float) layout.pageWidth(), (float) layout.pageHeight()));
            }
            register(regular, Face.REGULAR, used[0]);
            register(bold, Face.BOLD, used[1]);
        }
        return count;
    }

    @SuppressWarnings("unchecked")
    static ConcurrentMap<Integer, String>[] newGlyphMaps() {
        return new ConcurrentMap[] {new ConcurrentHashMap<>(), new ConcurrentHashMap<>()};
    }

    private static Sheet draw(List<Badge> badges, SheetLayout layout, boolean backs,
            ConcurrentMap<Integer, String>[] used) {
        PdfOps front = new PdfOps(used);
        for (int i = 0; i < badges.size(); i++) {
            BadgeDrawer.front(front, badges.get(i), layout.box(i, false), layout.nameOrder());
        }
        if (layout.cropMarks()) {
            cropMarks(front, layout);
        }
        byte[] back = null;
        if (backs) {
            PdfOps ops = new PdfOps(used);
            for (int i = 0; i < badges.size(); i++) {
                if (badges.get(i).backTitle() != null) {
                    BadgeDrawer.back(ops, badges.get(i), layout.box(i, true));
                }
            }
            back = deflate(ops);
        }
        return new Sheet(deflate(front), back);
    }

    /** Short marks in the margins on the line of every badge edge, clear of the badges themselves. */
    static void cropMarks(Surface s, SheetLayout layout) {
        double mm = SheetLayout.POINTS_PER_MM;
        double gridLeft = layout.marginLeftMm() * mm;
        double gridTop = layout.pageHeight() - layout.marginTopMm() * mm;
        double gridRight = gridLeft + (layout.columns() * layout.badgeWidthMm()
                + (layout.columns() - 1) * layout.gapXMm()) * mm;
        double gridBottom = gridTop - (layout.rows() * layout.badgeHeightMm()
                + (layout.rows() - 1) * layout.gapYMm()) * mm;
        double offset = 2 * mm;
        double length = 6 * mm;
        for (int c = 0; c < layout.columns(); c++) {
            for (double x : new double[] {layout.box(c, false).x(), layout.box(c, false).x() + layout.box(c, false).width()}) {
                s.line(x, gridTop + offset, x, gridTop + offset + length, 0.3, CROP);
                s.line(x, gridBottom - offset, x, gridBottom - offset - length, 0.3, CROP);
            }
        }
        for (int r = 0; r < layout.rows(); r++) {
            SheetLayout.Box b = layout.box(r * layout.columns(), false);
            for (double y : new double[] {b.y(), b.y() + b.height()}) {
                s.line(gridLeft - offset, y, gridLeft - offset - length, y, 0.3, CROP);
                s.line(gridRight + offset, y, gridRight + offset + length, y, 0.3, CROP);
            }
        }
    }

    static byte[] deflate(PdfOps ops) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(ops.buffer(), 0, ops.length());
            deflater.finish();
            byte[] out = new byte[ops.length() / 2 + 64];
            int n = 0;
            while (!deflater.finished()) {
                if (n == out.length) {
                    out = java.util.Arrays.copyOf(out, out.length * 2);
                }
                n += deflater.deflate(out, n, out.length - n);
            }
            return java.util.Arrays.copyOf(out, n);
        } finally {
            deflater.end();
        }
    }

    private static void page(PdfDocument pdf, SheetLayout layout, byte[] content, PdfFont regular, PdfFont bold) {
        page(pdf, layout.pageWidth(), layout.pageHeight(), content, regular, bold);
    }

    /** A page of the given size in points whose content stream is already compressed, with the two faces as F1 and F2. */
    static void page(PdfDocument pdf, double width, double height, byte[] content, PdfFont regular, PdfFont bold) {
        PdfPage page = pdf.addNewPage(new PageSize((float) width, (float) height));
        PdfStream stream = new PdfStream(content);
        // Already compressed by the drawing thread: iText writes it as it is.
        stream.put(PdfName.Filter, PdfName.FlateDecode);
        stream.makeIndirect(pdf);
        page.getPdfObject().put(PdfName.Contents, stream);
        addFaces(page.getResources(), pdf, regular, bold);
        page.flush();
    }

    /** The two faces as F1 and F2, the names {@link PdfOps} draws with, in fresh resources. */
    static void addFaces(com.itextpdf.kernel.pdf.PdfResources resources, PdfDocument pdf, PdfFont regular, PdfFont bold) {
        PdfName r = resources.addFont(pdf, regular);
        PdfName b = resources.addFont(pdf, bold);
        if (!r.getValue().equals(PdfOps.REGULAR_FONT) || !b.getValue().equals(PdfOps.BOLD_FONT)) {
            throw new IllegalStateException("Unexpected font resource names " + r + ", " + b);
        }
    }

    static PdfFont font(Face face) {
        return PdfFontFactory.createFont(face.program(), PdfEncodings.IDENTITY_H, EmbeddingStrategy.FORCE_EMBEDDED);
    }

    /** Tells the font which glyphs the pages drew, and the text each stands for: it embeds those. */
    static void register(PdfFont font, Face face, Map<Integer, String> used) {
        var program = face.program();
        for (Map.Entry<Integer, String> e : used.entrySet()) {
            Glyph glyph = program.getGlyphByCode(e.getKey());
            if (glyph == null) {
                continue;
            }
            String chars = e.getValue();
            int unicode = chars.isEmpty() ? -1 : chars.codePointAt(0);
            font.convertToBytes(new Glyph(glyph.getCode(), glyph.getWidth(), unicode,
                    chars.isEmpty() ? null : chars.toCharArray(), glyph.isMark()));
        }
    }

    private static Sheet await(Future<Sheet> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while drawing badges", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
