package org.relais.programme;

/** Fired inside the transaction that deletes a session, before it goes: its relays are told, its bookings freed. */
public record SessionDeleting(Long editionId, Long sessionId) {
}
