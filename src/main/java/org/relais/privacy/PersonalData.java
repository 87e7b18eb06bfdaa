package org.relais.privacy;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.relais.badge.BadgeHolder;
import org.relais.demo.DemoData;
import org.relais.door.Lead;
import org.relais.edition.Edition;
import org.relais.mail.OutboxMail;
import org.relais.registration.Booking;
import org.relais.registration.LeftSession;
import org.relais.registration.Registration;
import org.relais.registration.RegistrationService;
import org.relais.web.ForumZone;
import org.relais.web.Instants;
import org.relais.web.Main;

/**
 * What the privacy notice promises relays: their data erased at their request, and every relay's of
 * an edition once {@code relais.privacy.retention-months} have passed after its last day. What goes
 * is what says who someone is (names, contacts, organisation, needs, the manage link, the contacts
 * stands noted, the guests' badges); what stays is what the counts need (sector, role, status, dates,
 * sessions, arrivals).
 */
@ApplicationScoped
public class PersonalData {

    private static final Logger LOG = Logger.getLogger(PersonalData.class);

    @Inject
    RegistrationService registrations;

    @ConfigProperty(name = "relais.privacy.retention-months")
    int retentionMonths;

    @Inject
    ForumZone forum;

    /** With the demonstration on, its 2018 forum's relays (invented people) stay for the tour. */
    @ConfigProperty(name = "relais.demo-data", defaultValue = "true")
    boolean demoData;

    /**
     * A retention below nothing would erase the relays of a forum still to come (with {@code -3}, every
     * forum within three months): refused before the first erasure runs.
     */
    void checkSetting(@Observes @Priority(5) StartupEvent event) {
        Main.refuseBelow("relais.privacy.retention-months", retentionMonths, 0);
    }

    public int retentionMonths() {
        return retentionMonths;
    }

    /**
     * One relay's data, at their request, with the contacts stands noted; before the forum, their
     * registration is cancelled too.
     */
    @Transactional
    public void erase(Long editionId, Long registrationId) {
        Registration r = registrations.erase(editionId, registrationId);
        Lead.delete("registration", r);
    }

    /** The relay whose private link this is erases their own data, as the organisers would at their request. */
    @Transactional
    public void eraseOwn(String token) {
        Registration r = registrations.get(token);
        erase(r.edition.id, r.id);
    }

    /** All that is kept about the relay whose private link this is. */
    @Transactional
    public KeptData keptByToken(String token) {
        return kept(registrations.get(token), demoData);
    }

    /** All that is kept about one relay of an edition, for the organisers to send them on request. */
    public KeptData keptInEdition(Long editionId, Long registrationId) {
        return keptInEdition(editionId, registrationId, demoData);
    }

    @Transactional
    KeptData keptInEdition(Long editionId, Long registrationId, boolean keepDemo) {
        return kept(registrations.inEdition(editionId, registrationId), keepDemo);
    }

    private KeptData kept(Registration r, boolean keepDemo) {
        List<KeptData.SessionKept> sessions = Booking.listByRegistration(r).stream()
                .map(b -> new KeptData.SessionKept(b.session.title, b.session.day, b.session.startsAt, b.session.endsAt,
                        b.status, b.waitlistPosition, b.attendedAt))
                .toList();
        List<KeptData.SessionLeft> left = LeftSession.listByRegistration(r).stream()
                .map(s -> new KeptData.SessionLeft(s.title, s.day, s.startsAt, s.endsAt, s.leftAt)).toList();
        List<KeptData.StandNote> notes = Lead.<Lead>list("registration = ?1 order by createdAt, id", r).stream()
                .map(l -> new KeptData.StandNote(l.stand.institution.name, l.createdAt, l.noteLines())).toList();
        List<KeptData.MailKept> mails = OutboxMail.<OutboxMail>list("registration = ?1 order by createdAt, id", r).stream()
                .map(m -> new KeptData.MailKept(m.kind, m.sessionTitle, m.createdAt, m.wasSetAside() ? null : m.sentAt,
                        m.wasSetAside()))
                .toList();
        return new KeptData(r.edition.title, given(r.firstName), given(r.lastName), r.email, r.phone, given(r.organisation),
                r.sector, r.role, r.language, r.accessibilityNeeds(), r.accessibilityNotes, r.addressKept, r.status, r.walkIn, r.createdAt,
                r.consentAt, r.cancelledAt, r.checkedInAt, r.anonymisedAt, r.edition.keptUntil(retentionMonths).orElse(null),
                retentionMonths, keepDemo && keptForDemo(r.edition), sessions, left, notes, mails);
    }

    /** The demonstration's forum, kept while the demonstration is on: its relays are invented. */
    private static boolean keptForDemo(Edition edition) {
        return Integer.valueOf(DemoData.DEMO_EDITION).equals(edition.number);
    }

    /** An erased name or organisation is stored empty: said as nothing kept. */
    private static String given(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /**
     * A minute after Relais starts, then every few hours: the editions whose retention time has passed
     * lose their personal data, on a server that runs all the time as on one started for the day.
     */
    @Scheduled(every = "${relais.privacy.every}", delayed = "${relais.privacy.delayed}")
    void regularly() {
        eraseDue(forum.today());
    }

    /** Erases the editions whose last day is more than the retention time before {@code today}; returns them. */
    public List<Long> eraseDue(LocalDate today) {
        List<Long> due = due(today);
        for (Long id : due) {
            int erased = eraseEdition(id);
            LOG.logf(erased > 0 ? Logger.Level.INFO : Logger.Level.DEBUG,
                    "Edition %d: personal data of %d registration(s) erased, %d months after the forum", id, erased,
                    retentionMonths);
        }
        return due;
    }

    List<Long> due(LocalDate today) {
        return due(today, demoData);
    }

    @Transactional
    List<Long> due(LocalDate today, boolean keepDemo) {
        return Edition.<Edition>list("anonymisedAt is null").stream()
                .filter(e -> !(keepDemo && keptForDemo(e)))
                .filter(e -> e.keptUntil(retentionMonths).map(until -> until.isBefore(today)).orElse(false))
                .map(e -> e.id).toList();
    }

    /** One edition's relays, its stands' contacts and its guests' badges, in one transaction. */
    @Transactional
    int eraseEdition(Long editionId) {
        Edition edition = Edition.findById(editionId);
        int erased = registrations.eraseEdition(edition);
        Lead.delete("stand.id in (select s.id from Stand s where s.edition = ?1)", edition);
        // The badges go, their counts stay: the door's figures of guests, press and staff remain true.
        edition.erasedBadges = (int) BadgeHolder.count("edition", edition);
        edition.erasedBadgesCheckedIn = (int) BadgeHolder.count("edition = ?1 and checkedInAt is not null", edition);
        BadgeHolder.delete("edition", edition);
        edition.anonymisedAt = Instants.now();
        return erased;
    }
}
