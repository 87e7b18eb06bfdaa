package org.relais;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Just enough SMTP to take messages, on loopback: a real peer for the real mailer. Each connection
 * is served on its own thread, since the mailer keeps several open. The tests keep the messages;
 * the benchmarks' server sends to it and it only counts them:
 *
 * <pre>java -cp target/test-classes org.relais.FakeSmtp 2525</pre>
 */
public final class FakeSmtp implements AutoCloseable {

    /** The messages taken, each as its DATA lines; empty when only counting. */
    public final List<String> messages = new CopyOnWriteArrayList<>();
    /** A permit for each message that has reached its end while {@link #hold() held}. */
    public final Semaphore held = new Semaphore(0);
    private final AtomicLong taken = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    /** While set, an address this server refuses ({@code RCPT TO}), as a server that has no such user does. */
    public volatile String refuseRecipient;
    /** The reply that refuses it, the address in place of {@code %s}: by default, a server that has no such user. */
    public volatile String refusal = "550 5.1.1 <%s>: no such user here";
    /** While set, the server takes one message per connection, closing it once the message is taken, as some do. */
    public volatile boolean onePerConnection;
    /** While set, each message waits at its end, unanswered, until {@link #release()}. */
    private volatile CountDownLatch release;
    private final boolean keep;
    private final ServerSocket server;
    /** The connections open now: closing the server cuts them too, as a mail server going down would. */
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    public FakeSmtp(int port, boolean keep) throws IOException {
        this.keep = keep;
        server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(this::serve, "fake-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * A test profile with the real mailer, sending plain SMTP to a port of this machine that is the
     * profile's own ({@link #portOf}), where the test starts a FakeSmtp when it wants a server there.
     * Each test that needs its own application (its own worker) declares its own subclass.
     */
    public abstract static class RealMailer implements io.quarkus.test.junit.QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.mailer.mock", "false", "quarkus.mailer.host", "127.0.0.1",
                    "quarkus.mailer.port", String.valueOf(portOf(getClass())), "quarkus.mailer.start-tls", "DISABLED",
                    "quarkus.mailer.tls", "false");
        }
    }

    private static final Map<String, Integer> PORTS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The port a profile's mailer sends to: one nobody listened on when it was first asked for. */
    public static int portOf(Class<? extends RealMailer> profile) {
        return PORTS.computeIfAbsent(profile.getName(), name -> {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 2525;
        FakeSmtp smtp = new FakeSmtp(port, false);
        System.out.printf("Fake SMTP on 127.0.0.1:%d: messages are counted and dropped%n", port);
        // A run: the messages since the first after 5 s without any, so that a benchmark's mails read as one figure.
        long shown = 0;
        long shownBytes = 0;
        long runFirst = 0;
        long runStartCount = 0;
        long runStartBytes = 0;
        Long lastChange = null;
        for (; ; Thread.sleep(1_000)) {
            long now = smtp.taken.get();
            long bytes = smtp.bytes.get();
            if (now == shown) {
                continue;
            }
            long at = System.nanoTime();
            if (lastChange == null || at - lastChange > 6_000_000_000L) {
                runFirst = at;
                runStartCount = shown;
                runStartBytes = shownBytes;
            }
            lastChange = at;
            System.out.printf("%,d messages taken; this run %,d in %.0f s (%,d bytes each on average)%n", now,
                    now - runStartCount, (at - runFirst) / 1e9, (bytes - runStartBytes) / (now - runStartCount));
            shown = now;
            shownBytes = bytes;
        }
    }

    /** From now on, the server is slow: each message waits at its end until {@link #release()}. */
    public void hold() {
        release = new CountDownLatch(1);
    }

    /** Answers the held messages, and those to come at once. */
    public void release() {
        CountDownLatch waiting = release;
        release = null;
        if (waiting != null) {
            waiting.countDown();
        }
    }

    private void serve() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                if (server.isClosed()) {
                    socket.close(); // accepted as the server closed: cut like the others
                }
                Thread talker = new Thread(() -> talk(socket), "fake-smtp-connection");
                talker.setDaemon(true);
                talker.start();
            } catch (IOException e) {
                // closed: the loop ends
            }
        }
    }

    private void talk(Socket socket) {
        try (socket) {
            socket.setSoTimeout(60_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            say(out, "220 fake ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.toUpperCase();
                if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                    say(out, "250 fake");
                } else if (command.startsWith("RCPT") && refuseRecipient != null
                        && line.toLowerCase().contains("<" + refuseRecipient.toLowerCase() + ">")) {
                    say(out, String.format(refusal, refuseRecipient));
                } else if (command.startsWith("DATA")) {
                    say(out, "354 go on");
                    StringBuilder message = new StringBuilder();
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        bytes.addAndGet(line.length() + 2);
                        if (keep) {
                            message.append(line).append('\n');
                        }
                    }
                    CountDownLatch waiting = release;
                    if (waiting != null) {
                        held.release();
                        waiting.await(30, TimeUnit.SECONDS);
                    }
                    if (keep) {
                        messages.add(message.toString());
                    }
                    taken.incrementAndGet();
                    say(out, "250 queued");
                    if (onePerConnection) {
                        return;
                    }
                } else if (command.startsWith("QUIT")) {
                    say(out, "221 bye");
                    return;
                } else {
                    say(out, "250 OK");
                }
            }
        } catch (IOException e) {
            // a client gone: nothing to keep
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(socket);
        }
    }

    private static void say(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
    }
}
