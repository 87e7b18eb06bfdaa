package org.relais.mail;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.relais.registration.Admissions;
import org.relais.registration.Booking;

/**
 * Sends the outbox, a batch at a time: up to 50 due entries are claimed with one token (so that two
 * instances never send the same mail) and rendered in one transaction; each is then read again (a
 * mail that has become untrue meanwhile is set aside), sent and marked sent at once, so that a crash
 * resends at most the one mail it interrupted. A failure is retried later, with growing delays, and
 * nothing is lost. When Relais stops, the mail being sent is finished and marked, the rest of its
 * batch given back, and nothing more is begun.
 */
@ApplicationScoped
public class OutboxWorker {

    private static final Logger LOG = Logger.getLogger(OutboxWorker.class);
    private static final int BATCH = 50;
    private static final Duration CLAIM = Duration.ofMinutes(2);
    private static final List<Duration> RETRY = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2));
    /** While relays are registering at this very moment, each round of the scheduled worker lets them go first, for so long at most. */
    static final Duration MAX_DEFERRAL = Duration.ofSeconds(10);
    /** How long a stop waits for the mail being sent to be finished and marked. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    /** Set when Relais stops: no batch nor mail is begun after it. */
    private volatile boolean stopping;
    /** Batches under way (the scheduled round, and callers of {@link #sendDue()}); guarded by {@code this}. */
    private int sending;

    @Inject
    ReactiveMailer mailer;

    @Inject
    io.vertx.core.Vertx vertx;

    /** How long a send may take before it counts as failed, as the Quarkus blocking mailer waits. */
    @ConfigProperty(name = "quarkus.mailer.timeout", defaultValue = "60s")
    Duration timeout;

    /** The event loop mails are handed to the mail client on ({@link #send}). */
    private io.vertx.core.Context loop;

    @Inject
    Mails mails;

    @Inject
    Admissions admissions;

    @Inject
    Outbox outbox;

    @Inject
    org.relais.web.DiskRoom disk;

    @jakarta.annotation.PostConstruct
    void onEventLoop() {
        loop = ((io.vertx.core.impl.VertxInternal) vertx).createEventLoopContext();
    }

    @Scheduled(every = "${relais.mail.poll:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() throws InterruptedException {
        long until = System.nanoTime() + MAX_DEFERRAL.toNanos();
        do {
            deferWhileRegistering(until);
        } while (sendBatch().claimed() > 0); // nothing is claimed once Relais is stopping
    }

    /**
     * Relais is stopping: lets the mail being sent be finished and marked sent while the database is
     * still there, so that it is not sent again at the next start (up to {@link #STOP_WAIT}).
     */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stopping = true;
        long until = System.nanoTime() + STOP_WAIT.toNanos();
        synchronized (this) {
            for (long left = until - System.nanoTime(); sending > 0 && left > 0; left = until - System.nanoTime()) {
                wait(Math.max(1, left / 1_000_000));
            }
            if (sending > 0) {
                LOG.warnf("Stopping while %d outbox batch(es) are still being sent: a mail may go twice", sending);
            }
        }
    }

    /**
     * When registration opens, hundreds of relays may register within a second: their answers come
     * first, their e-mails a few seconds later. Waits while registrations are being admitted, up to
     * {@link #MAX_DEFERRAL} in all per round of the worker, so that a steady stream of
     * registrations never holds the mail back for longer.
     */
    private void deferWhileRegistering(long until) throws InterruptedException {
        while (admissions.registering() && System.nanoTime() < until && !stopping) {
            Thread.sleep(50);
        }
    }

    /** Sends everything due now, batch after batch; returns how many were sent. */
    public int sendDue() {
        int sent = 0;
        for (Batch batch = sendBatch(); batch.claimed() > 0; batch = sendBatch()) {
            sent += batch.sent();
        }
        return sent;
    }

    /** An entry of this worker's batch, rendered, or why it could not be. */
    private record Claimed(Long id, Mail mail, RuntimeException failure) {
    }

    /** How many entries a batch claimed, and those of them still to send, rendered. */
    private record Rendered(int claimed, List<Claimed> mails) {
    }

    /** How many entries a batch claimed (0: nothing was due), and how many of them went. */
    private record Batch(int claimed, int sent) {
    }

    /** One batch, unless Relais is stopping or mail is held (then nothing is claimed), counted while under way. */
    private Batch sendBatch() {
        synchronized (this) {
            // While the disk has no room, a mail sent could not be marked sent, and would go twice: it waits (DiskRoom).
            if (stopping || outbox.held() || disk.low()) {
                return new Batch(0, 0);
            }
            sending++;
        }
        try {
            return sendBatch(UUID.randomUUID().toString());
        } finally {
            synchronized (this) {
                sending--;
                notifyAll();
            }
        }
    }

    /**
     * Sends one mail and waits for it, as Quarkus's blocking mailer does, but hands it to the mail client on an event
     * loop. The Vert.x mail client (4.5), asked from another thread, takes a new connection over at its event loop's next
     * turn: a server that greets at once (on this machine, or nearby) may have greeted before, its greeting is dropped,
     * and the send waits out {@code quarkus.mailer.timeout} (60 s), then fails (9 new connections in 100 in
     * {@code SmtpOutageTest}). Asked on an event loop, it takes the connection over at once. The Quarkus mailer's copy
     * of the attachments (the badge, some 30 KB, byte by byte: about 7 ms) runs on that loop too.
     */
    private void send(Mail mail) {
        var sending = mailer.send(mail).runSubscriptionOn(task -> loop.runOnContext(v -> task.run())).await();
        if (timeout.isZero()) {
            sending.indefinitely(); // as the blocking mailer reads 0
        } else {
            sending.atMost(timeout);
        }
    }

    /**
     * Claims, renders and sends one batch. A slow mail server must not outlast the claim (another
     * instance could then take the rest and send it too): what is left when half the claim has gone
     * is given back, unsent and untried, for the next round; so is what is left when Relais stops.
     */
    private Batch sendBatch(String token) {
        long giveBackAt = System.nanoTime() + CLAIM.toNanos() / 2;
        Rendered rendered = claimAndRender(token);
        int sent = 0;
        for (Claimed claimed : rendered.mails()) {
            if (stopping || System.nanoTime() > giveBackAt) {
                QuarkusTransaction.requiringNew().run(() -> OutboxMail.update(
                        "claimedUntil = null, claimToken = null where claimToken = ?1 and sentAt is null", token));
                break;
            }
            RuntimeException failure = claimed.failure();
            if (failure == null) {
                if (!stillTrue(claimed.id())) {
                    continue;
                }
                try {
                    send(claimed.mail());
                    QuarkusTransaction.requiringNew().run(() -> OutboxMail.update(
                            "sentAt = ?1, claimedUntil = null, claimToken = null where id = ?2", OffsetDateTime.now(),
                            claimed.id()));
                    sent++;
                    continue;
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
            LOG.warnf("Outbox mail %d not sent, will retry: %s", claimed.id(), reason(failure));
            RuntimeException e = failure;
            QuarkusTransaction.requiringNew().run(() -> failed(OutboxMail.findById(claimed.id()), e));
        }
        return new Batch(rendered.claimed(), sent);
    }

    /**
     * In one transaction: marks up to {@link #BATCH} due entries with a new token, reads back those
     * that carry it (another instance may have claimed some first) and renders them, each as its
     * registration is now; what cannot be rendered is returned with its failure. An entry that has
     * become untrue meanwhile (see {@link Mails#outdated}) is marked done, unsent, with the reason.
     */
    private Rendered claimAndRender(String token) {
        return QuarkusTransaction.requiringNew().call(() -> {
            OffsetDateTime now = OffsetDateTime.now();
            List<Long> due = OutboxMail.find("select id from OutboxMail where sentAt is null and nextAttemptAt <= ?1"
                    + " and (claimedUntil is null or claimedUntil < ?1) order by id", now)
                    .project(Long.class).page(0, BATCH).list();
            if (due.isEmpty()) {
                return new Rendered(0, List.of());
            }
            OutboxMail.update("claimedUntil = ?1, claimToken = ?2 where id in ?3 and sentAt is null"
                    + " and (claimedUntil is null or claimedUntil < ?4)", now.plus(CLAIM), token, due, now);
            List<OutboxMail> claimed = OutboxMail.list("claimToken = ?1 order by id", token);
            List<Claimed> batch = new ArrayList<>();
            for (OutboxMail entry : claimed) {
                List<Booking> bookings = Booking.listByRegistration(entry.registration);
                if (setAsideIfOutdated(entry, bookings)) {
                    continue;
                }
                try {
                    batch.add(new Claimed(entry.id, mails.render(entry, bookings), null));
                } catch (RuntimeException e) {
                    batch.add(new Claimed(entry.id, null, e));
                }
            }
            return new Rendered(claimed.size(), batch);
        });
    }

    /**
     * Reads the entry again just before it goes: the rest of its batch may have taken a while (a
     * slow mail server), and meanwhile the relay's data may have been erased or the registration
     * cancelled. Such an entry is set aside, in its own transaction, and false returned.
     */
    private static boolean stillTrue(Long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            OutboxMail entry = OutboxMail.findById(id);
            return !setAsideIfOutdated(entry, Booking.listByRegistration(entry.registration));
        });
    }

    /** Marks the entry done, unsent, with the reason, if it has become untrue ({@link Mails#outdated}). */
    private static boolean setAsideIfOutdated(OutboxMail entry, List<Booking> bookings) {
        String outdated = Mails.outdated(entry, bookings);
        if (outdated == null) {
            return false;
        }
        entry.sentAt = OffsetDateTime.now();
        entry.claimedUntil = null;
        entry.claimToken = null;
        entry.lastError = outdated;
        return true;
    }

    private static void failed(OutboxMail entry, RuntimeException e) {
        entry.attempts++;
        entry.claimedUntil = null;
        entry.claimToken = null;
        entry.lastFailedAt = OffsetDateTime.now();
        entry.nextAttemptAt = entry.lastFailedAt.plus(RETRY.get(Math.min(entry.attempts, RETRY.size()) - 1));
        String message = reason(e);
        entry.lastError = message.length() > 1000 ? message.substring(0, 1000) : message;
        entry.failureKind = SendFailure.of(e);
    }

    /**
     * What a failed send says of itself, for the log and the organisers' list: its message, or its causes' first; or its
     * kind, for a failure without words (the mailer giving up on a server that does not answer: "TimeoutException", where
     * the organisers read "null" before).
     */
    static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return failure.getClass().getSimpleName();
    }
}
