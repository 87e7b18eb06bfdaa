package org.relais.privacy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.relais.mail.MailKind;
import org.relais.registration.Accessibility;
import org.relais.registration.BookingStatus;
import org.relais.registration.RegistrationStatus;

/**
 * All that Relais keeps about one relay, as it is stored: what their own page shows them, and what
 * they or the organisers download when they ask for it (the privacy notice's promise). After an
 * erasure only the fields the counts need are left; the others are null.
 *
 * @param addressKept the relay answered, when their page asked whether they meant a common provider's address, that theirs is right
 * @param keptUntil the last day the personal data is kept; null for an edition without days
 * @param keptForDemo the demonstration's forum, whose invented relays stay while the demonstration is on
 */
public record KeptData(String edition, String firstName, String lastName, String email, String phone,
        String organisation, String sector, String role, String language, List<Accessibility> accessibilityNeeds,
        String accessibilityNotes, boolean addressKept, RegistrationStatus status, boolean walkIn, OffsetDateTime registeredAt,
        OffsetDateTime consentAt, OffsetDateTime cancelledAt, OffsetDateTime checkedInAt, OffsetDateTime erasedAt,
        LocalDate keptUntil, int retentionMonths, boolean keptForDemo, List<SessionKept> sessions,
        List<SessionLeft> sessionsLeft, List<StandNote> standNotes, List<MailKept> mails) {

    /** The words for a field with nothing in it: never given, or erased. */
    public String absentKey() {
        return erasedAt != null ? "kept_field_erased" : "kept_field_none";
    }

    /** A session chosen, with where the relay stands in it and when the room's door let them in. */
    public record SessionKept(String title, LocalDate day, LocalTime startsAt, LocalTime endsAt, BookingStatus status,
            Integer waitlistPosition, OffsetDateTime attendedAt) {
    }

    /** A session the relay held or waited for and no longer does, kept for their calendar file to cancel it. */
    public record SessionLeft(String title, LocalDate day, LocalTime startsAt, LocalTime endsAt, OffsetDateTime leftAt) {
    }

    /** A stand that noted the relay's contact, and its notes, oldest first. */
    public record StandNote(String institution, OffsetDateTime notedAt, List<String> notes) {
    }

    /** A message written to the relay: sent, waiting to go, or set aside unsent (it had become untrue). */
    public record MailKept(MailKind kind, String session, OffsetDateTime queuedAt, OffsetDateTime sentAt, boolean setAside) {

        /** Its subject's message, which names the edition. */
        public String subjectKey() {
            return "mail_subject_" + kind.name();
        }
    }
}
