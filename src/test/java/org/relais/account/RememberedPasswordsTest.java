package org.relais.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.jpa.runtime.JpaIdentityProvider;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Passwords checked once for requests that come together, and remembered only when right. */
class RememberedPasswordsTest {

    /** The database's provider, answering when the test says so and counting its checks. */
    static class SlowAccounts extends JpaIdentityProvider {
        final AtomicInteger checks = new AtomicInteger();
        CompletableFuture<SecurityIdentity> answer = new CompletableFuture<>();

        @Override
        public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                AuthenticationRequestContext context) {
            checks.incrementAndGet();
            CompletableFuture<SecurityIdentity> pending = answer;
            return Uni.createFrom().completionStage(() -> pending);
        }

        @Override
        public SecurityIdentity authenticate(EntityManager em, UsernamePasswordAuthenticationRequest request) {
            throw new UnsupportedOperationException();
        }
    }

    private final SlowAccounts accounts = new SlowAccounts();
    private final RememberedPasswords remembered = new RememberedPasswords();

    RememberedPasswordsTest() {
        remembered.accounts = accounts;
        remembered.rememberSeconds = 60;
    }

    private CompletableFuture<SecurityIdentity> signIn(String name, String password) {
        return remembered.authenticate(new UsernamePasswordAuthenticationRequest(name,
                new PasswordCredential(password.toCharArray())), null).subscribeAsCompletionStage();
    }

    @Test
    void twentyStationsArrivingTogetherShareOneCheck() throws Exception {
        List<CompletableFuture<SecurityIdentity>> stations = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            stations.add(signIn("door@relais.local", "right-pass"));
        }
        assertEquals(1, accounts.checks.get(), "one check while it runs");
        assertTrue(stations.stream().noneMatch(CompletableFuture::isDone), "all wait for it");

        SecurityIdentity door = QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("door@relais.local"))
                .addRole(Account.DOOR).build();
        accounts.answer.complete(door);
        for (CompletableFuture<SecurityIdentity> station : stations) {
            assertSame(door, station.get(5, TimeUnit.SECONDS));
        }
        assertSame(door, signIn("door@relais.local", "right-pass").get(5, TimeUnit.SECONDS));
        assertEquals(1, accounts.checks.get(), "then remembered");

        // Another password for the same name is a check of its own.
        accounts.answer = new CompletableFuture<>();
        CompletableFuture<SecurityIdentity> other = signIn("door@relais.local", "other-pass");
        assertEquals(2, accounts.checks.get());
        accounts.answer.completeExceptionally(new AuthenticationFailedException());
        assertTrue(failed(other));
    }

    @Test
    void aWrongPasswordFailsForEveryoneWaitingAndIsNotRemembered() throws Exception {
        List<CompletableFuture<SecurityIdentity>> tries = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tries.add(signIn("door@relais.local", "wrong-pass"));
        }
        assertEquals(1, accounts.checks.get());
        accounts.answer.completeExceptionally(new AuthenticationFailedException());
        for (CompletableFuture<SecurityIdentity> attempt : tries) {
            assertTrue(failed(attempt));
        }

        accounts.answer = new CompletableFuture<>();
        CompletableFuture<SecurityIdentity> again = signIn("door@relais.local", "wrong-pass");
        assertEquals(2, accounts.checks.get(), "checked again, not answered from memory");
        accounts.answer.completeExceptionally(new AuthenticationFailedException());
        assertTrue(failed(again));
    }

    private static boolean failed(CompletableFuture<SecurityIdentity> attempt) throws Exception {
        try {
            attempt.get(5, TimeUnit.SECONDS);
            return false;
        } catch (ExecutionException e) {
            return e.getCause() instanceof AuthenticationFailedException;
        }
    }
}
