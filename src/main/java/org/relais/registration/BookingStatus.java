package org.relais.registration;

/** A relay's place in one session: a seat, or a position on its waiting list. */
public enum BookingStatus {
    CONFIRMED, WAITLISTED
}
