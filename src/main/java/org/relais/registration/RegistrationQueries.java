package org.relais.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.relais.edition.Edition;
import org.relais.edition.EditionService;
import org.relais.network.NetworkReference;
import org.relais.programme.ProgrammeSession;
import org.relais.web.Collation;
import org.relais.web.Errors;
import org.relais.web.ForumZone;
import org.relais.web.PublicUrl;

/** Reading registrations: one through its token, or an edition's, filtered as the organiser asks. */
@ApplicationScoped
@Transactional
public class RegistrationQueries {

    /**
     * Organiser's filters; null means any. {@code q} is a search: every word of it must be found in
     * the relay's names, organisation or e-mail, ignoring case and accents, as at the door; a search
     * holding an {@code @} is a piece of an e-mail address, found as it is typed. {@code need} is one
     * {@link Accessibility} ticked, or {@link #ANY_NEED}. {@code session} is the session's id as the
     * address gives it ({@code sessionId}); {@link RegistrationQueries#check} says when it is not one.
     * {@code arrival} is {@link #ARRIVED} (checked in at the door) or {@link #ABSENT} (not yet, or never).
     */
    public record Filter(String sector, String role, String session, String status, String q, String need,
            String arrival) {

        /** {@code need=ANY}: the relays who ticked a need or wrote one. */
        public static final String ANY_NEED = "ANY";
        public static final String ARRIVED = "ARRIVED";
        public static final String ABSENT = "ABSENT";

        public Filter {
            need = upper(need); // as a status, whatever its case
            arrival = upper(arrival);
        }

        private static String upper(String value) {
            return value == null ? null : value.strip().toUpperCase(Locale.ROOT);
        }

        /** The session asked for; null when none is, or when what is asked is not a number. */
        public Long sessionId() {
            try {
                return blank(session) ? null : Long.valueOf(session.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }

        /** The same filter but for the fields named (as the address names them), for a list shown without them. */
        public Filter without(Set<String> fields) {
            return new Filter(fields.contains("sector") ? null : sector, fields.contains("role") ? null : role,
                    fields.contains("sessionId") ? null : session, fields.contains("status") ? null : status,
                    q, fields.contains("need") ? null : need, fields.contains("arrival") ? null : arrival);
        }

        /** The query of an address asking for this filter, each value encoded ({@code ?sector=…&q=…}). */
        public String query() {
            Long id = sessionId();
            return "?sector=" + encoded(sector) + "&role=" + encoded(role) + "&sessionId=" + (id == null ? "" : id)
                    + "&status=" + encoded(status) + "&q=" + encoded(q) + "&need=" + encoded(need)
                    + "&arrival=" + encoded(arrival);
        }

        private static String encoded(String value) {
            return URLEncoder.encode(nz(value), StandardCharsets.UTF_8);
        }

        /** The search as a test of a registration, worked out once for the whole list. */
        Predicate<Registration> search() {
            String typed = q == null ? "" : (q.length() > 100 ? q.substring(0, 100) : q).strip().toLowerCase(Locale.ROOT);
            if (typed.contains("@")) {
                return r -> r.email != null && r.email.toLowerCase(Locale.ROOT).contains(typed);
            }
            String folded = Collation.fold(typed);
            if (folded.isBlank()) {
                return r -> true;
            }
            String[] words = folded.split(" ");
            // the door's searchable text (names and organisation, folded when saved), and the e-mail
            return r -> {
                String text = nz(r.searchText) + " " + Collation.fold(nz(r.email));
                return Arrays.stream(words).allMatch(text::contains);
            };
        }
    }

    /** A programme item as a relay weighs it: seats left, waiting list, booking needed or not. */
    public record Offer(ProgrammeSession session, long seated, long waiting) {
        public Long seatsLeft() {
            return session.seats == null ? null : Math.max(0, session.seats - seated);
        }

        public boolean full() {
            return session.seats != null && seated >= session.seats;
        }
    }

    @Inject
    RegistrationService registrations;

    @Inject
    EditionService editions;

    @Inject
    NetworkReference reference;

    @Inject
    ForumZone forum;

    @Inject
    PublicUrl publicUrl;

    /**
     * The relay's calendar, as their page and the API give it: the forum, their sessions, and those
     * they left, cancelled; the same events as their mails' ({@link PublicUrl#domain}).
     */
    public String calendar(String token) {
        Registration r = registrations.get(token);
        List<Booking> bookings = Booking.listByRegistration(r);
        return Calendar.of(r, bookings, LeftSession.notHeld(r, bookings), forum.zone(), publicUrl.domain());
    }

    /** Each session of the edition with its seats taken and its waiting list's length, in the programme's order. */
    public List<Offer> offers(Edition edition) {
        List<Object[]> counts = Booking.getEntityManager().createQuery(
                "select b.session.id, b.status, count(b) from Booking b where b.session.edition = ?1 group by b.session.id, b.status",
                Object[].class).setParameter(1, edition).getResultList();
        List<Offer> offers = new ArrayList<>();
        for (ProgrammeSession s : ProgrammeSession.listByEdition(edition)) {
            long seated = 0;
            long waiting = 0;
            for (Object[] row : counts) {
                if (s.id.equals(row[0])) {
                    if (row[1] == BookingStatus.CONFIRMED) {
                        seated = (Long) row[2];
                    } else {
                        waiting = (Long) row[2];
                    }
                }
            }
            offers.add(new Offer(s, seated, waiting));
        }
        return offers;
    }

    /**
     * Where a booking stands: its session and its registration, for the page to return to; whose
     * registration it is ({@code who}: their full name), and whether its forum is still to come, when
     * organisers may change it by hand, for the question asked before a removal.
     */
    public record Place(Long sessionId, Long registrationId, String who, boolean beforeForum, boolean waiting) {
    }

    /** Where the booking of that id in that edition stands; any other is not found. */
    public Place placeOf(Long editionId, Long bookingId) {
        Booking booking = bookingId == null ? null : Booking.findById(bookingId);
        if (booking == null || !booking.session.edition.id.equals(editionId)) {
            throw new org.relais.web.NotFoundException("booking", bookingId);
        }
        return new Place(booking.session.id, booking.registration.id, booking.registration.fullName(),
                booking.session.edition.beforeForum(), booking.status == BookingStatus.WAITLISTED);
    }

    public RegistrationView view(String token) {
        Registration r = registrations.get(token);
        return RegistrationView.of(r, Booking.listByRegistration(r));
    }

    /**
     * What is wrong with a filter, by the address's names of its fields: a value naming no sector, role,
     * status, need or arrival, a session id that is not a number or not a session of the edition.
     */
    public Errors check(Long editionId, Filter filter) {
        Edition edition = editions.get(editionId);
        Errors errors = new Errors();
        errors.oneOf("sector", filter.sector(), keys(reference.relaySectors()), false);
        errors.oneOf("role", filter.role(), keys(reference.relayRoles()), false);
        errors.oneOf("status", filter.status(), RegistrationStatus.class, false);
        errors.oneOf("need", filter.need(), needs(), false);
        errors.oneOf("arrival", filter.arrival(), List.of(Filter.ARRIVED, Filter.ABSENT), false);
        Long sessionId = filter.sessionId();
        if (!blank(filter.session()) && sessionId == null) {
            errors.add("sessionId", "error_number");
        } else if (sessionId != null && ProgrammeSession.<ProgrammeSession>findByIdOptional(sessionId)
                .filter(s -> s.edition.id.equals(edition.id)).isEmpty()) {
            errors.add("sessionId", "error_unknown_session", sessionId);
        }
        return errors;
    }

    /** The edition's registrations that match; a filter {@link #check} finds wrong is a 422. */
    public List<RegistrationView> list(Long editionId, Filter filter) {
        check(editionId, filter).throwIfAny();
        Edition edition = editions.get(editionId);
        Map<Long, List<Booking>> bookings = new HashMap<>();
        // The sessions read in the same statement: read after, one could have been deleted in between (a 500).
        for (Booking b : Booking.<Booking>list("from Booking b join fetch b.session s where b.registration.edition = ?1"
                + " order by s.day, s.startsAt", edition)) {
            bookings.computeIfAbsent(b.registration.id, k -> new ArrayList<>()).add(b);
        }
        Predicate<Registration> found = filter.search();
        Long sessionId = filter.sessionId(); // read once, not for every booking
        List<RegistrationView> views = new ArrayList<>();
        for (Registration r : Registration.listByEdition(edition)) {
            List<Booking> own = bookings.getOrDefault(r.id, List.of());
            if (matches(r, own, filter, sessionId) && found.test(r)) {
                views.add(RegistrationView.of(r, own));
            }
        }
        return views;
    }

    private static boolean matches(Registration r, List<Booking> bookings, Filter f, Long sessionId) {
        return (blank(f.sector()) || f.sector().equals(r.sector))
                && (blank(f.role()) || f.role().equals(r.role))
                && (blank(f.status()) || f.status().equalsIgnoreCase(r.status.name()))
                && (sessionId == null || bookings.stream().anyMatch(b -> b.session.id.equals(sessionId)))
                && (blank(f.need()) || needs(r, f.need()))
                && (blank(f.arrival()) || Filter.ARRIVED.equals(f.arrival()) == (r.checkedInAt != null));
    }

    private static boolean needs(Registration r, String need) {
        return Filter.ANY_NEED.equals(need) ? !r.accessibilityNeeds().isEmpty() || r.wroteNeed()
                : r.accessibilityNeeds().contains(Accessibility.valueOf(need));
    }

    /** What the need filter takes: any need, or one of those a relay ticks. */
    private static List<String> needs() {
        List<String> allowed = new ArrayList<>(List.of(Filter.ANY_NEED));
        Arrays.stream(Accessibility.values()).map(Enum::name).forEach(allowed::add);
        return allowed;
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    private static List<String> keys(List<NetworkReference.Term> terms) {
        return terms.stream().map(NetworkReference.Term::key).toList();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
