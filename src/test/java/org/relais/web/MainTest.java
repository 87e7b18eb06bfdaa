package org.relais.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.QuarkusBindException;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void aStartRefusedForAKnownReasonIsSaidInOneLine() {
        // As H2 and Flyway wrap it when a second Relais opens the same file.
        Throwable locked = new RuntimeException("Failed to start quarkus", new IllegalStateException(
                "Unable to obtain connection from database: Database may be already in use: \"/srv/relais/data/relais.mv.db\"."
                        + " Possible solutions: close all other connection(s); use the server mode [90020-240]",
                new IllegalStateException("The file is locked: /srv/relais/data/relais.mv.db [2.4.240/7]")));
        assertEquals("Relais n’a pas démarré : sa base de données (/srv/relais/data/relais.mv.db) est ouverte par un autre"
                + " programme, sans doute un Relais déjà lancé depuis ce dossier. Arrêtez-le d’abord, ou lancez celui-ci"
                + " depuis un autre dossier (avec sa propre base).", Main.explain(locked, Locale.FRANCE));
        assertEquals("Relais did not start: port 8080 is already in use, most likely by a Relais already running. Stop it,"
                + " or start this one on another port (QUARKUS_HTTP_PORT=8081).",
                Main.explain(new RuntimeException(new QuarkusBindException("0.0.0.0", 8080, new java.net.BindException("Address already in use"))), Locale.US));
        assertEquals("Relais did not start: set RELAIS_ADMIN_EMAIL", Main.explain(
                new RuntimeException(new Main.StartRefused("set RELAIS_ADMIN_EMAIL")), Locale.ENGLISH));
        assertNull(Main.explain(new RuntimeException("something else", new NullPointerException()), Locale.ENGLISH),
                "any other failure is logged whole");
    }

    @Test
    void aDatabaseOutOfReachIsSaidInOneLineWithTheDriversWords() {
        // As Flyway, the first to connect, wraps what the PostgreSQL driver says.
        Throwable noDatabase = new RuntimeException("Failed to start quarkus", new IllegalStateException(
                "Unable to obtain connection from database: FATAL: database \"relais\" does not exist\n----\nSQL State  : 3D000",
                new java.sql.SQLException("FATAL: database \"relais\" does not exist", "3D000")));
        assertEquals("Relais did not start: it could not open its database (FATAL: database \"relais\" does not exist). Check the"
                + " address, account and password of the database (quarkus.datasource.jdbc.url, .username and .password;"
                + " environment QUARKUS_DATASOURCE_JDBC_URL, QUARKUS_DATASOURCE_USERNAME, QUARKUS_DATASOURCE_PASSWORD) and that"
                + " its server is running; see docs/postgresql.md.", Main.explain(noDatabase, Locale.ENGLISH));
        // A build for PostgreSQL started without its address keeps H2's, which the driver refuses, with no SQL state.
        Throwable h2Address = new RuntimeException(new IllegalStateException(
                "Unable to obtain connection from database: Driver does not support the provided URL: jdbc:h2:file:./data/relais",
                new java.sql.SQLException("Driver does not support the provided URL: jdbc:h2:file:./data/relais")));
        assertEquals("Relais n’a pas démarré\u00a0: il n’a pas pu ouvrir sa base de données (Driver does not support the provided"
                + " URL: jdbc:h2:file:./data/relais). Vérifiez l’adresse, le compte et le mot de passe de la base"
                + " (quarkus.datasource.jdbc.url, .username et .password\u00a0; dans l’environnement QUARKUS_DATASOURCE_JDBC_URL,"
                + " QUARKUS_DATASOURCE_USERNAME, QUARKUS_DATASOURCE_PASSWORD) et que son serveur est lancé\u00a0; voir"
                + " docs/postgresql.md.", Main.explain(h2Address, Locale.FRANCE));
        // Without Flyway's words, a refused connection's SQL state says it: a wrong password (28P01), no server (08001).
        assertTrue(Main.explain(new RuntimeException(new java.sql.SQLException("FATAL: password authentication failed for user \"relais\"", "28P01")),
                Locale.ENGLISH).startsWith("Relais did not start: it could not open its database (FATAL: password authentication failed for user \"relais\")."));
        assertTrue(Main.explain(new RuntimeException(new java.sql.SQLException("Connection to 127.0.0.1:5432 refused.", "08001")),
                Locale.ENGLISH).startsWith("Relais did not start: it could not open its database (Connection to 127.0.0.1:5432 refused.)."));
        assertNull(Main.explain(new RuntimeException("Migration V7 failed", new java.sql.SQLException("syntax error at or near \"x\"", "42601")),
                Locale.ENGLISH), "a migration that fails is a fault of Relais, logged whole");
    }

    /** As the demonstration's first start on a full disk failed: H2's write refused under Hibernate's and Quarkus's wrappers. */
    @Test
    void aFullDiskIsSaidInOneLine() {
        Throwable full = new RuntimeException("Failed to start quarkus", new IllegalStateException(
                "could not execute batch [General error: \"org.h2.mvstore.MVStoreException: Writing to … failed\" [50000-240]]",
                new IllegalStateException("Writing to sun.nio.ch.FileChannelImpl failed; length 32768 at 126976 [2.4.240/2]",
                        new java.io.IOException("No space left on device"))));
        assertEquals("Relais n’a pas démarré\u00a0: le disque qui tient ses données est plein. Faites-y de la place, puis relancez Relais.",
                Main.explain(full, java.util.Locale.FRENCH));
        assertEquals("Relais did not start: the disk that holds its data is full. Make room on it, then start Relais again.",
                Main.explain(full, java.util.Locale.ENGLISH));
    }

    @Test
    void aSettingThatCannotBeReadIsSaidInOneLine() {
        // SmallRye Config's own refusal, as Quarkus carries it: suppressed under its ConfigurationException.
        IllegalArgumentException converted = assertThrows(IllegalArgumentException.class, () -> new io.smallrye.config.SmallRyeConfigBuilder()
                .withSources(new io.smallrye.config.PropertiesConfigSource(java.util.Map.of("relais.reminder.days-before", "two"), "test", 100))
                .build().getValue("relais.reminder.days-before", int.class));
        Throwable typed = new RuntimeException("Failed to start quarkus", new IllegalStateException(
                "Failed to load config value of type int for: relais.reminder.days-before"));
        typed.getCause().addSuppressed(converted);
        assertEquals("Relais did not start: the setting relais.reminder.days-before (environment RELAIS_REMINDER_DAYS_BEFORE) has a"
                + " value that cannot be read (Expected an integer value, got \"two\").", Main.explain(typed, Locale.ENGLISH));
        // A value a type's own reader refuses (a time zone): the reason is that reader's.
        Throwable zone = new RuntimeException("Failed to start quarkus", new IllegalStateException(
                "Failed to load config value of type class java.time.ZoneId for: relais.time-zone"));
        zone.getCause().addSuppressed(assertThrows(java.time.DateTimeException.class, () -> java.time.ZoneId.of("Paris")));
        assertEquals("Relais n’a pas démarré\u00a0: le réglage relais.time-zone (environnement RELAIS_TIME_ZONE) a une valeur"
                + " illisible (Unknown time-zone ID: Paris).", Main.explain(zone, Locale.FRANCE));
    }

    @Test
    void aSettingBelowWhatItCanMeanRefusesTheStart() {
        Main.refuseBelow("relais.privacy.retention-months", 0, 0);
        Main.StartRefused refused = assertThrows(Main.StartRefused.class, () -> Main.refuseBelow("relais.privacy.retention-months", -3, 0));
        assertEquals("Relais did not start: the setting relais.privacy.retention-months (environment RELAIS_PRIVACY_RETENTION_MONTHS)"
                + " is -3; it must be 0 or more.", refused.getMessage(), "in English in a trace");
        assertEquals("Relais n’a pas démarré\u00a0: le réglage relais.privacy.retention-months (environnement"
                + " RELAIS_PRIVACY_RETENTION_MONTHS) vaut -3\u00a0; il doit valoir 0 ou plus.",
                Main.explain(new RuntimeException("Failed to start quarkus", refused), Locale.FRANCE));
    }
}
