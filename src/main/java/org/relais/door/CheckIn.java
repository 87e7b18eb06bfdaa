package org.relais.door;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a scan found: the outcome and, when the badge is someone's, who and since when.
 *
 * @param registrationId the relay's registration, or null for another badge holder
 * @param holderId       the other badge holder (staff, organiser, guest, press), or null
 * @param checkedInAt    when they were checked in (this scan, or the first one)
 */
public record CheckIn(Outcome status, Long registrationId, Long holderId, String name, String organisation,
        String role, List<String> accessibility, List<String> sessions, OffsetDateTime checkedInAt,
        OffsetDateTime firstCheckedInAt, String checkedInBy) {

    /** Every answer a scan can get, each with its own words and colour at the door. */
    public enum Outcome {
        CHECKED_IN, ALREADY_CHECKED_IN, CANCELLED, NOT_THIS_EDITION, FORGED, UNREADABLE
    }

    static CheckIn of(Outcome outcome) {
        return new CheckIn(outcome, null, null, null, null, null, List.of(), List.of(), null, null, null);
    }
}
