package org.relais.registration;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.relais.registration.RegistrationService.Outcome;
import org.relais.registration.RegistrationService.Submission;
import org.relais.web.Messages;

/**
 * Relays registering at the same moment are admitted together. Each form joins its edition's
 * line; one admitting thread per edition takes everyone in the line and registers them in one
 * transaction under one lock of the edition's row ({@link RegistrationService#registerTogether}),
 * then answers each. When registration opens and hundreds arrive at once, the lock, the counts and
 * the commit are paid once per group instead of once per relay, and the API's requests wait
 * without holding a thread ({@link #submit}); a page's form waits on its own ({@link #register}).
 * The rules are {@link RegistrationService}'s, the same for one relay or many; the database lock
 * still keeps several instances of Relais exact.
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
    /** The admitting threads: one per edition while its line has relays, gone after a minute's quiet. */
    private final ExecutorService admitting = Executors.newCachedThreadPool(work -> {
        Thread thread = new Thread(work, "relais-admissions");
        thread.setDaemon(true);
        return thread;
    });

    /** An edition's relays waiting to be admitted, and whether a thread is admitting them. */
    private static final class Line {
        final Queue<Waiting> waiting = new ConcurrentLinkedQueue<>();
        final AtomicBoolean admitting = new AtomicBoolean();
    }

    /** A relay's form in the line, and their answer to come. */
    private record Waiting(Submission form, CompletableFuture<RegistrationView> answer) {
    }

    /**
     * Registers a relay and answers, when their group is committed, with the registration, or
     * fails with what refused it. Does not wait: the API's requests are answered without a thread
     * each.
     */
    public CompletionStage<RegistrationView> submit(Long editionId, RegistrationData data) {
        CompletableFuture<RegistrationView> answer = new CompletableFuture<>();
        inFlight.incrementAndGet();
        answer.whenComplete((registered, refused) -> {
            inFlight.decrementAndGet();
            lastAnswered = System.nanoTime();
        });
        Line line = lines.computeIfAbsent(editionId, id -> new Line());
        line.waiting.add(new Waiting(new Submission(data, Messages.current()), answer));
        if (line.admitting.compareAndSet(false, true)) {
            admitting.execute(() -> admitLine(editionId, line));
        }
        return answer;
    }

    /** Registers a relay and waits for the answer (a page's form); throws what refused it. */
    public RegistrationView register(Long editionId, RegistrationData data) {
        try {
            return submit(editionId, data).toCompletableFuture().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException refused ? refused : e;
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

    /**
     * Admits the line, group after group, until it is empty. A relay who joins just as the thread
     * lets go is not left waiting: the thread looks again, or the relay's own call starts another.
     */
    private void admitLine(Long editionId, Line line) {
        do {
            try {
                for (List<Waiting> group = next(line); !group.isEmpty(); group = next(line)) {
                    admit(editionId, group);
                }
            } finally {
                line.admitting.set(false);
            }
        } while (!line.waiting.isEmpty() && line.admitting.compareAndSet(false, true));
    }

    private static List<Waiting> next(Line line) {
        List<Waiting> group = new ArrayList<>();
        for (Waiting next = line.waiting.poll(); next != null; next = group.size() < GROUP ? line.waiting.poll() : null) {
            group.add(next);
        }
        return group;
    }

    /**
     * One transaction for the group, committed before anyone in it is answered; if it fails as a
     * whole (the database refused a write, the commit failed), each is admitted again alone, so
     * that one relay's failure is not the others'.
     */
    private void admit(Long editionId, List<Waiting> group) {
        List<Outcome> outcomes;
        try {
            outcomes = rules.registerTogether(editionId, group.stream().map(Waiting::form).toList());
        } catch (RuntimeException failed) {
            if (group.size() == 1) {
                group.get(0).answer().completeExceptionally(failed);
            } else {
                group.forEach(one -> admit(editionId, List.of(one)));
            }
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            answer(group.get(i).answer(), outcomes.get(i));
        }
    }

    private static void answer(CompletableFuture<RegistrationView> answer, Outcome outcome) {
        try {
            if (outcome.refusal() != null) {
                answer.completeExceptionally(outcome.refusal());
            } else {
                answer.complete(RegistrationView.of(outcome.registration(), outcome.bookings()));
            }
        } catch (RuntimeException e) {
            answer.completeExceptionally(e);
        }
    }

    @PreDestroy
    void stop() {
        admitting.shutdown();
    }
}
