package org.relais.account;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.jpa.runtime.JpaIdentityProvider;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Remembers, for a minute, that a user name and password were right, so that HTTP Basic does not
 * pay a bcrypt check (tens of milliseconds) on every API call: a door station scans a badge a
 * second. Only a SHA-256 of the password is kept, in memory; a wrong password is never remembered.
 * Requests that come together with the same name and password, as twenty stations do when their
 * first scans arrive, share one check: each doing its own made the last wait over a second.
 */
@ApplicationScoped
public class RememberedPasswords implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private static final int MAX_ENTRIES = 10_000;

    private record Remembered(SecurityIdentity identity, long until) {
    }

    private final ConcurrentHashMap<String, Remembered> remembered = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Uni<SecurityIdentity>> checking = new ConcurrentHashMap<>();

    @Inject
    JpaIdentityProvider accounts;

    @ConfigProperty(name = "relais.auth.remember-seconds", defaultValue = "60")
    long rememberSeconds;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    /** Before the database's provider (which runs at {@code SYSTEM_FIRST}): providers are tried highest first. */
    @Override
    public int priority() {
        return SYSTEM_FIRST + 1000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String key = request.getUsername() + "\u0000" + digest(request.getPassword().getPassword());
        Remembered r = remembered.get(key);
        long now = System.currentTimeMillis();
        if (r != null && r.until() > now) {
            return Uni.createFrom().item(r.identity());
        }
        // The first request starts the check; the others with the same key wait for its answer.
        return checking.computeIfAbsent(key, k -> accounts.authenticate(request, context).invoke(identity -> {
            if (identity != null && rememberSeconds > 0) {
                if (remembered.size() >= MAX_ENTRIES) {
                    remembered.clear();
                }
                remembered.put(k, new Remembered(identity, System.currentTimeMillis() + rememberSeconds * 1000));
            }
        }).onTermination().invoke(() -> checking.remove(k)).memoize().indefinitely());
    }

    /** Forgets every remembered password: called when an account changes or goes. */
    public void forgetAll() {
        remembered.clear();
    }

    private static String digest(char[] password) {
        try {
            var bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(bytes);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
