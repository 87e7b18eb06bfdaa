package org.relais.registration;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.relais.account.Account;
import org.relais.edition.Edition;
import org.relais.edition.EditionService;
import org.relais.mail.Outbox;
import org.relais.network.NetworkReference;
import org.relais.programme.ProgrammeService;
import org.relais.programme.ProgrammeSession;
import org.relais.web.Confirmation;
import org.relais.web.Form;
import org.relais.web.Messages;
import org.relais.web.Redirects;

/** The organiser's view of who registered: the filtered list, its CSV, each session's seats and waiting list. */
@Path("/organiser/editions/{id}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Account.ORGANISER)
public class RegistrationListPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance registrations(Edition edition, List<RegistrationView> registrations,
                RegistrationQueries.Filter filter, Form form, List<NetworkReference.Term> sectors,
                List<NetworkReference.Term> roles, List<ProgrammeSession> sessions, List<Accessibility> needs,
                String csvQuery, Outbox.Undelivered undelivered, Long heldBack, String linksOnlyHere, String sentFromNowhere);

        static native TemplateInstance attendees(Edition edition, ProgrammeSession session, List<Booking> seated,
                List<Booking> waiting, Map<Long, List<RegistrationQueries.Offer>> moves, List<NeedCount> needs,
                long entered, boolean full, String problem, String over);

        static native TemplateInstance registration(Edition edition, Registration registration, List<Booking> bookings,
                Map<Long, List<RegistrationQueries.Offer>> moves, List<RegistrationQueries.Offer> additions, Form form,
                String problem, List<Accessibility> needs, List<NetworkReference.Term> sectors,
                List<NetworkReference.Term> roles);
    }

    @Inject
    RegistrationQueries queries;

    @Inject
    RegistrationService registrations;

    @Inject
    EditionService editions;

    @Inject
    ProgrammeService programme;

    @Inject
    NetworkReference reference;

    @Inject
    Outbox outbox;

    /**
     * The list as the filters ask. A filter that names nothing of the edition (a session deleted since
     * the address was kept, an address typed by hand) is marked on the form and left out of the list.
     */
    @GET
    @Path("registrations")
    public Response list(@RestPath Long id, @RestQuery String sector, @RestQuery String role,
            @RestQuery String sessionId, @RestQuery String status, @RestQuery String q, @RestQuery String need,
            @RestQuery String arrival) {
        RegistrationQueries.Filter asked = new RegistrationQueries.Filter(sector, role, sessionId, status, q, need, arrival);
        Form form = new Form();
        queries.check(id, asked).asMap().keySet().forEach(field -> form.errors().add(field, "filter_not_a_choice"));
        RegistrationQueries.Filter filter = asked.without(form.errors().asMap().keySet());
        TemplateInstance page = Templates.registrations(editions.get(id), queries.list(id, filter), filter, form,
                reference.relaySectors(), reference.relayRoles(), programme.sessions(id), List.of(Accessibility.values()),
                filter.query(), outbox.undelivered(id).orElse(null), outbox.heldBack(id).orElse(null),
                outbox.linksOnlyHere().orElse(null), outbox.sentFromNowhere().orElse(null));
        return Response.status(form.hasErrors() ? 422 : 200).entity(page).build();
    }

    @GET
    @Path("registrations.csv")
    @Produces("text/csv")
    public Response csv(@RestPath Long id, @RestQuery String sector, @RestQuery String role, @RestQuery String sessionId,
            @RestQuery String status, @RestQuery String q, @RestQuery String need,
            @RestQuery String arrival) {
        Edition edition = editions.get(id);
        List<RegistrationView> rows = queries.list(id, new RegistrationQueries.Filter(sector, role, sessionId, status, q, need, arrival));
        return Response.ok(RegistrationCsv.of(rows, reference), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"inscriptions-" + edition.number + ".csv\"").build();
    }

    @GET
    @Path("registrations/{registrationId}")
    @Transactional
    public TemplateInstance registration(@RestPath Long id, @RestPath Long registrationId) {
        return storedPage(id, registrationId, null);
    }

    @POST
    @Path("registrations/{registrationId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response correct(@RestPath Long id, @RestPath Long registrationId, MultivaluedMap<String, String> submitted) {
        Form form = new Form(submitted);
        RegistrationData data = RegistrationPages.read(form);
        return form.submit(() -> {
            Form stored = QuarkusTransaction.joiningExisting()
                    .call(() -> RegistrationPages.detailsOf(registrations.inEdition(id, registrationId), reference));
            form.failIfChangedMeanwhile(stored);
            Registration saved = registrations.correctByOrganiser(id, registrationId, data);
            return Redirects.to("/organiser/editions/" + id + "/registrations/" + registrationId,
                    RegistrationPages.moved(saved, stored.text("email")) ? "address-changed-relay" : "saved");
        }, problem -> registrationPage(id, registrationId, form, problem));
    }

    @POST
    @Path("registrations/{registrationId}/link")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response sendLink(@RestPath Long id, @RestPath Long registrationId) {
        return onRelay(id, registrationId, () -> registrations.sendLinkByOrganiser(id, registrationId), "link-sent-relay");
    }

    /** Cancels the relay's registration for them: the page says so, and the relay is told by e-mail. */
    @POST
    @Path("registrations/{registrationId}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@RestPath Long id, @RestPath Long registrationId, @RestForm String confirmed) {
        if (!Confirmation.given(confirmed)) {
            String who = QuarkusTransaction.joiningExisting().call(() -> {
                Registration r = registrations.inEdition(id, registrationId);
                return r.cancellable() ? r.fullName() : null; // one that cannot be is refused, as when confirmed
            });
            if (who != null) {
                String page = "/organiser/editions/" + id + "/registrations/" + registrationId;
                return Confirmation.asking(Messages.get("cancel_for_confirm", who), page + "/cancel",
                        Messages.get("cancel_for"), page);
            }
        }
        return onRelay(id, registrationId, () -> registrations.cancelByOrganiser(id, registrationId), "registration-cancelled");
    }

    /** Clears an arrival recorded at the door by mistake. */
    @POST
    @Path("registrations/{registrationId}/clear-arrival")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response clearArrival(@RestPath Long id, @RestPath Long registrationId) {
        return onRelay(id, registrationId, () -> registrations.clearArrival(id, registrationId), "arrival-cleared");
    }

    /** An action on the relay's registration, then their page with what was done, or with why it was refused. */
    private Response onRelay(Long id, Long registrationId, Runnable action, String done) {
        return new Form().submit(() -> {
            action.run();
            return Redirects.to("/organiser/editions/" + id + "/registrations/" + registrationId, done);
        }, problem -> storedPage(id, registrationId, problem));
    }

    /** The registration's page with its form filled from what is stored. */
    private TemplateInstance storedPage(Long id, Long registrationId, String problem) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Registration r = registrations.inEdition(id, registrationId);
            return registrationPage(id, registrationId, RegistrationPages.detailsOf(r, reference), problem);
        });
    }

    private TemplateInstance registrationPage(Long id, Long registrationId, Form form, String problem) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Edition edition = editions.get(id);
            Registration r = registrations.inEdition(id, registrationId);
            List<Booking> bookings = Booking.listByRegistration(r);
            // the sessions they do not have and that take bookings, as the rules would take them: an addition
            // overlaps none of their sessions and may wait; a move needs a seat free, and overlaps none but the one left
            List<RegistrationQueries.Offer> open = !edition.beforeForum() ? List.of() : queries.offers(edition).stream()
                    .filter(o -> o.session().registration
                            && bookings.stream().noneMatch(b -> b.session.id.equals(o.session().id)))
                    .toList();
            List<ProgrammeSession> theirs = bookings.stream().map(b -> b.session).toList();
            List<RegistrationQueries.Offer> additions = open.stream().filter(o -> fits(o, theirs)).toList();
            Map<Long, List<RegistrationQueries.Offer>> moves = new HashMap<>();
            for (Booking leaving : bookings) {
                List<ProgrammeSession> kept = theirs.stream().filter(s -> !s.id.equals(leaving.session.id)).toList();
                moves.put(leaving.id, open.stream().filter(o -> !o.full() && fits(o, kept)).toList());
            }
            return Templates.registration(edition, r, bookings, moves, additions, form, problem,
                    List.of(Accessibility.values()), reference.relaySectors(), reference.relayRoles());
        });
    }

    /** Whether the offer is none of the sessions a relay keeps and overlaps none of them (a session overlaps itself). */
    private static boolean fits(RegistrationQueries.Offer offer, List<ProgrammeSession> kept) {
        return kept.stream().noneMatch(s -> s.overlaps(offer.session()));
    }

    /** The sessions a relay can be moved to: taking bookings, with a seat free, and as the page asks. */
    private List<RegistrationQueries.Offer> movesTo(Edition edition, Predicate<ProgrammeSession> also) {
        return queries.offers(edition).stream()
                .filter(o -> o.session().registration && !o.full() && also.test(o.session())).toList();
    }

    @GET
    @Path("sessions/{sessionId}/attendees")
    @Transactional
    public TemplateInstance attendees(@RestPath Long id, @RestPath Long sessionId) {
        return attendeesPage(id, sessionId, null);
    }

    @POST
    @Path("bookings/{bookingId}/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@RestPath Long id, @RestPath Long bookingId, @RestPath String action, @RestForm String confirmed) {
        RegistrationQueries.Place place = queries.placeOf(id, bookingId);
        Long sessionId = place.sessionId();
        if (action.equals("remove") && !Confirmation.given(confirmed) && place.beforeForum()) { // else refused at once
            String editionPath = "/organiser/editions/" + id;
            return Confirmation.asking(Messages.get("remove_confirm", place.who()), editionPath + "/bookings/" + bookingId
                    + "/remove", Messages.get("remove"), editionPath + "/sessions/" + sessionId + "/attendees");
        }
        return new Form().submit(() -> {
            switch (action) {
                case "confirm" -> registrations.confirmByHand(id, bookingId);
                case "up" -> registrations.moveUp(id, bookingId);
                case "remove" -> registrations.removeBooking(id, bookingId);
                case "clear-entry" -> registrations.clearEntry(id, bookingId);
                default -> throw new jakarta.ws.rs.NotFoundException();
            }
            // back where the organiser was on a long list: at the relay's row, or at the list a removal left
            String part = action.equals("remove") ? list(place) : row(bookingId);
            return Redirects.to("/organiser/editions/" + id + "/sessions/" + sessionId + "/attendees#" + part, "saved");
        }, problem -> attendeesPage(id, sessionId, problem));
    }

    /** The list a booking is in on its session's page, by its heading's id: {@code seated} or {@code waiting}. */
    private static String list(RegistrationQueries.Place place) {
        return place.waiting() ? "waiting" : "seated";
    }

    /** A booking's row on its session's page ({@code {b.anchor}}, {@code b12}): where an action on it lands. */
    @io.quarkus.qute.TemplateExtension
    static String anchor(Booking booking) {
        return row(booking.id);
    }

    private static String row(Long bookingId) {
        return "b" + bookingId;
    }

    /**
     * Moves a relay to another session with a free seat, from a session's page or from the relay's
     * ({@code back=registration}); the page it came from shows the outcome.
     */
    @POST
    @Path("bookings/{bookingId}/move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response move(@RestPath Long id, @RestPath Long bookingId, MultivaluedMap<String, String> submitted) {
        RegistrationQueries.Place place = queries.placeOf(id, bookingId);
        Form sent = new Form(submitted);
        boolean fromRelay = "registration".equals(sent.text("back"));
        String page = fromRelay ? "/organiser/editions/" + id + "/registrations/" + place.registrationId()
                : "/organiser/editions/" + id + "/sessions/" + place.sessionId() + "/attendees#" + list(place);
        Function<String, TemplateInstance> showAgain = fromRelay ? problem -> storedPage(id, place.registrationId(), problem)
                : problem -> attendeesPage(id, place.sessionId(), problem);
        return giveSeat(sent.text("sessionId"), session -> {
            registrations.transfer(id, bookingId, session);
            return "booking-moved";
        }, page, showAgain);
    }

    /** Books the relay into one more session, a seat or its waiting list, from their page, which shows the outcome. */
    @POST
    @Path("registrations/{registrationId}/sessions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addSession(@RestPath Long id, @RestPath Long registrationId, MultivaluedMap<String, String> submitted) {
        return giveSeat(new Form(submitted).text("sessionId"), session -> registrations.addSession(id, registrationId, session)
                .status == BookingStatus.CONFIRMED ? "session-added" : "waitlist-joined",
                "/organiser/editions/" + id + "/registrations/" + registrationId, problem -> storedPage(id, registrationId, problem));
    }

    /**
     * A place given in the session chosen in a list, then the page named, with what was done; the
     * list's first line ("choose a session…") sent as it was is a 422, and a value that is no
     * session's number is no session (404, as for an unknown one).
     */
    private Response giveSeat(String chosen, Function<Long, String> give, String page,
            Function<String, TemplateInstance> showAgain) {
        if (chosen == null || chosen.isBlank()) {
            return Response.status(422).entity(showAgain.apply(Messages.get("move_choose_first"))).build();
        }
        Long session = chosen.strip().matches("\\d{1,18}") ? Long.valueOf(chosen.strip()) : null;
        return new Form().submit(() -> Redirects.to(page, give.apply(session)), showAgain);
    }

    private TemplateInstance attendeesPage(Long id, Long sessionId, String problem) {
        ProgrammeSession session = programme.session(id, sessionId);
        Edition edition = editions.get(id);
        List<RegistrationQueries.Offer> targets = movesTo(edition, s -> !s.id.equals(session.id));
        List<Booking> seated = Booking.seated(session, false);
        List<Booking> waiting = Booking.waitingList(session);
        // each relay is offered what the rules take for them: nothing overlapping their other sessions
        Map<Long, List<ProgrammeSession>> kept = Booking.othersOfRelaysIn(session).stream().collect(
                Collectors.groupingBy(b -> b.registration.id, Collectors.mapping(b -> b.session, Collectors.toList())));
        Map<Long, List<RegistrationQueries.Offer>> moves = new HashMap<>();
        for (Booking b : java.util.stream.Stream.concat(seated.stream(), waiting.stream()).toList()) {
            List<ProgrammeSession> theirs = kept.getOrDefault(b.registration.id, List.of());
            moves.put(b.id, targets.stream().filter(o -> fits(o, theirs)).toList());
        }
        long entered = seated.stream().filter(b -> b.attendedAt != null).count(); // scanned at the room's door
        boolean full = session.seats != null && seated.size() >= session.seats; // no seat to give until seats are added
        String over = edition.beforeForum() ? null : RegistrationService.bookingsOver(edition).localizedMessage();
        return Templates.attendees(edition, session, seated, waiting, moves, NeedCount.of(seated), entered, full, problem,
                over);
    }

    /**
     * How many of the relays seated in a session ticked a need ({@code need} an {@link Accessibility}'s name),
     * then how many wrote another ({@code need} null), for the host preparing the room; none counted is left out.
     */
    public record NeedCount(String need, long count) {
        static List<NeedCount> of(List<Booking> seated) {
            List<NeedCount> counts = new java.util.ArrayList<>();
            for (Accessibility need : Accessibility.values()) {
                long count = seated.stream().filter(b -> b.registration.accessibilityNeeds().contains(need)).count();
                if (count > 0) {
                    counts.add(new NeedCount(need.name(), count));
                }
            }
            long written = seated.stream().filter(b -> b.registration.wroteNeed()).count();
            if (written > 0) {
                counts.add(new NeedCount(null, written));
            }
            return counts;
        }
    }

}
