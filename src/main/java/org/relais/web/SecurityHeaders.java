package org.relais.web;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * What a browser is told to refuse, on every answer of Relais: a page only runs the scripts and
 * sends the forms of Relais itself, and no other site can show it in a frame (where a click could
 * be stolen); no address (a relay's private link) goes to another site as a referrer; no answer is
 * read as another type than it says. Escaping every text stays the first defence; this is the second.
 */
public class SecurityHeaders {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    static final MediaType SVG = MediaType.valueOf("image/svg+xml");
    static final String SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

    @ServerResponseFilter
    public void add(ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("Referrer-Policy", "same-origin");
        MediaType type = response.getMediaType();
        if (type != null && type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
            headers.putSingle("Content-Security-Policy", POLICY);
            headers.putSingle("X-Frame-Options", "DENY");
        } else if (type != null && type.isCompatible(SVG)) {
            // A plan opened on its own: a drawing, which runs nothing and loads nothing.
            headers.putSingle("Content-Security-Policy", SVG_POLICY);
        }
    }
}
