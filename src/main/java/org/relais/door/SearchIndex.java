package org.relais.door;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.relais.web.Collation;

/**
 * The door's search, in memory: each edition's accent-free names and organisations, compared with
 * what is typed without a database scan. Rebuilt when a name is added or changed in this
 * instance, and at least every 30 seconds (for changes made by another instance); what a match
 * shows is read fresh from the database.
 */
@ApplicationScoped
public class SearchIndex {

    private static final long MAX_AGE_MS = 30_000;

    private record Entry(boolean holder, long id, String text) {
    }

    private record Snapshot(long version, long builtAt, List<Entry> entries) {
    }

    private final ConcurrentHashMap<Long, Snapshot> editions = new ConcurrentHashMap<>();

    @Inject
    EntityManager em;

    /** The ids of registrations and of other badge holders whose text holds every word, at most {@code limit} of each. */
    public Matches find(Long editionId, String[] words, int limit) {
        Snapshot s = snapshot(editionId);
        List<Long> relays = new ArrayList<>();
        List<Long> holders = new ArrayList<>();
        for (Entry e : s.entries()) {
            if ((e.holder() ? holders : relays).size() >= limit) {
                continue;
            }
            boolean all = true;
            for (String w : words) {
                if (!e.text().contains(w)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                (e.holder() ? holders : relays).add(e.id());
            }
        }
        return new Matches(relays, holders);
    }

    public record Matches(List<Long> registrations, List<Long> holders) {
    }

    private Snapshot snapshot(Long editionId) {
        long version = Collation.searchVersion();
        long now = System.currentTimeMillis();
        Snapshot s = editions.get(editionId);
        if (s == null || s.version() != version || now - s.builtAt() > MAX_AGE_MS) {
            s = build(editionId, version, now);
            editions.put(editionId, s);
        }
        return s;
    }

    private Snapshot build(Long editionId, long version, long now) {
        List<Entry> entries = new ArrayList<>();
        for (Object[] row : em.createQuery("select r.id, r.searchText from Registration r where r.edition.id = :e",
                Object[].class).setParameter("e", editionId).getResultList()) {
            entries.add(new Entry(false, (Long) row[0], row[1] == null ? "" : (String) row[1]));
        }
        for (Object[] row : em.createQuery("select h.id, h.searchText from BadgeHolder h where h.edition.id = :e",
                Object[].class).setParameter("e", editionId).getResultList()) {
            entries.add(new Entry(true, (Long) row[0], row[1] == null ? "" : (String) row[1]));
        }
        return new Snapshot(version, now, List.copyOf(entries));
    }
}
