package org.relais.programme;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.LocalDate;
import java.time.LocalTime;

/** A session as the API reads and writes it. */
public record SessionData(Long id, String kind, String title, String description, Long spaceId, LocalDate day,
        @JsonFormat(pattern = "HH:mm") LocalTime startsAt, @JsonFormat(pattern = "HH:mm") LocalTime endsAt,
        Integer seats, String language, Long institutionId, Boolean registration) {

    public static SessionData of(ProgrammeSession s) {
        return new SessionData(s.id, s.kind.name(), s.title, s.description, s.space == null ? null : s.space.id, s.day,
                s.startsAt, s.endsAt, s.seats, s.language, s.institution == null ? null : s.institution.id, s.registration);
    }
}
