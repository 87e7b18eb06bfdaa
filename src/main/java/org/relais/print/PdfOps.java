package org.relais.print;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ConcurrentMap;

/**
 * A PDF content stream written straight to bytes, numbers formatted without going through
 * strings: a sheet of badges is thousands of operators.
 */
final class PdfOps implements Surface {

    static final String REGULAR_FONT = "F1";
    static final String BOLD_FONT = "F2";
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private byte[] buf = new byte[16384];
    private int len;
    private final ConcurrentMap<Integer, String>[] usedGlyphs;

    /** @param usedGlyphs per face, every glyph drawn and the text it stands for: the document embeds those */
    PdfOps(ConcurrentMap<Integer, String>[] usedGlyphs) {
        this.usedGlyphs = usedGlyphs;
    }

    byte[] bytes() {
        return Arrays.copyOf(buf, len);
    }

    int length() {
        return len;
    }

    byte[] buffer() {
        return buf;
    }

    @Override
    public void fillRect(double x, double y, double width, double height, int rgb) {
        colour(rgb, "rg");
        num(x).num(y).num(width).num(height).raw("re f\n");
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, double lineWidth, int rgb) {
        colour(rgb, "RG");
        num(lineWidth).raw("w ").num(x1).num(y1).raw("m ").num(x2).num(y2).raw("l S\n");
    }

    @Override
    public void text(ShapedText text, double x, double y, double size, int rgb) {
        if (text.isEmpty()) {
            return;
        }
        ConcurrentMap<Integer, String> used = usedGlyphs[text.face().ordinal()];
        colour(rgb, "rg");
        raw("BT /").raw(text.face() == Face.BOLD ? BOLD_FONT : REGULAR_FONT).raw(" ").num(size).raw("Tf ")
                .num(x).num(y).raw("Td [<");
        int[] glyphs = text.glyphs();
        int[] shifts = text.shifts();
        for (int i = 0; i < glyphs.length; i++) {
            if (shifts[i] != 0) {
                raw(">").integer(-shifts[i]).raw("<");
            }
            hex4(glyphs[i]);
            used.putIfAbsent(glyphs[i], text.chars()[i]);
        }
        raw(">]TJ ET\n");
    }

    @Override
    public void qr(QrCode code, double x, double y, double side) {
        double module = side / code.sizeWithQuietZone();
        int n = code.size();
        // One rectangle per horizontal run of dark modules, in module units: small integers, short stream.
        raw("q ").num(module).raw("0 0 ").num(module).num(x + module * QrCode.QUIET_ZONE)
                .num(y + module * QrCode.QUIET_ZONE).raw("cm 0 g\n");
        for (int row = 0; row < n; row++) {
            int yy = n - 1 - row;
            int col = 0;
            while (col < n) {
                if (!code.isDark(col, row)) {
                    col++;
                    continue;
                }
                int start = col;
                while (col < n && code.isDark(col, row)) {
                    col++;
                }
                integer(start).integer(yy).integer(col - start).raw("1 re\n");
            }
        }
        raw("f Q\n");
    }

    PdfOps raw(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            buf[len++] = (byte) s.charAt(i);
        }
        return this;
    }

    /** A number with at most two decimals, followed by a space. */
    PdfOps num(double d) {
        long v = Math.round(d * 100);
        if (v < 0) {
            put('-');
            v = -v;
        }
        digits(v / 100);
        long frac = v % 100;
        if (frac != 0) {
            put('.');
            put((char) ('0' + frac / 10));
            if (frac % 10 != 0) {
                put((char) ('0' + frac % 10));
            }
        }
        put(' ');
        return this;
    }

    PdfOps integer(long v) {
        if (v < 0) {
            put('-');
            v = -v;
        }
        digits(v);
        put(' ');
        return this;
    }

    private void digits(long v) {
        if (v >= 10) {
            digits(v / 10);
        }
        put((char) ('0' + v % 10));
    }

    private void hex4(int v) {
        ensure(4);
        buf[len++] = HEX[(v >> 12) & 15];
        buf[len++] = HEX[(v >> 8) & 15];
        buf[len++] = HEX[(v >> 4) & 15];
        buf[len++] = HEX[v & 15];
    }

    private void colour(int rgb, String op) {
        num(((rgb >> 16) & 255) / 255.0).num(((rgb >> 8) & 255) / 255.0).num((rgb & 255) / 255.0).raw(op).raw(" ");
    }

    private void put(char c) {
        ensure(1);
        buf[len++] = (byte) c;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }
}
