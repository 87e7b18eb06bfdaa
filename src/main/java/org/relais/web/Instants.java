package org.relais.web;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/** Moments as both databases keep them. */
public final class Instants {

    private Instants() {
    }

    /**
     * Now, to the microsecond: H2 and PostgreSQL keep no finer, so the answer that stores a moment
     * says exactly what every later read of it says.
     */
    public static OffsetDateTime now() {
        return stored(OffsetDateTime.now());
    }

    /** A moment as it will be stored and read back: to the microsecond. */
    public static OffsetDateTime stored(OffsetDateTime moment) {
        return moment.truncatedTo(ChronoUnit.MICROS);
    }
}
