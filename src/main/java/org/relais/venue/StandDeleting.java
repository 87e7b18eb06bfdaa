package org.relais.venue;

/** Fired inside the transaction that deletes a stand, before it goes: one whose relays' contacts are kept refuses. */
public record StandDeleting(Long editionId, Long standId) {
}
