package org.relais.venue;

/**
 * Fired inside the transaction that deletes a stand or gives it to another institution, before
 * either: one whose relays' contacts are kept for its institution refuses.
 */
public record StandLeaving(Long editionId, Long standId) {
}
