package org.relais.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import org.relais.programme.ProgrammeSession;
import org.relais.registration.Registration;

/** Queues an e-mail in the caller's transaction: it exists if and only if the change does. */
@ApplicationScoped
public class Outbox {

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
}
