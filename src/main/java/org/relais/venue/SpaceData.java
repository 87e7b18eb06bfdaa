package org.relais.venue;

import java.math.BigDecimal;

/** A space as the API reads and writes it. */
public record SpaceData(Long id, String name, String kind, BigDecimal widthM, BigDecimal depthM, Integer seats,
        Boolean stepFree) {

    public static SpaceData of(Space s) {
        return new SpaceData(s.id, s.name, s.kind.name(), plain(s.widthM), plain(s.depthM), s.seats, s.stepFree);
    }

    static BigDecimal plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}
