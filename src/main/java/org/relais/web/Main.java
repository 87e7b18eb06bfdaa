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
 * a full disk, the port taken, the first organiser's settings missing, a setting whose value cannot be read or is
 * out of bounds), instead of a stack trace of fifty lines.
 * Any other failure is logged whole, as before.
 */
@QuarkusMain
public class Main {

    /** How Flyway, the first to connect, says it could not. */
    private static final String NO_CONNECTION = "Unable to obtain connection from database";

    /** How SmallRye Config says a setting's value could not be read as its type, with the reason after. */
    private static final Pattern UNREADABLE = Pattern.compile(
            "SRCFG00039: The config property (\\S+) with the config value \".*?\" threw an Exception whilst being converted (?:SRCFG\\d+: )?(.*)");

    /** How Quarkus says it, for a value its converter refused (a time zone), the reason in a suppressed exception. */
    private static final Pattern NOT_LOADED = Pattern.compile("Failed to load config value of type .+ for: (\\S+)");

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
        if (DiskRoom.exhausted(failure)) {
            return Messages.get(locale, "start_disk_full");
        }
        for (Throwable t : ErrorMappers.causes(failure).toList()) {
            if (t instanceof StartRefused refused) {
                return refused.said(locale);
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
        return unreadableSetting(failure, locale);
    }

    /** A setting whose value is not of its type ({@code relais.reminder.days-before=two}): which, and why. */
    private static String unreadableSetting(Throwable failure, java.util.Locale locale) {
        for (Throwable t : ErrorMappers.everyCause(failure).toList()) {
            Matcher m = UNREADABLE.matcher(String.valueOf(t.getMessage()));
            if (m.find()) {
                return Messages.get(locale, "start_setting_unreadable", m.group(1), environmentName(m.group(1)), m.group(2).strip());
            }
        }
        for (Throwable t : ErrorMappers.everyCause(failure).toList()) {
            Matcher m = NOT_LOADED.matcher(String.valueOf(t.getMessage()));
            if (m.find() && t.getSuppressed().length > 0) {
                return Messages.get(locale, "start_setting_unreadable", m.group(1), environmentName(m.group(1)),
                        String.valueOf(t.getSuppressed()[0].getMessage()).strip());
            }
        }
        return null;
    }

    /** The environment variable that gives a setting: {@code relais.time-zone} is {@code RELAIS_TIME_ZONE}. */
    public static String environmentName(String setting) {
        return setting.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** Refuses the start when a whole-number setting is below what it can mean ({@code -3} months of retention). */
    public static void refuseBelow(String setting, int value, int least) {
        if (value < least) {
            throw StartRefused.inWords("start_setting_too_low", setting, environmentName(setting), String.valueOf(value),
                    String.valueOf(least));
        }
    }

    /** SQL states of a connection refused: no server, no such database, a wrong account or password. */
    private static boolean refusedConnection(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("28") || state.equals("3D000"));
    }

    /** A start refused for a reason said in words: {@link #exited} prints the words alone. */
    public static class StartRefused extends IllegalStateException {

        /** The words' key in the message bundles, with their arguments; null for a reason given as it is. */
        private final String key;

        private final Object[] args;

        public StartRefused(String reason) {
            this(reason, null, null);
        }

        private StartRefused(String reason, String key, Object[] args) {
            super(reason);
            this.key = key;
            this.args = args;
        }

        /** A refusal whose words are in the message bundles: said in the system's language, in English in a trace. */
        public static StartRefused inWords(String key, Object... args) {
            return new StartRefused(Messages.get(java.util.Locale.ENGLISH, key, args), key, args);
        }

        String said(java.util.Locale locale) {
            return key == null ? Messages.get(locale, "start_refused", getMessage()) : Messages.get(locale, key, args);
        }
    }
}
