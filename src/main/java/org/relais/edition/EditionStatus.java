package org.relais.edition;

/** Where an edition stands; it only ever moves forward. */
public enum EditionStatus {
    DRAFT, REGISTRATION_OPEN, REGISTRATION_CLOSED, HELD, ARCHIVED;

    public boolean isBefore(EditionStatus other) {
        return ordinal() < other.ordinal();
    }
}
