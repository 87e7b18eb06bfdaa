package org.relais;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relais.mail.OutboxMail;
import org.relais.mail.OutboxWorker;
import org.relais.mail.SendFailure;

/**
 * An SMTP outage loses no mail, the organisers are told, and the mail goes out once when the server
 * is back.
 */
@QuarkusTest
@TestProfile(SmtpOutageTest.RealSmtp.class)
class SmtpOutageTest {

    /**
     * The real mailer, pointed at a port where, at first, nobody listens. A send that hangs gives up after 10 s rather
     * than the mailer's 60, so that a regression of {@link #everyNewConnectionIsHeard} fails sooner.
     */
    public static class RealSmtp extends FakeSmtp.RealMailer {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("quarkus.mailer.timeout", "10s");
            return config;
        }
    }

    @Inject
    OutboxWorker worker;

    /**
     * Mails really leave here (the mock mailer off) while relais.public-url and quarkus.mailer.from are
     * left as they come, on localhost: the organisers are told that relays cannot open the mails' links,
     * that mail from such a sender is mostly refused, and what to set.
     */
    @Test
    void theOrganisersAreToldWhenTheMailsLinksOrSenderAreOnlyThisMachines() {
        long edition = Api.openEdition();
        Pages organiser = Pages.signIn();
        String list = organiser.get("/organiser/editions/" + edition + "/registrations").then().statusCode(200).extract()
                .asString();
        assertTrue(list.contains("Les liens des e-mails aux relais mènent à http://localhost:8080, une adresse qui ne s’ouvre"
                + " que sur la machine de Relais\u00a0: les relais ne pourront pas les ouvrir. Indiquez l’adresse publique de Relais"
                + " (relais.public-url"), list);
        assertTrue(list.contains("Les e-mails aux relais partent de «\u00a0Relais &lt;relais@localhost&gt;\u00a0», une adresse sans"
                + " domaine public\u00a0: la plupart des messageries les refuseront"), list);
    }

    @Test
    void aMailWaitsThroughTheOutageAndIsSentOnceAfterwards() throws Exception {
        long edition = Api.openEdition();
        String email = "outage-" + System.nanoTime() + "@example.org";
        Api.register(edition, Api.relay("Outage", email, List.of()));

        assertEquals(0, worker.sendDue(), "no server: nothing sent");
        OutboxMail waiting = mailTo(email);
        assertNull(waiting.sentAt);
        assertEquals(1, waiting.attempts);
        assertNotNull(waiting.lastError);
        assertTrue(waiting.nextAttemptAt.isAfter(OffsetDateTime.now()), "retried later, not at once");
        // The organisers see it on the edition's registrations, with the failure, escaped like any text.
        Pages organiser = Pages.signIn();
        String list = organiser.get("/organiser/editions/" + edition + "/registrations").then().statusCode(200).extract()
                .asString();
        assertTrue(list.contains("1 e-mail à un relais n’a pas encore pu partir"), list);
        // in their words, with what to check, and the mail client's own as the detail
        assertTrue(list.contains("Dernier échec\u00a0: le serveur de messagerie refuse la connexion (détail\u00a0:"
                + " «\u00a0Connection refused"), list);
        assertTrue(list.contains("Vérifiez son adresse et son port (quarkus.mailer.host, quarkus.mailer.port, voir"
                + " config/example/application.properties), et qu’il est en marche."), list);
        String english = organiser.get("/organiser/editions/" + edition + "/registrations?lang=en").then().statusCode(200)
                .extract().asString();
        assertTrue(english.contains("The last failure: the mail server refuses the connection (detail: “Connection"
                + " refused"), english);

        try (FakeSmtp smtp = new FakeSmtp(FakeSmtp.portOf(RealSmtp.class), true)) {
            assertEquals(0, worker.sendDue(), "not due yet");
            // The retry time comes, as often as needed (a first connection after another test's server closed has
            // been seen cut).
            int sent = 0;
            for (int round = 0; round < 3 && sent == 0; round++) {
                QuarkusTransaction.requiringNew().run(() -> OutboxMail.update("nextAttemptAt = ?1 where id = ?2",
                        OffsetDateTime.now().minusSeconds(1), waiting.id));
                sent = worker.sendDue();
            }
            assertEquals(1, sent);
            assertEquals(0, worker.sendDue(), "sent once");
            assertEquals(1, smtp.messages.stream().filter(m -> m.contains(email)).count(), smtp.messages.toString());
            // Its identifier is the entry's own, the same at every attempt: one that went twice after a
            // crash is recognised as one by the mail systems that look.
            String message = smtp.messages.stream().filter(m -> m.contains(email)).findFirst().orElseThrow();
            List<String> ids = message.lines().filter(l -> l.toLowerCase().startsWith("message-id:")).toList();
            assertEquals(1, ids.size(), message);
            assertTrue(ids.get(0).substring("message-id:".length()).strip().startsWith("<relais." + waiting.id + "."),
                    ids.get(0));
            assertNotNull(mailTo(email).sentAt);
            String after = organiser.get("/organiser/editions/" + edition + "/registrations").then().statusCode(200)
                    .extract().asString();
            assertFalse(after.contains("pas encore pu partir"), "sent: nothing more to say");
        }
    }

    /**
     * Once the forum is over, the organisers' count of mails that could not go leaves out those that will be set aside
     * at their next try (a confirmation after the day): only a cancellation, which still goes, is counted.
     */
    @Test
    void onceTheForumIsOverOnlyTheMailsThatStillGoAreCounted() {
        long edition = Api.openEdition();
        String run = "over-" + System.nanoTime();
        Api.register(edition, Api.relay("Awa", run + "-a@example.org", List.of()));
        String leaving = Api.register(edition, Api.relay("Bintou", run + "-b@example.org", List.of())).getString("manageToken");
        given().delete("/api/v1/registrations/" + leaving).then().statusCode(204);
        worker.sendDue(); // no server: Awa's confirmation and Bintou's cancellation fail
        String registrations = "/organiser/editions/" + edition + "/registrations";
        Pages organiser = Pages.signIn();
        assertTrue(organiser.get(registrations).asString().contains("2 e-mails à des relais n’ont pas encore pu partir"));

        Api.advance(edition, "REGISTRATION_CLOSED", "HELD");
        String list = organiser.get(registrations).then().statusCode(200).extract().asString();
        assertTrue(list.contains("1 e-mail à un relais n’a pas encore pu partir"), "the cancellation only: " + list);
    }

    /**
     * A server that takes one mail per connection: every mail goes on a new connection, which the server greets at once,
     * and every one is heard. The Vert.x mail client, asked for a connection from another thread than its event loop,
     * dropped the greeting of a server that greets at once (9 new connections in 100 here, on the fifty-sixth machine):
     * the mail then waited out the mailer's timeout and failed (the first send after an outage, on a new connection, hung
     * so).
     */
    @Test
    void everyNewConnectionIsHeard() throws Exception {
        long edition = Api.openEdition();
        String run = "greeted-" + System.nanoTime();
        int relays = 100;
        for (int i = 0; i < relays; i++) {
            Api.register(edition, Api.relay("Greeted", run + "-" + i + "@example.org", List.of()));
        }
        try (FakeSmtp smtp = new FakeSmtp(FakeSmtp.portOf(RealSmtp.class), true)) {
            smtp.onePerConnection = true;
            worker.sendDue();
            long failed = QuarkusTransaction.requiringNew().call(() -> OutboxMail.count("registration.email like ?1"
                    + " and attempts > 0", run + "-%"));
            assertEquals(0, failed, "no mail waited out the timeout: " + QuarkusTransaction.requiringNew().call(() -> OutboxMail
                    .<OutboxMail>list("registration.email like ?1 and attempts > 0", run + "-%").stream()
                    .map(m -> m.lastError).toList()));
            assertEquals(relays, smtp.messages.stream().filter(m -> m.contains(run + "-")).count(), "each confirmation, once");
        }
    }

    /**
     * A server that refuses a relay's address: the organisers read whose, in their words, with the way to their
     * registration; corrected there, the address gets the mail. The name is the relay's, hostile text included, shown
     * escaped.
     */
    @Test
    void aRefusedAddressIsNamedSoThatTheOrganisersCanCorrectIt() throws Exception {
        long edition = Api.openEdition();
        String email = "nobody-" + System.nanoTime() + "@example.org";
        Map<String, Object> relay = Api.relay("Awa <b>", email, List.of());
        io.restassured.path.json.JsonPath registered = Api.register(edition, relay);
        try (FakeSmtp smtp = new FakeSmtp(FakeSmtp.portOf(RealSmtp.class), true)) {
            smtp.refuseRecipient = email;
            for (int round = 0; round < 3 && mailTo(email).attempts == 0; round++) {
                worker.sendDue();
            }
            OutboxMail refused = mailTo(email);
            assertNull(refused.sentAt);
            assertEquals(1, refused.attempts);
            assertEquals(SendFailure.RECIPIENT, refused.failureKind, refused.lastError);
            Pages organiser = Pages.signIn();
            String registrations = "/organiser/editions/" + edition + "/registrations";
            String list = organiser.get(registrations).then().statusCode(200).extract().asString();
            assertTrue(list.contains("Dernier échec\u00a0: le serveur de messagerie refuse l’adresse de Awa &lt;b&gt; Relais, "
                    + email + " (détail\u00a0: «\u00a0recipient address not accepted"), list);
            assertTrue(list.contains("Vérifiez-la avec le relais et corrigez-la sur son inscription\u00a0: l’e-mail partira"
                    + " aussitôt vers la nouvelle adresse.\n  <a href=\"" + registrations + "/"
                    + registered.getLong("id") + "#f-email\">Ouvrir l’inscription de Awa &lt;b&gt; Relais</a>"), list);
            // that page has the address's field where the link lands
            assertTrue(organiser.get(registrations + "/" + registered.getLong("id")).then().statusCode(200).extract()
                    .asString().contains("id=\"f-email\" name=\"email\" type=\"email\" value=\"" + email + "\""));
            assertFalse(list.contains("Awa <b>"), "escaped");
            String english = organiser.get(registrations + "?lang=en").then().statusCode(200).extract().asString();
            assertTrue(english.contains("The last failure: the mail server refuses the address of Awa &lt;b&gt; Relais, "
                    + email + " (detail: “recipient address not accepted"), english);
            assertTrue(english.contains(">Open the registration of Awa &lt;b&gt; Relais</a>"), english);

            // corrected (here by the relay's link, as their page or the organisers' would): the new address gets
            // its mail at the worker's next round, not at the refused mail's next try (a minute on), and the
            // organisers' message goes
            String corrected = "awa-" + System.nanoTime() + "@example.org";
            Map<String, Object> details = new HashMap<>(relay);
            details.remove("consent");
            details.remove("sessionIds");
            details.put("email", corrected);
            given().contentType(ContentType.JSON).body(details)
                    .put("/api/v1/registrations/" + registered.getString("manageToken") + "/details").then().statusCode(200);
            for (int round = 0; round < 3 && smtp.messages.stream().noneMatch(m -> m.contains(corrected)); round++) {
                worker.sendDue();
            }
            assertTrue(smtp.messages.stream().anyMatch(m -> m.contains("To: " + corrected)), smtp.messages.toString());
            assertFalse(smtp.messages.stream().anyMatch(m -> m.contains("To: " + email)), "never to the refused one");
            assertNotNull(QuarkusTransaction.requiringNew().call(() -> OutboxMail.<OutboxMail>findById(refused.id)).sentAt,
                    "the refused mail itself went, to the new address");
            assertFalse(organiser.get(registrations).asString().contains("pas encore pu partir"));
        }
    }

    /**
     * A server that will not pass mail on without a sign-in refuses every relay's address, with words of its rules:
     * the organisers are sent to the settings, not to the relay's address, which is not at fault.
     */
    @Test
    void aRelayingDenialIsTheServersRuleNotTheRelaysAddress() throws Exception {
        long edition = Api.openEdition();
        String email = "far-" + System.nanoTime() + "@example.org";
        Api.register(edition, Api.relay("Awa", email, List.of()));
        try (FakeSmtp smtp = new FakeSmtp(FakeSmtp.portOf(RealSmtp.class), true)) {
            smtp.refuseRecipient = email;
            smtp.refusal = "554 5.7.1 <%s>: Relay access denied";
            refused(email, SendFailure.POLICY);
            String list = Pages.signIn().get("/organiser/editions/" + edition + "/registrations?lang=fr").then()
                    .statusCode(200).extract().asString();
            assertTrue(list.contains("Dernier échec\u00a0: le serveur de messagerie refuse, selon ses propres règles, de faire"
                    + " suivre l’e-mail à " + email + " (et non parce que cette adresse serait fausse)"), list);
            assertTrue(list.contains("Vérifiez l’identifiant et le mot de passe (quarkus.mailer.username"), list);
            assertFalse(list.contains("Ouvrir l’inscription"), "the address is not the organisers' to correct: " + list);
        }
    }

    /**
     * A temporary refusal after a refused address is the latest failure, "nothing to do": the refused address, which
     * is the organisers' to correct, is still named, with its link.
     */
    @Test
    void aRefusedAddressStaysNamedBehindALaterTemporaryRefusal() throws Exception {
        long edition = Api.openEdition();
        String wrong = "wrong-" + System.nanoTime() + "@example.org";
        String grey = "grey-" + System.nanoTime() + "@example.org";
        long refused = Api.register(edition, Api.relay("Awa", wrong, List.of())).getLong("id");
        try (FakeSmtp smtp = new FakeSmtp(FakeSmtp.portOf(RealSmtp.class), true)) {
            smtp.refuseRecipient = wrong;
            refused(wrong, SendFailure.RECIPIENT);
            // refused for hours already: its next try is the furthest off, yet the latest failure is the next one
            QuarkusTransaction.requiringNew().run(() -> OutboxMail.update("attempts = 4, nextAttemptAt = ?1"
                    + " where registration.email = ?2", OffsetDateTime.now().plusHours(2), wrong));
            Api.register(edition, Api.relay("Zoé", grey, List.of()));
            smtp.refuseRecipient = grey;
            smtp.refusal = "450 4.2.0 <%s>: Recipient address rejected: Greylisted";
            refused(grey, SendFailure.DEFERRED);
            String registrations = "/organiser/editions/" + edition + "/registrations";
            String list = Pages.signIn().get(registrations + "?lang=fr").then().statusCode(200).extract().asString();
            assertTrue(list.contains("Dernier échec\u00a0: le serveur de messagerie demande de réessayer plus tard (un refus"
                    + " temporaire)"), list);
            assertTrue(list.contains("Rien à faire, sauf si cela dure plusieurs heures"), list);
            assertTrue(list.contains("Le serveur a refusé l’adresse d’un autre relais, à vérifier avec lui et à corriger sur son"
                    + " inscription\u00a0: <a href=\"" + registrations + "/" + refused + "#f-email\">Awa Relais</a> (" + wrong
                    + ")."), list);
        }
    }

    /**
     * Sends until the mail to that address has failed with that kind: a first send just after another test's server
     * closed has been seen to fail otherwise (the connection cut; and, until the sends were begun on an event loop, a
     * greeting dropped, see {@link #everyNewConnectionIsHeard}), and is then tried again at once.
     */
    private void refused(String email, SendFailure kind) {
        for (int round = 0; round < 5 && mailTo(email).failureKind != kind; round++) {
            QuarkusTransaction.requiringNew().run(() -> OutboxMail.update("nextAttemptAt = ?1 where registration.email = ?2"
                    + " and sentAt is null", OffsetDateTime.now().minusSeconds(1), email));
            worker.sendDue();
        }
        assertEquals(kind, mailTo(email).failureKind, mailTo(email).lastError);
    }

    private static OutboxMail mailTo(String email) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMail.<OutboxMail>find("registration.email", email)
                .firstResult());
    }
}
