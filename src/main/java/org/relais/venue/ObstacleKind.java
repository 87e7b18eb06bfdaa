package org.relais.venue;

/** What stands in a hall and must stay clear; doors and exits keep a clear zone in front of them. */
public enum ObstacleKind {
    PILLAR, STAGE, DOOR, EMERGENCY_EXIT, OTHER;

    /** The clear zone kept by default in front of it, in metres. */
    public double defaultClearance() {
        return switch (this) {
            case DOOR -> 1.5;
            case EMERGENCY_EXIT -> 2.0;
            default -> 0.0;
        };
    }

    public boolean isPassage() {
        return this == DOOR || this == EMERGENCY_EXIT;
    }
}
