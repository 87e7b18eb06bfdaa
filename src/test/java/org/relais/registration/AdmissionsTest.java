package org.relais.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.inject.Vetoed;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.relais.edition.Edition;
import org.relais.registration.RegistrationService.Outcome;
import org.relais.registration.RegistrationService.Submission;
import org.relais.web.ConflictException;

/**
 * How {@link Admissions} gathers relays who register at the same moment and answers each, with the
 * rules replaced by a stand-in that records the groups it is given: no database here, only the line.
 */
class AdmissionsTest {

    /**
     * Rules that admit everyone but a relay named "Refused", and fail whole groups while told to.
     * Not a bean (it would inherit the service's scope): the application's tests keep the real one.
     */
    @Vetoed
    private static final class StandInRules extends RegistrationService {
        final List<Integer> groups = new CopyOnWriteArrayList<>();
        final CountDownLatch firstGroupEntered = new CountDownLatch(1);
        final CountDownLatch firstGroupMayGo = new CountDownLatch(1);
        volatile boolean failGroupsOfMany;
        private long ids;

        @Override
        List<Outcome> registerTogether(Long editionId, List<Submission> forms) {
            groups.add(forms.size());
            firstGroupEntered.countDown();
            try {
                firstGroupMayGo.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            if (failGroupsOfMany && forms.size() > 1) {
                throw new IllegalStateException("the commit failed");
            }
            if (forms.size() == 1 && "Broken".equals(forms.get(0).data().lastName())) {
                throw new IllegalStateException("this relay's row cannot be written");
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Submission form : forms) {
                outcomes.add("Refused".equals(form.data().lastName())
                        ? new Outcome(null, List.of(), new ConflictException("conflict_edition_full"))
                        : new Outcome(registration(editionId, form.data()), List.of(), null));
            }
            return outcomes;
        }

        private synchronized Registration registration(Long editionId, RegistrationData data) {
            Registration r = new Registration();
            r.id = ++ids;
            r.edition = new Edition();
            r.edition.id = editionId;
            r.lastName = data.lastName();
            r.manageToken = "token-" + r.id;
            r.status = RegistrationStatus.CONFIRMED;
            return r;
        }
    }

    private static RegistrationData relay(String lastName) {
        return new RegistrationData("Relais", lastName, lastName.toLowerCase() + "@example.org", null, "Lire ensemble",
                "social-bond", "volunteer", null, "fr", true, List.of());
    }

    private static Admissions admissions(StandInRules rules) {
        Admissions admissions = new Admissions();
        admissions.rules = rules;
        return admissions;
    }

    @Test
    void relaysArrivingWhileAGroupIsAdmittedAreAdmittedTogetherAndEachGetsTheirOwnAnswer() throws Exception {
        StandInRules rules = new StandInRules();
        Admissions admissions = admissions(rules);
        CompletableFuture<RegistrationView> first = admissions.submit(7L, relay("First")).toCompletableFuture();
        assertTrue(rules.firstGroupEntered.await(10, TimeUnit.SECONDS));
        List<CompletableFuture<RegistrationView>> waiting = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            waiting.add(admissions.submit(7L, relay(i == 12 ? "Refused" : "Relay" + i)).toCompletableFuture());
        }
        assertTrue(admissions.registering());
        rules.firstGroupMayGo.countDown();

        assertEquals("First", first.get(10, TimeUnit.SECONDS).lastName());
        for (int i = 0; i < 30; i++) {
            if (i == 12) {
                ExecutionException refused = assertThrows(ExecutionException.class, waiting.get(i)::get);
                assertTrue(refused.getCause() instanceof ConflictException);
            } else {
                RegistrationView answer = waiting.get(i).get(10, TimeUnit.SECONDS);
                assertEquals("Relay" + i, answer.lastName());
                assertEquals("/r/" + answer.manageToken(), answer.manageUrl());
            }
        }
        // The first went alone (the line was empty); the thirty who came while it was admitted, as one group.
        assertEquals(List.of(1, 30), rules.groups);
    }

    @Test
    void aGroupThatFailsAsAWholeIsAdmittedAgainOneByOneSoThatOneRelaysFailureIsNotTheOthers() throws Exception {
        StandInRules rules = new StandInRules();
        rules.failGroupsOfMany = true;
        Admissions admissions = admissions(rules);
        CompletableFuture<RegistrationView> first = admissions.submit(7L, relay("First")).toCompletableFuture();
        assertTrue(rules.firstGroupEntered.await(10, TimeUnit.SECONDS));
        CompletableFuture<RegistrationView> a = admissions.submit(7L, relay("Awa")).toCompletableFuture();
        CompletableFuture<RegistrationView> broken = admissions.submit(7L, relay("Broken")).toCompletableFuture();
        CompletableFuture<RegistrationView> b = admissions.submit(7L, relay("Bilal")).toCompletableFuture();
        rules.firstGroupMayGo.countDown();

        assertEquals("First", first.get(10, TimeUnit.SECONDS).lastName());
        assertEquals("Awa", a.get(10, TimeUnit.SECONDS).lastName());
        assertEquals("Bilal", b.get(10, TimeUnit.SECONDS).lastName());
        ExecutionException failed = assertThrows(ExecutionException.class, broken::get);
        assertEquals("this relay's row cannot be written", failed.getCause().getMessage());
        assertEquals(List.of(1, 3, 1, 1, 1), rules.groups);
    }

    @Test
    void aPageWaitsForItsAnswerAndGetsTheRefusalItself() {
        StandInRules rules = new StandInRules();
        rules.firstGroupMayGo.countDown();
        Admissions admissions = admissions(rules);
        assertEquals("Diallo", admissions.register(3L, relay("Diallo")).lastName());
        // The refusal itself, as the page shows it, not the wrapper it travelled in.
        assertThrows(ConflictException.class, () -> admissions.register(3L, relay("Refused")));
    }
}
