package org.relais.mail;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.relais.programme.ProgrammeSession;
import org.relais.registration.Registration;
import org.relais.web.Messages;
import org.relais.web.PublicUrl;
import org.relais.web.RowLocks;

/**
 * Queues an e-mail in the caller's transaction: it exists if and only if the change does. Tells the
 * organisers what could not be sent yet, and holds every mail back where the mock mailer, which
 * sends nothing, has been switched on in production.
 */
@ApplicationScoped
public class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class);
    private static final String UNSENT = "registration.edition.id = ?1 and sentAt is null";
    /** Of those, the kinds that still go once the forum is over, as a query's list. */
    private static final String AFTER_THE_FORUM = java.util.Arrays.stream(MailKind.values())
            .filter(MailKind::goesAfterTheForum).map(k -> MailKind.class.getName() + "." + k.name())
            .collect(java.util.stream.Collectors.joining(", ", " and kind in (", ")"));

    /**
     * How long after the link went to a registration the public form's asking sends it no more, and its
     * relay cannot give it yet another address: no one can make Relais mail an address, or addresses,
     * over and over.
     */
    public static final java.time.Duration LINK_AGAIN_AFTER = java.time.Duration.ofMinutes(15);

    /** The mock mailer's setting, if set: unset, Quarkus uses the mock mailer in dev and tests and sends in production. */
    @ConfigProperty(name = "quarkus.mailer.mock")
    Optional<Boolean> mock;

    /** True in production: there, a mail handed to the mock mailer would be marked sent and never reach anyone. */
    @ConfigProperty(name = "relais.mail.hold-when-mock", defaultValue = "false")
    boolean holdWhenMock;

    /** A relay a mail was for, as the organisers' message names them, with their registration to open. */
    public record Relay(Long registrationId, String name, String email) {
        static Relay of(Registration r) {
            return new Relay(r.id, r.fullName(), r.email);
        }
    }

    /**
     * An edition's e-mails that failed at least once and wait to be tried again, and the latest failure: its kind, the
     * mail client's words, and the relay it was for (named when the server refused their address); and the other relays
     * whose address was refused, whom a later failure of another kind (a temporary refusal, say) would hide.
     */
    public record Undelivered(long count, SendFailure kind, String detail, Relay relay, List<Relay> alsoRefused) {

        /** The server refused the relay's address: theirs for the organisers to correct, on their registration. */
        public boolean refusedAddress() {
            return kind == SendFailure.RECIPIENT;
        }

        /** The latest failure in the reader's words. */
        public String why() {
            return Messages.get("SendFailure_" + kind.name(), relay.name(), relay.email());
        }

        /** What to check after such a failure, in the reader's words. */
        public String check() {
            return Messages.get(kind.check);
        }
    }

    /** The sender relays see ({@code Relais <relais@localhost>} unless set). */
    @ConfigProperty(name = "quarkus.mailer.from")
    Optional<String> from;

    @Inject
    PublicUrl publicUrl;

    void onStart(@Observes StartupEvent event) {
        if (held()) {
            LOG.warn("quarkus.mailer.mock is true: relays' e-mails are kept in the outbox and none is sent until it is"
                    + " removed and the mail server set (docs/email.md)");
        }
        linksOnlyHere().ifPresent(address -> LOG.warnf("relais.public-url is %s: the links in relays' e-mails open only on"
                + " this machine; set it to the address relays open Relais at (docs/email.md)", address));
        sentFromNowhere().ifPresent(sender -> LOG.warnf("quarkus.mailer.from is %s, an address of no public domain: most"
                + " mail services refuse such mail or file it as spam; set the forum's own sender (docs/email.md)", sender));
    }

    /** Whether mails really leave: the mock mailer off, by default in production, or set so. */
    private boolean sending() {
        return !mock.orElse(LaunchMode.current().isDevOrTest());
    }

    /** The address the mails' links lead to, when mails really leave and that address opens only on this machine; empty otherwise. */
    public Optional<String> linksOnlyHere() {
        return sending() && publicUrl.onlyHere() ? Optional.of(publicUrl.of("")) : Optional.empty();
    }

    /**
     * The sender, when mails really leave from an address of no public domain ({@code relais@localhost}, as
     * it comes, or a machine's name with no dot); empty otherwise.
     */
    public Optional<String> sentFromNowhere() {
        return sending() ? from.filter(sender -> !publicDomain(sender)) : Optional.empty();
    }

    /** Whether a sender such as {@code Forum <forum@example.org>} has a domain the world can reach. */
    static boolean publicDomain(String sender) {
        String address = sender.contains("<") ? sender.substring(sender.lastIndexOf('<') + 1).replace(">", "") : sender;
        String domain = address.substring(address.lastIndexOf('@') + 1).strip().toLowerCase(java.util.Locale.ROOT);
        return domain.contains(".") && !domain.endsWith(".localhost") && !domain.endsWith(".local");
    }

    /** Whether every mail is held back, unsent, until the mock mailer is switched off. */
    public boolean held() {
        return mock.orElse(false) && holdWhenMock;
    }

    /** How many of the edition's e-mails are held back, or empty when mail is not held. */
    @Transactional
    public Optional<Long> heldBack(Long editionId) {
        return held() ? Optional.of(OutboxMail.count(unsent(editionId), editionId))
                : Optional.empty();
    }

    /**
     * The edition's mails not sent yet (nor set aside) that will still go, what both organisers' notices count: once the
     * forum is over, those of the kinds that go after it; the others will be set aside at their next try.
     */
    private static String unsent(Long editionId) {
        org.relais.edition.Edition edition = org.relais.edition.Edition.findById(editionId);
        return edition == null || edition.beforeForum() ? UNSENT : UNSENT + AFTER_THE_FORUM;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void queue(MailKind kind, Registration registration, ProgrammeSession session) {
        queue(kind, registration, session, true);
    }

    /**
     * Tells a relay that the session they held or waited for is deleted, in the transaction that
     * deletes it: the mail keeps the session's title and time, not the session.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void queueSessionCancelled(Registration registration, ProgrammeSession session) {
        queue(MailKind.SESSION_CANCELLED, registration, session, false);
    }

    /** Tells a relay that the organisers moved them from one session to another, naming both. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void queueMove(Registration registration, ProgrammeSession left, ProgrammeSession to) {
        OutboxMail mail = queue(MailKind.SEAT_BOOKED, registration, to, true);
        if (mail != null) {
            mail.leftSessionTitle = left.title;
            mail.leftSessionDay = left.day;
            mail.leftSessionStartsAt = left.startsAt;
            mail.leftSessionEndsAt = left.endsAt;
        }
    }

    /**
     * Sends a relay their link again at their own asking (the public form, which anyone may fill in with
     * any address), unless it went to them less than {@link #LINK_AGAIN_AFTER} ago: the form cannot flood
     * an address with it. The organisers' sending, at the relay's call, is not held back. The registration's
     * row is locked first: two askings in the same instant (a double press) count one another.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void queueLinkAgain(Registration registration) {
        RowLocks.lock("registration", registration.id); // registrations are never deleted, only made anonymous
        if (!linkSentLately(registration)) {
            queue(MailKind.MANAGE_LINK, registration, null);
        }
    }

    /** Whether the registration's link went to it again less than {@link #LINK_AGAIN_AFTER} ago; the caller holds a lock. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean linkSentLately(Registration registration) {
        return OutboxMail.count("registration = ?1 and kind = ?2 and createdAt > ?3", registration, MailKind.MANAGE_LINK,
                OffsetDateTime.now().minus(LINK_AGAIN_AFTER)) > 0;
    }

    /**
     * A registration's mails still waiting go at the worker's next round, whatever their next try: after a new
     * address, one the server refused at the old address (retried up to two hours apart) waits no more.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void dueNow(Registration registration) {
        OffsetDateTime now = OffsetDateTime.now();
        OutboxMail.update("nextAttemptAt = ?1 where registration = ?2 and sentAt is null and nextAttemptAt > ?1", now,
                registration);
    }

    private OutboxMail queue(MailKind kind, Registration registration, ProgrammeSession session, boolean linked) {
        if (registration.email == null) {
            return null; // a walk-in who gave no e-mail
        }
        OutboxMail mail = new OutboxMail();
        mail.kind = kind;
        mail.registration = registration;
        mail.session = linked ? session : null;
        if (session != null) {
            mail.sessionTitle = session.title;
            mail.sessionDay = session.day;
            mail.sessionStartsAt = session.startsAt;
            mail.sessionEndsAt = session.endsAt;
        }
        mail.createdAt = OffsetDateTime.now();
        mail.nextAttemptAt = mail.createdAt;
        mail.persist();
        return mail;
    }

    /** The edition's e-mails that could not be sent yet, or empty when every one went (or is still to try). */
    @Transactional
    public Optional<Undelivered> undelivered(Long editionId) {
        String failing = unsent(editionId) + " and attempts > 0";
        long count = OutboxMail.count(failing, editionId);
        if (count == 0) {
            return Optional.empty();
        }
        // the latest failure, not the furthest next try: a mail refused for hours waits longest, and would hide a new outage
        OutboxMail latest = OutboxMail.find(failing + " order by lastFailedAt desc, id desc", editionId).firstResult();
        String error = latest.lastError == null ? "" : latest.lastError;
        List<Relay> alsoRefused = OutboxMail.<OutboxMail>list(failing + " and failureKind = ?2 and registration <> ?3"
                + " order by id", editionId, SendFailure.RECIPIENT, latest.registration).stream().map(m -> m.registration)
                .distinct().map(Relay::of).toList();
        // "io.netty.channel.…ConnectException: Connection refused: …" says no more to an organiser without its class.
        return Optional.of(new Undelivered(count, latest.failureKind == null ? SendFailure.OTHER : latest.failureKind,
                error.replaceFirst("^([a-z][a-z0-9_]*\\.)+[A-Za-z0-9_$]+: ", ""), Relay.of(latest.registration), alsoRefused));
    }
}
