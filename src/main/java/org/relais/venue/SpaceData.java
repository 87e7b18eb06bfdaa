package org.relais.venue;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A space as the API reads and writes it. */
public record SpaceData(Long id, String name, String kind, BigDecimal widthM, BigDecimal depthM, Integer seats,
        Boolean stepFree) {

    public SpaceData {
        widthM = metres(widthM);
        depthM = metres(depthM);
    }

    public static SpaceData of(Space s) {
        return new SpaceData(s.id, s.name, s.kind.name(), s.widthM, s.depthM, s.seats, s.stepFree);
    }

    /**
     * A length in metres to the centimetre, as the database keeps it, and written plainly: 2.5 for 2.50,
     * 60 for 60.00 (stripped alone, 6E+1 in the JSON), 0 for 0.001. What is sent is what the answer
     * says and the database keeps. A value past ten million metres is left as it is, for the rules to
     * refuse it by comparing, without arithmetic on a number like 1e999999999.
     */
    static BigDecimal metres(BigDecimal value) {
        if (value == null) {
            return null;
        }
        long digitsBeforePoint = (long) value.precision() - value.scale();
        if (digitsBeforePoint > 7) {
            return value;
        }
        BigDecimal centimetres = digitsBeforePoint < -3 ? BigDecimal.ZERO : value.setScale(2, RoundingMode.HALF_UP);
        BigDecimal stripped = centimetres.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
