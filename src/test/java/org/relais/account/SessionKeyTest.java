package org.relais.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sign-in cookie's key, read as Quarkus reads its settings: each {@code start} builds the settings anew. */
class SessionKeyTest {

    @TempDir
    Path dir;

    /** A start with these settings, {@link SessionKey} among its sources as the service file names it. */
    private static SmallRyeConfig start(Map<String, String> settings) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(settings, "the settings", 250))
                .withSources(new SessionKey()).build();
    }

    private Map<String, String> keptIn(Path file) {
        return Map.of(SessionKey.FILE, file.toString());
    }

    private static Optional<String> key(SmallRyeConfig config) {
        return config.getOptionalValue(SessionKey.KEY, String.class);
    }

    @Test
    void aKeyIsMadeOnceAndTheNextStartReadsIt() throws IOException {
        Path file = dir.resolve("data/session-key");
        String made = key(start(keptIn(file))).orElseThrow();
        assertTrue(made.length() >= 40, made);
        assertEquals(made, Files.readString(file).strip());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), "read by its owner alone");
        assertEquals(made, key(start(keptIn(file))).orElseThrow(), "the next start signs nobody out");
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "nothing left beside it");
        }
        assertNotEquals(made, key(start(keptIn(dir.resolve("elsewhere/session-key")))).orElseThrow(), "each made at random");
    }

    @Test
    void aKeyGivenInTheSettingsComesFirstAndNoFileIsMade() {
        Path file = dir.resolve("data/session-key");
        Map<String, String> settings = new HashMap<>(keptIn(file));
        settings.put(SessionKey.KEY, "a key set by whoever runs Relais");
        assertEquals("a key set by whoever runs Relais", key(start(settings)).orElseThrow());
        assertFalse(Files.exists(file));
    }

    /** The build reads the settings too, and lists them: it makes no file, and the key is not among the names. */
    @Test
    void readingOtherSettingsMakesNoFile() {
        Path file = dir.resolve("data/session-key");
        SmallRyeConfig config = start(keptIn(file));
        config.getPropertyNames().forEach(name -> config.getConfigValue(name));
        assertFalse(Files.exists(file.getParent()));
        assertTrue(key(config).isPresent());
        assertTrue(Files.exists(file));
    }

    @Test
    void aFileHoldingNoKeyIsWrittenAgain() throws IOException {
        Path file = dir.resolve("session-key");
        Files.writeString(file, "cut short\n");
        String made = key(start(keptIn(file))).orElseThrow();
        assertTrue(made.length() >= 40, made);
        assertEquals(made, Files.readString(file).strip());
    }

    /** A folder that cannot be made (a file stands in its place): Relais starts as Quarkus would, with a key of its own. */
    @Test
    void whereNoFileCanBeWrittenTheStartGoesOnWithoutIt() throws IOException {
        Files.writeString(dir.resolve("data"), "not a folder");
        assertEquals(Optional.empty(), key(start(keptIn(dir.resolve("data/session-key")))));
    }

    @Test
    void withoutAPlaceNoKeyIsMade() {
        assertEquals(Optional.empty(), key(start(Map.of())));
    }
}
