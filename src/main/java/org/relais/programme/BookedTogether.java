package org.relais.programme;

/**
 * How many relays hold a seat in, or wait for, both of two sessions. The programme does not know
 * bookings; the registration side answers (it implements this), so that the conflicts can say when
 * a session moved onto another puts relays in two places at once.
 */
public interface BookedTogether {

    long relays(Long sessionId, Long otherSessionId);
}
