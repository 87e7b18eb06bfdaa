package org.relais.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.relais.edition.Edition;
import org.relais.edition.EditionService;

/** Reading registrations: one through its token, or an edition's, filtered as the organiser asks. */
@ApplicationScoped
@Transactional
public class RegistrationQueries {

    /** Organiser's filters; null means any. */
    public record Filter(String sector, String role, Long sessionId, String status) {
    }

    @Inject
    RegistrationService registrations;

    @Inject
    EditionService editions;

    /** The session a booking is in, for the page to return to. */
    public Long sessionOf(Long bookingId) {
        Booking booking = bookingId == null ? null : Booking.findById(bookingId);
        if (booking == null) {
            throw new org.relais.web.NotFoundException("booking", bookingId);
        }
        return booking.session.id;
    }

    public RegistrationView view(String token) {
        Registration r = registrations.get(token);
        return RegistrationView.of(r, Booking.listByRegistration(r));
    }

    public List<RegistrationView> list(Long editionId, Filter filter) {
        Edition edition = editions.get(editionId);
        Map<Long, List<Booking>> bookings = new HashMap<>();
        for (Booking b : Booking.<Booking>list("registration.edition = ?1 order by session.day, session.startsAt", edition)) {
            bookings.computeIfAbsent(b.registration.id, k -> new ArrayList<>()).add(b);
        }
        List<RegistrationView> views = new ArrayList<>();
        for (Registration r : Registration.listByEdition(edition)) {
            List<Booking> own = bookings.getOrDefault(r.id, List.of());
            if (matches(r, own, filter)) {
                views.add(RegistrationView.of(r, own));
            }
        }
        return views;
    }

    private static boolean matches(Registration r, List<Booking> bookings, Filter f) {
        return (blank(f.sector()) || f.sector().equals(r.sector))
                && (blank(f.role()) || f.role().equals(r.role))
                && (blank(f.status()) || f.status().equalsIgnoreCase(r.status.name()))
                && (f.sessionId() == null || bookings.stream().anyMatch(b -> b.session.id.equals(f.sessionId())));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
