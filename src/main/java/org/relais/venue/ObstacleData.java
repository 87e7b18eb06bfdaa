package org.relais.venue;

import java.math.BigDecimal;

/** An obstacle as the API and the floor plan page give it; {@code clearanceM} defaults by kind. */
public record ObstacleData(Long id, String kind, String label, BigDecimal xM, BigDecimal yM, BigDecimal widthM,
        BigDecimal depthM, BigDecimal clearanceM) {

    public static ObstacleData of(Obstacle o) {
        return new ObstacleData(o.id, o.kind.name(), o.label, SpaceData.plain(o.x), SpaceData.plain(o.y),
                SpaceData.plain(o.width), SpaceData.plain(o.depth), SpaceData.plain(o.clearance));
    }
}
