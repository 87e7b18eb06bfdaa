package org.relais;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.relais.programme.ProgrammeSession;
import org.relais.programme.SeatsChanging;
import org.relais.programme.SessionDeleting;

/**
 * Deletes a session the moment a request that changes or deletes it has read it, in a transaction of its own: what
 * another organiser's deletion does when it lands between that request's reading and its writing. For the session
 * named by {@link #next}, once. And {@link #whileHeld}: a deletion, or a new reference, held uncommitted while
 * another request comes.
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

    /**
     * Two organisers' requests in the same moment: does {@code first} in a transaction held open while
     * {@code meanwhile} is sent from another thread, gives that request a second to go through (or to wait for the
     * first, as it should when both touch the same rows), then commits. Returns the other request's answer.
     */
    public static Response whileHeld(Runnable first, Callable<Response> meanwhile) throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<Response> answer;
            QuarkusTransaction.begin();
            try {
                first.run();
                Panache.getEntityManager().flush();
                answer = other.submit(meanwhile);
                try {
                    answer.get(1, TimeUnit.SECONDS);
                } catch (TimeoutException waiting) {
                    // it waits for the first to commit
                }
            } catch (Exception | Error e) {
                QuarkusTransaction.rollback();
                throw e;
            }
            QuarkusTransaction.commit();
            return answer.get(60, TimeUnit.SECONDS);
        } finally {
            other.shutdownNow();
        }
    }

    private static void deleteIfNamed(Long sessionId) {
        if (sessionId != null && NEXT.compareAndSet(sessionId, 0)) {
            QuarkusTransaction.requiringNew().run(() -> ProgrammeSession.delete("id", sessionId));
        }
    }
}
