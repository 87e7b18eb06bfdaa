package org.relais.venue;

import java.math.BigDecimal;

/** An obstacle as the API and the floor plan page give it; {@code clearanceM} defaults by kind. */
public record ObstacleData(Long id, String kind, String label, BigDecimal xM, BigDecimal yM, BigDecimal widthM,
        BigDecimal depthM, BigDecimal clearanceM) {

    public ObstacleData {
        xM = SpaceData.metres(xM);
        yM = SpaceData.metres(yM);
        widthM = SpaceData.metres(widthM);
        depthM = SpaceData.metres(depthM);
        clearanceM = SpaceData.metres(clearanceM);
    }

    public static ObstacleData of(Obstacle o) {
        return new ObstacleData(o.id, o.kind.name(), o.label, o.x, o.y, o.width, o.depth, o.clearance);
    }
}
