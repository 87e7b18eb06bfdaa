package org.relais.edition;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.relais.network.Institution;
import org.relais.network.NetworkReference;
import org.relais.programme.ProgrammeSession;
import org.relais.venue.Space;
import org.relais.venue.Stand;
import org.relais.web.ConflictException;
import org.relais.web.Errors;
import org.relais.web.Messages;
import org.relais.web.NotFoundException;

/** Sets up a forum edition: its facts, days, participants, guests and status. */
@ApplicationScoped
@Transactional
public class EditionService {

    @Inject
    NetworkReference reference;

    @Inject
    jakarta.enterprise.event.Event<EditionDeleting> editionDeleting;

    @Inject
    jakarta.enterprise.event.Event<EditionRescheduled> editionRescheduled;

    public List<Edition> list() {
        return Edition.listNewestFirst();
    }

    public Edition get(Long id) {
        Edition edition = id == null ? null : Edition.findById(id);
        if (edition == null) {
            throw new NotFoundException("edition", id);
        }
        return edition;
    }

    /**
     * The edition, its row locked until the transaction ends ({@link Edition#lock}) and read afresh. Whatever adds to
     * an edition or changes what is set up in it takes it first, and so does its deletion: nothing is added to an
     * edition while it is deleted, and a space is not deleted while a stand or session is put in it.
     */
    public Edition locked(Long id) {
        if (!Edition.lock(id)) {
            throw new NotFoundException("edition", id);
        }
        Edition edition = Edition.findById(id);
        Edition.getEntityManager().refresh(edition);
        return edition;
    }

    public Edition create(EditionData data) {
        Edition edition = new Edition();
        apply(edition, data);
        edition.status = EditionStatus.DRAFT;
        edition.persist();
        return edition;
    }

    /**
     * Changes an edition. When its days change (a date, a day's hours), its relays are told
     * ({@link EditionRescheduled}); when every day moves by the same number of days (the forum put off
     * or brought forward), the programme moves with it, as a copy's does.
     */
    public Edition update(Long id, EditionData data) {
        Edition edition = locked(id);
        boolean rescheduled = !edition.keepsDays(data.days());
        List<LocalDate> before = edition.dates();
        LocalDate firstDay = edition.firstDay();
        apply(edition, data);
        if (rescheduled) {
            long shift = shift(before, edition.dates());
            if (shift != 0) {
                ProgrammeSession.listByEdition(edition).forEach(session -> session.day = session.day.plusDays(shift));
            }
            editionRescheduled.fire(new EditionRescheduled(edition.id, !java.util.Objects.equals(firstDay, edition.firstDay())));
        }
        return edition;
    }

    /**
     * By how many days every one of the forum's days moved, or 0 when they did not all move alike: a day
     * added, removed or moved on its own leaves the sessions where they are, for the organiser to place.
     */
    private static long shift(List<LocalDate> before, List<LocalDate> after) {
        if (before.isEmpty() || before.size() != after.size()) {
            return 0;
        }
        long shift = ChronoUnit.DAYS.between(before.get(0), after.get(0));
        for (int i = 1; i < before.size(); i++) {
            if (ChronoUnit.DAYS.between(before.get(i), after.get(i)) != shift) {
                return 0;
            }
        }
        return shift;
    }

    /** Moves an edition forward: draft, registration open, closed, held, archived. */
    public Edition changeStatus(Long id, String status) {
        Edition edition = locked(id); // a draft published as it is deleted: one after the other
        Errors errors = new Errors();
        EditionStatus next = errors.oneOf("status", status, EditionStatus.class, true);
        errors.throwIfAny();
        if (!edition.status.isBefore(next)) {
            throw new ConflictException("conflict_status_backwards", Messages.label(edition.status), Messages.label(next));
        }
        edition.status = next;
        return edition;
    }

    /**
     * A draft edition can be deleted, with what was set up for it (spaces, stands, programme, guests,
     * badges and accesses); any other is kept for the record.
     */
    public void delete(Long id) {
        Edition edition = locked(id);
        if (edition.status != EditionStatus.DRAFT) {
            throw new ConflictException("conflict_edition_not_draft");
        }
        editionDeleting.fire(new EditionDeleting(edition.id));
        ProgrammeSession.delete("edition", edition);
        Stand.delete("edition", edition);
        Space.delete("edition", edition);
        Guest.delete("edition", edition);
        edition.delete();
    }

    /**
     * A new edition made from an earlier one: spaces, stands, participants and programme carry over,
     * sessions moved by as many days as the first day moved.
     */
    public Edition copy(Long sourceId, EditionData data) {
        Edition source = get(sourceId);
        EditionData complete = withDefaults(data, source);
        List<ProgrammeSession> sessions = ProgrammeSession.listByEdition(source);
        if (!sessions.isEmpty() && source.firstDay() != null && (complete.days() == null || complete.days().isEmpty())) {
            // The sessions move by as many days as the first day moved: without a first day, to nowhere.
            validate(complete).add("days.0.date", "error_copy_needs_day").throwIfAny();
        }
        Edition copy = create(complete);
        if (copy.participants.isEmpty()) {
            copy.participants.addAll(source.participants);
        }
        Map<Long, Space> spaces = new HashMap<>();
        for (Space space : Space.listByEdition(source)) {
            Space copied = space.copyTo(copy);
            spaces.put(space.id, copied);
            org.relais.venue.Obstacle.listBySpace(space).forEach(o -> o.copyTo(copied));
        }
        for (Stand stand : Stand.listByEdition(source)) {
            stand.copyTo(copy, stand.space == null ? null : spaces.get(stand.space.id));
        }
        long shift = source.firstDay() == null || copy.firstDay() == null ? 0
                : ChronoUnit.DAYS.between(source.firstDay(), copy.firstDay());
        for (ProgrammeSession session : sessions) {
            session.copyTo(copy, session.space == null ? null : spaces.get(session.space.id), shift);
        }
        return copy;
    }

    private static EditionData withDefaults(EditionData data, Edition source) {
        return new EditionData(null, data.number(), data.title(), data.theme() != null ? data.theme() : source.theme,
                data.hostInstitutionId() != null ? data.hostInstitutionId() : source.host == null ? null : source.host.id,
                data.venue() != null ? data.venue()
                        : new EditionData.Venue(source.venueName, source.venueAddress, source.venueAccessNotes),
                data.days(), data.registrationOpensOn(), data.registrationClosesOn(),
                data.relayCapacity() != null ? data.relayCapacity() : source.relayCapacity, null,
                data.participatingInstitutionIds());
    }

    public Errors validate(EditionData data) {
        Errors errors = new Errors();
        errors.range("number", errors.required("number", data.number()), 1, 9999);
        errors.line("title", data.title(), 300, true);
        errors.line("theme", data.theme(), 300, false);
        Set<Long> found = lockInstitutions(data);
        if (data.hostInstitutionId() != null && !found.contains(data.hostInstitutionId())) {
            errors.add("hostInstitutionId", "error_unknown_institution", data.hostInstitutionId());
        }
        if (data.venue() != null) {
            errors.line("venue.name", data.venue().name(), 300, false);
            errors.text("venue.address", data.venue().address(), 500, false);
            errors.text("venue.accessNotes", data.venue().accessNotes(), 4000, false);
        }
        List<EditionData.Day> days = data.days() == null ? List.of() : data.days();
        Set<LocalDate> seen = new HashSet<>();
        LocalDate last = null;
        for (int i = 0; i < days.size(); i++) {
            EditionData.Day day = days.get(i);
            String at = "days." + i + ".";
            if (day == null) {
                errors.add("days." + i, "error_required");
                continue;
            }
            errors.forumDate(at + "date", errors.required(at + "date", day.date()));
            errors.required(at + "opensAt", day.opensAt());
            errors.required(at + "closesAt", day.closesAt());
            errors.order(at + "opensAt", day.opensAt(), at + "closesAt", day.closesAt());
            if (day.date() != null && !seen.add(day.date())) {
                errors.add(at + "date", "error_day_twice");
            }
            if (day.date() != null && (last == null || day.date().isAfter(last))) {
                last = day.date();
            }
        }
        errors.forumDate("registrationOpensOn", data.registrationOpensOn());
        errors.forumDate("registrationClosesOn", data.registrationClosesOn());
        errors.order("registrationOpensOn", data.registrationOpensOn(), "registrationClosesOn", data.registrationClosesOn());
        if (last != null && data.registrationOpensOn() != null && data.registrationOpensOn().isAfter(last)) {
            errors.add("registrationOpensOn", "error_registration_opens_after_forum"); // it would never open
        }
        if (last != null && data.registrationClosesOn() != null && data.registrationClosesOn().isAfter(last)) {
            errors.add("registrationClosesOn", "error_registration_after_forum");
        }
        errors.range("relayCapacity", data.relayCapacity(), 1, 100_000);
        if (data.participatingInstitutionIds() != null) {
            for (Long institutionId : data.participatingInstitutionIds()) {
                if (institutionId == null) {
                    errors.add("participatingInstitutionIds", "error_institution_without_number");
                } else if (!found.contains(institutionId)) {
                    errors.add("participatingInstitutionIds", "error_unknown_institution", institutionId);
                }
            }
        }
        return errors;
    }

    /**
     * Locks the institutions the edition names (its host, its participants), so that none is deleted before the
     * edition is saved; in the order of their numbers, so that two editions saved at once never wait for each other.
     * Returns those that exist.
     */
    private static Set<Long> lockInstitutions(EditionData data) {
        Set<Long> named = new TreeSet<>(); // in the order of their numbers
        if (data.hostInstitutionId() != null) {
            named.add(data.hostInstitutionId());
        }
        if (data.participatingInstitutionIds() != null) {
            data.participatingInstitutionIds().stream().filter(Objects::nonNull).forEach(named::add);
        }
        named.removeIf(id -> !Institution.lock(id));
        return named;
    }

    private void apply(Edition edition, EditionData data) {
        validate(data).throwIfAny();
        Edition same = Edition.findByNumber(data.number()).orElse(null);
        if (same != null && !same.equals(edition)) {
            throw new ConflictException("conflict_edition_number_taken", data.number());
        }
        edition.number = data.number();
        edition.title = data.title().strip();
        edition.theme = blankToNull(data.theme());
        edition.host = data.hostInstitutionId() == null ? null : Institution.findById(data.hostInstitutionId());
        EditionData.Venue venue = data.venue();
        edition.venueName = venue == null ? null : blankToNull(venue.name());
        edition.venueAddress = venue == null ? null : blankToNull(venue.address());
        edition.venueAccessNotes = venue == null ? null : blankToNull(venue.accessNotes());
        edition.registrationOpensOn = data.registrationOpensOn();
        edition.registrationClosesOn = data.registrationClosesOn();
        edition.relayCapacity = data.relayCapacity();
        setDays(edition, data.days() == null ? List.of() : data.days()); // as the checks read it: no days
        if (data.participatingInstitutionIds() != null) {
            edition.participants.clear();
            data.participatingInstitutionIds().forEach(id -> edition.participants.add(Institution.findById(id)));
        }
    }

    private static void setDays(Edition edition, List<EditionData.Day> days) {
        // Keep the rows of days that stay, so that their dates remain unique while the list changes.
        Map<LocalDate, EditionData.Day> wanted = new HashMap<>();
        days.forEach(d -> wanted.put(d.date(), d));
        edition.days.removeIf(d -> !wanted.containsKey(d.date));
        if (edition.id != null) {
            EditionDay.getEntityManager().flush();
        }
        for (EditionData.Day day : days.stream().sorted((a, b) -> a.date().compareTo(b.date())).toList()) {
            EditionDay row = edition.day(day.date()).orElseGet(() -> {
                EditionDay created = new EditionDay();
                created.edition = edition;
                created.date = day.date();
                edition.days.add(created);
                return created;
            });
            row.opensAt = day.opensAt();
            row.closesAt = day.closesAt();
        }
        edition.days.sort((a, b) -> a.date.compareTo(b.date));
    }

    // Guests

    public List<Guest> guests(Long editionId) {
        return Guest.listByEdition(get(editionId));
    }

    public Guest addGuest(Long editionId, GuestData data) {
        Edition edition = locked(editionId);
        Errors errors = validateGuest(data);
        errors.throwIfAny();
        Guest guest = new Guest();
        guest.edition = edition;
        guest.name = data.name().strip();
        guest.kind = data.kind().strip();
        guest.description = blankToNull(data.description());
        guest.persist();
        return guest;
    }

    public Errors validateGuest(GuestData data) {
        Errors errors = new Errors();
        errors.line("name", data.name(), 300, true);
        errors.oneOf("kind", data.kind(), reference.institutionKinds(), true);
        errors.text("description", data.description(), 4000, false);
        return errors;
    }

    public Guest guest(Long editionId, Long guestId) {
        Guest guest = Guest.find("id = ?1 and edition = ?2", guestId, get(editionId)).firstResult();
        if (guest == null) {
            throw new NotFoundException("guest", guestId);
        }
        return guest;
    }

    public void removeGuest(Long editionId, Long guestId) {
        locked(editionId); // a second deletion at the same moment finds the guest gone
        guest(editionId, guestId).delete();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
