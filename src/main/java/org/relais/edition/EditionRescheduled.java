package org.relais.edition;

/**
 * Fired inside the transaction that changed an edition's days (a date, a day's hours), after the
 * change: its relays are told, and reminded again before a first day that moved.
 */
public record EditionRescheduled(Long editionId, boolean firstDayMoved) {
}
