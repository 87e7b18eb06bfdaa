package org.relais.mail;

import io.quarkus.mailer.Mail;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.relais.programme.ProgrammeSession;
import org.relais.registration.Booking;
import org.relais.registration.Calendar;
import org.relais.registration.Registration;
import org.relais.web.Messages;

/** Writes an outbox entry as an e-mail, in the relay's language, from the {@code mail/} templates. */
@ApplicationScoped
public class Mails {

    @CheckedTemplate(basePath = "mail")
    static class Templates {
        static native TemplateInstance html(MailKind kind, Registration r, List<Booking> bookings, ProgrammeSession session,
                String manageUrl, String editionUrl);

        static native TemplateInstance text(MailKind kind, Registration r, List<Booking> bookings, ProgrammeSession session,
                String manageUrl, String editionUrl);
    }

    @ConfigProperty(name = "relais.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    @ConfigProperty(name = "relais.time-zone", defaultValue = "Europe/Paris")
    ZoneId zone;

    /** The entry's own message identifier (RFC 5322): its id and creation time, at the service's host. */
    static String messageId(OutboxMail entry, String domain) {
        return "<relais." + entry.id + "." + entry.createdAt.toInstant().toEpochMilli() + "@" + domain + ">";
    }

    /** Must run in a transaction: it reads the registration as it is now. */
    Mail render(OutboxMail entry) {
        Registration r = entry.registration;
        List<Booking> bookings = Booking.listByRegistration(r);
        String base = publicUrl.replaceAll("/+$", "");
        String manageUrl = base + "/r/" + r.manageToken;
        String editionUrl = base + "/editions/" + r.edition.id;
        Locale locale = "en".equals(r.language) ? Messages.ENGLISH : Messages.FRENCH;
        String host = java.net.URI.create(base).getHost();
        String domain = host == null ? "relais" : host;
        return Messages.in(locale, () -> {
            String subject = Messages.get("mail_subject_" + entry.kind, r.edition.title);
            Mail mail = Mail.withText(r.email, subject,
                    Templates.text(entry.kind, r, bookings, entry.session, manageUrl, editionUrl).render())
                    .setHtml(Templates.html(entry.kind, r, bookings, entry.session, manageUrl, editionUrl).render());
            if (entry.kind != MailKind.CANCELLATION) {
                mail.addAttachment("forum.ics",
                        Calendar.of(r, bookings, zone, domain).getBytes(StandardCharsets.UTF_8),
                        "text/calendar; charset=UTF-8; method=PUBLISH");
            }
            mail.addHeader("X-Relais-Outbox", String.valueOf(entry.id));
            // The same for every attempt: should a crash between sending and marking send it twice, mail
            // systems that recognise a message by its identifier (Gmail among them) show it once.
            mail.addHeader("Message-ID", messageId(entry, domain));
            return mail;
        });
    }
}
