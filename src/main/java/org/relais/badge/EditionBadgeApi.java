package org.relais.badge;

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
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.relais.account.Account;
import org.relais.edition.Edition;
import org.relais.edition.EditionService;
import org.relais.web.Bodies;

/** An edition's badges through the API: the bulk PDF, single badges, and the people with a badge who are not relays. */
@Path("/api/v1/editions/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Account.ORGANISER)
public class EditionBadgeApi {

    @Inject
    BadgeService badges;

    @Inject
    EditionService editions;

    /** Every confirmed registration (and other holder) of the roles asked, by last name then first name. */
    @GET
    @Path("badges.pdf")
    @Produces("application/pdf")
    public Response all(@RestPath Long id, @RestQuery String layout, @RestQuery List<String> role,
            @RestQuery boolean back, @RestQuery String lang) {
        BadgeRequest request = BadgeRequest.parse(layout, role, back, lang);
        Edition edition = editions.get(id);
        StreamingOutput body = out -> badges.writeEdition(id, request, out);
        return BadgeResponses.pdf(body, "badges-" + edition.number + ".pdf");
    }

    @GET
    @Path("registrations/{registrationId}/badge.pdf")
    @Produces("application/pdf")
    public Response one(@RestPath Long id, @RestPath Long registrationId, @RestQuery String layout,
            @RestQuery boolean back, @RestQuery String lang) {
        BadgeRequest request = BadgeRequest.parse(layout == null ? "a6" : layout, List.of(), back, lang);
        return BadgeResponses.relay(badges, id, registrationId, request);
    }

    @GET
    @Path("badge-holders")
    @Produces(MediaType.APPLICATION_JSON)
    public List<HolderView> holders(@RestPath Long id) {
        return badges.holders(id).stream().map(HolderView::of).toList();
    }

    @GET
    @Path("badge-holders/{holderId}")
    @Produces(MediaType.APPLICATION_JSON)
    public HolderView holder(@RestPath Long id, @RestPath Long holderId) {
        return HolderView.of(badges.holder(id, holderId));
    }

    @POST
    @Path("badge-holders")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = HolderView.class)))
    public Response addHolder(@RestPath Long id, HolderData data) {
        BadgeHolder h = badges.addHolder(id, Bodies.required(data));
        return Response.status(201).entity(HolderView.of(h))
                .location(java.net.URI.create("/api/v1/editions/" + id + "/badge-holders/" + h.id)).build();
    }

    @DELETE
    @Path("badge-holders/{holderId}")
    @APIResponse(responseCode = "204")
    public Response deleteHolder(@RestPath Long id, @RestPath Long holderId) {
        badges.deleteHolder(id, holderId);
        return Response.noContent().build();
    }

    @GET
    @Path("badge-holders/{holderId}/badge.pdf")
    @Produces("application/pdf")
    public Response holderBadge(@RestPath Long id, @RestPath Long holderId, @RestQuery String layout,
            @RestQuery String lang) {
        BadgeRequest request = BadgeRequest.parse(layout == null ? "a6" : layout, List.of(), false, lang);
        return BadgeResponses.holder(badges, id, holderId, request);
    }

    /** A badge holder as the API shows it. */
    public record HolderView(Long id, String role, String firstName, String lastName, String organisation,
            Long institutionId, String code) {

        static HolderView of(BadgeHolder h) {
            return new HolderView(h.id, h.role.name(), h.firstName, h.lastName, h.organisation,
                    h.institution == null ? null : h.institution.id, h.code);
        }
    }
}
