package org.relais.registration;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import org.hibernate.Hibernate;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.relais.edition.Edition;
import org.relais.edition.EditionService;
import org.relais.edition.EditionStatus;
import org.relais.edition.Guest;
import org.relais.network.NetworkReference;
import org.relais.registration.RegistrationQueries.Offer;
import org.relais.programme.ProgrammeSession;
import org.relais.web.Confirmation;
import org.relais.web.Form;
import org.relais.web.Messages;
import org.relais.web.ForumZone;
import org.relais.web.NotFoundException;
import org.relais.web.Redirects;

/** What the public sees: the forums open for registration, an edition's page and form, a relay's own page. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class RegistrationPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(List<Listed> upcoming, List<Edition> past);

        static native TemplateInstance edition(Edition edition, List<DayOffers> days, List<Offer> offers,
                List<Accessibility> needs, List<Guest> guests, boolean open, boolean full, boolean past, String notOpen,
                Form form, List<NetworkReference.Term> sectors, List<NetworkReference.Term> roles, String problem,
                boolean offerResend);

        static native TemplateInstance manage(Registration registration, List<Booking> bookings, List<Offer> offers,
                boolean open, Form form, String problem, boolean detailsOpen, Form details, List<Accessibility> needs,
                List<NetworkReference.Term> sectors, List<NetworkReference.Term> roles, boolean leftSome,
                boolean registeredAgain, String meant, String over);

        static native TemplateInstance privacy(int retentionMonths);
    }

    /** One day's programme. */
    public record DayOffers(java.time.LocalDate day, List<Offer> offers) {
    }

    @Inject
    EditionService editions;

    @Inject
    RegistrationService registrations;

    @Inject
    Admissions admissions;

    @Inject
    RegistrationQueries queries;

    @Inject
    NetworkReference reference;

    /** Told in the privacy notice: how long after the forum relays' data is kept. */
    @ConfigProperty(name = "relais.privacy.retention-months")
    int retentionMonths;

    @Inject
    ForumZone forum;

    /**
     * Whether a forum's form is worth filling in (open, with room for one more relay), whether it is
     * open but full, and if no form, why in words; the relays are counted once for all three.
     */
    private record Taking(boolean form, boolean full, String notOpen) {
    }

    private Taking taking(Edition edition) {
        boolean open = registrations.isOpen(edition);
        boolean full = open && registrations.isFull(edition);
        return new Taking(open && !full, full, full ? Messages.get("registration_full") : open ? null : notOpen(edition));
    }

    /** A forum to come on the home page: open for registration, or why not ({@code notOpen}). */
    public record Listed(Edition edition, boolean open, String notOpen) {
    }

    /**
     * The forums to come, with their registration, then those that have taken place, each with its page. One closed
     * before its last day stays among those to come, by its date, saying it is closed.
     */
    @GET
    @Transactional
    public TemplateInstance home() {
        List<Edition> shown = Edition.list("status <> ?1 order by number desc", EditionStatus.DRAFT);
        Predicate<Edition> tookPlace = e -> registrations.isPast(e) && !e.closedEarly();
        return Templates.home(
                shown.stream().filter(tookPlace.negate())
                        .map(e -> {
                            Taking taking = taking(e);
                            return new Listed(e, taking.form(), taking.notOpen());
                        }).toList(),
                shown.stream().filter(tookPlace).toList());
    }

    /** Why a forum that is not open takes no registration, in words: it opens on a date, it is closed, it has taken place. */
    private String notOpen(Edition edition) {
        if (registrations.isPast(edition)) {
            return over(edition, "edition_held", "edition_held_undated", "edition_closed_early");
        }
        if (edition.status == EditionStatus.REGISTRATION_OPEN && edition.registrationOpensOn != null
                && forum.today().isBefore(edition.registrationOpensOn)) {
            return Messages.get("registration_opens_on", edition.registrationOpensOn);
        }
        return Messages.get("registration_closed");
    }

    /**
     * A forum that is over, in words, for its page or a relay's: it took place on its last day ({@code held}, or
     * {@code undated} without days); or, moved to held before that day, it is closed, since it has not taken place on a
     * date to come. The keys given whole, as the refusals' are ({@code RegistrationService.over}).
     */
    private static String over(Edition edition, String held, String undated, String closedEarly) {
        return edition.days.isEmpty() ? Messages.get(undated)
                : edition.closedEarly() ? Messages.get(closedEarly)
                : Messages.get(held, edition.lastDay());
    }

    @GET
    @Path("editions/{id}")
    @Transactional
    public TemplateInstance edition(@RestPath Long id) {
        return editionPage(publicEdition(id), new Form().with("language", org.relais.web.Messages.current().getLanguage()),
                null, false);
    }

    @POST
    @Path("editions/{id}/register")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response register(@RestPath Long id, MultivaluedMap<String, String> submitted) {
        Edition edition = publicEdition(id);
        Form form = new Form(submitted);
        RegistrationData data = read(form);
        Response response = form.submit(() -> {
            RegistrationView registered = admissions.register(id, data);
            return Redirects.to(registered.manageUrl(), "registered");
        }, problem -> editionPage(edition, form, problem, problem != null && form.text("email") != null));
        return response;
    }

    @POST
    @Path("editions/{id}/resend")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resend(@RestPath Long id, MultivaluedMap<String, String> submitted) {
        publicEdition(id);
        registrations.resendLink(id, new Form(submitted).text("email"));
        return Redirects.to("/editions/" + id, "link-sent");
    }

    @GET
    @Path("r/{token}")
    @Transactional
    public TemplateInstance manage(@RestPath String token) {
        return managePage(token, null, null, null);
    }

    @POST
    @Path("r/{token}/sessions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeSessions(@RestPath String token, MultivaluedMap<String, String> submitted) {
        Form form = new Form(submitted);
        // Giving up one session keeps the others as they are now, not as the page listed them: a session
        // an organiser gave the relay since stays theirs.
        String giveUp = form.text("giveUp");
        List<Long> ids = giveUp == null ? ids(form) : QuarkusTransaction.joiningExisting().call(() ->
                Booking.listByRegistration(registrations.get(token)).stream().map(b -> b.session.id)
                        .filter(id -> !id.toString().equals(giveUp)).collect(Collectors.toList()));
        if (giveUp != null && !Confirmation.given(form.value("confirmed"))) {
            TemplateInstance ask = askBeforeGivingUp(token, giveUp, ids);
            if (ask != null) {
                return Response.ok(ask).build();
            }
        }
        return form.submit(() -> {
            if (giveUp == null) {
                form.failIfChangedMeanwhile(QuarkusTransaction.joiningExisting().call(() ->
                        chosen(Booking.listByRegistration(registrations.get(token)))));
            }
            registrations.changeSessions(token, ids);
            return Redirects.to("/r/" + token + Redirects.TOP, "sessions-changed");
        }, problem -> managePage(token, form, null, problem));
    }

    @POST
    @Path("r/{token}/details")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeDetails(@RestPath String token, MultivaluedMap<String, String> submitted) {
        Form details = new Form(submitted);
        RegistrationData data = read(details);
        return details.submit(() -> {
            Form stored = QuarkusTransaction.joiningExisting().call(() -> detailsOf(registrations.get(token), reference));
            details.failIfChangedMeanwhile(stored);
            return saved(token, data, stored.text("email"));
        }, problem -> managePage(token, null, details, problem));
    }

    /**
     * The address the relay's page asks whether they meant ({@link AddressTypos}), taken in one press: their
     * details as they are, with that address, saved as the details form saves them.
     */
    @POST
    @Path("r/{token}/address")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeAddress(@RestPath String token, @RestForm String email) {
        Form details = QuarkusTransaction.joiningExisting().call(() -> detailsOf(registrations.get(token), reference));
        String was = details.text("email");
        details.with("email", email);
        return details.submit(() -> saved(token, read(details), was), problem -> managePage(token, null, details, problem));
    }

    /** The same question answered no: the address is right as typed, and the page asks no more. */
    @POST
    @Path("r/{token}/address-kept")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response keepAddress(@RestPath String token, @RestForm String email) {
        registrations.keepAddress(token, email);
        return Redirects.to("/r/" + token + Redirects.TOP, "address-kept");
    }

    /**
     * The relay's details saved; the page says whether a new link is on its way to a new address, and is
     * opened at that new link, the old one opening nothing any more.
     */
    private Response saved(String token, RegistrationData data, String was) {
        Registration saved = registrations.changeDetails(token, data);
        return Redirects.to("/r/" + saved.manageToken + Redirects.TOP, moved(saved, was) ? "address-changed" : "details-changed");
    }

    /** Whether details saved gave the registration another address than {@code was}, and so a new link. */
    static boolean moved(Registration saved, String was) {
        return !Objects.equals(RegistrationService.emailKey(saved.email), RegistrationService.emailKey(was));
    }

    @POST
    @Path("r/{token}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@RestPath String token, @RestForm String confirmed) {
        if (!Confirmation.given(confirmed) && registrations.cancellable(token)) {
            return Confirmation.asking(Messages.get("cancel_confirm"), "/r/" + token + "/cancel",
                    Messages.get("cancel_registration"), "/r/" + token);
        }
        Form form = new Form();
        return form.submit(() -> {
            registrations.cancel(token);
            return Redirects.to("/r/" + token, "cancelled");
        }, problem -> managePage(token, null, null, problem));
    }

    @GET
    @Path("r/{token}/calendar.ics")
    @Produces("text/calendar")
    public Response calendar(@RestPath String token) {
        return Calendar.file(queries.calendar(token));
    }

    @GET
    @Path("privacy")
    public TemplateInstance privacy() {
        return Templates.privacy(retentionMonths);
    }

    /** Drafts are the organisers' business: to the public they do not exist. */
    private Edition publicEdition(Long id) {
        Edition edition = editions.get(id);
        if (edition.status == EditionStatus.DRAFT) {
            throw new NotFoundException("edition", id);
        }
        return edition;
    }

    private TemplateInstance editionPage(Edition edition, Form form, String problem, boolean offerResend) {
        List<Offer> offers = queries.offers(edition);
        List<DayOffers> days = offers.stream()
                .collect(Collectors.groupingBy(o -> o.session().day, java.util.TreeMap::new, Collectors.toList()))
                .entrySet().stream().map(e -> new DayOffers(e.getKey(), e.getValue())).toList();
        Taking taking = taking(edition);
        return Templates.edition(edition, days, offers, List.of(Accessibility.values()), Guest.listByEdition(edition),
                taking.form(), taking.full(), registrations.isPast(edition), taking.notOpen(), form,
                reference.relaySectors(), reference.relayRoles(), problem, offerResend);
    }

    /**
     * Without JavaScript, giving up a session (once registration has closed, for good) asks on a page
     * first, as its button's dialog does; null where the relay holds no such session.
     */
    private TemplateInstance askBeforeGivingUp(String token, String sessionId, List<Long> kept) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            for (Booking b : Booking.listByRegistration(registrations.get(token))) {
                if (b.session.id.toString().equals(sessionId)) {
                    List<Confirmation.Field> fields = new ArrayList<>();
                    kept.forEach(id -> fields.add(new Confirmation.Field("sessionIds", id.toString())));
                    fields.add(new Confirmation.Field("giveUp", sessionId));
                    return Confirmation.ask(Messages.get("give_up_confirm", b.session.title),
                            "/r/" + token + "/sessions#change", b.giveUpLabel(), "/r/" + token + "#change", fields);
                }
            }
            return null;
        });
    }

    /**
     * Reads the relay's page in a transaction of its own (or the caller's): it shows the edition
     * afterwards. A form not given (null) shows the registration as it stands: its sessions ticked,
     * its details filled in.
     */
    private TemplateInstance managePage(String token, Form sessions, Form details, String problem) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Registration r = registrations.get(token);
            Hibernate.initialize(r.edition);
            List<Booking> bookings = Booking.listByRegistration(r);
            Form choices = sessions != null ? sessions : chosen(bookings);
            return Templates.manage(r, bookings, queries.offers(r.edition), registrations.isOpen(r.edition), choices, problem,
                    registrations.detailsOpen(r.edition), details != null ? details : detailsOf(r, reference),
                    List.of(Accessibility.values()), reference.relaySectors(), reference.relayRoles(),
                    !LeftSession.notHeld(r, bookings).isEmpty(), r.registeredAgain(), r.askedAddress().orElse(null),
                    registrations.isPast(r.edition)
                            ? over(r.edition, "own_forum_held", "own_forum_held_undated", "own_forum_closed_early") : null);
        });
    }

    /** The sessions form filled with the relay's sessions, remembered as they are. */
    private static Form chosen(List<Booking> bookings) {
        return new Form().withAll("sessionIds", bookings.stream().map(b -> b.session.id.toString()).toList(),
                String.join(", ", bookings.stream().map(b -> b.session.startsAt + " · " + b.session.title).toList())).remembered();
    }

    /**
     * The details form filled in with the registration's fields, its e-mail included, remembered as they
     * are (a page that adds a field remembers again): the relay's own and the organisers'.
     */
    static Form detailsOf(Registration r, NetworkReference reference) {
        Locale reader = Messages.current();
        return new Form().with("firstName", r.firstName).with("lastName", r.lastName).with("email", r.email)
                .with("phone", r.phone)
                .with("organisation", r.organisation)
                .with("sector", r.sector, r.sector == null ? null : NetworkReference.label(reference.relaySectors(), r.sector, reader))
                .with("role", r.role, r.role == null ? null : NetworkReference.label(reference.relayRoles(), r.role, reader))
                .with("language", r.language, r.language == null ? null : Messages.languageName(reader, r.language))
                .with("accessibilityNeeds.notes", r.accessibilityNotes)
                .withAll("accessibilityNeeds.needs", r.accessibilityNeeds().stream().map(Enum::name).toList(),
                        String.join(", ", r.accessibilityNeeds().stream().map(Messages::label).toList()))
                .remembered();
    }

    static RegistrationData read(Form form) {
        return new RegistrationData(form.text("firstName"), form.text("lastName"), form.text("email"), form.text("phone"),
                form.text("organisation"), form.text("sector"), form.text("role"),
                new RegistrationData.AccessibilityData(form.all("accessibilityNeeds.needs"), form.text("accessibilityNeeds.notes")),
                form.text("language"), form.bool("consent"), ids(form));
    }

    private static List<Long> ids(Form form) {
        return form.all("sessionIds").stream().filter(v -> v.matches("\\d{1,18}")).map(Long::valueOf)
                .collect(Collectors.toList());
    }
}
