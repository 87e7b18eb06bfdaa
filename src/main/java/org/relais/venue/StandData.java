package org.relais.venue;

import java.math.BigDecimal;

/** A stand as the API reads and writes it. */
public record StandData(Long id, Integer number, Long institutionId, Long spaceId, BigDecimal widthM, BigDecimal depthM,
        BigDecimal xM, BigDecimal yM, Boolean rotated, Boolean power) {

    public static StandData of(Stand s) {
        return new StandData(s.id, s.number, s.institution.id, s.space == null ? null : s.space.id,
                SpaceData.plain(s.widthM), SpaceData.plain(s.depthM), SpaceData.plain(s.positionX), SpaceData.plain(s.positionY),
                s.rotated, s.power);
    }
}
