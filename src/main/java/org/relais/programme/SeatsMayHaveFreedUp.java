package org.relais.programme;

/** Fired inside the transaction that changed a session (seats, times), so waiting lists can move. */
public record SeatsMayHaveFreedUp(Long sessionId) {
}
