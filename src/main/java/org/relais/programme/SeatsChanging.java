package org.relais.programme;

import org.relais.web.Errors;

/**
 * Fired before a session's seats or booking are changed, inside that transaction: whoever holds its
 * bookings adds to {@code errors} what the change would break (fewer seats than relays seated,
 * booking turned off while relays hold a seat or wait).
 */
public record SeatsChanging(Long editionId, Long sessionId, Integer seats, boolean registration, Errors errors) {
}
