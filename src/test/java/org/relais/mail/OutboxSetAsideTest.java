package org.relais.mail;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
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
 * While a slow mail server holds a batch of mails, a mail that has become untrue meanwhile (the
 * relay's data erased, the registration cancelled) is set aside, never sent. (Its own profile, so its
 * own mailer: a mail client's connection kept from another test's server would not reach this one.)
 */
@QuarkusTest
@TestProfile(OutboxSetAsideTest.SlowSmtp.class)
class OutboxSetAsideTest {

    /** The real mailer, pointed at a mail server the test makes slow. */
    public static class SlowSmtp extends FakeSmtp.RealMailer {
    }

    @Inject
    OutboxWorker worker;

    @Test
    void aMailThatBecameUntrueWhileItsBatchWaitedIsSetAsideUnsent() throws Exception {
        long edition = Api.openEdition();
        String stamp = "-" + System.nanoTime() + "@example.org";
        Api.register(edition, Api.relay("Dalia", "dalia" + stamp, List.of()));
        long erased = Api.register(edition, Api.relay("Émile", "emile" + stamp, List.of())).getLong("id");
        String cancelling = Api.register(edition, Api.relay("Fanny", "fanny" + stamp, List.of())).getString("manageToken");

        try (FakeSmtp smtp = new FakeSmtp(FakeSmtp.portOf(SlowSmtp.class), true)) {
            smtp.hold();
            CompletableFuture<Integer> sending = CompletableFuture.supplyAsync(worker::sendDue);
            assertTrue(smtp.held.tryAcquire(30, TimeUnit.SECONDS), "Dalia's confirmation reaches the server");
            // The three confirmations are rendered; while the first waits on the server, Émile's data
            // is erased on his request and Fanny cancels.
            Api.organiser().post("/api/v1/editions/" + edition + "/registrations/" + erased + "/erase").then()
                    .statusCode(204);
            given().delete("/api/v1/registrations/" + cancelling).then().statusCode(204);
            smtp.release();

            assertEquals(2, sending.get(30, TimeUnit.SECONDS), "Dalia's confirmation and Fanny's cancellation");
            assertEquals(2, smtp.messages.size());
            assertTrue(smtp.messages.get(0).contains("dalia" + stamp), smtp.messages.get(0));
            assertTrue(smtp.messages.get(1).contains("fanny" + stamp), smtp.messages.get(1));
            assertTrue(smtp.messages.stream().noneMatch(m -> m.contains("emile" + stamp)),
                    "nothing goes to an address erased");
            List<OutboxMail> entries = mailsOf(edition);
            assertEquals(List.of(MailKind.CONFIRMATION, MailKind.CONFIRMATION, MailKind.CONFIRMATION,
                    MailKind.CANCELLATION), entries.stream().map(m -> m.kind).toList());
            assertFalse(entries.get(0).wasSetAside());
            assertTrue(entries.get(1).wasSetAside() && entries.get(1).lastError.contains("erased"),
                    entries.get(1).lastError);
            assertTrue(entries.get(2).wasSetAside() && entries.get(2).lastError.contains("cancelled"),
                    entries.get(2).lastError);
            assertFalse(entries.get(3).wasSetAside());
            assertTrue(entries.stream().allMatch(m -> m.sentAt != null && m.claimToken == null), "nothing left to do");
        }
    }

    private static List<OutboxMail> mailsOf(long edition) {
        return QuarkusTransaction.requiringNew()
                .call(() -> OutboxMail.<OutboxMail>list("registration.edition.id = ?1 order by id", edition));
    }
}
