package org.relais.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ConnectException;
import org.junit.jupiter.api.Test;

/** What the organisers' list and the log say of a mail that could not go: words, never "null". */
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
}
