package org.relais.venue;

import java.math.BigDecimal;

/** A stand as the API reads and writes it. */
public record StandData(Long id, Integer number, Long institutionId, Long spaceId, BigDecimal widthM, BigDecimal depthM,
        BigDecimal xM, BigDecimal yM, Boolean rotated, Boolean power) {

    public StandData {
        widthM = SpaceData.metres(widthM);
        depthM = SpaceData.metres(depthM);
        xM = SpaceData.metres(xM);
        yM = SpaceData.metres(yM);
    }

    public static StandData of(Stand s) {
        return new StandData(s.id, s.number, s.institution.id, s.space == null ? null : s.space.id,
                s.widthM, s.depthM, s.positionX, s.positionY, s.rotated, s.power);
    }
}
