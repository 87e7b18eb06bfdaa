package org.relais;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicLong;
import org.relais.programme.ProgrammeSession;
import org.relais.programme.SeatsChanging;
import org.relais.programme.SessionDeleting;

/**
 * Deletes a session the moment a request that changes or deletes it has read it, in a transaction of its own: what
 * another organiser's deletion does when it lands between that request's reading and its writing. For the session
 * named by {@link #next}, once.
 */
@ApplicationScoped
public class DeletedMeanwhile {

    private static final AtomicLong NEXT = new AtomicLong();

    /** The next change or deletion of {@code sessionId} finds it deleted by another request as it writes. */
    public static void next(long sessionId) {
        NEXT.set(sessionId);
    }

    void changing(@Observes SeatsChanging change) {
        deleteIfNamed(change.sessionId());
    }

    void deleting(@Observes SessionDeleting deletion) {
        deleteIfNamed(deletion.sessionId());
    }

    private static void deleteIfNamed(Long sessionId) {
        if (sessionId != null && NEXT.compareAndSet(sessionId, 0)) {
            QuarkusTransaction.requiringNew().run(() -> ProgrammeSession.delete("id", sessionId));
        }
    }
}
