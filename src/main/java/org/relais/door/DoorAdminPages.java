package org.relais.door;

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
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.RestPath;
import org.relais.account.Account;
import org.relais.edition.Edition;
import org.relais.edition.EditionService;
import org.relais.network.Institution;
import org.relais.network.InstitutionService;
import org.relais.web.Form;
import org.relais.web.PublicUrl;
import org.relais.web.Redirects;

/** The organiser's door page: who works the door and the stands, the check-in screen, the live counts, the leads switch. */
@Path("/organiser/editions/{id}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Account.ORGANISER)
public class DoorAdminPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance door(Edition edition, List<Account> accounts, List<Institution> institutions,
                Form form, DoorAccounts.Created created, String linkUrl, boolean linkOnlyHere, String problem);
    }

    @Inject
    EditionService editions;

    @Inject
    DoorAccounts accounts;

    @Inject
    LeadService leads;

    @Inject
    InstitutionService institutions;

    @Inject
    PublicUrl publicUrl;

    @GET
    @Path("door")
    public TemplateInstance page(@RestPath Long id) {
        return page(id, new Form().with("kind", "DOOR_LINK"), null, null);
    }

    @POST
    @Path("door/access")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object create(@RestPath Long id, MultivaluedMap<String, String> submitted) {
        Form form = new Form(submitted);
        DoorAccounts.AccessData data = new DoorAccounts.AccessData(form.text("kind"), form.text("name"),
                form.text("email"), submitted.getFirst("password"), form.id("institutionId"));
        return form.submit(() -> {
            form.failIfUnreadable(new org.relais.web.Errors());
            DoorAccounts.Created created = accounts.create(id, data);
            if (created.token() == null) {
                return Redirects.to("/organiser/editions/" + id + "/door", "created");
            }
            // A link's PIN is shown once, now: only its hash is kept.
            return Response.ok(page(id, new Form().with("kind", form.text("kind")), created, null)).build();
        }, problem -> page(id, form, null, problem));
    }

    @POST
    @Path("door/access/{accountId}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object delete(@RestPath Long id, @RestPath Long accountId) {
        return new Form().submit(() -> {
            accounts.delete(id, accountId);
            return Redirects.to("/organiser/editions/" + id + "/door", "deleted");
        }, problem -> page(id, new Form(), null, problem));
    }

    @POST
    @Path("door/leads")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response leads(@RestPath Long id, MultivaluedMap<String, String> submitted) {
        leads.setLeadsEnabled(id, "true".equals(submitted.getFirst("enabled")));
        return Redirects.to("/organiser/editions/" + id + "/door", "saved");
    }

    private TemplateInstance page(Long id, Form form, DoorAccounts.Created created, String problem) {
        String link = created == null || created.token() == null ? null
                : publicUrl.of("/d/" + created.token());
        return Templates.door(editions.get(id), accounts.list(id), institutions.list(), form, created, link,
                link != null && publicUrl.onlyHere(), problem);
    }
}
