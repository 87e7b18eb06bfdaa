package org.relais.web;

import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Keeps Relais from writing into a full disk. On a full disk the embedded database (H2) fails its writes,
 * closes, and opens again from what the disk holds; with H2's default delay before writing, what it had
 * said was saved meanwhile was gone, while relays were told they were registered (measured: 343 of 716
 * registrations on a disk that filled while relays registered). Each commit is now written before it is
 * confirmed ({@code WRITE_DELAY=0}), so H2 refuses rather than loses; still, refused by H2 one after
 * another, mails sent could not be marked sent, and nobody would be told. So while the disk holding the
 * database's folder has less room than {@code relais.disk.least-free}, every change is refused in words
 * ({@link Full}, a 503), nothing is written, the outbox waits, signed-in pages say why, and the
 * readiness check says DOWN. PostgreSQL refuses a commit it cannot write: its "disk full" is the same
 * answer ({@link #exhausted}).
 */
@ApplicationScoped
@Default
@Named("diskRoom")
@Readiness
public class DiskRoom implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(DiskRoom.class);

    /**
     * The type of the problem (RFC 9457) a refused change answers, on a page too: a door's screen tells the disk's case
     * from an outage by it. A tag URI, a name that leads nowhere.
     */
    public static final String PROBLEM_TYPE = Problem.TYPES + "disk-full";

    private static final Set<String> CHANGES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    /** While changes are refused, the log says so once a minute. */
    private static final long LOG_EVERY = TimeUnit.MINUTES.toNanos(1);

    private final AtomicLong logged = new AtomicLong(System.nanoTime() - LOG_EVERY);

    /** The folder whose disk is watched; null when none is (a database elsewhere, in memory, or on a server). */
    private final Path folder;

    /** The disk holding the folder, once the folder is there. */
    private volatile FileStore store;

    /** The least room left for changes to be taken, in bytes; 0 takes them whatever the room. */
    private volatile long least;

    @Inject
    DiskRoom(@ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> url,
            @ConfigProperty(name = "relais.disk.folder") Optional<String> folder,
            @ConfigProperty(name = "relais.disk.least-free") MemorySize least) {
        this(folder.map(Path::of).orElseGet(() -> url.map(DiskRoom::folderOf).orElse(null)), least.asLongValue());
    }

    DiskRoom(Path folder, long least) {
        this.folder = folder == null ? null : folder.toAbsolutePath().normalize();
        this.least = least;
    }

    /** Sets the least room, as {@code relais.disk.least-free} does at start: for tests, which write their data first. */
    public void requireAtLeast(long bytes) {
        least = bytes;
    }

    /** The folder of an H2 file database ({@code jdbc:h2:file:./data/relais;…}, or without {@code file:}); null for any other. */
    static Path folderOf(String url) {
        String prefix = "jdbc:h2:";
        if (!url.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return null;
        }
        String name = url.substring(prefix.length()).split(";", 2)[0];
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("mem:") || lower.startsWith("tcp:") || lower.startsWith("ssl:") || lower.startsWith("zip:")) {
            return null;
        }
        name = lower.startsWith("file:") ? name.substring("file:".length()) : name;
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return Path.of(name).toAbsolutePath().normalize().getParent();
    }

    /** The room left on the disk holding the folder, in bytes; empty when nothing is watched or it cannot be read. */
    Optional<Long> room() {
        try {
            FileStore disk = disk();
            return disk == null ? Optional.empty() : Optional.of(disk.getUsableSpace());
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /**
     * The disk holding the folder, found once the folder is there (finding it reads the system's list of disks);
     * until then, that of its nearest existing parent, found again at each call.
     */
    private FileStore disk() throws IOException {
        if (store != null || folder == null) {
            return store;
        }
        if (Files.isDirectory(folder)) {
            store = Files.getFileStore(folder);
            return store;
        }
        Path existing = folder.getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing == null ? null : Files.getFileStore(existing);
    }

    /**
     * Whether changes are refused now. Read on every change and every signed-in page (one system call), and by the
     * outbox, which waits meanwhile: a mail sent and not marked sent would go twice.
     */
    public boolean low() {
        return below(room());
    }

    private boolean below(Optional<Long> room) {
        return least > 0 && room.map(left -> left < least).orElse(false);
    }

    /** The room left in megabytes, to a tenth rounded down, for the words that say it ("0,2 Mo", not "0 Mo"). */
    public double roomInMegabytes() {
        return Math.floor(room().orElse(0L) * 10.0 / (1024 * 1024)) / 10;
    }

    /** {@link #PROBLEM_TYPE}, for the door's screens, whose script tells the disk's refusal by it. */
    public String problemType() {
        return PROBLEM_TYPE;
    }

    @ServerRequestFilter
    public void refuseChanges(ContainerRequestContext request) {
        if (CHANGES.contains(request.getMethod()) && !SignInPages.SIGN_OUT.equals(request.getUriInfo().getPath()) && low()) {
            throw new Full();
        }
    }

    @Override
    public HealthCheckResponse call() {
        Optional<Long> room = room();
        // Anyone may read the health check: the room, not where the data lives.
        return HealthCheckResponse.named("Disk room for the database").status(!below(room))
                .withData("room", room.map(String::valueOf).orElse(folder == null ? "not watched" : "unknown"))
                .withData("least", least).build();
    }

    /**
     * Whether a failure is a disk that could not take a write: the system's own words, wherever they sit among
     * the causes and the exceptions suppressed along the way (H2's commit puts them there), or PostgreSQL's disk full.
     */
    static boolean exhausted(Throwable failure) {
        return ErrorMappers.everyCause(failure).anyMatch(t -> t instanceof IOException io && io.getMessage() != null
                && (io.getMessage().contains("No space left on device") || io.getMessage().contains("not enough space on the disk"))
                || t instanceof java.sql.SQLException sql && "53100".equals(sql.getSQLState()));
    }

    /** Says in the log, once a minute at most, why changes are refused or failed. */
    void logRefusal(String path) {
        long now = System.nanoTime();
        long last = logged.get();
        if (now - last >= LOG_EVERY && logged.compareAndSet(last, now)) {
            LOG.errorf("Changes are refused (this one %s): the disk holding %s has %s bytes left, under relais.disk.least-free (%d),"
                    + " or could not take a write. Make room on it; changes are taken again as soon as there is.",
                    path, folder == null ? "the database" : folder, room().map(String::valueOf).orElse("an unknown number of"), least);
        }
    }

    /** A change refused because the disk has no room for it: nothing was written. */
    public static class Full extends RuntimeException {

        public Full() {
            super("the disk holding Relais's data has no room for a change", null, false, false);
        }
    }
}
