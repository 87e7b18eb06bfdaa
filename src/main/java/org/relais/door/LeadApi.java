package org.relais.door;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestPath;
import org.relais.account.Account;
import org.relais.network.NetworkReference;
import org.relais.web.Bodies;

/** Leads through the API: a stand's staff (or an organiser) record who wants to be contacted. */
@Path("/api/v1/editions/{id}")
@RolesAllowed({Account.ORGANISER, Account.STAND})
public class LeadApi {

    @Inject
    LeadService leads;

    @Inject
    DoorAccess access;

    @Inject
    NetworkReference reference;

    public record LeadRequest(String code, Long registrationId, String note) {
    }

    public record LeadView(Long id, Long standId, Long registrationId, String name, String organisation,
            List<String> notes, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

        static LeadView of(Lead l) {
            return new LeadView(l.id, l.stand.id, l.registration.id, l.registration.fullName(), l.registration.organisation,
                    l.noteLines(), l.createdAt, l.updatedAt);
        }
    }

    /** 201 with the lead and its address; the same badge again adds its note to the same lead. */
    @POST
    @Path("stands/{standId}/leads")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = LeadView.class)))
    public Response record(@RestPath Long id, @RestPath Long standId, LeadRequest body) {
        LeadRequest request = Bodies.required(body);
        access.stand(id, leads.stand(id, standId).institution.id);
        Lead lead = leads.record(id, standId, request.code(), request.registrationId(), request.note(), access.who());
        return Response.created(URI.create("/api/v1/editions/" + id + "/stands/" + standId + "/leads/" + lead.id))
                .entity(LeadView.of(lead)).build();
    }

    @GET
    @Path("stands/{standId}/leads/{leadId}")
    @Produces(MediaType.APPLICATION_JSON)
    public LeadView lead(@RestPath Long id, @RestPath Long standId, @RestPath Long leadId) {
        access.stand(id, leads.stand(id, standId).institution.id);
        return LeadView.of(leads.lead(id, standId, leadId));
    }

    @GET
    @Path("stands/{standId}/leads")
    @Produces(MediaType.APPLICATION_JSON)
    public List<LeadView> list(@RestPath Long id, @RestPath Long standId) {
        access.stand(id, leads.stand(id, standId).institution.id);
        return leads.leads(id, standId).stream().map(LeadView::of).toList();
    }

    @GET
    @Path("stands/{standId}/leads.csv")
    @Produces("text/csv")
    public Response csv(@RestPath Long id, @RestPath Long standId) {
        access.stand(id, leads.stand(id, standId).institution.id);
        return csvResponse(leads.leads(id, standId), reference, standId);
    }

    static Response csvResponse(List<Lead> list, NetworkReference reference, Long standId) {
        return Response.ok(LeadCsv.of(list, reference), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"contacts-stand-" + standId + ".csv\"").build();
    }
}
