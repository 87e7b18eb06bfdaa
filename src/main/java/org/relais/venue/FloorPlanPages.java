package org.relais.venue;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.relais.account.Account;
import org.relais.edition.Edition;
import org.relais.edition.EditionService;
import org.relais.web.Confirmation;
import org.relais.web.Form;
import org.relais.web.Messages;
import org.relais.web.Redirects;

/** The organiser's floor plan of a hall: the plan, its problems, the automatic layout, obstacles, stands moved by hand. */
@Path("/organiser/editions/{id}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Account.ORGANISER)
public class FloorPlanPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance floorplan(Edition edition, List<Space> halls, Space hall, String svg,
                List<String> problems, List<Obstacle> obstacles, List<Stand> stands, long placed, List<ObstacleKind> kinds,
                Form form, String problem, String part, List<org.relais.print.Unprintable> unprintable);
    }

    @Inject
    EditionService editions;

    @Inject
    VenueService venue;

    @Inject
    FloorPlanService floor;

    @GET
    @Path("floorplan")
    public TemplateInstance page(@RestPath Long id, @RestQuery Long spaceId) {
        return page(id, spaceId, new Form().with("aisleM", "2").with("kind", "PILLAR"), null, null);
    }

    @POST
    @Path("floorplan/layout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object layout(@RestPath Long id, MultivaluedMap<String, String> submitted) {
        Form form = new Form(submitted);
        Long spaceId = form.id("spaceId");
        BigDecimal aisle = form.decimal("aisleM");
        boolean asking = !Confirmation.given(form.text("confirmed")) && spaceId != null && !form.hasErrors();
        long placed = asking ? placed(venue.space(id, spaceId)) : 0; // counted only to ask
        if (placed > 0) { // what was placed by hand moves
            List<Confirmation.Field> fields = new ArrayList<>(List.of(new Confirmation.Field("spaceId", spaceId.toString())));
            if (aisle != null) {
                fields.add(new Confirmation.Field("aisleM", aisle.toPlainString()));
            }
            return Confirmation.ask(Messages.get("floorplan_layout_confirm", placed), "/organiser/editions/" + id
                    + "/floorplan/layout", Messages.get("floorplan_layout_button"), here(id, spaceId), fields);
        }
        return form.submit(() -> {
            form.failIfUnreadable(new org.relais.web.Errors());
            floor.layout(id, spaceId, aisle);
            return Redirects.to(here(id, spaceId), "saved");
        }, problem -> page(id, spaceId, form, problem, "layout"));
    }

    @POST
    @Path("floorplan/obstacles")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object addObstacle(@RestPath Long id, MultivaluedMap<String, String> submitted) {
        Form form = new Form(submitted);
        Long spaceId = form.id("spaceId");
        return form.submit(() -> {
            ObstacleData data = new ObstacleData(null, form.text("kind"), form.text("label"), form.decimal("xM"),
                    form.decimal("yM"), form.decimal("widthM"), form.decimal("depthM"), form.decimal("clearanceM"));
            form.failIfUnreadable(new org.relais.web.Errors());
            floor.addObstacle(id, spaceId, data);
            return Redirects.to(here(id, spaceId), "created");
        }, problem -> page(id, spaceId, form, problem, "obstacles"));
    }

    @POST
    @Path("floorplan/obstacles/{obstacleId}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object deleteObstacle(@RestPath Long id, @RestPath Long obstacleId, MultivaluedMap<String, String> submitted) {
        Long spaceId = new Form(submitted).id("spaceId");
        return new Form().submit(() -> {
            floor.deleteObstacle(id, spaceId, obstacleId);
            return Redirects.to(here(id, spaceId), "deleted");
        }, problem -> page(id, spaceId, new Form(), problem, null));
    }

    /** Stands moved by hand: the coordinates form, or the plan's script sending the same fields. */
    @POST
    @Path("floorplan/positions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object positions(@RestPath Long id, MultivaluedMap<String, String> submitted) {
        Form form = new Form(submitted);
        Long spaceId = form.id("spaceId");
        return form.submit(() -> {
            if (spaceId != null) { // a colleague's moves (or a stand's own form) since the page opened are not undone
                form.failIfChangedMeanwhile(positions(Stand.list("space = ?1 order by number", venue.space(id, spaceId))));
            }
            List<FloorPlanService.Position> positions = new ArrayList<>();
            for (String standId : form.all("stand")) {
                String digits = standId.replaceAll("\\D", "");
                Long sid = digits.isEmpty() || digits.length() > 18 ? 0L : Long.valueOf(digits);
                positions.add(new FloorPlanService.Position(sid, form.decimal("x-" + sid), form.decimal("y-" + sid),
                        form.bool("r-" + sid)));
            }
            form.failIfUnreadable(new org.relais.web.Errors());
            floor.savePositions(id, spaceId, positions);
            return Redirects.to(here(id, spaceId), "saved");
        }, problem -> page(id, spaceId, form, problem, "positions"));
    }

    private static String here(Long id, Long spaceId) {
        return "/organiser/editions/" + id + "/floorplan" + (spaceId == null ? "" : "?spaceId=" + spaceId);
    }

    /** The page, or the page again after a refusal: part names the form that was sent, where its problems are marked. */
    private TemplateInstance page(Long id, Long spaceId, Form form, String problem, String part) {
        Edition edition = editions.get(id);
        List<Space> halls = venue.spaces(id).stream().filter(s -> s.kind == SpaceKind.HALL || Stand.countInSpace(s) > 0)
                .toList();
        Space hall = spaceId != null ? venue.space(id, spaceId) : halls.stream().filter(s -> Stand.countInSpace(s) > 0)
                .findFirst().orElse(halls.isEmpty() ? null : halls.get(0));
        if (hall == null) {
            return Templates.floorplan(edition, halls, null, null, List.of(), List.of(), List.of(), 0,
                    List.of(ObstacleKind.values()), form, problem, part, List.of());
        }
        String svg = hall.widthM == null || hall.depthM == null ? null : floor.svg(id, hall.id);
        List<String> problems = floor.problems(id, hall.id).stream().map(floor::message).toList();
        List<Stand> stands = Stand.list("space = ?1 order by number", hall);
        Form stored = positions(stands);
        for (Stand s : stands) {
            if (!form.hasValue("x-" + s.id)) {
                form.with("x-" + s.id, s.positionX).with("y-" + s.id, s.positionY).with("r-" + s.id, s.rotated);
            }
        }
        if (!form.hasValue("seen")) { // what the table of positions shows as it opens
            form.with("seen", stored.value("seen"));
        }
        return Templates.floorplan(edition, halls, hall, svg, problems, floor.obstacles(id, hall.id), stands, placed(hall),
                List.of(ObstacleKind.values()), form, problem, part,
                svg == null ? List.of() : floor.unprintable(id, hall.id));
    }

    /** The table of a hall's positions filled from what is stored. */
    private static Form positions(List<Stand> stands) {
        Form form = new Form();
        for (Stand s : stands) {
            form.with("x-" + s.id, s.positionX).with("y-" + s.id, s.positionY).with("r-" + s.id, s.rotated);
        }
        return form.remembered();
    }

    /** How many of the hall's stands are placed: laying out again moves them, so the page asks first. */
    private static long placed(Space hall) {
        return Stand.count("space = ?1 and positionX is not null", hall);
    }
}
