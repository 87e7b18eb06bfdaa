package org.relais.print;

import com.itextpdf.io.font.otf.Glyph;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.text.Bidi;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns text into glyphs. Simple left-to-right text maps character to glyph through the font's
 * own table; text that needs it (Arabic, right-to-left runs, combining marks) goes through the
 * JDK's layout engine, which orders the runs and joins the letters — iText's core cannot.
 */
public final class Shaper {

    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);
    /** What the JDK's layout returns for a character that draws nothing (a joiner, a mark it dropped). */
    private static final int INVISIBLE_GLYPH = 0xFFFE;

    private Shaper() {
    }

    public static ShapedText shape(String raw, Face face) {
        String text = Normalizer.normalize(raw == null ? "" : clean(raw), Normalizer.Form.NFC);
        if (isSimple(text)) {
            return simple(text, face);
        }
        return complex(text, face);
    }

    /** Line breaks, tabs and other control characters become spaces: a badge line is one line. */
    private static String clean(String raw) {
        StringBuilder b = null;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isISOControl(c)) {
                if (b == null) {
                    b = new StringBuilder(raw);
                }
                b.setCharAt(i, ' ');
            }
        }
        return b == null ? raw.strip() : b.toString().strip();
    }

    /**
     * How wide each character of a text is once shaped, in thousandths of an em, in the text's own
     * order: a joined Arabic letter is narrower than the letter alone, and the letters a ligature
     * joins count as one. Laying lines out with these widths makes them as wide as they are drawn.
     */
    static float[] advances(String text, Face face) {
        float[] widths = new float[text.length()];
        Bidi bidi = new Bidi(text, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);
        Font font = face.awt();
        for (int r = 0; r < bidi.getRunCount(); r++) {
            int start = bidi.getRunStart(r);
            char[] run = text.substring(start, bidi.getRunLimit(r)).toCharArray();
            GlyphVector gv = font.layoutGlyphVector(FRC, run, 0, run.length,
                    (bidi.getRunLevel(r) & 1) == 1 ? Font.LAYOUT_RIGHT_TO_LEFT : Font.LAYOUT_LEFT_TO_RIGHT);
            int count = gv.getNumGlyphs();
            int[] chars = gv.getGlyphCharIndices(0, count, null);
            for (int i = 0; i < count; i++) {
                widths[start + chars[i]] += (float) (gv.getGlyphPosition(i + 1).getX() - gv.getGlyphPosition(i).getX());
            }
        }
        return widths;
    }

    /** Whether a text reads from the right: its first letter with a direction is Arabic, Hebrew or the like. */
    static boolean rightToLeft(String text) {
        return text != null && !isSimple(text) && !new Bidi(text, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT).baseIsLeftToRight();
    }

    static boolean isSimple(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x0300) {
                continue;
            }
            // Greek and Cyrillic need no shaping; anything else (marks, Arabic, Hebrew...) goes to the engine.
            if (c >= 0x0370 && c <= 0x052F && Character.getType(c) != Character.NON_SPACING_MARK) {
                continue;
            }
            if (c >= 0x1E00 && c <= 0x1FFF || c >= 0x2000 && c <= 0x206F && c != 0x200E && c != 0x200F
                    && (c < 0x202A || c > 0x202E) && (c < 0x2066 || c > 0x2069)) {
                continue;
            }
            return false;
        }
        return true;
    }

    private static ShapedText simple(String text, Face face) {
        var program = face.program();
        int n = text.codePointCount(0, text.length());
        int[] glyphs = new int[n];
        String[] chars = new String[n];
        float width = 0;
        int g = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            Glyph glyph = program.getGlyph(cp);
            if (glyph == null) {
                glyph = program.getGlyphByCode(0);
            }
            glyphs[g] = glyph.getCode();
            chars[g] = new String(Character.toChars(cp));
            width += glyph.getWidth();
            g++;
            i += Character.charCount(cp);
        }
        return new ShapedText(text, face, glyphs, new int[n], chars, width, false);
    }

    /**
     * The characters a glyph stands for: from its own up to the next glyph's in logical order (a
     * ligature stands for several; a mark placed on a letter for none of its own).
     */
    private static String cluster(char[] run, int[] starts, int i) {
        int start = starts[i];
        if (start < 0 || start >= run.length) {
            return "";
        }
        int end = run.length;
        for (int s : starts) {
            if (s > start && s < end) {
                end = s;
            }
        }
        return new String(run, start, end - start);
    }

    private static ShapedText complex(String text, Face face) {
        Bidi bidi = new Bidi(text, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);
        int runs = bidi.getRunCount();
        byte[] levels = new byte[runs];
        Integer[] order = new Integer[runs];
        for (int r = 0; r < runs; r++) {
            levels[r] = (byte) bidi.getRunLevel(r);
            order[r] = r;
        }
        Bidi.reorderVisually(levels, 0, order, 0, runs);

        Font font = face.awt();
        var program = face.program();
        List<Integer> glyphs = new ArrayList<>();
        List<Integer> shifts = new ArrayList<>();
        List<String> chars = new ArrayList<>();
        float penWanted = 0;  // where the layout engine puts the next glyph
        float penPdf = 0;     // where a PDF viewer's pen is after the glyphs so far
        for (Integer r : order) {
            int start = bidi.getRunStart(r);
            int limit = bidi.getRunLimit(r);
            char[] run = text.substring(start, limit).toCharArray();
            boolean rtl = (bidi.getRunLevel(r) & 1) == 1;
            GlyphVector gv = font.layoutGlyphVector(FRC, run, 0, run.length,
                    rtl ? Font.LAYOUT_RIGHT_TO_LEFT : Font.LAYOUT_LEFT_TO_RIGHT);
            int count = gv.getNumGlyphs();
            int[] starts = gv.getGlyphCharIndices(0, count, null);
            for (int i = 0; i < count; i++) {
                int code = gv.getGlyphCode(i);
                if (code >= INVISIBLE_GLYPH) {
                    continue;
                }
                Glyph glyph = program.getGlyphByCode(code);
                if (glyph == null) {
                    glyph = program.getGlyphByCode(0);
                }
                float x = penWanted + (float) gv.getGlyphPosition(i).getX();
                int shift = Math.round(x - penPdf);
                glyphs.add(glyph.getCode());
                shifts.add(shift);
                String cluster = cluster(run, starts, i);
                // Readers turn right-to-left glyph runs back into reading order character by character,
                // so a ligature (lam-alef) maps to its letters in drawing order too.
                chars.add(rtl ? new StringBuilder(cluster).reverse().toString() : cluster);
                penPdf += shift + glyph.getWidth();
            }
            penWanted += (float) gv.getGlyphPosition(count).getX();
        }
        int[] g = glyphs.stream().mapToInt(Integer::intValue).toArray();
        int[] s = shifts.stream().mapToInt(Integer::intValue).toArray();
        return new ShapedText(text, face, g, s, chars.toArray(String[]::new), Math.max(penWanted, penPdf), true);
    }
}
