package org.relais.web;

import jakarta.ws.rs.core.Response;
import java.net.URI;

/** POST-redirect-GET: after a change, the browser is sent to the page that shows it. */
public final class Redirects {

    private Redirects() {
    }

    /** A 303 to {@code path}, with {@code ?done=} naming what happened so the page can say so. */
    public static Response to(String path, String done) {
        return Response.seeOther(URI.create(path + (done == null ? "" : (path.contains("?") ? "&" : "?") + "done=" + done)))
                .build();
    }
}
