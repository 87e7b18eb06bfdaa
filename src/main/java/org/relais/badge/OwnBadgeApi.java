package org.relais.badge;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;

/** A relay's own badge through the private manage link (no account). */
@Path("/api/v1/registrations")
public class OwnBadgeApi {

    @Inject
    BadgeService badges;

    @GET
    @Path("{token}/badge.pdf")
    @Produces("application/pdf")
    public Response own(@RestPath String token) {
        badges.checkOwn(token);
        return BadgeResponses.pdf(out -> badges.writeOwn(token, out), "badge.pdf");
    }
}
