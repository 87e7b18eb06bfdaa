package org.relais.registration;

/** A relay's registration for the forum. */
public enum RegistrationStatus {
    CONFIRMED, CANCELLED
}
