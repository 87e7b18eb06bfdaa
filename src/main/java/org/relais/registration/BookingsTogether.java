package org.relais.registration;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.relais.programme.BookedTogether;

/** The registration side's answer to the programme's conflicts: relays booked in both sessions of a pair. */
@ApplicationScoped
public class BookingsTogether implements BookedTogether {

    @Override
    public Map<List<Long>, Long> byPair(Long editionId) {
        Map<List<Long>, Long> counts = new HashMap<>();
        Booking.getEntityManager().createQuery("select a.session.id, b.session.id, count(distinct a.registration.id)"
                + " from Booking a, Booking b where a.session.edition.id = ?1 and a.registration = b.registration"
                + " and a.session.id < b.session.id group by a.session.id, b.session.id", Object[].class)
                .setParameter(1, editionId).getResultStream()
                .forEach(row -> counts.put(BookedTogether.pair((Long) row[0], (Long) row[1]), (Long) row[2]));
        return counts;
    }
}
