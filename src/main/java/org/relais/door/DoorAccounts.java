package org.relais.door;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import org.relais.account.Account;
import org.relais.account.RememberedPasswords;
import org.relais.edition.Edition;
import org.relais.edition.EditionDeleting;
import org.relais.edition.EditionService;
import org.relais.network.Institution;
import org.relais.web.ConflictException;
import org.relais.web.Errors;
import org.relais.web.NotFoundException;

/** The organiser gives door volunteers and stand staff their access to one edition: an account, or a link with a PIN. */
@ApplicationScoped
@Transactional
public class DoorAccounts {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EditionService editions;

    @Inject
    RememberedPasswords remembered;

    /** What the organiser asked for. {@code kind}: DOOR_ACCOUNT, DOOR_LINK, STAND_ACCOUNT or STAND_LINK. */
    public record AccessData(String kind, String name, String email, String password, Long institutionId) {
    }

    /** A new access; for a link, its token and PIN, shown once. */
    public record Created(Account account, String token, String pin) {
    }

    public List<Account> list(Long editionId) {
        editions.get(editionId);
        return Account.listByEdition(editionId);
    }

    public Created create(Long editionId, AccessData data) {
        Edition edition = editions.locked(editionId);
        Errors errors = new Errors();
        String kind = errors.required("kind", data.kind());
        boolean link = kind != null && kind.endsWith("_LINK");
        boolean stand = kind != null && kind.startsWith("STAND_");
        if (kind != null && !List.of("DOOR_ACCOUNT", "DOOR_LINK", "STAND_ACCOUNT", "STAND_LINK").contains(kind)) {
            errors.add("kind", "error_required");
        }
        String name = errors.line("name", data.name(), 200, true);
        String email = null;
        if (!link) {
            errors.email("email", data.email(), true);
            email = data.email() == null ? null : data.email().strip().toLowerCase(Locale.ROOT);
            if (data.password() == null || data.password().length() < 8) {
                errors.add("password", "error_password_short");
            } else if (data.password().length() > 200) {
                errors.add("password", "error_too_long", 200, data.password().length());
            }
        }
        Institution institution = null;
        if (stand) {
            if (errors.required("institutionId", data.institutionId()) != null) {
                institution = Institution.lock(data.institutionId()) ? Institution.findById(data.institutionId()) : null;
                if (institution == null) {
                    errors.add("institutionId", "error_unknown_institution", data.institutionId());
                }
            }
        }
        errors.throwIfAny();
        if (email != null && Account.findByEmail(email).isPresent()) {
            throw new ConflictException("conflict_account_exists", email);
        }
        String token = null;
        String pin = null;
        String secret = data.password();
        if (link) {
            // 160 random bits in lower-case hexadecimal: the link's user name, never typed by anyone.
            byte[] bytes = new byte[20];
            RANDOM.nextBytes(bytes);
            token = java.util.HexFormat.of().formatHex(bytes);
            pin = String.format("%06d", RANDOM.nextInt(1_000_000));
            email = token;
            secret = pin;
        }
        Account account = Account.create(email, name, secret, stand ? Account.STAND : Account.DOOR);
        account.editionId = edition.id;
        account.institutionId = institution == null ? null : institution.id;
        account.link = link;
        return new Created(account, token, pin);
    }

    /** A draft edition deleted takes its door and stand accesses with it. */
    void onEditionDeleting(@Observes EditionDeleting deleting) {
        if (Account.delete("editionId", deleting.editionId()) > 0) {
            remembered.forgetAll();
        }
    }

    public void delete(Long editionId, Long accountId) {
        editions.locked(editionId); // a second deletion at the same moment finds the access gone
        Account a = Account.<Account>findByIdOptional(accountId).filter(x -> editionId.equals(x.editionId))
                .orElseThrow(() -> new NotFoundException("account", accountId));
        a.delete();
        remembered.forgetAll();
    }
}
