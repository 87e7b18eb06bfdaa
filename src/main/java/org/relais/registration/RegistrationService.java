package org.relais.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.relais.badge.BadgeCode;
import org.relais.badge.SigningKeys;
import org.relais.edition.Edition;
import org.relais.edition.EditionDeleting;
import org.relais.edition.EditionRescheduled;
import org.relais.edition.EditionService;
import org.relais.edition.EditionStatus;
import org.relais.mail.MailKind;
import org.relais.mail.Outbox;
import org.relais.network.NetworkReference;
import org.relais.programme.ProgrammeSession;
import org.relais.programme.SeatsChanging;
import org.relais.programme.SeatsMayHaveFreedUp;
import org.relais.programme.SessionDeleting;
import org.relais.programme.SessionMoved;
import org.relais.web.ConflictException;
import org.relais.web.Errors;
import org.relais.web.ForumZone;
import org.relais.web.Instants;
import org.relais.web.Messages;
import org.relais.web.NotFoundException;

/**
 * Relays register, choose sessions, change them and cancel; seats are never oversold and waiting
 * lists move by themselves. Every change to an edition's bookings first locks that edition's row,
 * so they happen one at a time per edition on H2 and PostgreSQL alike; registrations arriving
 * together are admitted under one lock ({@link Admissions}).
 */
@ApplicationScoped
@Transactional
public class RegistrationService {

    @Inject
    NetworkReference reference;

    @Inject
    EditionService editions;

    @Inject
    Outbox outbox;

    @Inject
    SigningKeys signingKeys;

    @Inject
    ForumZone forum;

    /**
     * An organiser enters a relay: the same rules but for the registration window and the edition's
     * status (a late addition, a walk-in, a past forum's list); {@code notify} says whether the relay
     * is sent the confirmation e-mail. Admitted in the caller's transaction.
     */
    public Registration registerByOrganiser(Long editionId, RegistrationData data, boolean notify) {
        return admitNow(prepare(new EditionFacts(editionId), data, false, notify, false));
    }

    /**
     * Someone who arrives at the door without having registered: name, organisation, sector and
     * role are enough (an e-mail if they give one); no sessions, no e-mail sent. The door checks
     * them in at once, in the same transaction.
     */
    public Registration registerWalkIn(Long editionId, RegistrationData data) {
        return admitNow(prepare(new EditionFacts(editionId), data, false, false, true));
    }

    private Registration admitNow(Intake intake) {
        admit(intake.editionId, List.of(intake));
        return intake.outcome().registration();
    }

    /** A relay's form as submitted (page or API), with the language they read, for its messages. */
    record Submission(RegistrationData data, Locale locale) {
    }

    /**
     * Relays registering at the same moment (page or API), in one transaction ({@link Admissions}
     * gathers them): each form is checked in its relay's language (fields, chosen sessions, badge
     * code signed), then those that pass are admitted under one lock of the edition. Answers each
     * form's outcome, in order; a refusal is that relay's alone and writes nothing.
     */
    List<Outcome> registerTogether(Long editionId, List<Submission> forms) {
        Intake[] intakes = new Intake[forms.size()];
        Outcome[] outcomes = new Outcome[forms.size()];
        List<Intake> checked = new ArrayList<>();
        EditionFacts facts = new EditionFacts(editionId);
        for (int i = 0; i < forms.size(); i++) {
            Submission form = forms.get(i);
            try {
                intakes[i] = Messages.in(form.locale(), () -> prepare(facts, form.data(), true, true, false));
                checked.add(intakes[i]);
            } catch (RuntimeException refused) {
                outcomes[i] = new Outcome(null, List.of(), refused);
            }
        }
        if (!checked.isEmpty()) {
            admit(editionId, checked);
        }
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i] == null) {
                outcomes[i] = intakes[i].outcome;
            }
        }
        return List.of(outcomes);
    }

    /** What needs no lock: the fields checked, the chosen sessions found in the edition, the badge code signed. */
    private Intake prepare(EditionFacts edition, RegistrationData data, boolean onlyWhileOpen, boolean notify, boolean walkIn) {
        int number = edition.number().orElseThrow(() -> new NotFoundException("edition", edition.id));
        Errors errors = validate(data, !walkIn);
        List<ProgrammeSession> chosen = checkSessions(data.sessionIds(), edition::session, errors);
        errors.throwIfAny();
        List<Long> sessionIds = walkIn ? List.of() : chosen.stream().map(s -> s.id).toList();
        String code = signingKeys.issue(BadgeCode.Kind.REGISTRATION, number);
        return new Intake(edition.id, data, sessionIds, code, onlyWhileOpen, notify, walkIn);
    }

    /**
     * What the checks read of an edition, each read once for all the forms of a transaction: its
     * number (it is in the badge code) and the sessions chosen. The edition itself is not loaded;
     * its row is read again under the lock, and so are the sessions' seats.
     */
    private static final class EditionFacts {
        final Long id;
        private Optional<Integer> number;
        private final Map<Long, Optional<ProgrammeSession>> sessions = new HashMap<>();

        EditionFacts(Long id) {
            this.id = id;
        }

        /** Empty if there is no such edition. */
        Optional<Integer> number() {
            if (number == null) {
                number = id == null ? Optional.empty() : Edition.getEntityManager()
                        .createQuery("select e.number from Edition e where e.id = ?1", Integer.class)
                        .setParameter(1, id).getResultStream().findFirst();
            }
            return number;
        }

        /** The session of that id in this edition, if there is one. */
        Optional<ProgrammeSession> session(Long sessionId) {
            return sessions.computeIfAbsent(sessionId, sid -> ProgrammeSession.findInEdition(
                    Edition.getEntityManager().getReference(Edition.class, id), sid));
        }
    }

    /**
     * The rules that need the edition's lock, for registrations of one edition taken in order: each
     * gets its registration or its refusal, and a refusal writes nothing, so the others stand. The
     * lock is taken once, and what the rules count (e-mails in use, relays, each session's seats and
     * waiting list) is read once and kept up to date as the registrations are admitted.
     */
    void admit(Long editionId, List<Intake> intakes) {
        Openness now = lock(editionId);
        Edition edition = Edition.getEntityManager().getReference(Edition.class, editionId);
        boolean open = now.open(forum.today());
        Set<String> emailsInUse = emailsInUse(editionId, intakes);
        long relays = now.capacity() == null ? 0 : Registration.countConfirmed(edition);
        Map<Long, Seats> seats = new HashMap<>();
        for (Intake intake : intakes) {
            intake.decide(null);
            RegistrationData data = intake.data;
            String email = data.email() == null || data.email().isBlank() ? null : data.email().strip();
            String emailKey = emailKey(email);
            List<Seats> chosen = new ArrayList<>();
            try {
                if (intake.onlyWhileOpen && !open) {
                    throw new ConflictException("conflict_registration_closed");
                }
                if (emailKey != null && emailsInUse.contains(emailKey)) {
                    throw new ConflictException("conflict_already_registered", email);
                }
                if (now.capacity() != null && relays >= now.capacity()) {
                    throw new ConflictException("conflict_edition_full");
                }
                for (Long sessionId : intake.sessionIds) {
                    chosen.add(seats.computeIfAbsent(sessionId, id -> Seats.of(edition, id)));
                }
            } catch (ConflictException refused) {
                intake.decide(new Outcome(null, List.of(), refused));
                continue;
            }
            Registration r = new Registration();
            r.edition = edition;
            applyDetails(r, data);
            r.email = email;
            r.activeEmail = emailKey;
            r.walkIn = intake.walkIn;
            r.consentAt = Instants.now();
            r.createdAt = r.consentAt;
            r.manageToken = Tokens.manageToken();
            r.code = intake.code;
            r.status = RegistrationStatus.CONFIRMED;
            r.persist();
            List<Booking> bookings = new ArrayList<>();
            for (Seats session : chosen) {
                bookings.add(book(r, session));
            }
            if (intake.notify) {
                outbox.queue(MailKind.CONFIRMATION, r, null);
            }
            if (emailKey != null) {
                emailsInUse.add(emailKey);
            }
            relays++;
            intake.decide(new Outcome(r, bookings, null));
        }
    }

    /** Which of these registrations' e-mails an active registration of the edition already holds. */
    private static Set<String> emailsInUse(Long editionId, List<Intake> intakes) {
        List<String> emails = intakes.stream().map(i -> emailKey(i.data.email())).filter(e -> e != null).distinct().toList();
        return emails.isEmpty() ? new HashSet<>() : new HashSet<>(Registration.getEntityManager().createQuery(
                        "select r.activeEmail from Registration r where r.edition.id = ?1 and r.activeEmail in ?2", String.class)
                .setParameter(1, editionId).setParameter(2, emails).getResultList());
    }

    /**
     * An e-mail as one active registration per edition holds it: trimmed, in lower case, a domain given in its
     * ASCII form read back in letters ({@code xn--crche-soleil-ydb.fr} is {@code crèche-soleil.fr}), an accent typed
     * apart joined to its letter; null if blank. One address however it is written is one registration.
     */
    static String emailKey(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        String key = email.strip().toLowerCase(Locale.ROOT);
        int at = key.lastIndexOf('@');
        if (at >= 0 && key.indexOf("xn--", at) > at) {
            key = key.substring(0, at + 1) + java.net.IDN.toUnicode(key.substring(at + 1), java.net.IDN.ALLOW_UNASSIGNED);
        }
        return java.text.Normalizer.normalize(key, java.text.Normalizer.Form.NFC);
    }

    /** A registration checked and signed, on its way to the lock; then what became of it. */
    static final class Intake {
        final Long editionId;
        final RegistrationData data;
        final List<Long> sessionIds;
        final String code;
        final boolean onlyWhileOpen;
        final boolean notify;
        final boolean walkIn;
        private Outcome outcome;

        Intake(Long editionId, RegistrationData data, List<Long> sessionIds, String code, boolean onlyWhileOpen,
                boolean notify, boolean walkIn) {
            this.editionId = editionId;
            this.data = data;
            this.sessionIds = sessionIds;
            this.code = code;
            this.onlyWhileOpen = onlyWhileOpen;
            this.notify = notify;
            this.walkIn = walkIn;
        }

        void decide(Outcome decided) {
            outcome = decided;
        }

        /** The registration with its bookings; throws the refusal if it was refused. */
        Outcome outcome() {
            if (outcome.refusal() != null) {
                throw outcome.refusal();
            }
            return outcome;
        }
    }

    /** An admitted registration with its bookings, or why it was refused. */
    record Outcome(Registration registration, List<Booking> bookings, RuntimeException refusal) {
    }

    /** A session's seats and waiting list as the lock found them, kept up to date as relays are booked. */
    private static final class Seats {
        final ProgrammeSession session;
        long confirmed;
        int lastPosition;

        private Seats(ProgrammeSession session) {
            this.session = session;
            this.confirmed = Booking.countConfirmed(session);
            this.lastPosition = Booking.lastWaitlistPosition(session);
        }

        static Seats of(ProgrammeSession session) {
            return new Seats(session);
        }

        /** Read under the lock: a session removed since the relay chose it refuses the registration. */
        static Seats of(Edition edition, Long sessionId) {
            return new Seats(ProgrammeSession.findInEdition(edition, sessionId).filter(s -> s.registration)
                    .orElseThrow(() -> new ConflictException("error_unknown_session", sessionId)));
        }
    }

    public Registration get(String token) {
        return Registration.findByToken(token).orElseThrow(() -> new NotFoundException("registration", "?"));
    }

    /**
     * The registration with its edition's lock held, read again once the lock is had: a cancellation
     * or change of the same relay that held the lock first (another tab, a double click) is seen, not
     * overwritten. A cancelled registration is a conflict: nothing more changes it.
     */
    private Registration lockedStanding(Registration r) {
        lockEdition(r.edition.id);
        Registration.getEntityManager().refresh(r);
        if (r.anonymisedAt != null) {
            throw new ConflictException("conflict_registration_erased");
        }
        if (r.status == RegistrationStatus.CANCELLED) {
            throw new ConflictException("conflict_registration_cancelled");
        }
        return r;
    }

    public List<Booking> bookings(Registration registration) {
        return Booking.listByRegistration(registration);
    }

    /**
     * Replaces the relay's session choices: kept ones keep their seat or place, dropped ones free it.
     * Choosing a session needs registration open; giving one up is possible until the forum is held,
     * so that a relay who cannot come to a workshop leaves their seat to those waiting.
     */
    public Registration changeSessions(String token, List<Long> sessionIds) {
        Registration r = lockedStanding(get(token));
        Edition edition = r.edition;
        Errors errors = new Errors();
        List<ProgrammeSession> wanted = checkSessions(sessionIds, id -> ProgrammeSession.findInEdition(edition, id), errors);
        errors.throwIfAny();
        checkBeforeForum(edition);
        List<Booking> current = Booking.listByRegistration(r);
        if (!wanted.stream().allMatch(s -> current.stream().anyMatch(b -> b.session.id.equals(s.id)))) {
            checkOpen(edition); // a session chosen anew
        }
        Set<Long> wantedIds = new LinkedHashSet<>(wanted.stream().map(s -> s.id).toList());
        List<ProgrammeSession> freed = new ArrayList<>();
        for (Booking booking : current) {
            if (!wantedIds.remove(booking.session.id)) {
                freed.add(release(booking));
            }
        }
        for (ProgrammeSession session : wanted) {
            if (wantedIds.contains(session.id)) {
                book(r, Seats.of(session));
            }
        }
        freed.forEach(this::promote);
        if (!freed.isEmpty()) {
            promoteWaitingOf(r);
        }
        return r;
    }

    /**
     * The relay corrects their details (a misspelt name, another organisation, their needs, the
     * language of their messages, an address mistyped when registering): every field of the form but
     * the sessions, which have their own change. A new address gets a new link at once, as an organiser's
     * correction does, unless another registration of the edition uses it or a link went to the
     * registration less than {@link Outbox#LINK_AGAIN_AFTER} ago (the page cannot be made to mail
     * address after address); an address left out keeps the one there is. Possible until the forum is
     * held, registration closed or not: the badges are printed from what it says.
     */
    public Registration changeDetails(String token, RegistrationData data) {
        Registration r = get(token); // an unknown link is a 404 whatever the form says
        Errors errors = validateDetails(data);
        errors.email("email", data.email(), false);
        errors.throwIfAny();
        lockedStanding(r);
        if (!detailsOpen(r.edition)) {
            throw over(r.edition, "conflict_details_closed", "conflict_details_closed_early");
        }
        boolean newAddress = newAddress(r, data, errors);
        if (newAddress && errors.isEmpty() && outbox.linkSentLately(r)) {
            errors.add("email", "error_email_changed_lately");
        }
        errors.throwIfAny();
        return corrected(r, data, newAddress);
    }

    /**
     * An organiser corrects a registration for its relay (a phone call, a letter), the e-mail address
     * included: a new address gets a new link for the relay at once, unless another registration of the
     * edition uses it. At any time, for the lists and the badges; not a cancelled registration.
     */
    public Registration correctByOrganiser(Long editionId, Long registrationId, RegistrationData data) {
        Registration r = inEdition(editionId, registrationId);
        Errors errors = validateDetails(data);
        errors.email("email", data.email(), r.email != null);
        errors.throwIfAny();
        lockedStanding(r);
        boolean newAddress = newAddress(r, data, errors);
        errors.throwIfAny();
        return corrected(r, data, newAddress);
    }

    /** Whether the form gives the registration another address; one another registration of the edition uses is refused. */
    private static boolean newAddress(Registration r, RegistrationData data, Errors errors) {
        String email = emailKey(data.email());
        boolean newAddress = email != null && !email.equals(emailKey(r.email));
        if (newAddress && Registration.findActive(r.edition, email).isPresent()) {
            errors.add("email", "error_email_taken");
        }
        return newAddress;
    }

    /**
     * The relay's or the organisers' correction applied. A new address gets a new link at once: whoever
     * received the old one (at an address mistyped, perhaps a stranger's) no longer opens the relay's page.
     * Mails still waiting are written when sent, so they too go to the new address with the new link, at once: one
     * the server refused at the old address does not wait for its next try.
     */
    private Registration corrected(Registration r, RegistrationData data, boolean newAddress) {
        applyDetails(r, data);
        if (newAddress) {
            r.email = data.email().strip();
            r.activeEmail = emailKey(data.email());
            r.manageToken = Tokens.manageToken();
            r.addressKept = false;
            outbox.dueNow(r);
            outbox.queue(MailKind.MANAGE_LINK, r, null);
        }
        return r;
    }

    /**
     * The relay answers their page's question ({@link AddressTypos}) that their address is right as typed:
     * the page asks no more, until another address. {@code meant} is the address the question offered; an
     * answer from a page opened before the address changed was about another one, and is not taken.
     */
    public Registration keepAddress(String token, String meant) {
        Registration r = lockedStanding(get(token));
        if (r.askedAddress().filter(m -> m.equals(meant)).isPresent()) {
            r.addressKept = true;
        }
        return r;
    }

    /** The registration of that id in that edition; any other is not found. */
    public Registration inEdition(Long editionId, Long registrationId) {
        Registration r = registrationId == null ? null : Registration.findById(registrationId);
        if (r == null || !r.edition.id.equals(editionId)) {
            throw new NotFoundException("registration", registrationId);
        }
        return r;
    }

    /** Whether relays may still correct their details: until the forum is held. */
    public boolean detailsOpen(Edition edition) {
        return edition.beforeForum();
    }

    /** Cancels: every seat it held is freed and the waiting lists move up. */
    public void cancel(String token) {
        cancelStanding(get(token), MailKind.CANCELLATION);
    }

    /** Whether the relay may still cancel through their link; an unknown link is not found. */
    public boolean cancellable(String token) {
        return get(token).cancellable();
    }

    /**
     * Cancels a relay's registration for them, when they ask the organisers (on the phone, say), as
     * their own link would: every seat freed and the waiting lists moved up. The relay's e-mail says the
     * organisers did it.
     */
    public void cancelByOrganiser(Long editionId, Long registrationId) {
        cancelStanding(inEdition(editionId, registrationId), MailKind.CANCELLED_BY_ORGANISERS);
    }

    private void cancelStanding(Registration registration, MailKind told) {
        Registration r = lockedStanding(registration);
        if (!r.cancellable()) {
            throw r.checkedInAt != null ? new ConflictException("conflict_cancel_arrived")
                    : over(r.edition, "conflict_cancel_after_forum", "conflict_cancel_closed_early");
        }
        cancelled(r);
        outbox.queue(told, r, null);
    }

    private void cancelled(Registration r) {
        r.status = RegistrationStatus.CANCELLED;
        r.activeEmail = null;
        r.cancelledAt = Instants.now();
        List<ProgrammeSession> freed = new ArrayList<>();
        for (Booking booking : Booking.listByRegistration(r)) {
            freed.add(release(booking));
        }
        freed.forEach(this::promote);
    }

    /**
     * Erases a relay's personal data at their request. A registration that can still be cancelled (before
     * the forum, the relay not arrived) is cancelled first (its seats freed, the waiting lists moved up),
     * without the cancellation mail: the relay asked, and their address is going; otherwise it stays
     * counted with its sessions. Mails still waiting for them are set aside ({@code Mails.outdated}).
     */
    public Registration erase(Long editionId, Long registrationId) {
        Edition edition = lockEdition(editionId);
        Registration r = inEdition(editionId, registrationId);
        Registration.getEntityManager().refresh(r);
        if (r.anonymisedAt != null) {
            throw new ConflictException("conflict_registration_erased");
        }
        if (r.cancellable()) {
            cancelled(r);
        }
        r.erasePersonalData(Tokens.manageToken());
        LeftSession.eraseOf(r);
        return r;
    }

    /**
     * Erases the personal data of every relay of an edition whose retention time has passed, keeping
     * each registration's sector, role, status, dates and bookings for the counts. Returns how many.
     */
    public int eraseEdition(Edition edition) {
        lockEdition(edition.id);
        List<Registration> kept = Registration.list("edition = ?1 and anonymisedAt is null", edition);
        kept.forEach(r -> r.erasePersonalData(Tokens.manageToken()));
        LeftSession.eraseOf(edition);
        return kept.size();
    }

    /**
     * The API's counterpart of {@link #resendLink}, offered by its {@code 409} to an address already
     * registered: an edition that does not exist is not found, and an address missing or malformed is
     * refused by name; otherwise it says nothing either way either.
     */
    public void sendLinkAgain(Long editionId, LinkRequest request) {
        editions.get(editionId);
        Errors errors = new Errors();
        String email = errors.email("email", request.email(), true);
        errors.throwIfAny();
        resendLink(editionId, email);
    }

    /** The address a relay registered with, to send their link to again. */
    public record LinkRequest(String email) {
    }

    /**
     * Sends the manage link again to an active registration of that e-mail, at most once in
     * {@link Outbox#LINK_AGAIN_AFTER}; says nothing either way.
     */
    public void resendLink(Long editionId, String email) {
        Edition edition = Edition.findById(editionId);
        if (edition != null && email != null && !email.isBlank()) {
            Registration.findActive(edition, email).ifPresent(outbox::queueLinkAgain);
        }
    }

    /**
     * An organiser sends a relay their link again (the relay lost the mail and calls): to the
     * registration's own address, and only while it stands.
     */
    public void sendLinkByOrganiser(Long editionId, Long registrationId) {
        Registration r = inEdition(editionId, registrationId);
        if (r.status != RegistrationStatus.CONFIRMED || r.anonymisedAt != null) {
            throw new ConflictException("conflict_link_not_sent");
        }
        outbox.queue(MailKind.MANAGE_LINK, r, null);
    }

    /**
     * Clears a relay's arrival recorded at the door by mistake (another person of the same name, a
     * badge lent): they count as not arrived again, and may cancel again before the forum.
     */
    public void clearArrival(Long editionId, Long registrationId) {
        lockEdition(editionId);
        Registration r = inEdition(editionId, registrationId);
        Registration.getEntityManager().refresh(r);
        r.checkedInAt = null;
        r.checkedInBy = null;
    }

    /**
     * Clears a relay's entry into a session recorded at the room's door by mistake: they count as
     * not come in again, so that their seat can be given to someone waiting. Before the forum or after.
     */
    public void clearEntry(Long editionId, Long bookingId) {
        Booking booking = lockedBooking(editionId, bookingId);
        Booking.getEntityManager().refresh(booking);
        booking.attendedAt = null;
    }

    /**
     * Locks the edition's bookings, as every change to them does, for a change that starts with
     * another row (the door's undo of a walk-in's arrival): the edition first, always, so that two
     * changes never wait for each other.
     */
    public void lockBookings(Long editionId) {
        lockEdition(editionId);
    }

    /**
     * Withdraws a walk-in's registration once the door has taken back their arrival: it was made
     * for that arrival (a duplicate of a registration found since, a person who turned back), and
     * would otherwise count as someone expected who never came. Without a mail: a walk-in is told nothing.
     * A walk-in checked in again, or cancelled already, stays as it is.
     */
    public boolean withdrawWalkIn(Long editionId, Long registrationId) {
        lockEdition(editionId);
        Registration r = inEdition(editionId, registrationId);
        Registration.getEntityManager().refresh(r);
        if (!r.walkIn || r.checkedInAt != null || r.status != RegistrationStatus.CONFIRMED) {
            return false;
        }
        cancelled(r);
        return true;
    }

    // The organiser's hand on the lists.

    /** Gives a waiting relay a seat now, if one is free: the organiser adds seats first otherwise. */
    public void confirmByHand(Long editionId, Long bookingId) {
        Booking booking = booking(editionId, bookingId);
        ProgrammeSession session = booking.session;
        if (booking.status == BookingStatus.CONFIRMED) {
            return;
        }
        if (session.seats != null && Booking.countConfirmed(session) >= session.seats) {
            throw new ConflictException("conflict_session_full", session.title);
        }
        booking.status = BookingStatus.CONFIRMED;
        booking.waitlistPosition = null;
        renumber(session);
        outbox.queue(MailKind.PROMOTION, booking.registration, session);
    }

    /** Moves a waiting relay one place up the list. */
    public void moveUp(Long editionId, Long bookingId) {
        Booking booking = booking(editionId, bookingId);
        if (booking.status != BookingStatus.WAITLISTED || booking.waitlistPosition <= 1) {
            return;
        }
        Booking before = Booking.<Booking>find("session = ?1 and status = ?2 and waitlistPosition = ?3", booking.session,
                BookingStatus.WAITLISTED, booking.waitlistPosition - 1).firstResult();
        if (before != null) {
            before.waitlistPosition = booking.waitlistPosition;
        }
        booking.waitlistPosition = booking.waitlistPosition - 1;
    }

    /**
     * At the room's door, once the session has started: the seat of someone who did not come goes
     * to someone waiting who is in the building (checked in), ahead of the list's order. The
     * newcomer is told by e-mail, and so is the relay who did not come: a late arrival learns it before the door.
     */
    public void giveSeat(Long editionId, Long fromBookingId, Long toBookingId) {
        Booking from = booking(editionId, fromBookingId);
        Booking to = booking(editionId, toBookingId);
        if (!from.session.id.equals(to.session.id) || from.status != BookingStatus.CONFIRMED || from.attendedAt != null
                || to.status != BookingStatus.WAITLISTED || to.registration.checkedInAt == null) {
            throw new ConflictException("conflict_seat_not_given");
        }
        ProgrammeSession session = release(from);
        to.status = BookingStatus.CONFIRMED;
        to.waitlistPosition = null;
        renumber(session);
        outbox.queue(MailKind.PROMOTION, to.registration, session);
        outbox.queue(MailKind.SEAT_GIVEN, from.registration, session);
    }

    /**
     * Moves a relay, seated or waiting, from one session to another where a seat is free (the relay
     * asked on the phone, or waits for a workshop that another time of it can take): the seat or
     * place they leave goes to the waiting list, and they are told by e-mail. The new session must
     * not overlap their other choices; a full one takes nobody (the organiser adds seats first).
     */
    public void transfer(Long editionId, Long bookingId, Long sessionId) {
        Booking booking = booking(editionId, bookingId);
        Registration relay = booking.registration;
        ProgrammeSession from = booking.session;
        Seats seats = seatFor(relay, sessionId, booking, false);
        release(booking);
        book(relay, seats);
        outbox.queueMove(relay, from, seats.session);
        promote(from);
        promoteWaitingOf(relay);
    }

    /**
     * Books a relay into one more session, for a relay who asks the organisers, with the checks of
     * {@link #transfer}: a seat if one is free, else the end of its waiting list (a move never
     * waits: it would give up a place the relay holds). The relay is told which.
     */
    public Booking addSession(Long editionId, Long registrationId, Long sessionId) {
        // the lock before the registration is read, so that a cancellation just made is seen
        checkBeforeForum(lockEdition(editionId));
        Registration relay = inEdition(editionId, registrationId);
        Seats seats = seatFor(relay, sessionId, null, true);
        Booking booking = book(relay, seats);
        outbox.queue(booking.status == BookingStatus.CONFIRMED ? MailKind.SEAT_BOOKED : MailKind.WAITLIST_JOINED, relay,
                seats.session);
        return booking;
    }

    /**
     * The place an organiser gives a relay in a session, the edition's lock held: a registration
     * that stands, a session of its edition that takes bookings, that the relay does not have, that
     * overlaps none of their sessions but the one they leave, and that has a seat free, unless the
     * relay may wait for one.
     */
    private Seats seatFor(Registration relay, Long sessionId, Booking leaving, boolean mayWait) {
        if (relay.anonymisedAt != null) {
            throw new ConflictException("conflict_registration_erased");
        }
        if (relay.status == RegistrationStatus.CANCELLED) {
            throw new ConflictException("conflict_registration_cancelled");
        }
        ProgrammeSession to = ProgrammeSession.findInEdition(relay.edition, sessionId)
                .orElseThrow(() -> new NotFoundException("session", sessionId));
        if (!to.registration) {
            throw new ConflictException("conflict_transfer_no_booking", to.title);
        }
        for (Booking other : Booking.listByRegistration(relay)) {
            if (other.session.id.equals(to.id)) {
                throw new ConflictException("conflict_transfer_same", relay.fullName(), to.title);
            }
            if ((leaving == null || !other.id.equals(leaving.id)) && other.session.overlaps(to)) {
                throw new ConflictException("conflict_transfer_overlap", relay.fullName(), to.title, other.session.title);
            }
        }
        Seats seats = Seats.of(to);
        if (!mayWait && to.seats != null && seats.confirmed >= to.seats) {
            throw new ConflictException("conflict_session_full", to.title);
        }
        return seats;
    }

    /** Takes a relay out of a session, and tells them; a freed seat goes to the waiting list. */
    public void removeBooking(Long editionId, Long bookingId) {
        Booking booking = booking(editionId, bookingId);
        Registration relay = booking.registration;
        ProgrammeSession session = release(booking);
        outbox.queue(MailKind.WITHDRAWAL, relay, session);
        promote(session);
        promoteWaitingOf(relay);
    }

    /** A session moved to another day, time or space: each relay who holds a seat in it or waits for it is told. */
    void onSessionMoved(@Observes SessionMoved moved) {
        ProgrammeSession session = lockedSession(moved.editionId(), moved.sessionId());
        if (!session.edition.beforeForum()) {
            return; // a past forum's record corrected: nobody is told of a day gone
        }
        for (Booking booking : Booking.listBySession(session)) {
            outbox.queue(MailKind.SESSION_MOVED, booking.registration, session);
        }
        waitedForBySeatedIn(session).forEach(this::promote); // its relays' clash with them may be gone
    }

    /**
     * The forum's days changed (a date, a day's hours): each relay registered is told, the mail showing
     * the forum and their sessions as they are now; before a first day that moved, they are reminded
     * again. Once the forum is held, a record corrected tells nobody.
     */
    void onEditionRescheduled(@Observes EditionRescheduled rescheduled) {
        Edition.getEntityManager().flush(); // the new days, before the lock reads the edition again
        Edition edition = lockEdition(rescheduled.editionId());
        if (!edition.beforeForum()) {
            return;
        }
        for (Registration r : Registration.<Registration>list("edition = ?1 and status = ?2", edition,
                RegistrationStatus.CONFIRMED)) {
            if (rescheduled.firstDayMoved()) {
                r.remindedAt = null;
            }
            outbox.queue(MailKind.FORUM_RESCHEDULED, r, null);
        }
    }

    /**
     * A draft edition is not deleted once someone is registered in it (an organiser's entry, a walk-in
     * at the door): their registrations are kept as any forum's.
     */
    void onEditionDeleting(@Observes EditionDeleting deleting) {
        long registered = Registration.count("edition.id", deleting.editionId());
        if (registered > 0) {
            throw new ConflictException("conflict_edition_has_registrations", registered);
        }
    }

    /**
     * A session deleted: each relay who held a seat in it or waited for it is told; its bookings go.
     * Once the forum is held, a session that had relays stays: its lists say who had a seat.
     */
    void onSessionDeleting(@Observes SessionDeleting deleting) {
        ProgrammeSession session = lockedSession(deleting.editionId(), deleting.sessionId());
        List<Booking> bookings = Booking.listBySession(session);
        if (!session.edition.beforeForum() && !bookings.isEmpty()) {
            throw over(session.edition, "conflict_session_delete_after_forum", "conflict_session_delete_closed_early",
                    session.title);
        }
        List<ProgrammeSession> waited = waitedForBySeatedIn(session);
        for (Booking booking : bookings) {
            outbox.queueSessionCancelled(booking.registration, session);
            LeftSession.record(booking.registration, session);
            booking.delete();
        }
        Booking.flush();
        waited.forEach(this::promote); // its relays' clash with them is gone
    }

    /** A session the programme is changing, with its edition's lock held. */
    private ProgrammeSession lockedSession(Long editionId, Long sessionId) {
        lockEdition(editionId);
        return ProgrammeSession.findById(sessionId);
    }

    private Booking booking(Long editionId, Long bookingId) {
        Booking booking = lockedBooking(editionId, bookingId);
        checkBeforeForum(booking.session.edition);
        return booking;
    }

    /** One of the edition's bookings, the edition locked, before the forum or after. */
    private Booking lockedBooking(Long editionId, Long bookingId) {
        Edition edition = lockEdition(editionId);
        Booking booking = bookingId == null ? null : Booking.findById(bookingId);
        if (booking == null || !booking.session.edition.id.equals(edition.id)) {
            throw new NotFoundException("booking", bookingId);
        }
        return booking;
    }

    /**
     * A refusal because the forum is over: in the words of a forum that took place or, moved to held before its last day,
     * of one that is closed.
     */
    private static ConflictException over(Edition edition, String tookPlace, String closedEarly, Object... args) {
        return ConflictException.forumOver(edition.closedEarly() ? closedEarly : tookPlace, args);
    }

    /** The organisers' hand on seats and waiting lists stops once the forum is held: the lists say who had a seat. */
    private static void checkBeforeForum(Edition edition) {
        if (!edition.beforeForum()) {
            throw bookingsOver(edition);
        }
    }

    /** Why seats and waiting lists no longer change, once the forum is over: the refusal, and the attendees' page's words. */
    static ConflictException bookingsOver(Edition edition) {
        return over(edition, "conflict_bookings_after_forum", "conflict_bookings_closed_early");
    }

    /**
     * Queues the reminder for every confirmed relay of an edition whose reminder day, {@code daysBefore}
     * days before its first day, has come: each relay registered before that day, once. A reminder day
     * the job missed (the server down at that hour) is caught up by its next run, until the forum's day.
     */
    public int queueReminders(LocalDate today, int daysBefore) {
        int queued = 0;
        List<Edition> soon = Edition.list("status in ?1", List.of(EditionStatus.REGISTRATION_OPEN,
                EditionStatus.REGISTRATION_CLOSED));
        for (Edition edition : soon) {
            LocalDate first = edition.firstDay();
            LocalDate due = first == null ? null : first.minusDays(daysBefore);
            if (due == null || today.isBefore(due) || !today.isBefore(first) && !today.equals(due)) {
                continue;
            }
            for (Registration r : Registration.<Registration>list("edition = ?1 and status = ?2 and remindedAt is null"
                    + " and createdAt < ?3", edition, RegistrationStatus.CONFIRMED,
                    due.atStartOfDay(forum.zone()).toOffsetDateTime())) {
                r.remindedAt = Instants.now();
                outbox.queue(MailKind.REMINDER, r, null);
                queued++;
            }
        }
        return queued;
    }

    /**
     * A session's seats are never fewer than the relays seated in it, and booking is not turned off
     * while relays hold a seat or wait: the organiser moves them first. Counted under the edition's
     * lock, so no registration slips in between.
     */
    void onSeatsChanging(@Observes SeatsChanging change) {
        lockEdition(change.editionId());
        List<Object[]> counts = Booking.getEntityManager().createQuery("select b.status, count(b) from Booking b"
                + " where b.session.id = ?1 group by b.status", Object[].class).setParameter(1, change.sessionId())
                .getResultList();
        long seated = 0;
        long all = 0;
        for (Object[] row : counts) {
            all += (Long) row[1];
            if (row[0] == BookingStatus.CONFIRMED) {
                seated = (Long) row[1];
            }
        }
        if (!change.registration() && all > 0) {
            change.errors().add("registration", "error_booking_still_held", all);
        } else if (change.seats() != null && change.seats() < seated) {
            change.errors().add("seats", "error_seats_below_seated", seated);
        }
    }

    void onSeatsChanged(@Observes SeatsMayHaveFreedUp event) {
        ProgrammeSession session = ProgrammeSession.findById(event.sessionId());
        if (session != null && session.edition.beforeForum()) { // after the forum, seats added seat nobody
            lockEdition(session.edition.id);
            promote(session);
        }
    }

    /**
     * Fills a session's free seats from its waiting list, in order, skipping anyone whose confirmed
     * sessions clash with it; positions stay 1..N.
     */
    void promote(ProgrammeSession session) {
        if (!session.registration) {
            return;
        }
        long seated = Booking.countConfirmed(session);
        List<Booking> waiting = Booking.waitingList(session);
        for (Booking candidate : waiting) {
            if (session.seats != null && seated >= session.seats) {
                break;
            }
            boolean clashes = Booking.listByRegistration(candidate.registration).stream()
                    .anyMatch(b -> b.status == BookingStatus.CONFIRMED && b.session.overlaps(session));
            if (!clashes) {
                candidate.status = BookingStatus.CONFIRMED;
                candidate.waitlistPosition = null;
                seated++;
                outbox.queue(MailKind.PROMOTION, candidate.registration, session);
            }
        }
        renumber(session);
    }

    /**
     * Moves up the waiting lists a relay is on, once a session they held is given up or taken from them: a clash
     * with it (an organiser moved it over a session they wait for) may have kept them waiting while a seat was free.
     */
    private void promoteWaitingOf(Registration r) {
        Booking.<Booking>list("registration = ?1 and status = ?2", r, BookingStatus.WAITLISTED)
                .forEach(b -> promote(b.session));
    }

    /** The sessions waited for by relays seated in {@code session}, which a clash with it may hold back. */
    private static List<ProgrammeSession> waitedForBySeatedIn(ProgrammeSession session) {
        return Booking.<Booking>list("status = ?1 and registration in (select seated.registration from Booking seated"
                + " where seated.session = ?2 and seated.status = ?3)", BookingStatus.WAITLISTED, session,
                BookingStatus.CONFIRMED).stream().map(b -> b.session).distinct().toList();
    }

    private static Booking book(Registration r, Seats seats) {
        Booking booking = new Booking();
        booking.registration = r;
        booking.session = seats.session;
        booking.createdAt = Instants.now();
        if (seats.session.seats == null || seats.confirmed < seats.session.seats) {
            booking.status = BookingStatus.CONFIRMED;
            seats.confirmed++;
        } else {
            booking.status = BookingStatus.WAITLISTED;
            booking.waitlistPosition = ++seats.lastPosition;
        }
        booking.persist();
        return booking;
    }

    private ProgrammeSession release(Booking booking) {
        ProgrammeSession session = booking.session;
        LeftSession.record(booking.registration, session);
        booking.delete();
        Booking.flush();
        renumber(session);
        return session;
    }

    private static void renumber(ProgrammeSession session) {
        int position = 1;
        for (Booking booking : Booking.waitingList(session)) {
            booking.waitlistPosition = position++;
        }
    }

    /**
     * What decides, at the moment of the lock, whether an edition takes registrations: its status, its window, and its
     * forum's last day ({@code lastDay}), after which nobody registers, even when the window has no end and the forum
     * was not yet marked as held.
     */
    record Openness(String status, LocalDate opensOn, LocalDate closesOn, LocalDate lastDay, Integer capacity) {
        boolean open(LocalDate today) {
            return EditionStatus.REGISTRATION_OPEN.name().equals(status) && (opensOn == null || !today.isBefore(opensOn))
                    && (closesOn == null || !today.isAfter(closesOn)) && (lastDay == null || !today.isAfter(lastDay));
        }
    }

    /** Locks the edition's row and reads, in the same statement, what the rules need of it. */
    private Openness lock(Long editionId) {
        List<?> rows = Edition.getEntityManager().createNativeQuery("select status, registration_opens_on,"
                + " registration_closes_on, (select max(forum_date) from edition_day where edition_id = ?1), relay_capacity"
                + " from edition where id = ?1 for update")
                .setParameter(1, editionId).getResultList();
        if (rows.isEmpty()) {
            throw new NotFoundException("edition", editionId);
        }
        Object[] row = (Object[]) rows.get(0);
        return new Openness((String) row[0], date(row[1]), date(row[2]), date(row[3]),
                row[4] == null ? null : ((Number) row[4]).intValue());
    }

    private static LocalDate date(Object value) {
        return value == null ? null : value instanceof LocalDate d ? d : ((java.sql.Date) value).toLocalDate();
    }

    /** Locks the edition's row until the transaction ends, and reads it afresh ({@link EditionService#locked}). */
    private Edition lockEdition(Long editionId) {
        return editions.locked(editionId);
    }

    /** Registration and changes happen while the edition is open, inside its window, until its forum's last day. */
    public boolean isOpen(Edition edition) {
        return new Openness(edition.status.name(), edition.registrationOpensOn, edition.registrationClosesOn,
                edition.lastDay(), edition.relayCapacity).open(forum.today());
    }

    /** Whether the edition has as many relays as it takes: a registration now would be refused. */
    public boolean isFull(Edition edition) {
        return edition.relayCapacity != null && Registration.countConfirmed(edition) >= edition.relayCapacity;
    }

    /** Whether the forum has taken place: held or archived, or its last day is over. */
    public boolean isPast(Edition edition) {
        return !edition.beforeForum();
    }

    private void checkOpen(Edition edition) {
        if (!isOpen(edition)) {
            throw new ConflictException("conflict_registration_closed");
        }
    }

    /** The fields of a registration, each checked; the chosen sessions are checked apart ({@link #checkSessions}). */
    private Errors validate(RegistrationData data, boolean emailRequired) {
        Errors errors = validateDetails(data);
        errors.email("email", data.email(), emailRequired);
        if (!Boolean.TRUE.equals(data.consent())) {
            errors.add("consent", "error_consent");
        }
        return errors;
    }

    /** What a relay may change later on their page: every field but the e-mail, the consent and the sessions. */
    private Errors validateDetails(RegistrationData data) {
        Errors errors = new Errors();
        errors.line("firstName", data.firstName(), 100, true);
        errors.line("lastName", data.lastName(), 100, true);
        errors.phone("phone", data.phone());
        errors.line("organisation", data.organisation(), 200, true);
        errors.oneOf("sector", data.sector(), reference.relaySectors().stream().map(NetworkReference.Term::key).toList(), true);
        errors.oneOf("role", data.role(), reference.relayRoles().stream().map(NetworkReference.Term::key).toList(), true);
        RegistrationData.AccessibilityData needs = data.accessibilityNeeds();
        if (needs != null) {
            for (String need : needs.needs() == null ? List.<String>of() : needs.needs()) {
                errors.oneOf("accessibilityNeeds.needs", need, Accessibility.class, true);
            }
            errors.text("accessibilityNeeds.notes", needs.notes(), 1000, false);
        }
        if (data.language() != null && !data.language().isBlank()) {
            errors.oneOf("language", data.language(), List.of("fr", "en"), false);
        }
        return errors;
    }

    /** Sets the fields {@link #validateDetails} checked. */
    private static void applyDetails(Registration r, RegistrationData data) {
        r.firstName = data.firstName().strip();
        r.lastName = data.lastName().strip();
        r.phone = blankToNull(data.phone());
        r.organisation = data.organisation().strip();
        r.sector = data.sector().strip();
        r.role = data.role().strip();
        RegistrationData.AccessibilityData needs = data.accessibilityNeeds();
        r.accessibility = needs == null || needs.needs() == null ? ""
                : String.join(",", new LinkedHashSet<>(needs.needs().stream().map(n -> n.strip().toUpperCase(Locale.ROOT)).toList()));
        r.accessibilityNotes = needs == null ? null : blankToNull(needs.notes());
        r.language = data.language() == null || data.language().isBlank() ? "fr" : data.language().strip();
    }

    /** The chosen sessions, each of this edition, bookable, and none overlapping another. */
    private List<ProgrammeSession> checkSessions(List<Long> ids, Function<Long, Optional<ProgrammeSession>> inEdition,
            Errors errors) {
        List<ProgrammeSession> chosen = new ArrayList<>();
        for (Long id : ids == null ? List.<Long>of() : new LinkedHashSet<>(ids)) {
            if (id == null) {
                errors.add("sessionIds", "error_session_without_number");
                continue;
            }
            ProgrammeSession session = inEdition.apply(id).orElse(null);
            if (session == null) {
                errors.add("sessionIds", "error_unknown_session", id);
            } else if (!session.registration) {
                errors.add("sessionIds", "error_session_no_booking", session.title);
            } else {
                chosen.add(session);
            }
        }
        chosen.sort(Comparator.comparing((ProgrammeSession s) -> s.day).thenComparing(s -> s.startsAt));
        for (int i = 0; i + 1 < chosen.size(); i++) {
            if (chosen.get(i).overlaps(chosen.get(i + 1))) {
                errors.add("sessionIds", "error_sessions_overlap", chosen.get(i).title, chosen.get(i + 1).title);
            }
        }
        return chosen;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

}
