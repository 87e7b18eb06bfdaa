package org.relais.programme;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Something in an edition's set-up that needs the organiser's eye, with the objects it concerns. */
public record Conflict(Kind kind, String message, List<Long> sessionIds, Long spaceId,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long institutionId) {

    public enum Kind {
        SPACE_DOUBLE_BOOKED, OUTSIDE_OPENING_HOURS, OVER_SPACE_CAPACITY, INSTITUTION_WITHOUT_STAND, RELAYS_DOUBLE_BOOKED
    }

    public boolean concerns(Long sessionId) {
        return sessionIds.contains(sessionId);
    }
}
