package org.relais.mail;

import io.quarkus.mailer.Mail;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;
import org.relais.badge.BadgeService;
import org.relais.registration.Booking;
import org.relais.registration.BookingStatus;
import org.relais.registration.Calendar;
import org.relais.registration.LeftSession;
import org.relais.registration.Registration;
import org.relais.registration.RegistrationStatus;
import org.relais.web.ForumZone;
import org.relais.web.Messages;
import org.relais.web.PublicUrl;

/**
 * Writes an outbox entry as an e-mail, in the relay's language, from the {@code mail/} templates:
 * with the relay's calendar (the sessions they left in it as cancelled) and, while they are
 * registered, their badge attached.
 */
@ApplicationScoped
public class Mails {

    private static final Logger LOG = Logger.getLogger(Mails.class);

    @CheckedTemplate(basePath = "mail")
    static class Templates {
        static native TemplateInstance html(MailKind kind, Registration r, List<Booking> bookings, About session,
                String intro, String manageUrl, String againUrl, boolean badge, boolean takenAway);

        static native TemplateInstance text(MailKind kind, Registration r, List<Booking> bookings, About session,
                String intro, String manageUrl, String againUrl, boolean badge, boolean takenAway);
    }

    /**
     * The session a mail is about, as the mail kept it (the session itself may be deleted since), and
     * where it takes place now (a comma and the space's name, or nothing).
     */
    public record About(String title, LocalDate day, LocalTime startsAt, LocalTime endsAt, String place, About left) {
        static About of(OutboxMail entry) {
            About left = entry.leftSessionTitle == null ? null
                    : new About(entry.leftSessionTitle, entry.leftSessionDay, entry.leftSessionStartsAt,
                            entry.leftSessionEndsAt, "", null);
            return entry.sessionTitle == null ? null
                    : new About(entry.sessionTitle, entry.sessionDay, entry.sessionStartsAt, entry.sessionEndsAt,
                            entry.session == null || entry.session.space == null ? "" : ", " + entry.session.space.name, left);
        }
    }

    @Inject
    PublicUrl publicUrl;

    @Inject
    ForumZone forum;

    @Inject
    BadgeService badges;

    @Inject
    org.relais.registration.RegistrationService registrations;

    /** The entry's own message identifier (RFC 5322): its id and creation time, at the service's host. */
    static String messageId(OutboxMail entry, String domain) {
        return "<relais." + entry.id + "." + entry.createdAt.toInstant().toEpochMilli() + "@" + domain + ">";
    }

    /**
     * The address as mail servers read it: a domain with accents, as French ones may have
     * ({@code crèche-soleil.fr}), in its ASCII form ({@code xn--crche-soleil-ydb.fr}); the mail client
     * would send it as typed, which no server resolves. Java knows IDNA 2003 only, which maps some
     * letters to others ({@code straße.de} to {@code strasse.de}, today another domain): a domain is
     * converted only if it reads back the same, and otherwise goes as typed, to fail in words.
     */
    static String asciiDomain(String address) {
        int at = address.lastIndexOf('@');
        String domain = address.substring(at + 1);
        if (domain.chars().allMatch(c -> c < 128)) {
            return address;
        }
        try {
            String ascii = java.net.IDN.toASCII(domain, java.net.IDN.ALLOW_UNASSIGNED);
            String same = java.text.Normalizer.normalize(domain.toLowerCase(Locale.ROOT), java.text.Normalizer.Form.NFKC);
            return java.net.IDN.toUnicode(ascii, java.net.IDN.ALLOW_UNASSIGNED).equals(same)
                    ? address.substring(0, at + 1) + ascii : address;
        } catch (IllegalArgumentException e) { // a label too long: no server would have it either
            return address;
        }
    }

    /**
     * The relay's badge as their page gives it, drawn as the registration is now. A badge that cannot
     * be drawn must not hold back the e-mail: it goes without, and says nothing of a badge.
     */
    private byte[] badge(Registration r) {
        try {
            ByteArrayOutputStream pdf = new ByteArrayOutputStream(48 * 1024);
            badges.writeOwn(r, pdf);
            return pdf.toByteArray();
        } catch (RuntimeException e) {
            LOG.warnf(e, "The badge of registration %d could not be drawn for its e-mail: sent without it", r.id);
            return null;
        }
    }

    /**
     * Why the entry would now tell the relay something untrue, or null: a mail for a registration
     * cancelled since (but the cancellation's own, by the relay or the organisers), a seat announced
     * that the relay no longer holds (or in a session deleted since), a withdrawal or a seat given away
     * from a session the relay holds again, a session's new time that has changed again (a later mail
     * says the last) or for a session the relay dropped, the forum's new days when they changed again;
     * and anything but a cancellation or a link asked for once the forum is over (moved to held, or its
     * last day gone by): a confirmation, a seat, a reminder would come after the day they are about.
     * Such a mail waited (a rush, a mail server down, an address refused until corrected) while things
     * changed; it is set aside, never sent. Must run in a transaction; {@code bookings} are the registration's as they are now.
     */
    static String outdated(OutboxMail entry, List<Booking> bookings) {
        if (entry.registration.anonymisedAt != null) {
            return OutboxMail.SET_ASIDE + "the relay's personal data was erased before it went";
        }
        if (entry.kind.endsRegistration()) {
            return null;
        }
        if (entry.registration.status != RegistrationStatus.CONFIRMED) {
            return OutboxMail.SET_ASIDE + "the registration was cancelled before it went";
        }
        if (!entry.kind.goesAfterTheForum() && !entry.registration.edition.beforeForum()) {
            return OutboxMail.SET_ASIDE + "the forum was over before it went";
        }
        boolean seatGiven = entry.kind == MailKind.PROMOTION || entry.kind == MailKind.SEAT_BOOKED;
        if (seatGiven && entry.session == null) {
            return OutboxMail.SET_ASIDE + "the session it announces was deleted";
        }
        if (seatGiven && bookings.stream()
                .noneMatch(b -> b.session.id.equals(entry.session.id) && b.status == BookingStatus.CONFIRMED)) {
            return OutboxMail.SET_ASIDE + "the relay no longer holds the seat it announces";
        }
        if (entry.kind == MailKind.WAITLIST_JOINED && (entry.session == null || bookings.stream()
                .noneMatch(b -> b.session.id.equals(entry.session.id) && b.status == BookingStatus.WAITLISTED))) {
            return OutboxMail.SET_ASIDE + "the relay no longer waits for the session it announces";
        }
        if (entry.kind == MailKind.SESSION_MOVED && (entry.session == null
                || !entry.session.day.equals(entry.sessionDay) || !entry.session.startsAt.equals(entry.sessionStartsAt)
                || !entry.session.endsAt.equals(entry.sessionEndsAt)
                || bookings.stream().noneMatch(b -> b.session.id.equals(entry.session.id)))) {
            return OutboxMail.SET_ASIDE + "the session changed again, or the relay no longer holds it";
        }
        if (entry.kind == MailKind.FORUM_RESCHEDULED && OutboxMail.count("registration = ?1 and kind = ?2 and id > ?3",
                entry.registration, entry.kind, entry.id) > 0) {
            return OutboxMail.SET_ASIDE + "the forum's days changed again: a later mail says the last";
        }
        if ((entry.kind == MailKind.WITHDRAWAL || entry.kind == MailKind.SEAT_GIVEN) && entry.session != null
                && bookings.stream().anyMatch(b -> b.session.id.equals(entry.session.id))) {
            return OutboxMail.SET_ASIDE + "the relay chose the session again";
        }
        return null;
    }

    /**
     * The mail's opening sentence, one for its text and its HTML part, in the current language: what
     * happened, to the edition or to the session the mail keeps. A mail about a session reads
     * {@code mail_<kind>_intro} with the session's title, day and times; a move also names the session left.
     */
    static String intro(MailKind kind, Registration r, About s) {
        return switch (kind) {
            case CONFIRMATION, CANCELLATION, REMINDER, CANCELLED_BY_ORGANISERS, FORUM_RESCHEDULED ->
                    Messages.get("mail_" + kind.name().toLowerCase(Locale.ROOT) + "_intro", r.edition.title);
            case MANAGE_LINK -> Messages.get("mail_link_intro", r.edition.title);
            case SESSION_MOVED -> Messages.get("mail_session_moved_intro", when(s, s.place()));
            case SEAT_BOOKED -> s.left() == null ? Messages.get("mail_seat_booked_intro", when(s))
                    : Messages.get("mail_seat_moved_intro", when(s, when(s.left())));
            default -> Messages.get("mail_" + kind.name().toLowerCase(Locale.ROOT) + "_intro", when(s));
        };
    }

    /** What the relay may still do about the sessions an organiser's change is about: more while registration is open. */
    private static String afterIntro(MailKind kind, boolean open) {
        if (kind.losesASession() && open) {
            return " " + Messages.get("mail_choose_another");
        }
        return kind.givesASession() ? " " + Messages.get(open ? "mail_change_sessions" : "mail_leave_sessions") : "";
    }

    /** A session as a mail's sentence names it: its title, day, start and end, then what the sentence adds. */
    private static Object[] when(About s, Object... then) {
        Object[] said = {s.title(), s.day(), ForumZone.hhmm(s.startsAt()), ForumZone.hhmm(s.endsAt())};
        Object[] all = java.util.Arrays.copyOf(said, said.length + then.length);
        System.arraycopy(then, 0, all, said.length, then.length);
        return all;
    }

    /**
     * Must run in a transaction: it reads the registration as it is now, with its {@code bookings}
     * ({@link Booking#listByRegistration}). Only for an entry that is not {@link #outdated}: every mail
     * but the cancellation is then for a registration that stands, and carries the calendar and the badge.
     */
    Mail render(OutboxMail entry, List<Booking> bookings) {
        Registration r = entry.registration;
        String manageUrl = publicUrl.of("/r/" + r.manageToken);
        // What a mail offers next (to register again, to choose another session or change them) holds only
        // while the forum takes registrations: cancellations and the organisers' changes go on until the forum.
        boolean open = registrations.isOpen(r.edition);
        String againUrl = entry.kind.endsRegistration() && open ? publicUrl.of("/editions/" + r.edition.id) : null;
        Locale locale = "en".equals(r.language) ? Messages.ENGLISH : Messages.FRENCH;
        String domain = publicUrl.domain();
        boolean attached = !entry.kind.endsRegistration();
        byte[] badge = attached ? badge(r) : null;
        List<LeftSession> left = attached ? LeftSession.notHeld(r, bookings) : List.of();
        About session = About.of(entry);
        return Messages.in(locale, () -> {
            String subject = Messages.get("mail_subject_" + entry.kind, r.edition.title);
            String intro = intro(entry.kind, r, session) + afterIntro(entry.kind, open);
            Mail mail = Mail.withText(asciiDomain(r.email), subject,
                    Templates.text(entry.kind, r, bookings, session, intro, manageUrl, againUrl, badge != null,
                            !left.isEmpty()).render())
                    .setHtml(Templates.html(entry.kind, r, bookings, session, intro, manageUrl, againUrl, badge != null,
                            !left.isEmpty()).render());
            if (attached) {
                mail.addAttachment("forum.ics",
                        Calendar.of(r, bookings, left, forum.zone(), domain).getBytes(StandardCharsets.UTF_8),
                        "text/calendar; charset=UTF-8; method=PUBLISH");
            }
            if (badge != null) {
                mail.addAttachment("badge.pdf", badge, "application/pdf");
            }
            mail.addHeader("X-Relais-Outbox", String.valueOf(entry.id));
            // The same for every attempt: should a crash between sending and marking send it twice, mail
            // systems that recognise a message by its identifier (Gmail among them) show it once.
            mail.addHeader("Message-ID", messageId(entry, domain));
            return mail;
        });
    }
}
