package org.relais.web;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Who is looking at the page, for the layout: {@code {inject:viewer.signedIn}}. */
@RequestScoped
@Named("viewer")
public class Viewer {

    @Inject
    SecurityIdentity identity;

    @Inject
    io.vertx.core.http.HttpServerRequest request;

    public boolean isSignedIn() {
        return !identity.isAnonymous();
    }

    /** The confirmation of what the last POST did, from {@code ?done=}, or null. */
    public String getDone() {
        String done = request.getParam("done");
        return done == null || !done.matches("[a-z-]{1,30}") ? null : Messages.get("done_" + done);
    }

    public String getName() {
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }
}
