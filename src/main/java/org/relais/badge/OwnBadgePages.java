package org.relais.badge;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;

/** The badge a relay downloads from their own page, reached by the private link. */
@Path("/")
public class OwnBadgePages {

    @Inject
    BadgeService badges;

    @GET
    @Path("r/{token}/badge.pdf")
    @Produces("application/pdf")
    public Response own(@RestPath String token) {
        badges.checkOwn(token);
        return BadgeResponses.pdf(out -> badges.writeOwn(token, out), "badge.pdf");
    }
}
