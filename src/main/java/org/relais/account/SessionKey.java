package org.relais.account;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The key that encrypts the sign-in cookie when none is set: made once and kept in a file of its own
 * ({@code relais.session-key-file}: {@code data/session-key}, beside the embedded database), readable by
 * its owner alone. Without it Quarkus makes a key at each start and writes it into the log, where
 * whoever reads the log could make an organiser's cookie, and a restart signs everyone out, door
 * volunteers included. A key set in the settings or the environment comes first, and then no file is
 * made. Where the file cannot be written, Relais starts as Quarkus would, with a key for this start.
 */
public class SessionKey implements ConfigSourceFactory {

    static final String KEY = "quarkus.http.auth.session.encryption-key";

    static final String FILE = "relais.session-key-file";

    /** Quarkus refuses a shorter key; a file holding less (emptied, cut short) is written again. */
    static final int LEAST = 16;

    /** Below every source that holds settings: a key given anywhere wins. */
    private static final int ORDINAL = 50;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (given(context.getValue(KEY)) != null) {
            return List.of();
        }
        String place = given(context.getValue(FILE));
        return place == null ? List.of() : List.of(new Kept(Path.of(place)));
    }

    /**
     * The key as a setting, read or made when first asked for: the build reads the settings too, and
     * makes no file. It names no setting when listed, for the same reason.
     */
    static final class Kept implements ConfigSource {

        private final Path file;

        /** The key once read or made; empty when the file could not be written. */
        private volatile Optional<String> key;

        Kept(Path file) {
            this.file = file;
        }

        @Override
        public String getValue(String name) {
            if (!KEY.equals(name)) {
                return null;
            }
            if (key == null) {
                synchronized (this) {
                    if (key == null) {
                        key = Optional.ofNullable(keptIn(file));
                    }
                }
            }
            return key.orElse(null);
        }

        @Override
        public Set<String> getPropertyNames() {
            return Set.of();
        }

        @Override
        public int getOrdinal() {
            return ORDINAL;
        }

        @Override
        public String getName() {
            return "the sign-in key kept in " + file;
        }
    }

    private static String given(ConfigValue value) {
        return value == null || value.getValue() == null || value.getValue().isBlank() ? null : value.getValue();
    }

    /** The key the file holds, made and written there first if it holds none; null if it cannot be written. */
    static String keptIn(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (kept.length() >= LEAST) {
                    return kept;
                }
            }
            Path folder = file.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String key = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            // Written whole under another name, then renamed: a start never reads half a key.
            Path written = Files.createTempFile(folder, "session-key", ".tmp", ownerOnly());
            try {
                Files.writeString(written, key + "\n", StandardCharsets.UTF_8);
                Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(written);
            }
            return key;
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }
}
