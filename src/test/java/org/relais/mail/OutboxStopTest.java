package org.relais.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.relais.Api;
import org.relais.FakeSmtp;

/**
 * When Relais stops while mails are going out, the one being sent is finished and marked sent before
 * the stop goes on, the rest of its batch is given back untried, and nothing more is begun: a stop
 * sends no mail twice and delays none. (Its own profile: the stopped worker is not the other tests'.)
 */
@QuarkusTest
@TestProfile(OutboxStopTest.SlowSmtp.class)
class OutboxStopTest {

    /** The real mailer, pointed at a mail server the test makes slow. */
    public static class SlowSmtp extends FakeSmtp.RealMailer {
    }

    @Inject
    OutboxWorker worker;

    @Test
    void aStopFinishesTheMailUnderWayAndGivesTheRestBack() throws Exception {
        long edition = Api.openEdition();
        for (String name : List.of("Aya", "Basile", "Chen")) {
            Api.register(edition, Api.relay(name, name.toLowerCase() + "-" + System.nanoTime() + "@example.org",
                    List.of()));
        }
        assertEquals(3L, QuarkusTransaction.requiringNew().call(() -> OutboxMail.count("sentAt is null")));

        try (FakeSmtp smtp = new FakeSmtp(FakeSmtp.portOf(SlowSmtp.class), true)) {
            smtp.hold();
            CompletableFuture<Integer> sending = CompletableFuture.supplyAsync(worker::sendDue);
            assertTrue(smtp.held.tryAcquire(30, TimeUnit.SECONDS), "the first mail reaches the server");

            CompletableFuture<Void> stop = CompletableFuture.runAsync(() -> {
                try {
                    worker.stop(new ShutdownEvent());
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300);
            assertFalse(stop.isDone(), "the stop waits for the mail under way");
            smtp.release();
            stop.get(30, TimeUnit.SECONDS);

            assertEquals(1, sending.get(30, TimeUnit.SECONDS), "one mail sent");
            assertEquals(1, smtp.messages.size(), "nothing begun after the stop");
            List<OutboxMail> entries = QuarkusTransaction.requiringNew()
                    .call(() -> OutboxMail.<OutboxMail>list("order by id"));
            assertNotNull(entries.get(0).sentAt, "the mail under way is marked sent, not sent again at the next start");
            for (OutboxMail rest : entries.subList(1, 3)) {
                assertNull(rest.sentAt);
                assertNull(rest.claimToken, "given back, for the next start to send at once");
                assertEquals(0, rest.attempts, "given back untried");
            }
            assertEquals(0, worker.sendDue(), "a stopped worker begins nothing");
            assertEquals(1, smtp.messages.size());
        }
    }

}
