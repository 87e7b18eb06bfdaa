package org.relais.venue;

import java.math.BigDecimal;

/** A space as the API reads and writes it. */
public record SpaceData(Long id, String name, String kind, BigDecimal widthM, BigDecimal depthM, Integer seats,
        Boolean stepFree) {

    public static SpaceData of(Space s) {
        return new SpaceData(s.id, s.name, s.kind.name(), plain(s.widthM), plain(s.depthM), s.seats, s.stepFree);
    }

    /** 2.50 as 2.5, and 60.00 as 60: stripped alone, it would be 6E+1 in the JSON. */
    static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
