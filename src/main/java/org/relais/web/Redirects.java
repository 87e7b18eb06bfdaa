package org.relais.web;

import jakarta.ws.rs.core.Response;
import java.net.URI;

/** POST-redirect-GET: after a change, the browser is sent to the page that shows it. */
public final class Redirects {

    /**
     * The top of the page (HTML's own {@code #top}), for a form sent from a part of its page
     * ({@code action=".../sessions#change"}, so that a refusal opens where its problems are marked): a
     * redirect without a part of its own keeps the request's, and the page would open at the form, away
     * from its message that the change is done.
     */
    public static final String TOP = "#top";

    private Redirects() {
    }

    /**
     * A 303 to {@code path}, with {@code ?done=} naming what happened so the page can say so; a
     * path's {@code #part} (where on the page to land) stays last, after the query. Landing on a part,
     * the page opens away from its top, so {@code &at=part} has it said there ({@code tags/done}), not at
     * the top: a page a change lands on a part of shows that tag in the part.
     */
    public static Response to(String path, String done) {
        int hash = path.indexOf('#');
        String page = hash < 0 ? path : path.substring(0, hash);
        String part = hash < 0 ? "" : path.substring(hash);
        StringBuilder to = new StringBuilder(page);
        if (done != null) {
            to.append(page.contains("?") ? '&' : '?').append("done=").append(done);
            if (part.length() > 1 && !part.equals(TOP)) {
                to.append("&at=").append(part, 1, part.length());
            }
        }
        return Response.seeOther(URI.create(to + part)).build();
    }
}
