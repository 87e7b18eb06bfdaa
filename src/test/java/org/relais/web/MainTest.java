package org.relais.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
}
