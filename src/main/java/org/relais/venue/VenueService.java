package org.relais.venue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.List;
import org.relais.edition.Edition;
import org.relais.edition.EditionService;
import org.relais.network.Institution;
import org.relais.programme.ProgrammeSession;
import org.relais.web.ConflictException;
import org.relais.web.Errors;
import org.relais.web.NotFoundException;

/** Describes an edition's venue: its spaces and the stands placed in them. */
@ApplicationScoped
@Transactional
public class VenueService {

    /** A space is 1000 m at most each way: a position past that is outside every one. */
    static final BigDecimal FARTHEST = new BigDecimal("1000");

    private static final BigDecimal DEFAULT_STAND_WIDTH = new BigDecimal("3");
    private static final BigDecimal DEFAULT_STAND_DEPTH = new BigDecimal("2");

    @Inject
    EditionService editions;

    @Inject
    jakarta.enterprise.event.Event<StandLeaving> standLeaving;

    // Spaces

    public List<Space> spaces(Long editionId) {
        return Space.listByEdition(editions.get(editionId));
    }

    public Space space(Long editionId, Long spaceId) {
        return space(editions.get(editionId), spaceId);
    }

    private static Space space(Edition edition, Long spaceId) {
        return Space.findInEdition(edition, spaceId).orElseThrow(() -> new NotFoundException("space", spaceId));
    }

    /** One of the edition's spaces, to change: the edition's lock taken first ({@link EditionService#locked}). */
    Space spaceToChange(Long editionId, Long spaceId) {
        return space(editions.locked(editionId), spaceId);
    }

    public Space createSpace(Long editionId, SpaceData data) {
        Edition edition = editions.locked(editionId);
        Space space = new Space();
        space.edition = edition;
        apply(space, data);
        space.persist();
        return space;
    }

    public Space updateSpace(Long editionId, Long spaceId, SpaceData data) {
        Space space = spaceToChange(editionId, spaceId);
        apply(space, data);
        return space;
    }

    public void deleteSpace(Long editionId, Long spaceId) {
        Space space = spaceToChange(editionId, spaceId); // stands and sessions are put in it under the same lock
        long uses = Stand.countInSpace(space) + ProgrammeSession.countInSpace(space);
        if (uses > 0) {
            throw new ConflictException("conflict_space_in_use", space.name, uses);
        }
        space.delete();
    }

    public Errors validateSpace(SpaceData data) {
        Errors errors = new Errors();
        errors.line("name", data.name(), 200, true);
        errors.oneOf("kind", data.kind(), SpaceKind.class, true);
        errors.size("widthM", data.widthM(), FARTHEST.toPlainString());
        errors.size("depthM", data.depthM(), FARTHEST.toPlainString());
        if ((data.widthM() == null) != (data.depthM() == null)) {
            errors.add(data.widthM() == null ? "widthM" : "depthM", "error_size_pair");
        }
        errors.range("seats", data.seats(), 0, 100_000);
        return errors;
    }

    private void apply(Space space, SpaceData data) {
        Errors errors = validateSpace(data);
        errors.throwIfAny();
        Space same = Space.findByName(space.edition, data.name().strip()).orElse(null);
        if (same != null && !same.equals(space)) {
            throw new ConflictException("conflict_space_name_taken", data.name().strip());
        }
        space.name = data.name().strip();
        space.kind = errors.oneOf("kind", data.kind(), SpaceKind.class, true);
        space.widthM = data.widthM();
        space.depthM = data.depthM();
        space.seats = data.seats();
        space.stepFree = Boolean.TRUE.equals(data.stepFree());
        if (space.id != null) {
            for (Stand stand : Stand.<Stand>list("space", space)) {
                if (outside(stand.positionX, stand.positionY, footprintWidth(stand.widthM, stand.depthM, stand.rotated),
                        footprintDepth(stand.widthM, stand.depthM, stand.rotated), space)) {
                    throw new ConflictException("conflict_space_too_small", stand.number);
                }
            }
        }
    }

    // Stands

    public List<Stand> stands(Long editionId) {
        return Stand.listByEdition(editions.get(editionId));
    }

    public Stand stand(Long editionId, Long standId) {
        return stand(editions.get(editionId), standId);
    }

    private static Stand stand(Edition edition, Long standId) {
        return Stand.findInEdition(edition, standId).orElseThrow(() -> new NotFoundException("stand", standId));
    }

    /**
     * One of the edition's stands, to change or delete: the edition's lock taken first, then the stand's, which the
     * leads noted at it take too (a stand with leads is neither deleted nor given to another institution).
     */
    private Stand standToChange(Long editionId, Long standId) {
        Stand stand = stand(editions.locked(editionId), standId);
        Stand.lock(stand.id);
        return stand;
    }

    public Stand createStand(Long editionId, StandData data) {
        Edition edition = editions.locked(editionId);
        Stand stand = new Stand();
        stand.edition = edition;
        apply(stand, data);
        stand.persist();
        return stand;
    }

    public Stand updateStand(Long editionId, Long standId, StandData data) {
        Stand stand = standToChange(editionId, standId);
        apply(stand, data);
        return stand;
    }

    public void deleteStand(Long editionId, Long standId) {
        Stand stand = standToChange(editionId, standId);
        standLeaving.fire(new StandLeaving(editionId, stand.id));
        stand.delete();
    }

    public Errors validateStand(Long editionId, StandData data) {
        Edition edition = editions.get(editionId);
        Errors errors = new Errors();
        errors.range("number", data.number(), 1, 9999);
        if (errors.required("institutionId", data.institutionId()) != null
                && !Institution.lock(data.institutionId())) {
            errors.add("institutionId", "error_unknown_institution", data.institutionId());
        }
        Space space = null;
        if (data.spaceId() != null) {
            space = Space.findInEdition(edition, data.spaceId()).orElse(null);
            if (space == null) {
                errors.add("spaceId", "error_unknown_space", data.spaceId());
            }
        }
        errors.size("widthM", data.widthM(), "50");
        errors.size("depthM", data.depthM(), "50");
        if ((data.xM() == null) != (data.yM() == null)) {
            errors.add(data.xM() == null ? "xM" : "yM", "error_position_pair");
        }
        if (data.xM() != null && data.xM().signum() < 0) {
            errors.add("xM", "error_negative");
        }
        if (data.yM() != null && data.yM().signum() < 0) {
            errors.add("yM", "error_negative");
        }
        if (data.xM() != null && data.spaceId() == null) {
            errors.add("spaceId", "error_position_needs_space");
        }
        if (space != null && !errors.has("widthM") && !errors.has("depthM") && !errors.has("xM") && !errors.has("yM")) {
            BigDecimal width = data.widthM() == null ? DEFAULT_STAND_WIDTH : data.widthM();
            BigDecimal depth = data.depthM() == null ? DEFAULT_STAND_DEPTH : data.depthM();
            boolean rotated = Boolean.TRUE.equals(data.rotated());
            if (outside(data.xM(), data.yM(), footprintWidth(width, depth, rotated), footprintDepth(width, depth, rotated),
                    space)) {
                errors.add("xM", "error_outside_space", space.name);
            }
        }
        return errors;
    }

    private void apply(Stand stand, StandData data) {
        validateStand(stand.edition.id, data).throwIfAny();
        if (stand.institution != null && !stand.institution.id.equals(data.institutionId())) {
            standLeaving.fire(new StandLeaving(stand.edition.id, stand.id)); // given to another institution
        }
        // A new stand is added under the edition's lock (createStand): each added at once takes its own next number.
        int number = data.number() != null ? data.number() : stand.number != null ? stand.number : Stand.nextNumber(stand.edition);
        Stand same = Stand.findByNumber(stand.edition, number).orElse(null);
        if (same != null && !same.equals(stand)) {
            throw new ConflictException("conflict_stand_number_taken", number);
        }
        stand.number = number;
        stand.institution = Institution.findById(data.institutionId());
        stand.space = data.spaceId() == null ? null : Space.findById(data.spaceId());
        stand.widthM = data.widthM() == null ? DEFAULT_STAND_WIDTH : data.widthM();
        stand.depthM = data.depthM() == null ? DEFAULT_STAND_DEPTH : data.depthM();
        stand.positionX = data.xM();
        stand.positionY = data.yM();
        stand.rotated = Boolean.TRUE.equals(data.rotated());
        stand.power = Boolean.TRUE.equals(data.power());
    }

    static BigDecimal footprintWidth(BigDecimal width, BigDecimal depth, boolean rotated) {
        return rotated ? depth : width;
    }

    static BigDecimal footprintDepth(BigDecimal width, BigDecimal depth, boolean rotated) {
        return rotated ? width : depth;
    }

    /** Whether a placed footprint leaves the space; an unplaced stand, or a space without size, never does. */
    static boolean outside(BigDecimal x, BigDecimal y, BigDecimal width, BigDecimal depth, Space space) {
        if (x == null || y == null) {
            return false;
        }
        if (x.compareTo(FARTHEST) > 0 || y.compareTo(FARTHEST) > 0) {
            return true; // past the largest hall there can be, and no sum on a number like 1e999999999
        }
        return space.widthM != null && x.add(width).compareTo(space.widthM) > 0
                || space.depthM != null && y.add(depth).compareTo(space.depthM) > 0;
    }
}
