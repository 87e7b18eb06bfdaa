package org.relais.badge;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.RestPath;
import org.relais.account.Account;
import org.relais.edition.Edition;
import org.relais.edition.EditionService;
import org.relais.network.Institution;
import org.relais.network.InstitutionService;
import org.relais.print.SheetLayout;
import org.relais.web.Form;
import org.relais.web.InvalidInputException;
import org.relais.web.Redirects;

/** The organiser's badge page: choose a layout and whom to print, see the first sheet, download; enter staff, guests and press. */
@Path("/organiser/editions/{id}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Account.ORGANISER)
public class BadgePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance badges(Edition edition, List<SheetLayout> layouts, List<BadgeRole> roles,
                List<BadgeRole> holderRoles, Form choice, String query, boolean valid, long relays,
                List<BadgeHolder> holders, List<org.relais.print.Unprintable> unprintable, List<Institution> institutions,
                Form form, String problem);
    }

    @Inject
    EditionService editions;

    @Inject
    BadgeService badges;

    @Inject
    InstitutionService institutions;

    @Context
    UriInfo uri;

    @Inject
    io.vertx.core.http.HttpServerRequest http;

    /** The page; a sheet asked for in its address that names nothing is marked on its form, a 422 as on the other pages. */
    @GET
    @Path("badges")
    public Response page(@RestPath Long id) {
        Form choice = choice();
        TemplateInstance page = page(id, new Form().with("role", "STAFF"), null, choice);
        return Response.status(choice.hasErrors() ? 422 : 200).entity(page).build();
    }

    @GET
    @Path("badges.pdf")
    @Produces("application/pdf")
    public Response pdf(@RestPath Long id) {
        BadgeRequest request = request();
        Edition edition = editions.get(id);
        return BadgeResponses.pdf(out -> badges.writeEdition(id, request, out), "badges-" + edition.number + ".pdf");
    }

    @GET
    @Path("badges/preview.png")
    @Produces("image/png")
    public Response preview(@RestPath Long id) {
        return Response.ok(badges.preview(id, request()), "image/png").header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("registrations/{registrationId}/badge.pdf")
    @Produces("application/pdf")
    public Response relayBadge(@RestPath Long id, @RestPath Long registrationId) {
        BadgeRequest request = BadgeRequest.parse("a6", List.of(), false, null);
        return BadgeResponses.relay(badges, id, registrationId, request);
    }

    @GET
    @Path("badge-holders/{holderId}/badge.pdf")
    @Produces("application/pdf")
    public Response holderBadge(@RestPath Long id, @RestPath Long holderId) {
        BadgeRequest request = BadgeRequest.parse("a6", List.of(), false, null);
        return BadgeResponses.holder(badges, id, holderId, request);
    }

    @POST
    @Path("badge-holders")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object addHolder(@RestPath Long id, MultivaluedMap<String, String> submitted) {
        Form form = new Form(submitted);
        HolderData data = new HolderData(form.text("role"), form.text("firstName"), form.text("lastName"),
                form.text("organisation"), form.id("institutionId"));
        return form.submit(() -> {
            form.failIfUnreadable(new org.relais.web.Errors());
            badges.addHolder(id, data);
            return Redirects.to("/organiser/editions/" + id + "/badges#holders", "created");
        }, problem -> page(id, form, problem));
    }

    @POST
    @Path("badge-holders/{holderId}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object deleteHolder(@RestPath Long id, @RestPath Long holderId) {
        return new Form().submit(() -> {
            badges.deleteHolder(id, holderId);
            return Redirects.to("/organiser/editions/" + id + "/badges#holders", "deleted");
        }, problem -> page(id, new Form(), problem));
    }

    @POST
    @Path("badge-holders/{holderId}/clear-arrival")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object clearArrival(@RestPath Long id, @RestPath Long holderId) {
        return new Form().submit(() -> {
            badges.clearArrival(id, holderId);
            return Redirects.to("/organiser/editions/" + id + "/badges#holders", "holder-arrival-cleared");
        }, problem -> page(id, new Form(), problem));
    }

    private BadgeRequest request() {
        MultivaluedMap<String, String> q = uri.getQueryParameters();
        return BadgeRequest.parse(q.getFirst("layout"), q.get("role"), "true".equals(q.getFirst("back")), q.getFirst("lang"));
    }

    private TemplateInstance page(Long id, Form form, String problem) {
        return page(id, form, problem, choice());
    }

    private TemplateInstance page(Long id, Form form, String problem, Form choice) {
        Edition edition = editions.get(id);
        String query = http.query(); // as sent: the address UriInfo builds fails on some odd ones
        List<BadgeHolder> holders = badges.holders(id);
        return Templates.badges(edition, SheetLayout.all(), List.of(BadgeRole.values()), BadgeRole.HOLDER_ROLES, choice,
                query == null ? "" : "?" + query, !choice.hasErrors(), badges.relayCount(id), holders,
                badges.unprintable(id, holders), institutions.list(), form, problem);
    }

    /** The sheet asked for in the page's address (A4 by 8 when none), with what names nothing marked. */
    private Form choice() {
        MultivaluedMap<String, String> q = uri.getQueryParameters();
        Form choice = new Form(q);
        if (q.getFirst("layout") == null) {
            choice.with("layout", "a4-8");
        }
        try {
            request();
        } catch (InvalidInputException e) {
            choice.errors().addAll(e.errors());
        }
        return choice;
    }
}
