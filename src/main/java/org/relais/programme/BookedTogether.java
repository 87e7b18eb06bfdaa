package org.relais.programme;

import java.util.List;
import java.util.Map;

/**
 * How many relays hold a seat in, or wait for, both sessions of a pair. The programme does not know
 * bookings; the registration side answers (it implements this), so that the conflicts can say when
 * a session moved onto another puts relays in two places at once.
 */
public interface BookedTogether {

    /** For every pair of the edition's sessions that some relay holds both of: how many, keyed by {@link #pair}. */
    Map<List<Long>, Long> byPair(Long editionId);

    /** The key of two sessions in {@link #byPair}: the lower id first. */
    static List<Long> pair(Long sessionId, Long otherSessionId) {
        return sessionId < otherSessionId ? List.of(sessionId, otherSessionId) : List.of(otherSessionId, sessionId);
    }
}
