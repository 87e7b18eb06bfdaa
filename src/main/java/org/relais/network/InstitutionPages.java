package org.relais.network;

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
import org.relais.account.Account;
import org.relais.web.Form;
import org.relais.web.Messages;
import org.relais.web.Redirects;

/** The organiser's pages for the network's institutions. */
@Path("/organiser/institutions")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Account.ORGANISER)
public class InstitutionPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Institution> institutions);

        static native TemplateInstance form(Institution institution, Form form, List<String> kinds,
                List<NetworkReference.Term> charter, String problem);
    }

    @Inject
    InstitutionService institutions;

    @Inject
    NetworkReference reference;

    @GET
    public TemplateInstance list() {
        return Templates.list(institutions.list());
    }

    @GET
    @Path("new")
    public TemplateInstance create() {
        return form(null, new Form(), null);
    }

    @GET
    @Path("{id}")
    public TemplateInstance edit(@RestPath Long id) {
        Institution institution = institutions.get(id);
        return form(institution, filled(institution), null);
    }

    /** The edit form filled with what is saved. */
    private Form filled(Institution i) {
        String charter = String.join(", ", i.charterKeys().stream()
                .map(key -> NetworkReference.label(reference.charter(), key, Messages.current())).toList());
        return new Form().with("name", i.name).with("shortName", i.shortName).with("slug", i.slug)
                .with("kind", i.kind, i.kind == null ? null : Messages.get("kind_" + i.kind)).with("website", i.website)
                .with("correspondent.name", i.correspondentName).with("correspondent.email", i.correspondentEmail)
                .with("correspondent.phone", i.correspondentPhone).with("offer", i.offer)
                .withAll("charter", i.charterKeys(), charter).remembered();
    }

    @POST
    @Path("new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object submitNew(MultivaluedMap<String, String> submitted) {
        return save(null, new Form(submitted));
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object submitEdit(@RestPath Long id, MultivaluedMap<String, String> submitted) {
        return save(institutions.get(id), new Form(submitted));
    }

    @POST
    @Path("{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object delete(@RestPath Long id) {
        Institution institution = institutions.get(id);
        Form form = filled(institution);
        return form.submit(() -> {
            institutions.delete(id);
            return Redirects.to("/organiser/institutions", "deleted");
        }, problem -> form(institution, form, problem));
    }

    private Object save(Institution existing, Form form) {
        InstitutionData data = new InstitutionData(null, form.text("slug"), form.text("name"), form.text("shortName"),
                form.text("kind"), form.text("website"),
                new InstitutionData.Correspondent(form.text("correspondent.name"), form.text("correspondent.email"),
                        form.text("correspondent.phone")),
                form.all("charter"), form.text("offer"));
        return form.submit(() -> {
            if (existing == null) {
                Institution created = institutions.create(data);
                return Redirects.to(created.organiserPage(), "created");
            }
            form.failIfChangedMeanwhile(filled(existing));
            institutions.update(existing.id, data);
            return Redirects.to(existing.organiserPage(), "saved");
        }, problem -> form(existing, form, problem));
    }

    private TemplateInstance form(Institution institution, Form form, String problem) {
        return Templates.form(institution, form, reference.institutionKinds(), reference.charter(), problem);
    }
}
