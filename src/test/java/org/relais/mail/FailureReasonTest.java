package org.relais.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.ext.mail.SMTPException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/**
 * What the organisers' list and the log say of a mail that could not go: words, never "null"; and the kind of failure
 * the organisers read in their own words.
 */
class FailureReasonTest {

    @Test
    void aFailureIsSaidByItsMessageItsCausesOrItsKind() {
        assertEquals("Connection refused: /127.0.0.1:2525",
                OutboxWorker.reason(new ConnectException("Connection refused: /127.0.0.1:2525")));
        // a wrapper without words of its own says its cause's
        RuntimeException wrapped = new RuntimeException((String) null, new ConnectException("Connection refused"));
        assertEquals("Connection refused", OutboxWorker.reason(wrapped));
        // the blocking mailer giving up on a server that does not answer: a timeout without any words
        assertEquals("TimeoutException", OutboxWorker.reason(new io.smallrye.mutiny.TimeoutException()));
        assertEquals("IllegalStateException", OutboxWorker.reason(new IllegalStateException(" ")));
    }

    @Test
    void aFailureIsOfTheKindItsFirstTellingCauseSays() {
        assertEquals(SendFailure.REFUSED, SendFailure.of(new ConnectException("Connection refused: /127.0.0.1:2525")));
        // the blocking mailer wraps what is not a RuntimeException
        assertEquals(SendFailure.REFUSED, SendFailure.of(new CompletionException(new ConnectException("refused"))));
        assertEquals(SendFailure.TIMEOUT, SendFailure.of(new io.smallrye.mutiny.TimeoutException()));
        // a connection that times out is a ConnectException too, but said as a timeout
        assertEquals(SendFailure.TIMEOUT, SendFailure.of(new io.netty.channel.ConnectTimeoutException("timed out")));
        assertEquals(SendFailure.UNKNOWN_HOST, SendFailure.of(new CompletionException(new UnknownHostException("smtp.nowhere"))));
        assertEquals(SendFailure.TLS, SendFailure.of(new SSLHandshakeException("no cipher suites in common")));
        assertEquals(SendFailure.TLS, SendFailure.of(smtp("STARTTLS required but not supported by server", 250)));
        assertEquals(SendFailure.TLS, SendFailure.of(smtp("sender address not accepted", 530, "5.7.0 Must issue a STARTTLS command first")));
        // a server that wants a sign-in refuses the sender with 530; a refused password is 535
        assertEquals(SendFailure.LOGIN, SendFailure.of(smtp("sender address not accepted", 530, "5.7.0 Authentication required")));
        assertEquals(SendFailure.LOGIN, SendFailure.of(smtp("AUTH PLAIN failed", 535, "5.7.8 Bad credentials")));
        assertEquals(SendFailure.SENDER, SendFailure.of(smtp("sender address not accepted", 550, "5.7.1 Not our domain")));
        assertEquals(SendFailure.RECIPIENT, SendFailure.of(smtp("recipient address not accepted", 550, "5.1.1 No such user")));
        assertEquals(SendFailure.RECIPIENT, SendFailure.of(smtp("recipient address not accepted", 553, "sorry, no mailbox here")));
        assertEquals(SendFailure.RECIPIENT, SendFailure.of(smtp("recipient address not accepted", 550,
                "5.1.1 <relay-team@example.org>: no such user")));
        // refused by the server's rules, not for the address: relaying without a sign-in, a blocked sender
        assertEquals(SendFailure.POLICY, SendFailure.of(smtp("recipient address not accepted", 554,
                "5.7.1 <awa@example.org>: Relay access denied")));
        assertEquals(SendFailure.POLICY, SendFailure.of(smtp("recipient address not accepted", 550, "relay not permitted")));
        assertEquals(SendFailure.POLICY, SendFailure.of(smtp("recipient address not accepted", 550,
                "5.7.54 SMTP; Unable to deliver in non-accepted domain")));
        // qmail's relay denial: its status in a "(#5.7.1)" at the end, or without one (a reply rewritten by a filter)
        assertEquals(SendFailure.POLICY, SendFailure.of(smtp("recipient address not accepted", 553,
                "sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)")));
        assertEquals(SendFailure.POLICY, SendFailure.of(smtp("recipient address not accepted", 553,
                "sorry, that domain isn't in my list of allowed rcpthosts")));
        // a temporary refusal, whatever it is of: it goes by itself at a later try
        assertEquals(SendFailure.DEFERRED, SendFailure.of(smtp("recipient address not accepted", 450, "4.2.0 Greylisted")));
        assertEquals(SendFailure.DEFERRED, SendFailure.of(smtp("recipient address not accepted", 451, "4.7.1 Try again later")));
        assertEquals(SendFailure.DEFERRED, SendFailure.of(smtp("sending data failed", 452, "4.3.1 Insufficient system storage")));
        assertEquals(SendFailure.TOO_LARGE, SendFailure.of(smtp("sending data failed", 552, "5.3.4 Message too big")));
        assertEquals(SendFailure.CLOSED, SendFailure.of(new IllegalStateException("Connection was closed.")));
        assertEquals(SendFailure.OTHER, SendFailure.of(new IllegalStateException("a template could not be rendered")));
        assertEquals(SendFailure.OTHER, SendFailure.of(new RuntimeException((String) null)));
    }

    private static SMTPException smtp(String words, int code, String... reply) {
        return new SMTPException(words, code, List.of(reply.length == 0 ? code + " ok" : code + " " + reply[0]), false);
    }
}
