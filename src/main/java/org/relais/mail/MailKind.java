package org.relais.mail;

/**
 * The e-mails Relais sends a relay. {@code WITHDRAWAL}: the organisers took the relay out of a
 * session; {@code SESSION_CANCELLED}: the organisers deleted a session the relay held or waited for;
 * {@code SESSION_MOVED}: they moved it to another day, time or space; {@code SEAT_GIVEN}: the session
 * began without the relay, and the door gave their seat to someone waiting on site; {@code SEAT_BOOKED}:
 * the organisers booked the relay a seat, moving them from another session or adding one;
 * {@code WAITLIST_JOINED}: they put the relay on a full session's waiting list; {@code CANCELLED_BY_ORGANISERS}:
 * they cancelled the relay's registration for them ({@code CANCELLATION} is the relay's own);
 * {@code FORUM_RESCHEDULED}: they changed the forum's days or hours.
 */
public enum MailKind {
    CONFIRMATION, PROMOTION, CANCELLATION, REMINDER, MANAGE_LINK, WITHDRAWAL, SESSION_CANCELLED, SESSION_MOVED, SEAT_GIVEN, SEAT_BOOKED,
    WAITLIST_JOINED, CANCELLED_BY_ORGANISERS, FORUM_RESCHEDULED;

    /** Whether the mail says the registration is cancelled: it goes whatever else changed, with no calendar or badge. */
    public boolean endsRegistration() {
        return this == CANCELLATION || this == CANCELLED_BY_ORGANISERS;
    }

    /**
     * Whether the mail still goes once the forum is over: a cancellation, true whenever it arrives, and a link asked for
     * (the relay's page still shows what Relais keeps of them). Any other would come after the day it is about.
     */
    public boolean goesAfterTheForum() {
        return endsRegistration() || this == MANAGE_LINK;
    }

    /** Whether the organisers took a session from the relay, who may choose another while registration is open. */
    public boolean losesASession() {
        return this == WITHDRAWAL || this == SESSION_CANCELLED;
    }

    /**
     * Whether the organisers gave the relay a session, or a place on a waiting list, and the mail lists their
     * sessions: the relay may change them while registration is open, and still leave one after.
     */
    public boolean givesASession() {
        return this == SEAT_BOOKED || this == WAITLIST_JOINED;
    }
}
