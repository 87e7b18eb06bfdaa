package org.relais.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.relais.programme.ProgrammeSession;
import org.relais.registration.Registration;

/**
 * Queues an e-mail in the caller's transaction: it exists if and only if the change does. Tells the
 * organisers what could not be sent yet.
 */
@ApplicationScoped
public class Outbox {

    /** An edition's e-mails that failed at least once and wait to be tried again, and the latest failure. */
    public record Undelivered(long count, String lastError) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void queue(MailKind kind, Registration registration, ProgrammeSession session) {
        if (registration.email == null) {
            return; // a walk-in who gave no e-mail
        }
        OutboxMail mail = new OutboxMail();
        mail.kind = kind;
        mail.registration = registration;
        mail.session = session;
        mail.createdAt = OffsetDateTime.now();
        mail.nextAttemptAt = mail.createdAt;
        mail.persist();
    }

    /** The edition's e-mails that could not be sent yet, or empty when every one went (or is still to try). */
    @Transactional
    public Optional<Undelivered> undelivered(Long editionId) {
        String failing = "registration.edition.id = ?1 and sentAt is null and attempts > 0";
        long count = OutboxMail.count(failing, editionId);
        if (count == 0) {
            return Optional.empty();
        }
        OutboxMail latest = OutboxMail.find(failing + " order by nextAttemptAt desc, id desc", editionId).firstResult();
        String error = latest.lastError == null ? "" : latest.lastError;
        // "io.netty.channel.…ConnectException: Connection refused: …" says no more to an organiser without its class.
        return Optional.of(new Undelivered(count, error.replaceFirst("^([a-z][a-z0-9_]*\\.)+[A-Za-z0-9_$]+: ", "")));
    }
}
