package org.relais.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The way in and out: the sign-in form (checked by Quarkus at {@code /j_security_check}) and sign-out. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SignInPages {

    /** Signing out's address: it writes nothing, so a disk with no room never refuses it ({@link DiskRoom}). */
    static final String SIGN_OUT = "/logout";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean error, boolean unsent);

        static native TemplateInstance pin(String token);

        static native TemplateInstance logout();
    }

    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name")
    String sessionCookie;

    @ConfigProperty(name = "quarkus.http.auth.form.location-cookie", defaultValue = "quarkus-redirect-location")
    String locationCookie;

    @jakarta.inject.Inject
    io.quarkus.security.identity.SecurityIdentity identity;

    /** Where a sign-in lands: organisers on their editions, door staff at the door, stand staff at their stand. */
    @GET
    @Path("organiser")
    public Response organiser() {
        String to = identity.hasRole(org.relais.account.Account.DOOR) ? "/door"
                : identity.hasRole(org.relais.account.Account.STAND) ? "/stand" : "/organiser/editions";
        return Response.seeOther(URI.create(to)).build();
    }

    /**
     * A door or stand link: the PIN the organiser gave is all it asks. Signing in there leads to the door or the
     * stand, never to a page someone else asked for on the same tablet before (an organiser's, which a door account
     * may not open): the way back Quarkus keeps ({@link ErrorMappers}) is cleared.
     */
    @GET
    @Path("d/{token}")
    public Response link(@org.jboss.resteasy.reactive.RestPath String token) {
        NewCookie noWayBack = new NewCookie.Builder(locationCookie).value("").path("/").maxAge(0).httpOnly(true).build();
        return Response.ok(Templates.pin(token.length() > 100 ? "" : token)).cookie(noWayBack).build();
    }

    /** The sign-in form; {@code ?after=form} when a form was sent after the sign-in ended, and not saved. */
    @GET
    @Path("login")
    public TemplateInstance login(@org.jboss.resteasy.reactive.RestQuery String after) {
        return Templates.login(false, "form".equals(after));
    }

    /** Where Quarkus sends a failed sign-in (it drops any query string from the error page). */
    @GET
    @Path("login-error")
    public TemplateInstance loginError() {
        return Templates.login(true, false);
    }

    /**
     * Sign-out from a page that carries no form (an address no page has, a form too large to read): its header
     * links here, to the button that the other pages carry themselves. Nobody signed in is shown the sign-in form.
     */
    @GET
    @Path(SIGN_OUT)
    public Response signOutPage() {
        return identity.isAnonymous() ? Response.seeOther(URI.create("/login")).build() : Response.ok(Templates.logout()).build();
    }

    @POST
    @Path(SIGN_OUT)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logout() {
        NewCookie expired = new NewCookie.Builder(sessionCookie).value("").path("/").maxAge(0).httpOnly(true).build();
        return Response.seeOther(URI.create("/login?done=signed-out")).cookie(expired).build();
    }
}
