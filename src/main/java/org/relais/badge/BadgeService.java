package org.relais.badge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Stream;
import org.relais.edition.Edition;
import org.relais.edition.EditionDeleting;
import org.relais.edition.EditionService;
import org.relais.network.Institution;
import org.relais.print.Badge;
import org.relais.print.BadgeImage;
import org.relais.print.BadgePdf;
import org.relais.print.Face;
import org.relais.print.SheetLayout;
import org.relais.print.Unprintable;
import org.relais.registration.Registration;
import org.relais.registration.RegistrationStatus;
import org.relais.web.Errors;
import org.relais.web.ForumZone;
import org.relais.web.Instants;
import org.relais.web.Messages;
import org.relais.web.NotFoundException;

/**
 * Badges: the people who have one besides relays, and the PDFs and previews of an edition's
 * badges, in alphabetical order, read from the database as they are printed.
 */
@ApplicationScoped
@Transactional
public class BadgeService {


    @Inject
    EditionService editions;

    @Inject
    SigningKeys keys;

    @Inject
    EntityManager em;

    /** A draft edition deleted takes its badge holders (staff, guests, press) with it. */
    void onEditionDeleting(@Observes EditionDeleting deleting) {
        BadgeHolder.delete("edition.id", deleting.editionId());
    }

    public long relayCount(Long editionId) {
        return Registration.countConfirmed(editions.get(editionId));
    }

    /**
     * The badges of an edition, its confirmed relays' then its {@code holders}', each by surname, whose name or
     * organisation has letters the badge's faces cannot draw: the badges page says so before printing, each linked to
     * where it is corrected (the relay's registration, the holders' list).
     */
    public List<Unprintable> unprintable(Long editionId, List<BadgeHolder> holders) {
        Edition edition = editions.get(editionId);
        List<Unprintable> found = new ArrayList<>();
        for (Object[] r : Registration.getEntityManager().createQuery("select r.id, r.firstName, r.lastName, r.organisation"
                + " from Registration r where r.edition = ?1 and r.status = ?2 order by r.sortLast, r.sortFirst, r.id",
                Object[].class).setParameter(1, edition).setParameter(2, RegistrationStatus.CONFIRMED).getResultList()) {
            unprintable((String) r[1], (String) r[2], (String) r[3], "/organiser/editions/" + editionId + "/registrations/" + r[0],
                    found);
        }
        for (BadgeHolder h : holders) {
            unprintable(h.firstName, h.lastName, h.organisation, "#holders", found);
        }
        return found;
    }

    private static void unprintable(String first, String last, String organisation, String href, List<Unprintable> found) {
        String missing = Face.missing(Registration.badgeText(first, last, organisation));
        if (!missing.isEmpty()) {
            String name = (first == null ? "" : first + " ") + (last == null ? "" : last);
            found.add(new Unprintable(name.strip(), organisation, missing, href));
        }
    }

    // Badge holders

    public List<BadgeHolder> holders(Long editionId) {
        return BadgeHolder.listByEdition(editions.get(editionId));
    }

    public BadgeHolder holder(Long editionId, Long holderId) {
        return BadgeHolder.findInEdition(editions.get(editionId), holderId)
                .orElseThrow(() -> new NotFoundException("badge_holder", holderId));
    }

    public BadgeHolder addHolder(Long editionId, HolderData data) {
        Edition edition = editions.locked(editionId);
        Errors errors = new Errors();
        BadgeRole role = errors.oneOf("role", data.role(), BadgeRole.class, true);
        if (role == BadgeRole.RELAY) {
            errors.add("role", "error_relay_registers");
        }
        String first = errors.line("firstName", data.firstName(), 100, true);
        String last = errors.line("lastName", data.lastName(), 100, true);
        String organisation = errors.line("organisation", data.organisation(), 200, false);
        Institution institution = null;
        if (data.institutionId() != null) {
            institution = Institution.lock(data.institutionId()) ? Institution.findById(data.institutionId()) : null;
            if (institution == null) {
                errors.add("institutionId", "error_unknown_institution", data.institutionId());
            }
        }
        if (organisation == null && institution == null) {
            errors.add("organisation", "error_required");
        }
        errors.throwIfAny();
        BadgeHolder h = new BadgeHolder();
        h.edition = edition;
        h.role = role;
        h.firstName = first;
        h.lastName = last;
        h.institution = institution;
        h.organisation = organisation != null ? organisation : institution.name;
        h.code = keys.issue(BadgeCode.Kind.HOLDER, edition.number);
        h.createdAt = Instants.now();
        h.persist();
        return h;
    }

    public void deleteHolder(Long editionId, Long holderId) {
        editions.locked(editionId); // a second deletion at the same moment finds the badge gone
        holder(editionId, holderId).delete();
    }

    /** An arrival recorded at the door by mistake: the badge holder counts as not arrived again. */
    public void clearArrival(Long editionId, Long holderId) {
        BadgeHolder h = holder(editionId, holderId);
        h.checkedInAt = null;
        h.checkedInBy = null;
    }

    // Printing

    /** Every badge of the edition the request asks for, sorted by last name then first name; returns how many. */
    public int writeEdition(Long editionId, BadgeRequest request, OutputStream out) {
        Edition edition = editions.get(editionId);
        Map<Long, List<String>> programmes = request.backs() ? programmes(edition, null, request.locale()) : Map.of();
        try (Stream<Object[]> relays = request.roles().contains(BadgeRole.RELAY) ? relayRows(edition, null) : Stream.empty();
                Stream<Object[]> others = holderRows(edition, request.roles(), null)) {
            Iterator<Badge> badges = new Merged(relays.iterator(), others.iterator(), edition, request, programmes);
            return BadgePdf.write(badges, request.layout(), request.backs(), title(edition, request.locale()), false, out);
        }
    }

    /** The first sheet of what {@link #writeEdition} would print, as a PNG. */
    public byte[] preview(Long editionId, BadgeRequest request) {
        Edition edition = editions.get(editionId);
        try (Stream<Object[]> relays = request.roles().contains(BadgeRole.RELAY) ? relayRows(edition, null) : Stream.empty();
                Stream<Object[]> others = holderRows(edition, request.roles(), null)) {
            Iterator<Badge> badges = new Merged(relays.iterator(), others.iterator(), edition, request, Map.of());
            List<Badge> sheet = new ArrayList<>();
            while (badges.hasNext() && sheet.size() < request.layout().perSheet()) {
                sheet.add(badges.next());
            }
            return BadgeImage.png(sheet, request.layout(), 96);
        }
    }

    /** One relay's badge, for the organiser or the door; a cancelled registration has none. */
    public void writeRegistration(Long editionId, Long registrationId, BadgeRequest request, OutputStream out) {
        Edition edition = editions.get(editionId);
        try (Stream<Object[]> rows = relayRows(edition, registrationId)) {
            List<Object[]> found = rows.toList();
            if (found.isEmpty()) {
                throw new NotFoundException("registration", registrationId);
            }
            Map<Long, List<String>> programmes = request.backs() ? programmes(edition, registrationId, request.locale()) : Map.of();
            write(found, List.of(), edition, request, programmes, out);
        }
    }

    /** Throws unless the token is a confirmed registration's: checked before a PDF starts streaming. */
    public Registration checkOwn(String manageToken) {
        Registration r = Registration.findByToken(manageToken).orElseThrow(() -> new NotFoundException("registration", "?"));
        if (r.status != RegistrationStatus.CONFIRMED) {
            throw new org.relais.web.ConflictException("conflict_registration_cancelled");
        }
        return r;
    }

    /** Throws unless the registration is a confirmed one of the edition. */
    public void checkRegistration(Long editionId, Long registrationId) {
        Edition edition = editions.get(editionId);
        Registration r = Registration.<Registration>findByIdOptional(registrationId)
                .filter(x -> x.edition.id.equals(edition.id))
                .orElseThrow(() -> new NotFoundException("registration", registrationId));
        if (r.anonymisedAt != null) {
            throw new org.relais.web.ConflictException("conflict_registration_erased");
        }
        if (r.status != RegistrationStatus.CONFIRMED) {
            throw new org.relais.web.ConflictException("conflict_registration_cancelled");
        }
    }

    /** A relay's own badge through their manage link. */
    public void writeOwn(String manageToken, OutputStream out) {
        writeOwn(checkOwn(manageToken), out);
    }

    /**
     * A confirmed relay's own badge, as their page and their e-mails give it: A6, their confirmed
     * sessions on the back, in their language.
     */
    public void writeOwn(Registration r, OutputStream out) {
        BadgeRequest request = new BadgeRequest(SheetLayout.byId("a6").orElseThrow(), Set.of(BadgeRole.RELAY), true,
                "en".equals(r.language) ? Locale.ENGLISH : Locale.FRENCH);
        writeRegistration(r.edition.id, r.id, request, out);
    }

    public void writeHolder(Long editionId, Long holderId, BadgeRequest request, OutputStream out) {
        Edition edition = editions.get(editionId);
        holder(editionId, holderId);
        try (Stream<Object[]> rows = holderRows(edition, Set.of(BadgeRole.values()), holderId)) {
            write(List.of(), rows.toList(), edition, request, Map.of(), out);
        }
    }

    private void write(List<Object[]> relays, List<Object[]> others, Edition edition, BadgeRequest request,
            Map<Long, List<String>> programmes, OutputStream out) {
        Iterator<Badge> badges = new Merged(relays.iterator(), others.iterator(), edition, request, programmes);
        BadgePdf.write(badges, request.layout(), request.backs(), title(edition, request.locale()), request.autoPrint(),
                out);
    }

    private static String title(Edition edition, Locale locale) {
        return Messages.get(locale, "badges_pdf_title", edition.title);
    }

    // Rows: id, first name, last name, organisation, code, sort keys, role. Plain values, not entities:
    // nothing accumulates in the persistence context however many badges there are.

    private Stream<Object[]> relayRows(Edition edition, Long onlyId) {
        var query = em.createQuery("select r.id, r.firstName, r.lastName, r.organisation, r.code, r.sortLast, r.sortFirst"
                + " from Registration r where r.edition = :edition and r.status = :status and r.anonymisedAt is null"
                + (onlyId == null ? "" : " and r.id = :id")
                + " order by r.sortLast, r.sortFirst, r.id", Object[].class)
                .setParameter("edition", edition).setParameter("status", RegistrationStatus.CONFIRMED)
                .setHint("org.hibernate.fetchSize", 500).setHint("org.hibernate.readOnly", true);
        if (onlyId != null) {
            query.setParameter("id", onlyId);
        }
        return query.getResultStream().map(row -> withRole(row, BadgeRole.RELAY));
    }

    private Stream<Object[]> holderRows(Edition edition, Set<BadgeRole> roles, Long onlyId) {
        List<BadgeRole> wanted = roles.stream().filter(r -> r != BadgeRole.RELAY).toList();
        if (wanted.isEmpty()) {
            return Stream.empty();
        }
        var query = em.createQuery("select h.id, h.firstName, h.lastName, h.organisation, h.code, h.sortLast, h.sortFirst,"
                + " h.role from BadgeHolder h where h.edition = :edition and h.role in :roles"
                + (onlyId == null ? "" : " and h.id = :id")
                + " order by h.sortLast, h.sortFirst, h.id", Object[].class)
                .setParameter("edition", edition).setParameter("roles", wanted)
                .setHint("org.hibernate.fetchSize", 500).setHint("org.hibernate.readOnly", true);
        if (onlyId != null) {
            query.setParameter("id", onlyId);
        }
        return query.getResultStream();
    }

    private static Object[] withRole(Object[] row, BadgeRole role) {
        Object[] out = java.util.Arrays.copyOf(row, 8);
        out[7] = role;
        return out;
    }

    /**
     * Each relay's confirmed sessions as back-side lines, by registration; on a forum of several days each
     * line starts with its day, written as the front writes the forum's days ("mer. 10 mars", "Wed 10 Mar").
     */
    private Map<Long, List<String>> programmes(Edition edition, Long onlyId, Locale locale) {
        var query = em.createQuery("select b.registration.id, s.day, s.startsAt, s.endsAt, s.title, sp.name"
                + " from Booking b join b.session s left join s.space sp"
                + " where b.registration.edition = :edition and b.registration.status = :status"
                + " and b.status = org.relais.registration.BookingStatus.CONFIRMED"
                + (onlyId == null ? "" : " and b.registration.id = :id")
                + " order by s.day, s.startsAt", Object[].class)
                .setParameter("edition", edition).setParameter("status", RegistrationStatus.CONFIRMED);
        if (onlyId != null) {
            query.setParameter("id", onlyId);
        }
        List<Object[]> rows = query.getResultList();
        Map<Long, List<String>> out = new HashMap<>();
        boolean severalDays = edition.days.size() > 1;
        for (Object[] row : rows) {
            String when = (severalDays ? Messages.shortDate((LocalDate) row[1], locale) + " " : "")
                    + ForumZone.hhmm((java.time.LocalTime) row[2]) + "–" + ForumZone.hhmm((java.time.LocalTime) row[3]);
            String line = when + "  " + row[4] + (row[5] == null ? "" : " · " + row[5]);
            out.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add(line);
        }
        return out;
    }

    /** Relays and other holders, each already sorted, merged into one alphabetical order. */
    private static final class Merged implements Iterator<Badge> {

        private final Iterator<Object[]> a;
        private final Iterator<Object[]> b;
        private Object[] nextA;
        private Object[] nextB;
        private final String eventTitle;
        private final String eventDate;
        private final Map<BadgeRole, String> roleWords = new HashMap<>();
        private final BadgeRequest request;
        private final Map<Long, List<String>> programmes;
        private final String backTitle;
        private final String noSession;

        Merged(Iterator<Object[]> a, Iterator<Object[]> b, Edition edition, BadgeRequest request,
                Map<Long, List<String>> programmes) {
            this.a = a;
            this.b = b;
            this.nextA = a.hasNext() ? a.next() : null;
            this.nextB = b.hasNext() ? b.next() : null;
            Locale locale = request.locale();
            this.eventTitle = edition.title;
            this.eventDate = days(edition, locale) + (edition.venueName == null ? "" : " · " + edition.venueName);
            for (BadgeRole role : BadgeRole.values()) {
                roleWords.put(role, Messages.get(locale, role.messageKey()));
            }
            this.request = request;
            this.programmes = programmes;
            this.backTitle = Messages.get(locale, "badge_back_title");
            this.noSession = Messages.get(locale, "badge_back_none");
        }

        /**
         * The forum's day in full, or its first and last days ("mar. 9 mars – mer. 10 mars 2027"): a
         * badge that named only the first would seem to be for that day alone.
         */
        private static String days(Edition edition, Locale locale) {
            LocalDate first = edition.firstDay();
            if (first == null || edition.days.size() == 1) {
                return Messages.longDate(first, locale);
            }
            LocalDate last = edition.lastDay();
            return Messages.shortDate(first, locale) + " – " + Messages.shortDate(last, locale) + " " + last.getYear();
        }

        @Override
        public boolean hasNext() {
            return nextA != null || nextB != null;
        }

        @Override
        public Badge next() {
            Object[] row;
            if (nextA == null && nextB == null) {
                throw new NoSuchElementException();
            }
            if (nextB == null || nextA != null && compare(nextA, nextB) <= 0) {
                row = nextA;
                nextA = a.hasNext() ? a.next() : null;
            } else {
                row = nextB;
                nextB = b.hasNext() ? b.next() : null;
            }
            BadgeRole role = (BadgeRole) row[7];
            String backTitle = null;
            List<String> back = List.of();
            if (request.backs() && role == BadgeRole.RELAY) {
                // Only relays have a programme of their own; other backs stay blank.
                backTitle = this.backTitle;
                back = programmes.getOrDefault((Long) row[0], List.of(noSession));
            }
            return new Badge((String) row[1], (String) row[2], (String) row[3], roleWords.get(role), role.colour,
                    eventTitle, eventDate, (String) row[4], backTitle, back);
        }

        private static int compare(Object[] x, Object[] y) {
            int c = ((String) x[5]).compareTo((String) y[5]);
            return c != 0 ? c : ((String) x[6]).compareTo((String) y[6]);
        }
    }
}
