package org.relais.badge;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.jboss.logging.Logger;
import org.relais.registration.Registration;
import org.relais.web.Collation;

/**
 * On start, makes registrations from before signed badges whole: a signed code instead of the
 * old random one and the sort keys of their names. Does nothing once done.
 */
@ApplicationScoped
public class BadgeUpgrade {

    private static final Logger LOG = Logger.getLogger(BadgeUpgrade.class);

    @Inject
    SigningKeys keys;

    @Transactional
    void onStart(@Observes StartupEvent event) {
        List<Registration> old = Registration.list("length(code) <> ?1 or sortLast is null or searchText is null", BadgeCode.LENGTH);
        for (Registration r : old) {
            if (r.code == null || r.code.length() != BadgeCode.LENGTH) {
                r.code = keys.issue(BadgeCode.Kind.REGISTRATION, r.edition.number);
            }
            r.sortLast = Collation.sortKey(r.lastName);
            r.sortFirst = Collation.sortKey(r.firstName);
            r.searchText = Collation.searchText(r.firstName, r.lastName, r.organisation);
        }
        if (!old.isEmpty()) {
            LOG.infof("Signed badge codes and sort keys given to %d earlier registrations", old.size());
        }
        keys.publicKey();
    }
}
