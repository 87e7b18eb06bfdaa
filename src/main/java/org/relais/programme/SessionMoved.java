package org.relais.programme;

/** Fired inside the transaction that changed a session's day, times or space: its relays are told where and when it is now. */
public record SessionMoved(Long editionId, Long sessionId) {
}
