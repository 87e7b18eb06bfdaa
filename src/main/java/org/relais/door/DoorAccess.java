package org.relais.door;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.relais.account.Account;
import org.relais.web.NotFoundException;

/**
 * Who may work which door or stand: organisers everywhere; door and stand accounts on their own
 * edition (or any, if none is set); stand staff only at their institution's stands. Anything else
 * is answered as if it did not exist.
 */
@ApplicationScoped
public class DoorAccess {

    @Inject
    SecurityIdentity identity;

    @Transactional
    public Optional<Account> account() {
        return identity.isAnonymous() ? Optional.empty() : Account.findByEmail(identity.getPrincipal().getName());
    }

    public boolean isOrganiser() {
        return identity.hasRole(Account.ORGANISER);
    }

    public String who() {
        return account().map(a -> a.name != null && !a.name.isBlank() ? a.name : a.email).orElse("?");
    }

    /** Throws unless the signed-in person may work this edition's door. */
    public void door(Long editionId) {
        if (isOrganiser()) {
            return;
        }
        Account a = account().orElseThrow(() -> new NotFoundException("edition", editionId));
        if (!Account.DOOR.equals(a.role) || !a.mayWork(editionId)) {
            throw new NotFoundException("edition", editionId);
        }
    }

    /** Throws unless the signed-in person may record leads at a stand of this institution, in this edition. */
    public void stand(Long editionId, Long institutionId) {
        if (isOrganiser()) {
            return;
        }
        Account a = account().orElseThrow(() -> new NotFoundException("stand", institutionId));
        if (!Account.STAND.equals(a.role) || !a.mayWork(editionId) || !institutionId.equals(a.institutionId)) {
            throw new NotFoundException("stand", institutionId);
        }
    }
}
