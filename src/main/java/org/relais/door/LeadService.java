package org.relais.door;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import org.relais.badge.BadgeCode;
import org.relais.badge.SigningKeys;
import org.relais.edition.Edition;
import org.relais.registration.Registration;
import org.relais.registration.RegistrationStatus;
import org.relais.venue.Stand;
import org.relais.venue.StandLeaving;
import org.relais.venue.VenueService;
import org.relais.web.ConflictException;
import org.relais.web.Errors;
import org.relais.web.Instants;
import org.relais.web.InvalidInputException;
import org.relais.web.NotFoundException;

/** Stands note the relays who want to be contacted: a scanned badge (or a search) and a note. */
@ApplicationScoped
@Transactional
public class LeadService {

    @Inject
    VenueService venue;

    @Inject
    SigningKeys keys;

    public Stand stand(Long editionId, Long standId) {
        return venue.stand(editionId, standId);
    }

    /**
     * The contacts a stand noted are its institution's: a stand with some is neither deleted, as they
     * would go with it, nor given to another institution, whose staff would read them.
     */
    void onStandLeaving(@Observes StandLeaving leaving) {
        Stand stand = stand(leaving.editionId(), leaving.standId());
        long noted = Lead.count("stand", stand);
        if (noted > 0) {
            throw new ConflictException("conflict_stand_has_leads", String.valueOf(stand.number), noted);
        }
    }

    public List<Lead> leads(Long editionId, Long standId) {
        return Lead.listByStand(stand(editionId, standId));
    }

    /** One lead of the stand named, as its address says; 404 for a lead of another stand. */
    public Lead lead(Long editionId, Long standId, Long leadId) {
        return Lead.<Lead>find("id = ?1 and stand = ?2", leadId, stand(editionId, standId)).firstResultOptional()
                .orElseThrow(() -> new NotFoundException("lead", leadId));
    }

    /**
     * Takes a contact off the stand's list, its notes with it: a badge scanned by mistake, a relay who changed their mind,
     * a test before the forum. After the stand's lock, as a scan of the same relay is.
     */
    public void remove(Long editionId, Long standId, Long leadId) {
        Stand stand = stand(editionId, standId);
        if (!Stand.lock(stand.id)) {
            throw new NotFoundException("stand", standId);
        }
        lead(editionId, standId, leadId).delete();
    }

    /**
     * Records a lead from a badge's code (or, from the stand's search, a registration id): a relay
     * scanned twice keeps one lead, with both notes. Returns whether it was new.
     */
    public Lead record(Long editionId, Long standId, String typedCode, Long registrationId, String note, String by) {
        Stand stand = stand(editionId, standId);
        Edition edition = stand.edition;
        if (!edition.leadsEnabled) {
            throw new ConflictException("conflict_leads_off");
        }
        Errors errors = new Errors();
        String text = errors.text("note", note, 1000, false);
        errors.throwIfAny();
        Registration r = registrationId != null ? Registration.<Registration>findByIdOptional(registrationId)
                .filter(x -> x.edition.id.equals(edition.id)).orElseThrow(() -> new NotFoundException("registration", registrationId))
                : byCode(edition, typedCode);
        if (r.status == RegistrationStatus.CANCELLED) {
            throw new ConflictException("conflict_checkin_cancelled", r.fullName());
        }
        // Two scans of the same relay at once (two phones at the stand, a queue sent again): the stand's row
        // is locked first, so the second finds the lead the first made, or its notes, and adds its own; a stand
        // deleted meanwhile is found gone.
        if (!Stand.lock(stand.id)) {
            throw new NotFoundException("stand", standId);
        }
        Lead lead = Lead.<Lead>find("stand = ?1 and registration = ?2", stand, r).firstResult();
        OffsetDateTime now = Instants.now();
        if (lead == null) {
            lead = new Lead();
            lead.stand = stand;
            lead.registration = r;
            lead.createdAt = now;
            lead.scannedBy = by;
            lead.notes = text;
            lead.updatedAt = now;
            lead.persist();
        } else if (text != null) {
            String notes = lead.notes == null || lead.notes.isBlank() ? text : lead.notes + "\n" + text;
            lead.notes = notes.length() > 8000 ? notes.substring(notes.length() - 8000) : notes;
            lead.updatedAt = now;
        }
        return lead;
    }

    private Registration byCode(Edition edition, String typed) {
        if (DoorService.nothingScanned(typed)) {
            throw InvalidInputException.of("code", "error_required");
        }
        if (typed.length() > DoorService.MAX_SCAN) {
            throw InvalidInputException.of("code", "error_code_unreadable");
        }
        String canonical = BadgeCode.canonical(typed);
        if (canonical == null) {
            throw InvalidInputException.of("code", "error_code_unreadable");
        }
        BadgeCode code = keys.verify(canonical).orElseThrow(() -> InvalidInputException.of("code", "error_code_forged"));
        if (code.kind() != BadgeCode.Kind.REGISTRATION || code.editionNumber() != edition.number) {
            throw new NotFoundException("registration", "?");
        }
        return Registration.<Registration>find("edition = ?1 and code = ?2", edition, canonical).firstResultOptional()
                .orElseThrow(() -> new NotFoundException("registration", "?"));
    }

    public void setLeadsEnabled(Long editionId, boolean enabled) {
        Edition edition = Edition.<Edition>findByIdOptional(editionId).orElseThrow(() -> new NotFoundException("edition", editionId));
        edition.leadsEnabled = enabled;
    }
}
