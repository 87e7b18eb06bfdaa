package org.relais.mail;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relais.Api;
import org.relais.Pages;

/**
 * The mock mailer switched on where relays expect their mail, as in production: nothing is handed to
 * it (it would mark each mail sent and send none), every mail waits in the outbox, and the organisers
 * are told how many and what to change.
 */
@QuarkusTest
@TestProfile(MockMailerHeldTest.MockInProduction.class)
class MockMailerHeldTest {

    /** What production gets (relais.mail.hold-when-mock) with quarkus.mailer.mock=true set by hand. */
    public static class MockInProduction implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.mailer.mock", "true", "relais.mail.hold-when-mock", "true");
        }
    }

    @Inject
    OutboxWorker worker;

    @Inject
    MockMailbox mailbox;

    @Test
    void everyMailWaitsAndTheOrganisersAreTold() {
        long edition = Api.openEdition();
        Pages organiser = Pages.signIn();
        String before = organiser.get("/organiser/editions/" + edition + "/registrations").then().statusCode(200)
                .extract().asString();
        assertTrue(before.contains("Les e-mails aux relais sont retenus") && before.contains("aucun n’attend encore"),
                before);

        mailbox.clear();
        String email = "held-" + System.nanoTime() + "@example.org";
        given().contentType(ContentType.JSON).body(Api.relay("Retenu", email, List.of()))
                .post("/api/v1/editions/" + edition + "/registrations").then().statusCode(201);
        assertEquals(0, worker.sendDue(), "nothing handed to the mock mailer");
        assertTrue(mailbox.getMailsSentTo(email).isEmpty());
        OutboxMail waiting = QuarkusTransaction.requiringNew()
                .call(() -> OutboxMail.<OutboxMail>find("registration.email", email).firstResult());
        assertNull(waiting.sentAt, "kept unsent");
        assertEquals(0, waiting.attempts, "not a failure: it goes at the first round once the mail server is set");
        assertFalse(waiting.nextAttemptAt.isAfter(OffsetDateTime.now()), "due");

        String after = organiser.get("/organiser/editions/" + edition + "/registrations").then().statusCode(200)
                .extract().asString();
        assertTrue(after.contains("et 1 attend") && after.contains("quarkus.mailer.mock=true"), after);
        String english = organiser.get("/organiser/editions/" + edition + "/registrations?lang=en").then().statusCode(200)
                .extract().asString();
        assertTrue(english.contains("E-mails to relays are held back") && english.contains("and 1 waits"), english);
    }
}
