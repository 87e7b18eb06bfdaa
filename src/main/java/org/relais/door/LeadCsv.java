package org.relais.door;

import java.util.Arrays;
import java.util.List;
import org.relais.network.NetworkReference;
import org.relais.registration.Registration;
import org.relais.web.Csv;
import org.relais.web.ForumZone;
import org.relais.web.Messages;

/** A stand's leads as a spreadsheet: who, how to reach them, and every note. */
final class LeadCsv {

    private LeadCsv() {
    }

    static String of(List<Lead> leads, NetworkReference reference) {
        Csv csv = new Csv().line(List.of(Messages.get("last_name"), Messages.get("first_name"),
                Messages.get("organisation"), Messages.get("email"), Messages.get("phone"), Messages.get("sector"),
                Messages.get("role"), Messages.get("lead_notes"), Messages.get("lead_first_seen"),
                Messages.get("lead_scanned_by")));
        for (Lead lead : leads) {
            Registration r = lead.registration;
            csv.line(Arrays.asList(r.lastName, r.firstName, r.organisation, r.email, r.phone,
                    NetworkReference.label(reference.relaySectors(), r.sector, Messages.current()),
                    NetworkReference.label(reference.relayRoles(), r.role, Messages.current()),
                    String.join(" | ", lead.noteLines()), ForumZone.current().sheet(lead.createdAt),
                    lead.scannedBy));
        }
        return csv.toString();
    }
}
