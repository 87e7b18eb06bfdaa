package org.relais.web;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Who is looking at the page, for the layout: {@code {inject:viewer.signedIn}}. Templates render on
 * the I/O thread, so the identity is resolved beforehand, without blocking, by {@link #resolve}.
 */
@RequestScoped
@Named("viewer")
public class Viewer {

    @Inject
    HttpServerRequest request;

    @Inject
    io.vertx.ext.web.RoutingContext routing;

    private boolean signedIn;
    private boolean organiser;
    private String name = "";

    public boolean isOrganiser() {
        return organiser;
    }

    public boolean isSignedIn() {
        return signedIn;
    }

    public String getName() {
        return name;
    }

    // A method, not field access: the filter holds a client proxy, whose fields are not the bean's.
    void set(io.quarkus.security.identity.SecurityIdentity identity) {
        signedIn = !identity.isAnonymous();
        organiser = identity.hasRole(org.relais.account.Account.ORGANISER);
        name = identity.isAnonymous() ? "" : identity.getPrincipal().getName();
        if (name.matches("[0-9a-f]{40}")) {
            name = Messages.get("signed_in_by_link"); // a door or stand link: its token is no one's name
        }
    }

    /**
     * Whether the request's CSRF token is known, so that the page can carry forms. It is not when
     * the request's form could not be read at all (too large): its error page shows no sign-out form.
     */
    public boolean isFormsReady() {
        return routing.get("csrf_token") != null;
    }

    /**
     * The confirmation of what the last POST did, from {@code ?done=}, said at the page's top; null when
     * there is none, none Relais says, or when it landed on a part of the page ({@code &at=}) that says it.
     */
    public String getDone() {
        return landedAt() == null ? said() : null;
    }

    /** The same, said in the part of the page the change landed on ({@code &at=guests}, {@code #guests}). */
    public String doneAt(String part) {
        return part != null && part.equals(landedAt()) ? said() : null;
    }

    /** Whether the last POST did {@code what} ({@code ?done=what}): a page whose state says the same then leaves it to the confirmation. */
    public boolean isDone(String what) {
        return what.equals(request.getParam("done"));
    }

    private String landedAt() {
        return part(request.getParam("at"));
    }

    /** The part of the page a change landed on, from {@code ?at=}, or null when there is none fit to be an id. */
    static String part(String at) {
        return at != null && at.matches("[a-z0-9-]{1,30}") ? at : null;
    }

    private String said() {
        String done = request.getParam("done");
        if (done == null || !done.matches("[a-z-]{1,30}")) {
            return null;
        }
        String key = "done_" + done;
        String said = Messages.get(key);
        return said.equals(key) ? null : said;
    }

    /**
     * Resolves the identity of every page request before its template renders; before matching, so that a
     * page answering an address no resource has (a 404) knows who is signed in too.
     */
    public static class Resolver {

        @Inject
        CurrentIdentityAssociation identity;

        @Inject
        Viewer viewer;

        @ServerRequestFilter(preMatching = true)
        public Uni<Void> resolve(jakarta.ws.rs.container.ContainerRequestContext context) {
            if (ErrorMappers.isApi(context.getUriInfo().getPath())) {
                return Uni.createFrom().voidItem();
            }
            return identity.getDeferredIdentity().invoke(viewer::set).replaceWithVoid();
        }
    }
}
