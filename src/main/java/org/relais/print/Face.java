package org.relais.print;

import com.itextpdf.io.font.FontProgram;
import com.itextpdf.io.font.FontProgramFactory;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The bundled DejaVu Sans faces (Latin, Greek, Cyrillic and Arabic in one family; licence in
 * {@code fonts/LICENSE-DejaVu.txt}), read once: iText's program for metrics and embedding, the
 * JDK's font for shaping complex scripts.
 */
public enum Face {
    REGULAR("fonts/DejaVuSans.ttf"),
    BOLD("fonts/DejaVuSans-Bold.ttf");

    private final String resource;
    private volatile Loaded loaded;

    Face(String resource) {
        this.resource = resource;
    }

    record Loaded(byte[] bytes, FontProgram program, Font awt) {
    }

    Loaded loaded() {
        Loaded l = loaded;
        if (l == null) {
            synchronized (this) {
                if (loaded == null) {
                    loaded = load();
                }
                l = loaded;
            }
        }
        return l;
    }

    /**
     * The characters of a text the faces cannot draw (a Chinese or Devanagari name: DejaVu has none of
     * those letters), each once, in the text's order; empty when all of it prints. A badge would show
     * them as empty boxes. Spaces, controls and invisible format characters (a joiner) draw nothing
     * and are never missing.
     */
    public static String missing(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder missing = new StringBuilder();
        text.codePoints().distinct().filter(cp -> !Character.isWhitespace(cp) && !Character.isISOControl(cp)
                && Character.getType(cp) != Character.FORMAT
                && (REGULAR.program().getGlyph(cp) == null || BOLD.program().getGlyph(cp) == null))
                .forEach(missing::appendCodePoint);
        return missing.toString();
    }

    FontProgram program() {
        return loaded().program();
    }

    /** The JDK font at 1000 points, so that its advances are in thousandths of an em as PDF's are. */
    Font awt() {
        return loaded().awt();
    }

    private Loaded load() {
        try (InputStream in = Face.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing bundled font " + resource);
            }
            byte[] bytes = in.readAllBytes();
            FontProgram program = FontProgramFactory.createFont(bytes, false);
            Font awt = Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(bytes)).deriveFont(1000f);
            return new Loaded(bytes, program, awt);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("Unreadable bundled font " + resource, e);
        }
    }
}
