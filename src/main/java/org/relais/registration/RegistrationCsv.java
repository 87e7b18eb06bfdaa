package org.relais.registration;

import java.util.List;
import java.util.stream.Collectors;
import org.relais.network.NetworkReference;
import org.relais.web.Csv;
import org.relais.web.ForumZone;
import org.relais.web.Messages;

/**
 * Registrations as CSV for a spreadsheet: UTF-8 with a byte-order mark (so that accents survive
 * Excel), semicolons between fields (what French spreadsheets expect), every field quoted, and
 * cells that would start a formula made inert.
 */
final class RegistrationCsv {

    private RegistrationCsv() {
    }

    static String of(List<RegistrationView> rows, NetworkReference reference) {
        ForumZone zone = ForumZone.current();
        Csv csv = new Csv();
        csv.line(List.of(Messages.get("last_name"), Messages.get("first_name"), Messages.get("email"), Messages.get("phone"),
                Messages.get("organisation"), Messages.get("sector"), Messages.get("role"), Messages.get("accessibility"),
                Messages.get("preferred_language"), Messages.get("status"), Messages.get("registered_at"),
                Messages.get("sessions"), Messages.get("checked_in_at")));
        // on a forum of several days, each session says its day too
        boolean severalDays = rows.stream().flatMap(r -> r.sessions().stream())
                .map(RegistrationView.SessionChoice::day).distinct().count() > 1;
        for (RegistrationView r : rows) {
            String needs = r.accessibilityNeeds().needs().stream().map(n -> Messages.get("Accessibility_" + n))
                    .collect(Collectors.joining(", "));
            if (r.accessibilityNeeds().notes() != null) {
                needs = needs.isEmpty() ? r.accessibilityNeeds().notes() : needs + ", " + r.accessibilityNeeds().notes();
            }
            String sessions = r.sessions().stream().map(s -> (severalDays ? s.day() + " " : "") + s.startsAt() + " "
                    + s.title() + " ("
                    + (s.status() == BookingStatus.CONFIRMED ? Messages.get("booking_confirmed")
                            : Messages.get("waitlist_position", s.waitlistPosition())) + ")")
                    .collect(Collectors.joining(" | "));
            csv.line(java.util.Arrays.asList(r.lastName(), r.firstName(), r.email(), r.phone(), r.organisation(),
                    NetworkReference.label(reference.relaySectors(), r.sector(), Messages.current()),
                    NetworkReference.label(reference.relayRoles(), r.role(), Messages.current()), needs,
                    Messages.languageName(Messages.current(), r.language()),
                    Messages.get("RegistrationStatus_" + r.status()), zone.sheet(r.createdAt()), sessions,
                    zone.sheet(r.checkedInAt())));
        }
        return csv.toString();
    }
}
