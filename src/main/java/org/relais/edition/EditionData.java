package org.relais.edition;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** An edition as the API reads and writes it. {@code status} is read-only here: it moves through its own call. */
public record EditionData(Long id, Integer number, String title, String theme, Long hostInstitutionId, Venue venue,
        List<Day> days, LocalDate registrationOpensOn, LocalDate registrationClosesOn, Integer relayCapacity,
        EditionStatus status, List<Long> participatingInstitutionIds) {

    public record Venue(String name, String address, String accessNotes) {
    }

    public record Day(LocalDate date, @JsonFormat(pattern = "HH:mm") LocalTime opensAt,
            @JsonFormat(pattern = "HH:mm") LocalTime closesAt) {
    }

    public static EditionData of(Edition e) {
        return new EditionData(e.id, e.number, e.title, e.theme, e.host == null ? null : e.host.id,
                new Venue(e.venueName, e.venueAddress, e.venueAccessNotes),
                e.days.stream().map(d -> new Day(d.date, d.opensAt, d.closesAt)).toList(),
                e.registrationOpensOn, e.registrationClosesOn, e.relayCapacity, e.status,
                e.participants.stream().map(i -> i.id).sorted().toList());
    }

}
