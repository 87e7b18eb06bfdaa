package org.relais.print;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import java.util.Map;

/**
 * A QR symbol's modules, without its quiet zone. Encoded with error correction M and a fixed mask
 * pattern: choosing the mask by trying all eight is most of ZXing's encoding time, and any mask
 * decodes the same.
 */
public record QrCode(int size, boolean[] dark) {

    /** Modules of light border every side, as the standard asks. */
    public static final int QUIET_ZONE = 4;

    private static final Map<EncodeHintType, Object> HINTS = Map.of(EncodeHintType.QR_MASK_PATTERN, 2);

    public static QrCode encode(String content) {
        try {
            ByteMatrix matrix = Encoder.encode(content, ErrorCorrectionLevel.M, HINTS).getMatrix();
            int size = matrix.getWidth();
            boolean[] dark = new boolean[size * size];
            byte[][] rows = matrix.getArray();
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    dark[y * size + x] = rows[y][x] == 1;
                }
            }
            return new QrCode(size, dark);
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode a QR code of " + content.length() + " characters", e);
        }
    }

    public boolean isDark(int x, int y) {
        return dark[y * size + x];
    }

    /** Modules across, quiet zone included. */
    public int sizeWithQuietZone() {
        return size + 2 * QUIET_ZONE;
    }
}
