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
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.relais.account.Account;
import org.relais.edition.EditionStatus;
import org.relais.network.NetworkReference;
import org.relais.venue.Stand;
import org.relais.web.Confirmation;
import org.relais.web.Form;
import org.relais.web.Messages;
import org.relais.web.Redirects;

/** A stand's screen: scan a relay's badge or find them by name, add a note, download the contacts. */
@Path("/stand")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Account.ORGANISER, Account.STAND})
public class StandPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<Stand> stands);

        static native TemplateInstance stand(Stand stand, List<Lead> leads, Form form, String query,
                List<DoorService.Found> found, Lead last, String problem, String publicKey, String notAForumDay);
    }

    @Inject
    LeadService leads;

    @Inject
    DoorService door;

    @Inject
    DoorAccess access;

    @Inject
    NetworkReference reference;

    @Inject
    StandQueries queries;

    @Inject
    org.relais.badge.SigningKeys keys;

    @Inject
    org.relais.web.ForumZone forum;

    @GET
    public Response index() {
        Account account = access.account().orElse(null);
        List<Stand> stands = queries.standsFor(account);
        if (stands.size() == 1) {
            Stand s = stands.get(0);
            return Response.seeOther(URI.create("/stand/editions/" + s.edition.id + "/stands/" + s.id)).build();
        }
        return Response.ok(Templates.index(stands)).build();
    }

    @GET
    @Path("editions/{id}/stands/{standId}")
    public TemplateInstance stand(@RestPath Long id, @RestPath Long standId, @RestQuery String q, @RestQuery Long lead) {
        return page(id, standId, new Form(), q, lead, null);
    }

    @POST
    @Path("editions/{id}/stands/{standId}/leads")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object record(@RestPath Long id, @RestPath Long standId, MultivaluedMap<String, String> submitted) {
        Stand stand = leads.stand(id, standId);
        access.stand(id, stand.institution.id);
        Form form = new Form(submitted);
        return form.submit(() -> {
            form.failIfUnreadable(new org.relais.web.Errors());
            String code = form.text("code");
            Long relay = form.id("registrationId");
            String note = form.text("note");
            // The page offers a note for the relay just scanned, the cursor in it: the next badge scanned
            // there ends the note field. Its code is that badge's scan, and what came before it, that relay's note.
            String scanned = relay == null || note == null ? null : badgeAtTheEnd(note);
            if (scanned != null) {
                String before = note.strip().substring(0, note.strip().length() - scanned.length()).strip();
                if (!before.isEmpty()) {
                    leads.record(id, standId, null, relay, before, access.who());
                }
                code = scanned;
                relay = null;
                note = null;
            }
            Lead lead = leads.record(id, standId, code, relay, note, access.who());
            // A scanner presses Enter before anyone types a note: the next page offers the note for this relay.
            return Redirects.to("/stand/editions/" + id + "/stands/" + standId + "?lead=" + lead.id, "lead-saved");
        }, problem -> page(id, standId, form, null, null, problem));
    }

    /**
     * Takes a contact off the list, after asking (in a dialog, or on a page without JavaScript): its notes go with it,
     * from the stand's list and CSV and from what the relay reads of them.
     */
    @POST
    @Path("editions/{id}/stands/{standId}/leads/{leadId}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@RestPath Long id, @RestPath Long standId, @RestPath Long leadId, @RestForm String confirmed) {
        Stand stand = leads.stand(id, standId);
        access.stand(id, stand.institution.id);
        String page = "/stand/editions/" + id + "/stands/" + standId;
        if (!Confirmation.given(confirmed)) {
            Lead lead = leads.lead(id, standId, leadId);
            return Confirmation.asking(Messages.get("lead_remove_confirm", lead.registration.fullName()),
                    page + "/leads/" + leadId + "/remove", Messages.get("lead_remove"), page);
        }
        leads.remove(id, standId, leadId);
        return Redirects.to(page, "lead-removed");
    }

    /** The badge's code a text ends with, as a scanner types it; null when it ends with none. */
    static String badgeAtTheEnd(String text) {
        String stripped = text.strip();
        if (stripped.length() < org.relais.badge.BadgeCode.LENGTH) {
            return null;
        }
        String tail = stripped.substring(stripped.length() - org.relais.badge.BadgeCode.LENGTH);
        return org.relais.badge.BadgeCode.canonical(tail) == null ? null : tail;
    }

    @GET
    @Path("editions/{id}/stands/{standId}/leads.csv")
    @Produces("text/csv")
    public Response csv(@RestPath Long id, @RestPath Long standId) {
        Stand stand = leads.stand(id, standId);
        access.stand(id, stand.institution.id);
        return LeadApi.csvResponse(leads.leads(id, standId), reference, standId);
    }

    private TemplateInstance page(Long id, Long standId, Form form, String q, Long leadId, String problem) {
        Stand stand = leads.stand(id, standId);
        access.stand(id, stand.institution.id);
        List<DoorService.Found> found = q == null || q.isBlank() ? List.of()
                : door.search(id, q).stream().filter(f -> f.kind().equals("REGISTRATION") && !f.cancelled()).toList();
        List<Lead> all = leads.leads(id, standId);
        Lead last = leadId == null ? null : all.stream().filter(l -> l.id.equals(leadId)).findFirst().orElse(null);
        return Templates.stand(stand, all, form, q, found, last, problem, keys.publicKeyBase64(), DoorPages.notTheDay(
                forum.today(), stand.edition.dates(), "stand_not_forum_day"));
    }

    /** The stands a signed-in person may hold. */
    @jakarta.enterprise.context.ApplicationScoped
    public static class StandQueries {

        @jakarta.transaction.Transactional
        public List<Stand> standsFor(Account account) {
            if (account == null) {
                return List.of();
            }
            if (Account.ORGANISER.equals(account.role)) {
                return Stand.list("edition.status in ?1 order by edition.number desc, number",
                        List.of(EditionStatus.REGISTRATION_OPEN, EditionStatus.REGISTRATION_CLOSED));
            }
            if (account.editionId != null) {
                return Stand.list("edition.id = ?1 and institution.id = ?2 order by number", account.editionId,
                        account.institutionId);
            }
            return Stand.list("institution.id = ?1 and edition.status <> ?2 order by edition.number desc, number",
                    account.institutionId, EditionStatus.ARCHIVED);
        }
    }
}
