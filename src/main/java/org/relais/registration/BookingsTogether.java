package org.relais.registration;

import jakarta.enterprise.context.ApplicationScoped;
import org.relais.programme.BookedTogether;

/** The registration side's answer to the programme's conflicts: relays booked in both of two sessions. */
@ApplicationScoped
public class BookingsTogether implements BookedTogether {

    @Override
    public long relays(Long sessionId, Long otherSessionId) {
        return Booking.getEntityManager().createQuery("select count(distinct a.registration.id) from Booking a, Booking b"
                + " where a.session.id = ?1 and b.session.id = ?2 and a.registration = b.registration", Long.class)
                .setParameter(1, sessionId).setParameter(2, otherSessionId).getSingleResult();
    }
}
