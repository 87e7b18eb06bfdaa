package org.relais.mail;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Sends the outbox: each due entry is claimed (so two instances never both send it), rendered,
 * sent, then marked sent; a failure is retried later, with growing delays, and nothing is lost.
 */
@ApplicationScoped
public class OutboxWorker {

    private static final Logger LOG = Logger.getLogger(OutboxWorker.class);
    private static final Duration CLAIM = Duration.ofMinutes(2);
    private static final List<Duration> RETRY = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2));

    @Inject
    Mailer mailer;

    @Inject
    Mails mails;

    @Scheduled(every = "${relais.mail.poll:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        sendDue();
    }

    /** Sends everything due now, 50 at a time; returns how many were sent. */
    public int sendDue() {
        int sent = 0;
        List<Long> due;
        while (!(due = due()).isEmpty()) {
            sent += send(due);
        }
        return sent;
    }

    private static List<Long> due() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMail.<OutboxMail>find(
                "sentAt is null and nextAttemptAt <= ?1 and (claimedUntil is null or claimedUntil < ?1) order by id",
                OffsetDateTime.now()).page(0, 50).list().stream().map(m -> m.id).toList());
    }

    private int send(List<Long> due) {
        int sent = 0;
        for (Long id : due) {
            if (!claim(id)) {
                continue; // another worker has it
            }
            try {
                Mail mail = QuarkusTransaction.requiringNew().call(() -> mails.render(OutboxMail.findById(id)));
                mailer.send(mail);
                QuarkusTransaction.requiringNew().run(() -> {
                    OutboxMail entry = OutboxMail.findById(id);
                    entry.sentAt = OffsetDateTime.now();
                    entry.claimedUntil = null;
                });
                sent++;
            } catch (RuntimeException e) {
                LOG.warnf("Outbox mail %d not sent, will retry: %s", id, e.getMessage());
                QuarkusTransaction.requiringNew().run(() -> failed(OutboxMail.findById(id), e));
            }
        }
        return sent;
    }

    private boolean claim(Long id) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMail.update(
                "claimedUntil = ?1 where id = ?2 and sentAt is null and (claimedUntil is null or claimedUntil < ?3)",
                OffsetDateTime.now().plus(CLAIM), id, OffsetDateTime.now())) == 1;
    }

    private static void failed(OutboxMail entry, RuntimeException e) {
        entry.attempts++;
        entry.claimedUntil = null;
        entry.nextAttemptAt = OffsetDateTime.now().plus(RETRY.get(Math.min(entry.attempts, RETRY.size()) - 1));
        String message = String.valueOf(e.getMessage());
        entry.lastError = message.length() > 1000 ? message.substring(0, 1000) : message;
    }
}
