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

    /** Why the first organiser cannot be created from these settings, in English, or null when it can. */
    static String refusal(Optional<String> email, Optional<String> password) {
        org.relais.web.Main.StartRefused refused = refused(email, password);
        return refused == null ? null : refused.getMessage();
    }

    private static org.relais.web.Main.StartRefused refused(Optional<String> email, Optional<String> password) {
        String missing = email.filter(e -> !e.isBlank()).isEmpty() ? "relais.admin.email"
                : password.filter(p -> !p.isBlank()).isEmpty() ? "relais.admin.password"
                : null;
        if (missing != null) {
            return org.relais.web.Main.StartRefused.inWords("start_first_organiser_missing", missing,
                    org.relais.web.Main.environmentName(missing));
        }
        if (password.get().length() < 8) {
            return org.relais.web.Main.StartRefused.inWords("start_first_organiser_password_short");
        }
        return null;
    }

    @Transactional
    void onStart(@Observes @Priority(10) StartupEvent event) {
        if (Account.hasOrganiser()) {
            return;
        }
        org.relais.web.Main.StartRefused refused = refused(email, password);
        if (refused != null) {
            throw refused;
        }
        Account.create(email.get(), null, password.get(), Account.ORGANISER);
        LOG.infof("Created the first organiser account, %s", email.get());
    }
}
