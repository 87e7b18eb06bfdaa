package org.relais.programme;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.relais.edition.Edition;
import org.relais.edition.EditionDay;
import org.relais.edition.EditionService;
import org.relais.network.Institution;
import org.relais.venue.Space;
import org.relais.venue.Stand;
import org.relais.web.Errors;
import org.relais.web.Messages;
import org.relais.web.NotFoundException;

/** Builds an edition's programme and says where it clashes. */
@ApplicationScoped
@Transactional
public class ProgrammeService {

    private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$");

    @Inject
    EditionService editions;

    @Inject
    jakarta.enterprise.event.Event<SeatsMayHaveFreedUp> seatsChanged;

    @Inject
    jakarta.enterprise.event.Event<SeatsChanging> seatsChanging;

    @Inject
    jakarta.enterprise.event.Event<SessionDeleting> sessionDeleting;

    @Inject
    jakarta.enterprise.event.Event<SessionMoved> sessionMoved;

    @Inject
    BookedTogether bookedTogether;

    public List<ProgrammeSession> sessions(Long editionId) {
        return ProgrammeSession.listByEdition(editions.get(editionId));
    }

    /** A draft edition's programme is the organisers' business: anyone else is told it does not exist. */
    public void requirePublished(Long editionId, boolean organiser) {
        Edition edition = editions.get(editionId);
        if (edition.status == org.relais.edition.EditionStatus.DRAFT && !organiser) {
            throw new org.relais.web.NotFoundException("edition", editionId);
        }
    }

    public ProgrammeSession session(Long editionId, Long sessionId) {
        return session(editions.get(editionId), sessionId);
    }

    private static ProgrammeSession session(Edition edition, Long sessionId) {
        return ProgrammeSession.findInEdition(edition, sessionId).orElseThrow(() -> new NotFoundException("session", sessionId));
    }

    public ProgrammeSession create(Long editionId, SessionData data) {
        ProgrammeSession session = new ProgrammeSession();
        session.edition = editions.locked(editionId); // a space is not deleted while the session is put in it
        apply(session, data);
        session.persist();
        return session;
    }

    public ProgrammeSession update(Long editionId, Long sessionId, SessionData data) {
        ProgrammeSession session = session(editions.locked(editionId), sessionId);
        Errors errors = validate(editionId, data);
        seatsChanging.fire(new SeatsChanging(editionId, session.id, data.seats(), registration(data), errors));
        errors.throwIfAny();
        List<Object> where = whereAndWhen(session);
        apply(session, data);
        ProgrammeSession.getEntityManager().flush();
        if (!where.equals(whereAndWhen(session))) {
            sessionMoved.fire(new SessionMoved(editionId, session.id)); // before the waiting list moves up: the relays it had
        }
        seatsChanged.fire(new SeatsMayHaveFreedUp(session.id));
        return session;
    }

    /** What a relay who chose the session goes by: its day, times and space. */
    private static List<Object> whereAndWhen(ProgrammeSession session) {
        return java.util.Arrays.asList(session.day, session.startsAt, session.endsAt,
                session.space == null ? null : session.space.id);
    }

    /** Deletes a session; the relays who held a seat in it or waited for it are told by e-mail. */
    public void delete(Long editionId, Long sessionId) {
        ProgrammeSession session = session(editions.locked(editionId), sessionId);
        sessionDeleting.fire(new SessionDeleting(editionId, session.id));
        session.delete();
    }

    public Errors validate(Long editionId, SessionData data) {
        Edition edition = editions.get(editionId);
        Errors errors = new Errors();
        errors.oneOf("kind", data.kind(), SessionKind.class, true);
        errors.line("title", data.title(), 300, true);
        errors.text("description", data.description(), 4000, false);
        if (data.spaceId() != null && Space.findInEdition(edition, data.spaceId()).isEmpty()) {
            errors.add("spaceId", "error_unknown_space", data.spaceId());
        }
        if (errors.required("day", data.day()) != null && edition.day(data.day()).isEmpty()) {
            errors.add("day", "error_day_not_in_edition", data.day());
        }
        errors.required("startsAt", data.startsAt());
        errors.required("endsAt", data.endsAt());
        errors.order("startsAt", data.startsAt(), "endsAt", data.endsAt());
        errors.range("seats", data.seats(), 1, 100_000);
        String language = errors.text("language", data.language(), 20, false);
        if (language != null && !LANGUAGE.matcher(language).matches()) {
            errors.add("language", "error_language");
        }
        if (data.institutionId() != null && !Institution.lock(data.institutionId())) {
            errors.add("institutionId", "error_unknown_institution", data.institutionId());
        }
        return errors;
    }

    /** Booking is needed as the organiser says, or, unsaid, when the session has a number of seats. */
    private static boolean registration(SessionData data) {
        return data.registration() != null ? data.registration() : data.seats() != null;
    }

    private void apply(ProgrammeSession session, SessionData data) {
        Errors errors = validate(session.edition.id, data);
        errors.throwIfAny();
        session.kind = errors.oneOf("kind", data.kind(), SessionKind.class, true);
        session.title = data.title().strip();
        session.description = data.description() == null || data.description().isBlank() ? null : data.description().strip();
        session.space = data.spaceId() == null ? null : Space.findById(data.spaceId());
        session.day = data.day();
        session.startsAt = data.startsAt();
        session.endsAt = data.endsAt();
        session.seats = data.seats();
        session.language = data.language() == null || data.language().isBlank() ? "fr" : data.language().strip();
        session.institution = data.institutionId() == null ? null : Institution.findById(data.institutionId());
        session.registration = registration(data);
    }

    /**
     * Everything in the edition that needs fixing: a space booked twice at once, relays booked in
     * two sessions that overlap (one moved onto the other since they chose), a session outside the
     * opening hours, more seats than its space holds, a participating institution without a stand.
     */
    public List<Conflict> conflicts(Long editionId) {
        Edition edition = editions.get(editionId);
        List<ProgrammeSession> sessions = ProgrammeSession.listByEdition(edition);
        List<Conflict> conflicts = new ArrayList<>();
        Map<List<Long>, Long> together = bookedTogether.byPair(edition.id);
        for (int i = 0; i < sessions.size(); i++) {
            ProgrammeSession a = sessions.get(i);
            for (int j = i + 1; j < sessions.size(); j++) {
                ProgrammeSession b = sessions.get(j);
                if (!b.day.equals(a.day) || !b.startsAt.isBefore(a.endsAt)) {
                    break; // sorted by day and start: nothing later overlaps a
                }
                if (a.space != null && a.space.equals(b.space)) {
                    conflicts.add(new Conflict(Conflict.Kind.SPACE_DOUBLE_BOOKED,
                            Messages.get("conflict_space_double_booked", a.space.name, a.title, b.title),
                            List.of(a.id, b.id), a.space.id, null));
                }
                Long relays = together.get(BookedTogether.pair(a.id, b.id));
                if (relays != null) {
                    conflicts.add(new Conflict(Conflict.Kind.RELAYS_DOUBLE_BOOKED,
                            Messages.get("conflict_relays_double_booked", relays, a.title, b.title),
                            List.of(a.id, b.id), null, null));
                }
            }
            EditionDay day = edition.day(a.day).orElse(null);
            if (day == null || a.startsAt.isBefore(day.opensAt) || a.endsAt.isAfter(day.closesAt)) {
                conflicts.add(new Conflict(Conflict.Kind.OUTSIDE_OPENING_HOURS,
                        day == null ? Messages.get("conflict_not_a_forum_day", a.title, a.day)
                                : Messages.get("conflict_outside_hours", a.title, day.opensAt, day.closesAt),
                        List.of(a.id), a.space == null ? null : a.space.id, null));
            }
            if (a.space != null && a.seats != null && a.space.seats != null && a.seats > a.space.seats) {
                conflicts.add(new Conflict(Conflict.Kind.OVER_SPACE_CAPACITY,
                        Messages.get("conflict_over_capacity", a.title, a.seats, a.space.name, a.space.seats),
                        List.of(a.id), a.space.id, null));
            }
        }
        Set<Long> withStand = new HashSet<>();
        Stand.listByEdition(edition).forEach(s -> withStand.add(s.institution.id));
        for (Institution institution : edition.participants) {
            if (!withStand.contains(institution.id)) {
                conflicts.add(new Conflict(Conflict.Kind.INSTITUTION_WITHOUT_STAND,
                        Messages.get("conflict_no_stand", institution.name), List.of(), null, institution.id));
            }
        }
        return conflicts;
    }
}
