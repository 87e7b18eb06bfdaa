package org.relais.door;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.relais.account.Account;
import org.relais.web.Bodies;
import org.relais.web.ConflictException;
import org.relais.web.InvalidInputException;
import org.relais.web.NotFoundException;

/** The door through the API: check-ins, the search and the counts. */
@Path("/api/v1/editions/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Account.ORGANISER, Account.DOOR})
public class DoorApi {

    @Inject
    DoorService door;

    @Inject
    DoorAccess access;

    /** A scan: {@code code} as the scanner typed it; {@code station} and {@code scannedAt} optional. */
    public record Scan(String code, String station, OffsetDateTime scannedAt) {
    }

    /** The answer to a check-in, as API.md names it. */
    public record Answer(String status, Long registrationId, Long holderId, String name, String organisation,
            OffsetDateTime checkedInAt, OffsetDateTime firstCheckedInAt, String checkedInBy) {
    }

    @POST
    @Path("checkins")
    @Consumes(MediaType.APPLICATION_JSON)
    public Answer checkIn(@RestPath Long id, Scan scan) {
        access.door(id);
        Scan s = Bodies.required(scan);
        if (DoorService.nothingScanned(s.code())) {
            throw InvalidInputException.of("code", "error_required"); // nothing scanned, rather than something unreadable
        }
        CheckIn c = door.checkIn(id, s.code(), s.station() != null ? s.station() : access.who(), s.scannedAt());
        switch (c.status()) {
            case UNREADABLE -> throw InvalidInputException.of("code", "error_code_unreadable");
            case FORGED -> throw InvalidInputException.of("code", "error_code_forged");
            case NOT_THIS_EDITION -> throw new NotFoundException("registration", "?");
            case CANCELLED -> throw new ConflictException("conflict_checkin_cancelled", c.name());
            default -> {
                return new Answer(c.status().name(), c.registrationId(), c.holderId(), c.name(), c.organisation(),
                        c.checkedInAt(), c.firstCheckedInAt(), c.checkedInBy());
            }
        }
    }

    @GET
    @Path("checkins/search")
    public List<DoorService.Found> search(@RestPath Long id, @RestQuery String q) {
        access.door(id);
        return door.search(id, q);
    }

    @GET
    @Path("attendance")
    public DoorService.Attendance attendance(@RestPath Long id) {
        access.door(id);
        return door.attendance(id);
    }
}
