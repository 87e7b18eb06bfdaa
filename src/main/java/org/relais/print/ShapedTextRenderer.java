package org.relais.print;

import com.itextpdf.io.font.otf.Glyph;
import com.itextpdf.io.font.otf.GlyphLine;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.layout.element.Text;
import com.itextpdf.layout.layout.LayoutContext;
import com.itextpdf.layout.layout.LayoutResult;
import com.itextpdf.layout.properties.Property;
import com.itextpdf.layout.renderer.DrawContext;
import com.itextpdf.layout.renderer.IRenderer;
import com.itextpdf.layout.renderer.TextRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Draws a text that needs shaping (Arabic, a right-to-left run, combining marks) in iText's layout,
 * whose core lays text out as written, letter by letter, left to right. The layout breaks the lines
 * on the text as written; each line is then drawn as {@link Shaper} lays it out (letters joined,
 * right-to-left runs in reading order). Each glyph stands for its letters in the text layer, as on
 * the badges, so that readers put a right-to-left run back in reading order when it is copied or read.
 */
final class ShapedTextRenderer extends TextRenderer {

    private final Function<PdfFont, Face> faces;
    /** Whether the laid-out line has been shaped: drawing again must not shape the shaped glyphs. */
    private boolean shapedOnce;

    private ShapedTextRenderer(Text text, Function<PdfFont, Face> faces) {
        super(text);
        this.faces = faces;
    }

    private ShapedTextRenderer(ShapedTextRenderer other) {
        super(other);
        this.faces = other.faces;
    }

    /** The text, drawn shaped if it needs it; {@code faces} tells which face a PDF font of the document is. */
    static Text text(String words, Function<PdfFont, Face> faces) {
        Text text = new Text(words == null ? "" : words);
        if (!Shaper.isSimple(text.getText())) {
            text.setNextRenderer(new ShapedTextRenderer(text, faces));
        }
        return text;
    }

    @Override
    public IRenderer getNextRenderer() {
        return new ShapedTextRenderer((Text) modelElement, faces);
    }

    /** A part of this renderer's line, split off by the layout: its glyphs are measured already. */
    @Override
    protected TextRenderer createCopy(GlyphLine glyphs, PdfFont font) {
        ShapedTextRenderer copy = new ShapedTextRenderer(this);
        copy.measuredAlready(glyphs, font);
        return copy;
    }

    private void measuredAlready(GlyphLine glyphs, PdfFont font) {
        super.setProcessedGlyphLineAndFont(glyphs, font);
    }

    @Override
    public LayoutResult layout(LayoutContext context) {
        shapedOnce = false;
        return super.layout(context);
    }

    /** The text as written, once the layout has turned it into glyphs, is measured shaped. */
    @Override
    protected void setProcessedGlyphLineAndFont(GlyphLine glyphs, PdfFont font) {
        Face face = font == null ? null : faces.apply(font);
        super.setProcessedGlyphLineAndFont(face == null ? glyphs : measured(glyphs, face), font);
    }

    /**
     * The glyphs as written, each as wide as its letters are once shaped (a joined Arabic letter is
     * narrower than the letter alone): the lines are then broken where their drawn glyphs fill them,
     * and a line set from the right ends at the margin.
     */
    private static GlyphLine measured(GlyphLine written, Face face) {
        String text = written.toUnicodeString(0, written.size());
        float[] advances = Shaper.advances(text, face);
        List<Glyph> glyphs = new ArrayList<>(written.size());
        int at = 0;
        for (int i = 0; i < written.size(); i++) {
            Glyph glyph = written.get(i);
            int length = glyph.getChars() == null ? 0 : glyph.getChars().length;
            if (length == 0 || at + length > text.length()) {
                return written;
            }
            float width = 0;
            for (int c = at; c < at + length; c++) {
                width += advances[c];
            }
            at += length;
            glyphs.add(new Glyph(glyph.getCode(), Math.round(width), glyph.getUnicode(), glyph.getChars(), glyph.isMark()));
        }
        return at == text.length() ? new GlyphLine(glyphs, written.getStart(), written.getEnd()) : written;
    }

    @Override
    public void draw(DrawContext context) {
        if (line != null && !shapedOnce && line.getEnd() > line.getStart()) {
            String written = line.toUnicodeString(line.getStart(), line.getEnd());
            Face face = faces.apply(getPropertyAsFont(Property.FONT));
            ShapedText shaped = Shaper.shape(written, face == null ? Face.REGULAR : face);
            if (shaped.shaped() && !shaped.isEmpty()) {
                line = glyphs(shaped);
                shapedOnce = true;
            }
        }
        super.draw(context);
    }

    /** The shaped glyphs as iText's, each standing for its characters; a shift moves the glyph after it. */
    private static GlyphLine glyphs(ShapedText shaped) {
        var program = shaped.face().program();
        List<Glyph> glyphs = new ArrayList<>(shaped.glyphs().length);
        for (int i = 0; i < shaped.glyphs().length; i++) {
            Glyph font = program.getGlyphByCode(shaped.glyphs()[i]);
            String chars = shaped.chars()[i];
            Glyph glyph = new Glyph(font.getCode(), font.getWidth(), chars.isEmpty() ? -1 : chars.codePointAt(0),
                    chars.isEmpty() ? null : chars.toCharArray(), font.isMark());
            int next = i + 1 < shaped.shifts().length ? shaped.shifts()[i + 1] : 0;
            glyphs.add(next == 0 ? glyph : new Glyph(glyph, 0, 0, next, 0, 0));
        }
        return new GlyphLine(glyphs);
    }
}
