package org.relais.web;

import jakarta.ws.rs.BadRequestException;

/** A request body the API cannot do without. */
public final class Bodies {

    private Bodies() {
    }

    /** An empty body is malformed input: 400, not a null pointer further on. */
    public static <T> T required(T body) {
        if (body == null) {
            throw new BadRequestException();
        }
        return body;
    }
}
