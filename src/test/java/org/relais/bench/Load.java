package org.relais.bench;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmarks' load generator: an event-loop HTTP client (Vert.x, on one thread) that keeps its
 * connections open. The JDK's HttpClient spends about half a millisecond of CPU per request here (2,000
 * health checks a second at most on these two cores, where the service itself answers 29,000), which
 * the service would be charged for in the latencies it measures; this client spends a few
 * microseconds.
 */
final class Load implements AutoCloseable {

    /** One answer: its status, its body and how long it took from the moment the request was made. */
    record Answer(int status, String body, long nanos) {
    }

    /** How long a request may wait for its answer, from the moment it is made. */
    static final long TIMEOUT_SECONDS = 30;

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
    /** The one event loop every request is started on and answered on. */
    private final Context context = vertx.getOrCreateContext();
    private final HttpClient client;
    private final String auth;
    private final AtomicLong ids = new AtomicLong();

    Load(String base, String auth, int connections) {
        URI uri = URI.create(base);
        this.auth = auth;
        this.client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(uri.getHost())
                        .setDefaultPort(uri.getPort() < 0 ? 80 : uri.getPort()).setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
    }

    /** Sends a request (JSON body, or none); {@code withAuth} adds the organiser's Basic credentials. */
    CompletableFuture<Answer> send(String method, String path, String json, boolean withAuth) {
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        long sent = System.nanoTime();
        long id = ids.incrementAndGet();
        onLoop(() -> client.request(HttpMethod.valueOf(method), path).compose(request -> {
            if (withAuth) {
                request.putHeader("Authorization", auth);
            }
            if (json == null) {
                return request.send();
            }
            request.putHeader("Content-Type", "application/json");
            return request.send(json);
        }).compose(response -> response.body().map(body -> new Answer(response.statusCode(),
                body.toString(StandardCharsets.UTF_8), System.nanoTime() - sent))).onComplete(result -> {
                    if (result.succeeded()) {
                        answer.complete(result.result());
                    } else {
                        answer.completeExceptionally(result.cause());
                    }
                }));
        // Never wait for ever: an answer that does not come is a failure, with the request named.
        return answer.orTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS).exceptionallyCompose(failure ->
                CompletableFuture.failedFuture(new IllegalStateException("request " + id + " (" + method + " " + path
                        + ") got no answer: " + failure, failure)));
    }

    /**
     * Runs {@code action} on the client's own event loop, at once if already there. A request
     * started from another thread (the benchmark's main thread firing a burst) sometimes lost its
     * answer: the service had written it, the client never completed it.
     */
    private void onLoop(Runnable action) {
        if (Vertx.currentContext() == context) {
            action.run();
        } else {
            context.runOnContext(ignored -> action.run());
        }
    }

    /** Runs {@code action} after {@code millis} on the client's thread (at once for 0). */
    void later(long millis, Runnable action) {
        if (millis <= 0) {
            onLoop(action);
        } else {
            vertx.setTimer(millis, ignored -> action.run());
        }
    }

    @Override
    public void close() {
        client.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
