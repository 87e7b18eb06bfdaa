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
import java.util.List;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.relais.account.Account;
import org.relais.edition.Edition;
import org.relais.edition.EditionService;
import org.relais.network.Institution;
import org.relais.network.InstitutionService;
import org.relais.web.Form;
import org.relais.web.Messages;
import org.relais.web.Redirects;

/** The organiser's pages for an edition's spaces and stands: each a list with a form to add or edit. */
@Path("/organiser/editions/{id}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Account.ORGANISER)
public class VenuePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance spaces(Edition edition, List<Space> spaces, Space editing, Form form,
                List<SpaceKind> kinds, String problem);

        static native TemplateInstance stands(Edition edition, List<Stand> stands, Stand editing, Form form,
                List<Space> spaces, List<Institution> institutions, List<Institution> withoutStand, String problem);
    }

    @Inject
    EditionService editions;

    @Inject
    VenueService venue;

    @Inject
    InstitutionService institutions;

    // Spaces

    @GET
    @Path("spaces")
    public TemplateInstance spaces(@RestPath Long id) {
        return spacesPage(id, null, new Form().with("stepFree", "true"), null);
    }

    @GET
    @Path("spaces/{spaceId}")
    public TemplateInstance editSpace(@RestPath Long id, @RestPath Long spaceId) {
        Space s = venue.space(id, spaceId);
        return spacesPage(id, s, stored(s), null);
    }

    /** The space's form filled from what is stored. */
    private static Form stored(Space s) {
        return new Form().with("name", s.name).with("kind", s.kind, s.kind == null ? null : Messages.label(s.kind))
                .with("widthM", s.widthM).with("depthM", s.depthM).with("seats", s.seats).with("stepFree", s.stepFree)
                .remembered();
    }

    @POST
    @Path("spaces")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object addSpace(@RestPath Long id, MultivaluedMap<String, String> submitted) {
        return saveSpace(id, null, new Form(submitted));
    }

    @POST
    @Path("spaces/{spaceId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object updateSpace(@RestPath Long id, @RestPath Long spaceId, MultivaluedMap<String, String> submitted) {
        return saveSpace(id, venue.space(id, spaceId), new Form(submitted));
    }

    @POST
    @Path("spaces/{spaceId}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object deleteSpace(@RestPath Long id, @RestPath Long spaceId) {
        return new Form().submit(() -> {
            venue.deleteSpace(id, spaceId);
            return Redirects.to("/organiser/editions/" + id + "/spaces", "deleted");
        }, problem -> spacesPage(id, null, new Form(), problem));
    }

    private Object saveSpace(Long id, Space existing, Form form) {
        SpaceData data = new SpaceData(null, form.text("name"), form.text("kind"), form.decimal("widthM"),
                form.decimal("depthM"), form.integer("seats"), form.bool("stepFree"));
        return form.submit(() -> {
            if (existing != null) {
                form.failIfChangedMeanwhile(stored(existing));
            }
            form.failIfUnreadable(venue.validateSpace(data));
            if (existing == null) {
                venue.createSpace(id, data);
            } else {
                venue.updateSpace(id, existing.id, data);
            }
            return Redirects.to("/organiser/editions/" + id + "/spaces", existing == null ? "created" : "saved");
        }, problem -> spacesPage(id, existing, form, problem));
    }

    private TemplateInstance spacesPage(Long id, Space editing, Form form, String problem) {
        return Templates.spaces(editions.get(id), venue.spaces(id), editing, form, List.of(SpaceKind.values()), problem);
    }

    // Stands

    @GET
    @Path("stands")
    public TemplateInstance stands(@RestPath Long id, @RestQuery Long institutionId) {
        Form form = new Form().with("widthM", "3").with("depthM", "2").with("institutionId", institutionId);
        venue.spaces(id).stream().filter(s -> s.kind == SpaceKind.HALL).findFirst().ifPresent(s -> form.with("spaceId", s.id));
        return standsPage(id, null, form, null);
    }

    @GET
    @Path("stands/{standId}")
    public TemplateInstance editStand(@RestPath Long id, @RestPath Long standId) {
        Stand s = venue.stand(id, standId);
        return standsPage(id, s, stored(s), null);
    }

    /** The stand's form filled from what is stored. */
    private static Form stored(Stand s) {
        return new Form().with("number", s.number).with("institutionId", s.institution.id, s.institution.shortName)
                .with("spaceId", s.space == null ? null : s.space.id, s.space == null ? null : s.space.name)
                .with("widthM", s.widthM).with("depthM", s.depthM).with("xM", s.positionX).with("yM", s.positionY)
                .with("rotated", s.rotated).with("power", s.power).remembered();
    }

    @POST
    @Path("stands")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object addStand(@RestPath Long id, MultivaluedMap<String, String> submitted) {
        return saveStand(id, null, new Form(submitted));
    }

    @POST
    @Path("stands/{standId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object updateStand(@RestPath Long id, @RestPath Long standId, MultivaluedMap<String, String> submitted) {
        return saveStand(id, venue.stand(id, standId), new Form(submitted));
    }

    @POST
    @Path("stands/{standId}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object deleteStand(@RestPath Long id, @RestPath Long standId) {
        Stand s = venue.stand(id, standId);
        return new Form().submit(() -> {
            venue.deleteStand(id, standId);
            return Redirects.to("/organiser/editions/" + id + "/stands", "deleted");
        }, problem -> standsPage(id, s, stored(s), problem));
    }

    private Object saveStand(Long id, Stand existing, Form form) {
        StandData data = new StandData(null, form.integer("number"), form.id("institutionId"), form.id("spaceId"),
                form.decimal("widthM"), form.decimal("depthM"), form.decimal("xM"), form.decimal("yM"),
                form.bool("rotated"), form.bool("power"));
        return form.submit(() -> {
            if (existing != null) {
                form.failIfChangedMeanwhile(stored(existing));
            }
            form.failIfUnreadable(venue.validateStand(id, data));
            if (existing == null) {
                venue.createStand(id, data);
            } else {
                venue.updateStand(id, existing.id, data);
            }
            return Redirects.to("/organiser/editions/" + id + "/stands", existing == null ? "created" : "saved");
        }, problem -> standsPage(id, existing, form, problem));
    }

    private TemplateInstance standsPage(Long id, Stand editing, Form form, String problem) {
        Edition edition = editions.get(id);
        List<Stand> stands = venue.stands(id);
        List<Institution> withoutStand = edition.participants.stream()
                .filter(i -> stands.stream().noneMatch(s -> s.institution.id.equals(i.id))).toList();
        return Templates.stands(edition, stands, editing, form, venue.spaces(id), institutions.list(), withoutStand,
                problem);
    }

}
