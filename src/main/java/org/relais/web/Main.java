package org.relais.web;

import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusBindException;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Starts Relais as Quarkus would, but says in one line why a start was refused when the reason is
 * one a person can act on (the database already open by another Relais, the database out of reach,
 * the port taken, the first organiser's settings missing), instead of a stack trace of fifty lines.
 * Any other failure is logged whole, as before.
 */
@QuarkusMain
public class Main {

    /** How Flyway, the first to connect, says it could not. */
    private static final String NO_CONNECTION = "Unable to obtain connection from database";

    private static final Pattern LOCKED_FILE = Pattern.compile("already in use: \"([^\"]+)\"|file is locked: (\\S+)");

    public static void main(String... args) {
        Quarkus.run(null, Main::exited, args);
    }

    static void exited(Integer code, Throwable failure) {
        if (failure != null) {
            String said = explain(failure, java.util.Locale.getDefault());
            if (said != null) {
                System.err.println(said);
            } else {
                Logger.getLogger(Main.class).error("Relais did not start", failure);
            }
        }
        ApplicationLifecycleManager.getDefaultExitCodeHandler().accept(code, failure);
    }

    /**
     * What to tell whoever started Relais, for a failure whose cause we know, in their system's
     * language (French, else English); null otherwise.
     */
    static String explain(Throwable failure, java.util.Locale locale) {
        for (Throwable t : ErrorMappers.causes(failure).toList()) {
            if (t instanceof StartRefused) {
                return Messages.get(locale, "start_refused", t.getMessage());
            }
            if (t instanceof QuarkusBindException bind) {
                return Messages.get(locale, "start_port_taken", String.valueOf(bind.getPort()));
            }
            String message = t.getMessage();
            if (message != null && (message.contains("The file is locked") || message.contains("Database may be already in use"))) {
                Matcher file = LOCKED_FILE.matcher(message);
                return Messages.get(locale, "start_database_taken", file.find() ? (file.group(1) != null ? file.group(1) : file.group(2)) : "./data");
            }
            if (message != null && message.startsWith(NO_CONNECTION) || t instanceof SQLException sql && refusedConnection(sql)) {
                // The driver's own words name what is wrong: the server, the database, the account or the address.
                String driver = ErrorMappers.causes(t).filter(SQLException.class::isInstance).reduce((outer, inner) -> inner)
                        .map(Throwable::getMessage).orElse(message);
                return Messages.get(locale, "start_database_unreachable", driver == null ? "" : driver.lines().findFirst().orElse(""));
            }
        }
        return null;
    }

    /** SQL states of a connection refused: no server, no such database, a wrong account or password. */
    private static boolean refusedConnection(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("28") || state.equals("3D000"));
    }

    /** A start refused for a reason said in words: {@link #exited} prints the words alone. */
    public static class StartRefused extends IllegalStateException {

        public StartRefused(String reason) {
            super(reason);
        }
    }
}
