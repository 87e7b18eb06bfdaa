package org.relais.badge;

/** A badge holder as the organiser's form and the API give it. */
public record HolderData(String role, String firstName, String lastName, String organisation, Long institutionId) {
}
