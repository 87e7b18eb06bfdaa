package org.relais.registration;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A registration as the API shows it: to its relay through the manage link, and to organisers. Its fields as
 * sent, the consent included (no registration is made without it; {@code consentAt} is when it was given).
 */
public record RegistrationView(Long id, Long editionId, String manageToken, String manageUrl, String code,
        RegistrationStatus status, String firstName, String lastName, String email, String phone, String organisation,
        String sector, String role, RegistrationData.AccessibilityData accessibilityNeeds, String language,
        boolean consent, OffsetDateTime consentAt, OffsetDateTime createdAt, OffsetDateTime cancelledAt,
        OffsetDateTime checkedInAt, List<SessionChoice> sessions, OffsetDateTime anonymisedAt) {

    /** One chosen session: a seat, or a place on the waiting list. */
    public record SessionChoice(Long sessionId, BookingStatus status, Integer waitlistPosition, String title, LocalDate day,
            @JsonFormat(pattern = "HH:mm") LocalTime startsAt, @JsonFormat(pattern = "HH:mm") LocalTime endsAt) {
    }

    public static String manageUrl(Registration r) {
        return "/r/" + r.manageToken;
    }

    public static RegistrationView of(Registration r, List<Booking> bookings) {
        return new RegistrationView(r.id, r.edition.id, r.manageToken, manageUrl(r), r.code, r.status, r.firstName,
                r.lastName, r.email, r.phone, r.organisation, r.sector, r.role,
                new RegistrationData.AccessibilityData(r.accessibilityNeeds().stream().map(Enum::name).toList(),
                        r.accessibilityNotes),
                r.language, r.consentAt != null, r.consentAt, r.createdAt, r.cancelledAt, r.checkedInAt,
                bookings.stream().map(b -> new SessionChoice(b.session.id, b.status, b.waitlistPosition, b.session.title,
                        b.session.day, b.session.startsAt, b.session.endsAt)).toList(), r.anonymisedAt);
    }

    /** The name as lists sort it, surname first; what became of it once erased. */
    public String listName() {
        return Registration.listName(firstName, lastName, anonymisedAt);
    }
}
