package org.relais.badge;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/**
 * Badge PDFs as HTTP answers, for the API, the organiser's pages and the door alike: what they
 * name is checked first (a wrong id is a 404 before anything is sent), then the PDF is written
 * as the response is.
 */
public final class BadgeResponses {

    private BadgeResponses() {
    }

    public static Response relay(BadgeService badges, Long editionId, Long registrationId, BadgeRequest request) {
        badges.checkRegistration(editionId, registrationId);
        return pdf(out -> badges.writeRegistration(editionId, registrationId, request, out), "badge.pdf");
    }

    public static Response holder(BadgeService badges, Long editionId, Long holderId, BadgeRequest request) {
        badges.holder(editionId, holderId);
        return pdf(out -> badges.writeHolder(editionId, holderId, request, out), "badge.pdf");
    }

    /** Inline: the browser opens it, ready for its print dialog. */
    public static Response pdf(StreamingOutput body, String filename) {
        return Response.ok(body, "application/pdf")
                .header("Content-Disposition", "inline; filename=\"" + filename + "\"")
                .header("Cache-Control", "no-store").build();
    }
}
