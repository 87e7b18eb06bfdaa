package org.relais.mail;

import io.vertx.ext.mail.SMTPException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Why a mail could not go, as the organisers are told it in their own words ({@code SendFailure_KIND} in the
 * bundles), with what to check ({@link #check}); the mail client's own words follow as a detail.
 */
public enum SendFailure {
    /** The server did not answer in time (the mailer's timeout, or the connection's). */
    TIMEOUT("address"),
    /** Nobody takes connections at that address and port. */
    REFUSED("address"),
    /** The server's name resolves to no address. */
    UNKNOWN_HOST("host"),
    /** The server cut the connection (a plain connection to a port that wants TLS, say). */
    CLOSED("tls"),
    /** The encrypted connection failed, or the server does not offer the STARTTLS it is asked for. */
    TLS("tls"),
    /** The server refused the user name or password, or wants one. */
    LOGIN("login"),
    /** The server refused the sender's address ({@code quarkus.mailer.from}). */
    SENDER("from"),
    /** The server refused the relay's address. */
    RECIPIENT("recipient"),
    /**
     * The server refused to pass the mail on to the relay by its own rules, not for their address: relaying denied
     * without a sign-in, a sender not of its domain, Relais's machine blocked (a reply of class 7, security or policy).
     */
    POLICY("policy"),
    /** The server asked to try again later (a 4xx reply: greylisting, a mailbox or a server busy): it goes by itself. */
    DEFERRED("later"),
    /** The message is larger than the server takes. */
    TOO_LARGE("size"),
    /** Anything else: the detail says what. */
    OTHER("settings");

    /** The bundle key of what to check: several kinds share one ({@code mail_check_address}, say). */
    public final String check;

    SendFailure(String check) {
        this.check = "mail_check_" + check;
    }

    /** An enhanced status code of RFC 3463's subject 7, security or policy ("5.7.1"), in a reply's words. */
    private static final java.util.regex.Pattern POLICY_STATUS = java.util.regex.Pattern.compile("\\b[45]\\.7\\.\\d{1,3}\\b");

    /** The kind of the first cause, outermost first, that says one. */
    public static SendFailure of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            SendFailure kind = kindOf(t);
            if (kind != OTHER) {
                return kind;
            }
        }
        return OTHER;
    }

    private static SendFailure kindOf(Throwable t) {
        // by name: Mutiny's, java.util.concurrent's and Netty's (a connection's) timeouts are three classes
        if (t.getClass().getSimpleName().endsWith("TimeoutException")) {
            return TIMEOUT;
        }
        if (t instanceof ConnectException) {
            return REFUSED;
        }
        if (t instanceof UnknownHostException) {
            return UNKNOWN_HOST;
        }
        if (t instanceof SSLException) {
            return TLS;
        }
        if (t instanceof ClosedChannelException) {
            return CLOSED;
        }
        String words = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
        SMTPException smtp = t instanceof SMTPException e ? e : null;
        int code = smtp == null ? 0 : smtp.getReplyCode();
        // the Vert.x mail client's own words, and the reply codes of RFC 4954 (530, 534, 535) and 5321 (552): a server
        // wanting a sign-in refuses the sender with 530
        if (words.contains("starttls")) {
            return TLS;
        }
        if (words.startsWith("auth ") || words.startsWith("login is required") || code == 530 || code == 534
                || code == 535) {
            return LOGIN;
        }
        if (smtp != null && smtp.isTransient()) {
            return DEFERRED;
        }
        if (words.startsWith("recipient address not accepted") || words.startsWith("no recipient addresses")) {
            // "554 5.7.1 <awa@…>: Relay access denied" is the server's rule, not the address: RFC 3463's subject 7, or
            // "relay" in the server's words (not in the address they quote: <relay-team@…>), or qmail's "rcpthosts"
            String said = words.replaceAll("<[^>]*>", "");
            return said.contains("relay") || said.contains("rcpthosts") || POLICY_STATUS.matcher(said).find()
                    ? POLICY : RECIPIENT;
        }
        if (words.startsWith("sender address not accepted")) {
            return SENDER;
        }
        if (words.contains("exceeds allowed size") || code == 552) {
            return TOO_LARGE;
        }
        if (words.contains("connection was closed") || words.contains("socket was closed")
                || words.contains("connection reset")) {
            return CLOSED;
        }
        return OTHER;
    }
}
