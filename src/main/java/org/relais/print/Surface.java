package org.relais.print;

/** Where a page is drawn: a PDF content stream or a preview image. Points, origin bottom left. */
public interface Surface {

    void fillRect(double x, double y, double width, double height, int rgb);

    void line(double x1, double y1, double x2, double y2, double lineWidth, int rgb);

    /** Draws a line of text with its baseline starting at (x, y). */
    void text(ShapedText text, double x, double y, double size, int rgb);

    /** Draws a QR symbol, quiet zone included, as a square of the given side with its lower left corner at (x, y). */
    void qr(QrCode code, double x, double y, double side);
}
