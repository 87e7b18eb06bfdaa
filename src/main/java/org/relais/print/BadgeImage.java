package org.relais.print;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/** A sheet of badges drawn as a PNG with the JDK's 2D graphics: the organiser's preview, same drawing as the PDF. */
public final class BadgeImage {

    private BadgeImage() {
    }

    public static byte[] png(List<Badge> badges, SheetLayout layout, int dpi) {
        double scale = dpi / 72.0;
        int width = (int) Math.ceil(layout.pageWidth() * scale);
        int height = (int) Math.ceil(layout.pageHeight() * scale);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            // PDF's coordinates: points, origin bottom left.
            g.transform(new AffineTransform(scale, 0, 0, -scale, 0, height));
            Surface s = new Java2dSurface(g);
            for (int i = 0; i < badges.size() && i < layout.perSheet(); i++) {
                BadgeDrawer.front(s, badges.get(i), layout.box(i, false), layout.nameOrder());
            }
            if (layout.cropMarks()) {
                BadgePdf.cropMarks(s, layout);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private record Java2dSurface(Graphics2D g) implements Surface {

        @Override
        public void fillRect(double x, double y, double width, double height, int rgb) {
            g.setColor(new Color(rgb));
            g.fill(new Rectangle2D.Double(x, y, width, height));
        }

        @Override
        public void line(double x1, double y1, double x2, double y2, double lineWidth, int rgb) {
            g.setColor(new Color(rgb));
            g.setStroke(new BasicStroke((float) lineWidth));
            g.draw(new Line2D.Double(x1, y1, x2, y2));
        }

        @Override
        public void text(ShapedText text, double x, double y, double size, int rgb) {
            if (text.isEmpty()) {
                return;
            }
            var font = text.face().awt();
            var program = text.face().program();
            GlyphVector gv = font.createGlyphVector(g.getFontRenderContext(), text.glyphs());
            double pen = 0;
            for (int i = 0; i < text.glyphs().length; i++) {
                pen += text.shifts()[i];
                gv.setGlyphPosition(i, new Point2D.Double(pen, 0));
                var glyph = program.getGlyphByCode(text.glyphs()[i]);
                pen += glyph == null ? 0 : glyph.getWidth();
            }
            AffineTransform saved = g.getTransform();
            // Glyphs are at 1000 points with y down: scale to the size and flip back upright.
            g.translate(x, y);
            g.scale(size / 1000, -size / 1000);
            g.setColor(new Color(rgb));
            g.drawGlyphVector(gv, 0, 0);
            g.setTransform(saved);
        }

        @Override
        public void qr(QrCode code, double x, double y, double side) {
            double module = side / code.sizeWithQuietZone();
            g.setColor(Color.BLACK);
            int n = code.size();
            for (int row = 0; row < n; row++) {
                for (int col = 0; col < n; col++) {
                    if (code.isDark(col, row)) {
                        g.fill(new Rectangle2D.Double(x + module * (QrCode.QUIET_ZONE + col),
                                y + module * (QrCode.QUIET_ZONE + n - 1 - row), module, module));
                    }
                }
            }
        }
    }
}
