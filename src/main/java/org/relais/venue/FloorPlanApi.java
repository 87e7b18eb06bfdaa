package org.relais.venue;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.relais.account.Account;
import org.relais.web.Bodies;

/** The floor plan through the API: the automatic layout, the SVG, the checks and the obstacles. */
@Path("/api/v1/editions/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Account.ORGANISER)
public class FloorPlanApi {

    @Inject
    FloorPlanService floor;

    public record LayoutRequest(Long spaceId, BigDecimal aisleM) {
    }

    public record LayoutAnswer(Long spaceId, List<StandData> stands, List<Integer> powerAwayFromWall, List<String> problems) {
    }

    @POST
    @Path("floorplan/layout")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public LayoutAnswer layout(@RestPath Long id, LayoutRequest body) {
        LayoutRequest request = Bodies.required(body);
        if (request.spaceId() == null) {
            throw org.relais.web.InvalidInputException.of("spaceId", "error_required");
        }
        FloorPlanService.Laid laid = floor.layout(id, request.spaceId(), request.aisleM());
        return new LayoutAnswer(request.spaceId(), laid.stands().stream().map(StandData::of).toList(),
                laid.powerAwayFromWall(), problems(id, request.spaceId()));
    }

    @GET
    @Path("floorplan/problems")
    @Produces(MediaType.APPLICATION_JSON)
    public List<String> problems(@RestPath Long id, @RestQuery Long spaceId) {
        return floor.problems(id, floor.hall(id, spaceId).id).stream().map(floor::message).toList();
    }

    /** Public: the plan is printed in the programme every relay gets. */
    @GET
    @Path("floorplan.svg")
    @Produces("image/svg+xml")
    @PermitAll
    public Response svg(@RestPath Long id, @RestQuery Long spaceId) {
        return Response.ok(floor.svg(id, spaceId), "image/svg+xml; charset=UTF-8").build();
    }

    /** Public, like the SVG. {@code format} A4 (default) or A3, landscape. */
    @GET
    @Path("floorplan.pdf")
    @Produces("application/pdf")
    @PermitAll
    public Response pdf(@RestPath Long id, @RestQuery Long spaceId, @RestQuery String format) {
        org.relais.print.PlanPdf.Format f;
        try {
            f = org.relais.print.PlanPdf.Format.valueOf(format == null || format.isBlank() ? "A4"
                    : format.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw org.relais.web.InvalidInputException.of("format", "error_floor_format");
        }
        if (spaceId != null) {
            Space hall = floor.hall(id, spaceId);
            if (hall.widthM == null || hall.depthM == null) {
                throw org.relais.web.InvalidInputException.of("spaceId", "error_floor_hall_size", hall.name);
            }
        }
        org.relais.print.PlanPdf.Format chosen = f;
        return Response.ok((jakarta.ws.rs.core.StreamingOutput) out -> floor.pdf(id, spaceId, chosen, out), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"plan.pdf\"").build();
    }

    @GET
    @Path("spaces/{spaceId}/obstacles")
    @Produces(MediaType.APPLICATION_JSON)
    public List<ObstacleData> obstacles(@RestPath Long id, @RestPath Long spaceId) {
        return floor.obstacles(id, spaceId).stream().map(ObstacleData::of).toList();
    }

    @GET
    @Path("spaces/{spaceId}/obstacles/{obstacleId}")
    @Produces(MediaType.APPLICATION_JSON)
    public ObstacleData obstacle(@RestPath Long id, @RestPath Long spaceId, @RestPath Long obstacleId) {
        return ObstacleData.of(floor.obstacle(id, spaceId, obstacleId));
    }

    @POST
    @Path("spaces/{spaceId}/obstacles")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ObstacleData.class)))
    public Response addObstacle(@RestPath Long id, @RestPath Long spaceId, ObstacleData body) {
        Obstacle o = floor.addObstacle(id, spaceId, Bodies.required(body));
        return Response.created(URI.create("/api/v1/editions/" + id + "/spaces/" + spaceId + "/obstacles/" + o.id))
                .entity(ObstacleData.of(o)).build();
    }

    @DELETE
    @Path("spaces/{spaceId}/obstacles/{obstacleId}")
    @APIResponse(responseCode = "204")
    public Response deleteObstacle(@RestPath Long id, @RestPath Long spaceId, @RestPath Long obstacleId) {
        floor.deleteObstacle(id, spaceId, obstacleId);
        return Response.noContent().build();
    }
}
