package org.relais.venue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.relais.edition.Edition;
import org.relais.edition.EditionService;
import org.relais.network.NetworkReference;
import org.relais.venue.FloorLayout.Rect;
import org.relais.web.Errors;
import org.relais.web.InvalidInputException;
import org.relais.web.Messages;
import org.relais.web.NotFoundException;

/** A hall's floor plan: its obstacles, the automatic layout of its stands, the checks, the SVG. */
@ApplicationScoped
@Transactional
public class FloorPlanService {

    @Inject
    EditionService editions;

    @Inject
    VenueService venue;

    @Inject
    NetworkReference reference;

    public List<Obstacle> obstacles(Long editionId, Long spaceId) {
        return Obstacle.listBySpace(venue.space(editionId, spaceId));
    }

    public Obstacle addObstacle(Long editionId, Long spaceId, ObstacleData data) {
        Space hall = venue.spaceToChange(editionId, spaceId);
        Errors errors = new Errors();
        ObstacleKind kind = errors.oneOf("kind", data.kind(), ObstacleKind.class, true);
        String label = errors.line("label", data.label(), 100, false);
        errors.required("xM", data.xM());
        errors.required("yM", data.yM());
        errors.size("widthM", errors.required("widthM", data.widthM()), "1000");
        errors.size("depthM", errors.required("depthM", data.depthM()), "1000");
        if (data.clearanceM() != null && (data.clearanceM().signum() < 0 || data.clearanceM().compareTo(BigDecimal.TEN) > 0)) {
            errors.add("clearanceM", "error_range", 0, 10);
        }
        if (hall.widthM == null || hall.depthM == null) {
            errors.add("widthM", "error_floor_hall_size", hall.name);
        } else if (!errors.has("xM") && !errors.has("widthM") && !errors.has("yM") && !errors.has("depthM")
                && !new Rect(d(data.xM()), d(data.yM()), d(data.widthM()), d(data.depthM()))
                        .within(d(hall.widthM), d(hall.depthM))) {
            errors.add("xM", "error_obstacle_outside", hall.name, plain(hall.widthM), plain(hall.depthM));
        }
        errors.throwIfAny();
        Obstacle o = new Obstacle();
        o.space = hall;
        o.kind = kind;
        o.label = label;
        o.x = data.xM();
        o.y = data.yM();
        o.width = data.widthM();
        o.depth = data.depthM();
        o.clearance = data.clearanceM() != null ? data.clearanceM() : BigDecimal.valueOf(kind.defaultClearance());
        o.persist();
        return o;
    }

    /** One obstacle of the hall named, as its address says (the hall first: an unknown one is what is missing). */
    public Obstacle obstacle(Long editionId, Long spaceId, Long obstacleId) {
        venue.space(editionId, spaceId);
        return Obstacle.<Obstacle>findByIdOptional(obstacleId).filter(x -> x.space.id.equals(spaceId))
                .orElseThrow(() -> new NotFoundException("obstacle", obstacleId));
    }

    public void deleteObstacle(Long editionId, Long spaceId, Long obstacleId) {
        editions.locked(editionId); // a second deletion at the same moment finds the obstacle gone
        obstacle(editionId, spaceId, obstacleId).delete();
    }

    /** What the automatic layout decided: stands placed and numbered, and stands needing power it could not put by a wall. */
    public record Laid(List<Stand> stands, List<Integer> powerAwayFromWall) {
    }

    /** Places every stand of a hall; refuses, saying why, when they do not fit. */
    public Laid layout(Long editionId, Long spaceId, BigDecimal aisleM) {
        Space hall = venue.spaceToChange(editionId, spaceId); // no stand added to the hall or deleted while it is laid out
        if (hall.widthM == null || hall.depthM == null) {
            throw InvalidInputException.of("spaceId", "error_floor_hall_size", hall.name);
        }
        double aisle = aisleM == null ? 2.0 : aisleM.doubleValue();
        if (aisle > Math.max(d(hall.widthM), d(hall.depthM))) {
            // Said before the layout tries, which would speak of aisles of "∞ m" for 1e999999999.
            throw InvalidInputException.of("aisleM", "error_floor_aisle_wide", hall.name, d(hall.widthM), d(hall.depthM));
        }
        List<Stand> stands = Stand.list("space = ?1 order by number", hall);
        List<String> names = stands.stream().map(s -> s.institution.name).distinct()
                .sorted(java.text.Collator.getInstance(java.util.Locale.FRENCH)).toList();
        List<FloorLayout.Item> items = new ArrayList<>();
        for (Stand s : stands) {
            items.add(new FloorLayout.Item(s.id, s.number, s.institution.id, names.indexOf(s.institution.name),
                    d(s.widthM), d(s.depthM), s.power));
        }
        FloorLayout.Result result = FloorLayout.layout(d(hall.widthM), d(hall.depthM), aisle, blocked(hall), items);
        if (!result.ok()) {
            throw InvalidInputException.of("aisleM".equals(field(result.refusal())) ? "aisleM" : "spaceId", result.refusal(),
                    result.refusalArgs().stream().map(FloorPlanService::words).toArray());
        }
        // Walking order gives the numbers this hall's stands already had, smallest first.
        List<Integer> numbers = stands.stream().map(s -> s.number).sorted().toList();
        Map<Long, Stand> byId = new LinkedHashMap<>();
        for (Stand s : stands) {
            byId.put(s.id, s);
            s.number = -s.id.intValue(); // out of the way of the unique numbers while they move
        }
        Stand.flush();
        for (FloorLayout.Placed p : result.placed()) {
            Stand s = byId.get(p.id());
            s.positionX = metres(p.rect().x());
            s.positionY = metres(p.rect().y());
            s.rotated = false;
            s.number = numbers.get(p.walkingOrder());
        }
        return new Laid(stands, result.powerAwayFromWall());
    }

    /** A stand moved by hand: where its top-left corner goes, and whether it is turned a quarter. */
    public record Position(Long standId, BigDecimal xM, BigDecimal yM, boolean rotated) {
    }

    /**
     * Saves stands moved by hand; a plan with stands on each other, outside the hall, on an
     * obstacle or blocking an exit is refused, each reason said, and nothing is saved.
     */
    public void savePositions(Long editionId, Long spaceId, List<Position> positions) {
        Space hall = venue.spaceToChange(editionId, spaceId);
        Errors errors = new Errors();
        for (Position p : positions) {
            Stand s = Stand.<Stand>findByIdOptional(p.standId()).filter(x -> x.space != null && x.space.id.equals(hall.id))
                    .orElseThrow(() -> new NotFoundException("stand", p.standId()));
            if (p.xM() == null || p.yM() == null) {
                errors.add("x-" + s.id, "error_required");
                continue;
            }
            // A corner beyond the hall's edge is no place for a stand, and no number the plan can keep.
            String beyondEdge = beyond(p.xM(), hall.widthM) ? "x-" : beyond(p.yM(), hall.depthM) ? "y-" : null;
            if (beyondEdge != null) {
                errors.add(beyondEdge + s.id, "error_outside_space", hall.name);
                continue;
            }
            s.positionX = p.xM().setScale(2, RoundingMode.HALF_UP);
            s.positionY = p.yM().setScale(2, RoundingMode.HALF_UP);
            s.rotated = p.rotated();
        }
        errors.throwIfAny();
        Stand.flush();
        List<FloorCheck.Problem> problems = problems(editionId, spaceId);
        for (FloorCheck.Problem problem : problems) {
            errors.add("plan", problem.key(), problem.args().toArray());
        }
        errors.throwIfAny();
    }

    private static boolean beyond(BigDecimal coordinate, BigDecimal size) {
        return coordinate.signum() < 0 || coordinate.compareTo(size != null ? size : VenueService.FARTHEST) > 0;
    }

    /** A hall's problems, in words, with the stands each concerns. */
    public List<FloorCheck.Problem> problems(Long editionId, Long spaceId) {
        Space hall = venue.space(editionId, spaceId);
        if (hall.widthM == null || hall.depthM == null) {
            return List.of();
        }
        return FloorCheck.check(d(hall.widthM), d(hall.depthM), fixed(hall), footprints(hall));
    }

    public String message(FloorCheck.Problem p) {
        return Messages.get(p.key(), p.args().stream().map(FloorPlanService::words).toArray());
    }

    /** The hall's plan as SVG (the first hall with stands when none is named). */
    public String svg(Long editionId, Long spaceId) {
        Space hall = hall(editionId, spaceId);
        if (hall.widthM == null || hall.depthM == null) {
            throw InvalidInputException.of("spaceId", "error_floor_hall_size", hall.name);
        }
        List<Integer> wrong = problems(editionId, hall.id).stream().flatMap(p -> p.stands().stream()).toList();
        List<FloorPlanSvg.StandMark> marks = new ArrayList<>();
        for (Stand s : Stand.<Stand>list("space = ?1 and positionX is not null order by number", hall)) {
            marks.add(new FloorPlanSvg.StandMark(s.id, s.number, s.institution.shortName, s.institution.kind, rect(s),
                    wrong.contains(s.number)));
        }
        List<FloorPlanSvg.FixedMark> fixed = new ArrayList<>();
        for (Obstacle o : Obstacle.listBySpace(hall)) {
            fixed.add(new FloorPlanSvg.FixedMark(o.kind, o.label, new Rect(d(o.x), d(o.y), d(o.width), d(o.depth)),
                    d(o.clearance)));
        }
        Map<String, String> kinds = new LinkedHashMap<>();
        for (String kind : reference.institutionKinds()) {
            kinds.put(kind, Messages.get("kind_" + kind));
        }
        Map<ObstacleKind, String> obstacleNames = new LinkedHashMap<>();
        for (ObstacleKind k : ObstacleKind.values()) {
            obstacleNames.put(k, Messages.get("ObstacleKind_" + k.name()));
        }
        Edition edition = editions.get(editionId);
        return FloorPlanSvg.render(Messages.get("floor_svg_title", hall.name, edition.title), d(hall.widthM),
                d(hall.depthM), fixed, marks, kinds, obstacleNames);
    }

    /**
     * The edition's floor plans as a PDF: one page per hall with placed stands (or the one named),
     * landscape A4 or A3, with a scale bar, the entrance marked and an index of institutions.
     */
    public void pdf(Long editionId, Long spaceId, org.relais.print.PlanPdf.Format format, java.io.OutputStream out) {
        Edition edition = editions.get(editionId);
        List<org.relais.print.PlanPdf.Figure> figures = plans(editionId, spaceId).stream()
                .map(p -> new org.relais.print.PlanPdf.Figure(p, description(p))).toList();
        org.relais.print.PlanPdf.write(figures, format, Messages.get("floorplan") + " – " + edition.title,
                Messages.current().getLanguage(), out);
    }

    /** What a plan shows, in words: its hall, its stands, and every institution's stand numbers. */
    private static String description(org.relais.print.PlanPdf.Plan plan) {
        String index = String.join(" ", plan.index().stream()
                .map(l -> Messages.get("floor_pdf_alt_line", l.name(), l.numbers())).toList());
        boolean entrance = plan.obstacles().stream().anyMatch(org.relais.print.PlanPdf.Shape::entrance);
        return Messages.get("floor_pdf_alt", plan.title(), plan.scaleWords(), plan.stands().size())
                + (entrance ? " " + Messages.get("floor_pdf_alt_entrance") : "") + " "
                + Messages.get("floor_pdf_alt_index", plan.indexTitle(), index);
    }

    /**
     * What the hall's plan would print with empty boxes: its title's names (the hall's, the edition's), and the names
     * and short names of the institutions of its placed stands, as {@link #plans} prints them, each with where to
     * correct it.
     */
    public List<org.relais.print.Unprintable> unprintable(Long editionId, Long spaceId) {
        Edition edition = editions.get(editionId);
        Space hall = venue.space(editionId, spaceId);
        String pages = "/organiser/editions/" + editionId;
        org.relais.print.Unprintable.Found found = new org.relais.print.Unprintable.Found()
                .check(hall.name, pages + "/spaces/" + hall.id + "#form", hall.name)
                .check(edition.title, pages + "/edit", edition.title, edition.venueName);
        for (Stand s : Stand.<Stand>list("space = ?1 and positionX is not null order by number", hall)) {
            found.check(s.institution.name, s.institution.organiserPage(), s.institution.name,
                    s.institution.shortName);
        }
        return found.list();
    }

    /** The plan of each hall with placed stands (or of the one named), in the words of the current language. */
    public List<org.relais.print.PlanPdf.Plan> plans(Long editionId, Long spaceId) {
        Edition edition = editions.get(editionId);
        List<Space> halls = spaceId != null ? List.of(venue.space(editionId, spaceId))
                : Space.<Space>list("edition = ?1 order by id", edition).stream()
                        .filter(h -> h.widthM != null && h.depthM != null
                                && Stand.count("space = ?1 and positionX is not null", h) > 0).toList();
        List<String> kinds = reference.institutionKinds();
        List<org.relais.print.PlanPdf.Plan> plans = new ArrayList<>();
        for (Space hall : halls) {
            if (hall.widthM == null || hall.depthM == null) {
                throw InvalidInputException.of("spaceId", "error_floor_hall_size", hall.name);
            }
            List<org.relais.print.PlanPdf.Shape> obstacles = new ArrayList<>();
            for (Obstacle o : Obstacle.listBySpace(hall)) {
                int fill = switch (o.kind) {
                    case EMERGENCY_EXIT -> 0x31A354;
                    case DOOR -> 0x74C476;
                    case STAGE -> 0x636363;
                    default -> 0x969696;
                };
                obstacles.add(new org.relais.print.PlanPdf.Shape(d(o.x), d(o.y), d(o.width), d(o.depth), fill, null, null,
                        o.kind == ObstacleKind.DOOR));
            }
            List<org.relais.print.PlanPdf.Shape> shapes = new ArrayList<>();
            Map<String, List<Integer>> index = new java.util.TreeMap<>(java.text.Collator.getInstance(java.util.Locale.FRENCH));
            java.util.Set<String> usedKinds = new java.util.LinkedHashSet<>();
            for (Stand s : Stand.<Stand>list("space = ?1 and positionX is not null order by number", hall)) {
                Rect r = rect(s);
                int k = Math.max(0, kinds.indexOf(s.institution.kind));
                usedKinds.add(s.institution.kind);
                shapes.add(new org.relais.print.PlanPdf.Shape(r.x(), r.y(), r.width(), r.depth(), FloorPlanSvg.kindColour(k),
                        String.valueOf(s.number), s.institution.shortName, false));
                index.computeIfAbsent(s.institution.name, n -> new ArrayList<>()).add(s.number);
            }
            List<org.relais.print.PlanPdf.Legend> legend = new ArrayList<>();
            for (String kind : kinds) {
                if (usedKinds.contains(kind)) {
                    legend.add(new org.relais.print.PlanPdf.Legend(FloorPlanSvg.kindColour(kinds.indexOf(kind)),
                            Messages.get("kind_" + kind)));
                }
            }
            legend.add(new org.relais.print.PlanPdf.Legend(0x31A354, Messages.get("ObstacleKind_EMERGENCY_EXIT")));
            legend.add(new org.relais.print.PlanPdf.Legend(0x74C476, Messages.get("floor_pdf_entrance")));
            List<org.relais.print.PlanPdf.IndexLine> lines = new ArrayList<>();
            index.forEach((name, numbers) -> lines.add(new org.relais.print.PlanPdf.IndexLine(name,
                    String.join(", ", numbers.stream().map(String::valueOf).toList()))));
            plans.add(new org.relais.print.PlanPdf.Plan(Messages.get("floor_svg_title", hall.name, edition.title),
                    edition.venueName == null ? "" : edition.venueName, d(hall.widthM), d(hall.depthM), obstacles, shapes,
                    legend, lines, Messages.get("floor_pdf_index"), Messages.get("floor_pdf_scale",
                            plain(hall.widthM), plain(hall.depthM)), Messages.get("floor_pdf_entrance")));
        }
        return plans;
    }

    /** The named hall, or the first of the edition's halls that has stands. */
    public Space hall(Long editionId, Long spaceId) {
        if (spaceId != null) {
            return venue.space(editionId, spaceId);
        }
        Edition edition = editions.get(editionId);
        return Space.<Space>list("edition = ?1 order by id", edition).stream()
                .filter(s -> Stand.countInSpace(s) > 0).findFirst()
                .orElseThrow(() -> new NotFoundException("space", "?"));
    }

    private List<Rect> blocked(Space hall) {
        List<Rect> out = new ArrayList<>();
        for (Obstacle o : Obstacle.listBySpace(hall)) {
            Rect r = new Rect(d(o.x), d(o.y), d(o.width), d(o.depth));
            out.add(o.kind.isPassage() ? r.grown(d(o.clearance)) : r);
        }
        return out;
    }

    private List<FloorCheck.Fixed> fixed(Space hall) {
        List<FloorCheck.Fixed> out = new ArrayList<>();
        for (Obstacle o : Obstacle.listBySpace(hall)) {
            out.add(new FloorCheck.Fixed(o.kind, o.label, new Rect(d(o.x), d(o.y), d(o.width), d(o.depth)), d(o.clearance)));
        }
        return out;
    }

    private List<FloorCheck.Footprint> footprints(Space hall) {
        List<FloorCheck.Footprint> out = new ArrayList<>();
        for (Stand s : Stand.<Stand>list("space = ?1 and positionX is not null order by number", hall)) {
            out.add(new FloorCheck.Footprint(s.number, rect(s)));
        }
        return out;
    }

    static Rect rect(Stand s) {
        double w = d(s.widthM);
        double dp = d(s.depthM);
        return s.rotated ? new Rect(d(s.positionX), d(s.positionY), dp, w) : new Rect(d(s.positionX), d(s.positionY), w, dp);
    }

    private static String field(String key) {
        return "error_floor_aisle".equals(key) ? "aisleM" : "spaceId";
    }

    /** Numbers stay numbers: the message formats them the reader's way (1,4 m in French). */
    private static Object words(Object arg) {
        return arg;
    }

    private static String plain(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static double d(BigDecimal v) {
        return v == null ? 0 : v.doubleValue();
    }

    private static BigDecimal metres(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
    }
}
