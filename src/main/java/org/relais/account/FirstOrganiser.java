package org.relais.account;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * On a database with no organiser, creates the first one from {@code relais.admin.email} and
 * {@code relais.admin.password}. In production Relais refuses to start without them, rather
 * than invent a password anybody could guess.
 */
@ApplicationScoped
public class FirstOrganiser {

    private static final Logger LOG = Logger.getLogger(FirstOrganiser.class);

    @ConfigProperty(name = "relais.admin.email")
    Optional<String> email;

    @ConfigProperty(name = "relais.admin.password")
    Optional<String> password;

    /** Why the first organiser cannot be created from these settings, or null when it can. */
    static String refusal(Optional<String> email, Optional<String> password) {
        String missing = email.filter(e -> !e.isBlank()).isEmpty() ? "relais.admin.email (environment RELAIS_ADMIN_EMAIL)"
                : password.filter(p -> !p.isBlank()).isEmpty() ? "relais.admin.password (environment RELAIS_ADMIN_PASSWORD)"
                : null;
        if (missing != null) {
            return "Relais has no organiser account yet and cannot create the first one: set " + missing
                    + " (see config/example/application.properties).";
        }
        if (password.get().length() < 8) {
            return "relais.admin.password (RELAIS_ADMIN_PASSWORD) must have at least 8 characters.";
        }
        return null;
    }

    @Transactional
    void onStart(@Observes @Priority(10) StartupEvent event) {
        if (Account.hasOrganiser()) {
            return;
        }
        String refusal = refusal(email, password);
        if (refusal != null) {
            throw new org.relais.web.Main.StartRefused(refusal);
        }
        Account.create(email.get(), null, password.get(), Account.ORGANISER);
        LOG.infof("Created the first organiser account, %s", email.get());
    }
}
