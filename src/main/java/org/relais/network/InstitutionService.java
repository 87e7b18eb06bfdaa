package org.relais.network;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.relais.web.ConflictException;
import org.relais.web.Errors;
import org.relais.web.NotFoundException;

/** Describes the network's member institutions. */
@ApplicationScoped
@Transactional
public class InstitutionService {

    @Inject
    NetworkReference reference;

    public List<Institution> list() {
        return Institution.listByName();
    }

    public Institution get(Long id) {
        Institution institution = id == null ? null : Institution.findById(id);
        if (institution == null) {
            throw new NotFoundException("institution", id);
        }
        return institution;
    }

    public Institution create(InstitutionData data) {
        Institution institution = new Institution();
        apply(institution, data, validate(data));
        institution.persist();
        return institution;
    }

    public Institution update(Long id, InstitutionData data) {
        Institution.lock(id); // a deletion at the same moment: one after the other
        Institution institution = get(id);
        apply(institution, data, validate(data));
        return institution;
    }

    public void delete(Long id) {
        // Locked first, as every request that names it does: what uses it is counted once they are done.
        Institution.lock(id);
        Institution institution = get(id);
        long uses = Institution.getEntityManager()
                .createQuery("select (select count(s) from Stand s where s.institution = :i)"
                        + " + (select count(e) from Edition e where e.host = :i)"
                        + " + (select count(p) from ProgrammeSession p where p.institution = :i)"
                        + " + (select count(b) from BadgeHolder b where b.institution = :i)"
                        + " + (select count(a) from Account a where a.institutionId = :id)", Long.class)
                .setParameter("i", institution).setParameter("id", institution.id).getSingleResult();
        if (uses > 0) {
            throw new ConflictException("conflict_institution_in_use", institution.name);
        }
        Institution.getEntityManager().createNativeQuery("delete from edition_participant where institution_id = ?1")
                .setParameter(1, institution.id).executeUpdate();
        institution.delete();
    }

    /** Checks an institution's data; the errors are empty when it can be saved. */
    public Errors validate(InstitutionData data) {
        Errors errors = new Errors();
        errors.line("name", data.name(), 300, true);
        errors.line("shortName", data.shortName(), 80, true);
        errors.slug("slug", data.slug(), false);
        errors.oneOf("kind", data.kind(), reference.institutionKinds(), true);
        errors.url("website", data.website());
        if (data.correspondent() != null) {
            errors.line("correspondent.name", data.correspondent().name(), 200, false);
            errors.email("correspondent.email", data.correspondent().email(), false);
            errors.phone("correspondent.phone", data.correspondent().phone());
        }
        if (data.charter() != null) {
            for (String key : data.charter()) {
                if (!reference.charterKeys().contains(key)) {
                    errors.add("charter", "error_one_of", String.join(", ", reference.charterKeys()));
                }
            }
        }
        errors.text("offer", data.offer(), 4000, false);
        return errors;
    }

    private void apply(Institution institution, InstitutionData data, Errors errors) {
        errors.throwIfAny();
        String slug = data.slug() == null || data.slug().isBlank() ? Errors.slugOf(data.shortName()) : data.slug().strip();
        Institution same = Institution.findBySlug(slug).orElse(null);
        if (same != null && !same.equals(institution)) {
            throw new ConflictException("conflict_slug_taken", slug);
        }
        institution.slug = slug;
        institution.name = data.name().strip();
        institution.shortName = data.shortName().strip();
        institution.kind = data.kind().strip();
        institution.website = blankToNull(data.website());
        InstitutionData.Correspondent c = data.correspondent();
        institution.correspondentName = c == null ? null : blankToNull(c.name());
        institution.correspondentEmail = c == null ? null : blankToNull(c.email());
        institution.correspondentPhone = c == null ? null : blankToNull(c.phone());
        List<String> charter = new ArrayList<>();
        // Keep the charter's own order, whatever order the keys came in.
        for (String key : reference.charterKeys()) {
            if (data.charter() != null && new LinkedHashSet<>(data.charter()).contains(key)) {
                charter.add(key);
            }
        }
        institution.charter = String.join(",", charter);
        institution.offer = blankToNull(data.offer());
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
