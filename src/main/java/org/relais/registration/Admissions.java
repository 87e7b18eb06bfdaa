package org.relais.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.relais.registration.RegistrationService.Intake;
import org.relais.registration.RegistrationService.Outcome;

/**
 * Relays registering at the same moment are admitted together: each request checks its own form
 * and signs its code on its own thread, then joins its edition's line; whoever gets the turn admits
 * everyone in the line in one transaction under one lock of the edition's row, and the others find
 * their answer ready when their turn comes. When registration opens and hundreds arrive at once,
 * the lock, the counts and the commit are paid once per group instead of once per relay. The rules
 * are {@link RegistrationService}'s, the same for one relay or many; the database lock still keeps
 * several instances of Relais exact.
 */
@ApplicationScoped
public class Admissions {

    /** At most this many in one transaction; the rest go in the next. */
    static final int GROUP = 200;

    @Inject
    RegistrationService rules;

    /** After the last registration is answered, a rush counts as still going on for this long. */
    private static final long RUSH_TAIL_NANOS = 200_000_000L;

    private final Map<Long, Line> lines = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile long lastAnswered = System.nanoTime() - RUSH_TAIL_NANOS;

    /** An edition's registrations waiting for the lock, and whose turn it is to admit them. */
    private static final class Line {
        final Queue<Intake> waiting = new ConcurrentLinkedQueue<>();
        final ReentrantLock turn = new ReentrantLock();
    }

    /**
     * Registers a relay (page or API) and answers with the registration; throws what refused it.
     * Runs outside any transaction: the checks have their own, and so does each group.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public RegistrationView register(Long editionId, RegistrationData data) {
        inFlight.incrementAndGet();
        try {
            return enter(editionId, data);
        } finally {
            inFlight.decrementAndGet();
            lastAnswered = System.nanoTime();
        }
    }

    /**
     * Whether relays are registering at this moment (or were, a fraction of a second ago): the
     * outbox lets a rush go first, since its answers are awaited and its e-mails can come a few
     * seconds later.
     */
    public boolean registering() {
        return inFlight.get() > 0 || System.nanoTime() - lastAnswered < RUSH_TAIL_NANOS;
    }

    private RegistrationView enter(Long editionId, RegistrationData data) {
        Intake intake = rules.prepare(editionId, data);
        Line line = lines.computeIfAbsent(editionId, id -> new Line());
        line.waiting.add(intake);
        try {
            do {
                lead(editionId, line);
            } while (!intake.awaitAnswer(50));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while registering", e);
        }
        Outcome outcome = intake.outcome();
        return RegistrationView.of(outcome.registration(), outcome.bookings());
    }

    /**
     * Admits the line, group after group, if nobody else is doing it; the others wait for their own
     * answer, each woken separately. Whoever admits looks at the line again after letting go of
     * the turn, so that a registration that arrived just then is not left waiting.
     */
    private void lead(Long editionId, Line line) {
        while (!line.waiting.isEmpty() && line.turn.tryLock()) {
            try {
                for (List<Intake> group = next(line); !group.isEmpty(); group = next(line)) {
                    admit(editionId, group);
                }
            } finally {
                line.turn.unlock();
            }
        }
    }

    private static List<Intake> next(Line line) {
        List<Intake> group = new ArrayList<>();
        for (Intake next = line.waiting.poll(); next != null; next = group.size() < GROUP ? line.waiting.poll() : null) {
            group.add(next);
        }
        return group;
    }

    /**
     * One transaction for the group, committed before anyone in it is answered; if it fails as a
     * whole (the database refused a write, the commit failed), each is admitted again alone, so
     * that one relay's failure is not the others'.
     */
    private void admit(Long editionId, List<Intake> group) {
        try {
            rules.admit(editionId, group);
            group.forEach(Intake::answer);
        } catch (RuntimeException failed) {
            if (group.size() == 1) {
                group.get(0).decide(new Outcome(null, List.of(), failed));
                group.get(0).answer();
            } else {
                for (Intake one : group) {
                    one.decide(null);
                    admit(editionId, List.of(one));
                }
            }
        }
    }
}
