package org.relais.print;

/**
 * A line of text turned into glyphs of one face, in visual (left-to-right drawing) order.
 *
 * @param glyphs glyph ids of the face
 * @param shifts before each glyph, how far to move it from where the previous glyph's advance
 *               left the pen, in thousandths of an em (zero unless shaping positioned it)
 * @param chars  the text each glyph stands for, for the PDF's text layer
 * @param width  the whole advance in thousandths of an em
 * @param shaped whether it went through the layout engine (it may read right to left)
 */
public record ShapedText(String text, Face face, int[] glyphs, int[] shifts, String[] chars, float width,
        boolean shaped) {

    /** The width at a font size, in points. */
    public double widthAt(double size) {
        return width * size / 1000.0;
    }

    public boolean isEmpty() {
        return glyphs.length == 0;
    }
}
