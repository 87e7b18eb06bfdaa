package org.relais;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relais.mail.OutboxWorker;
import org.relais.print.PdfTools;
import org.relais.registration.RegistrationService;

/** The e-mails relays get: sent once, in their language, escaped, with their calendar and their badge. */
@QuarkusTest
class RegistrationMailTest {

    @Inject
    MockMailbox mailbox;

    @Inject
    OutboxWorker worker;

    @Inject
    RegistrationService registrations;

    @Inject
    org.relais.registration.Admissions admissions;

    private static String register(long edition, Map<String, Object> body) {
        return Api.register(edition, body).getString("manageToken");
    }

    /** A relay who lost their mail calls: the organiser sends their link again, to their own address, while it stands. */
    @Test
    void theOrganiserSendsARelayTheirLinkAgain() {
        long edition = Api.openEdition();
        String email = "lost-" + System.nanoTime() + "@example.org";
        io.restassured.path.json.JsonPath registered = Api.register(edition, Api.relay("Inès", email, List.of()));
        String page = "/organiser/editions/" + edition + "/registrations/" + registered.getLong("id");
        worker.sendDue();
        assertEquals(1, mailbox.getMailsSentTo(email).size(), "the confirmation");

        Pages pages = Pages.signIn();
        pages.get(page).then().statusCode(200).body(containsString("Renvoyer son lien au relais"))
                .body(containsString("Un e-mail part à " + email));
        pages.form(page + "/link", Map.of()).then().statusCode(303)
                .header("Location", endsWith(page + "?done=link-sent-relay"));
        pages.get(page + "?done=link-sent-relay").then().body(containsString("Le lien part vers le relais."));
        worker.sendDue();
        List<Mail> mails = mailbox.getMailsSentTo(email);
        assertEquals(2, mails.size(), "the link, once");
        assertTrue(mails.get(1).getSubject().startsWith("Votre lien d’inscription : "), mails.get(1).getSubject());
        assertTrue(mails.get(1).getText().contains("/r/" + registered.getString("manageToken")), mails.get(1).getText());

        given().delete("/api/v1/registrations/" + registered.getString("manageToken")).then().statusCode(204);
        pages.get(page).then().body(not(containsString("/link\"")));
        pages.form(page + "/link", Map.of()).then().statusCode(409)
                .body(containsString("aucun lien n’est envoyé"));
        worker.sendDue();
        assertEquals(3, mailbox.getMailsSentTo(email).size(), "the cancellation, and no link");
        assertTrue(mailbox.getMailsSentTo(email).get(2).getSubject().startsWith("Inscription annulée"));
    }

    /** A relay phones to say they cannot come: the organiser cancels for them, as their link would. */
    @Test
    void theOrganiserCancelsARelaysRegistrationForThem() {
        long edition = Api.openEdition();
        long session = Api.session(edition, Api.space(edition, "Studio", "STUDIO", 40), Api.forumDay(), "11:00", "12:00", 1);
        String email = "cannot-come-" + System.nanoTime() + "@example.org";
        io.restassured.path.json.JsonPath registered = Api.register(edition, Api.relay("Inès", email, List.of(session)));
        String waiting = "waiting-" + System.nanoTime() + "@example.org";
        String waitingToken = Api.register(edition, Api.relay("Karim", waiting, List.of(session))).getString("manageToken");
        String page = "/organiser/editions/" + edition + "/registrations/" + registered.getLong("id");
        worker.sendDue();

        Pages pages = Pages.signIn();
        pages.get(page).then().statusCode(200).body(containsString("action=\"" + page + "/cancel\""))
                .body(containsString("data-confirm=\"Annuler l’inscription (Inès Relais) ? Ses places iront à qui attend.\""));
        // without JavaScript the page asks first, and nothing is cancelled until the organiser says yes
        pages.form(page + "/cancel", Map.of()).then().statusCode(200)
                .body(containsString("<h1>Annuler l’inscription (Inès Relais)\u00a0? Ses places iront à qui attend.</h1>"))
                .body(containsString(">Annuler son inscription</button>"))
                .body(containsString("<a href=\"" + page + "\">Non, revenir en arrière</a>"));
        given().get("/api/v1/registrations/" + registered.getString("manageToken")).then().body("status", equalTo("CONFIRMED"));
        pages.form(page + "/cancel", Map.of("confirmed", "yes")).then().statusCode(303)
                .header("Location", endsWith(page + "?done=registration-cancelled"));
        pages.get(page + "?done=registration-cancelled").then().body(containsString("L’inscription est annulée"))
                .body(not(containsString("action=\"" + page + "/cancel\"")));
        given().get("/api/v1/registrations/" + registered.getString("manageToken")).then().body("status", equalTo("CANCELLED"))
                .body("sessions.size()", equalTo(0));
        given().get("/api/v1/registrations/" + waitingToken).then().body("sessions[0].status", equalTo("CONFIRMED"));
        pages.get("/organiser/editions/" + edition + "/registrations").then()
                .body(containsString(email + "</small><span class=\"on-phone\"><br><small>Annulée</small></span>")); // where a phone shows the status

        pages.form(page + "/cancel", Map.of()).then().statusCode(409).body(containsString("Cette inscription est annulée."));
        pages.form("/organiser/editions/" + Api.openEdition() + "/registrations/" + registered.getLong("id") + "/cancel",
                Map.of()).then().statusCode(404);
        worker.sendDue();
        List<Mail> mails = mailbox.getMailsSentTo(email);
        assertEquals(2, mails.size(), "the confirmation, then the cancellation, once");
        Mail cancellation = mails.get(1);
        assertTrue(cancellation.getSubject().startsWith("Inscription annulée par les organisateurs : "), cancellation.getSubject());
        assertTrue(cancellation.getText().contains("les organisateurs ont annulé votre inscription au "), cancellation.getText());
        assertTrue(cancellation.getHtml().contains("les organisateurs ont annulé votre inscription au "), cancellation.getHtml());
        assertTrue(cancellation.getText().contains("vous pouvez vous inscrire à nouveau"), "how to register again");
        assertTrue(cancellation.getAttachments().isEmpty(), "no calendar, no badge");
        assertTrue(mailbox.getMailsSentTo(waiting).stream().anyMatch(m -> m.getSubject().startsWith("Une place s’est libérée")),
                "the seat goes to the relay waiting");
        // the address is free again: the relay can register anew
        Api.register(edition, Api.relay("Inès", email, List.of()));
    }

    /**
     * The calendar in the mail and the one the relay's page gives are the same events: a relay who
     * imports one, then the other, gets each event once, moved if it moved, not twice.
     */
    @Test
    void theMailsCalendarAndThePagesNameTheSameEvents() {
        long edition = Api.openEdition();
        long session = Api.session(edition, Api.space(edition, "Studio", "STUDIO", 40), Api.forumDay(), "11:00", "12:00", 10);
        String email = "same-events-" + System.nanoTime() + "@example.org";
        String token = register(edition, Api.relay("Inès", email, List.of(session)));
        worker.sendDue();
        String mailed = new String(attachment(only(email, "Votre inscription"), "forum.ics"), StandardCharsets.UTF_8);
        String downloaded = given().get("/r/" + token + "/calendar.ics").then().statusCode(200)
                .contentType("text/calendar").extract().asString();
        assertEquals(2, uids(mailed).size(), mailed);
        assertEquals(uids(mailed), uids(downloaded), downloaded);
    }

    @Test
    void theConfirmationIsSentOnceWithTheLinkAndTheCalendarAndEscapesNames() throws Exception {
        long edition = Api.openEdition();
        long room = Api.space(edition, "Studio 104", "STUDIO", 40);
        long session = Api.session(edition, room, Api.forumDay(), "11:00", "12:00", 10);
        String email = "mail-" + System.nanoTime() + "@example.org";
        Map<String, Object> body = Api.relay("<b>Zoé</b>", email, List.of(session));
        io.restassured.path.json.JsonPath registered = Api.register(edition, body);
        String token = registered.getString("manageToken");

        worker.sendDue();
        worker.sendDue();
        List<Mail> mails = mailbox.getMailsSentTo(email);
        assertEquals(1, mails.size(), "sent once");
        Mail mail = mails.get(0);
        assertTrue(mail.getSubject().startsWith("Votre inscription : "), mail.getSubject());
        assertTrue(mail.getText().contains("/r/" + token), "manage link in the text");
        assertTrue(mail.getHtml().contains("&lt;b&gt;Zoé&lt;/b&gt;"), "name escaped in the HTML");
        assertFalse(mail.getHtml().contains("<b>Zoé</b>"));
        assertTrue(mail.getText().contains("<b>Zoé</b>"), "the text part shows the name as typed");
        assertTrue(mail.getHtml().contains("place réservée"));
        assertEquals(List.of("forum.ics", "badge.pdf"), mail.getAttachments().stream().map(a -> a.getName()).toList());
        String ics = new String(attachment(mail, "forum.ics"), StandardCharsets.UTF_8);
        assertTrue(ics.startsWith("BEGIN:VCALENDAR\r\n"), ics);
        assertEquals(2, ics.split("BEGIN:VEVENT").length - 1, "the forum day and the session");
        assertTrue(ics.contains("SUMMARY:Atelier 11:00"), ics);
        assertTrue(ics.contains("LOCATION:Studio 104"), ics);

        // The badge, as the relay's page gives it: their name as typed, their session on the back, their code.
        assertTrue(mail.getText().contains("Votre badge est joint (badge.pdf)"), mail.getText());
        assertEquals("application/pdf", mail.getAttachments().get(1).getContentType());
        Path dir = Files.createTempDirectory("mail-badge");
        Path pdf = Files.write(dir.resolve("badge.pdf"), attachment(mail, "badge.pdf"));
        assertEquals(2, PdfTools.pages(pdf));
        assertTrue(PdfTools.text(pdf, 1).contains("<b>Zoé</b>"), PdfTools.text(pdf, 1));
        assertTrue(PdfTools.text(pdf, 2).contains("Atelier 11:00"), PdfTools.text(pdf, 2));
        assertEquals(List.of(registered.getString("code")), PdfTools.qrCodes(PdfTools.render(pdf, 1, 150, dir)));

        // Once cancelled, no badge and no calendar: the mail only says so.
        given().delete("/api/v1/registrations/" + token).then().statusCode(204);
        worker.sendDue();
        Mail cancelled = mailbox.getMailsSentTo(email).stream().filter(m -> m.getSubject().startsWith("Inscription annulée"))
                .findFirst().orElseThrow();
        assertEquals(List.of(), cancelled.getAttachments());
        assertFalse(cancelled.getText().contains("badge"), cancelled.getText());
    }

    /** A domain with accents, as French ones may have, is written to in its ASCII form, which servers resolve. */
    @Test
    void aDomainWithAccentsIsWrittenToInItsAsciiForm() {
        long edition = Api.openEdition();
        String name = "jean-" + System.nanoTime();
        Api.register(edition, Api.relay("Jean", name + "@crèche-soleil.fr", List.of()));
        worker.sendDue();
        assertEquals(1, mailbox.getMailsSentTo(name + "@xn--crche-soleil-ydb.fr").size(), "the confirmation");
        assertEquals(0, mailbox.getMailsSentTo(name + "@crèche-soleil.fr").size());
    }

    /**
     * A mail that waited (a rush, a mail server down) while the relay changed their mind is set
     * aside: no seat announced that they no longer hold, no confirmation after their cancellation.
     */
    @Test
    void aMailThatBecameUntrueWhileItWaitedIsNotSent() {
        long edition = Api.openEdition();
        long room = Api.space(edition, "Studio", "STUDIO", 40);
        long session = Api.session(edition, room, Api.forumDay(), "11:00", "12:00", 1);
        String run = "untrue-" + System.nanoTime();
        String seated = register(edition, Api.relay("A", run + "-a@example.org", List.of(session)));
        String waiting = register(edition, Api.relay("W", run + "-w@example.org", List.of(session)));
        given().delete("/api/v1/registrations/" + seated).then().statusCode(204); // W moves up: a promotion is queued
        given().contentType("application/json").body(Map.of("sessionIds", List.of()))
                .put("/api/v1/registrations/" + waiting + "/sessions").then().statusCode(200);
        String quitter = register(edition, Api.relay("Q", run + "-q@example.org", List.of()));
        given().delete("/api/v1/registrations/" + quitter).then().statusCode(204);

        worker.sendDue();
        List<String> toW = subjects(run + "-w@example.org");
        assertEquals(1, toW.size(), toW.toString());
        assertTrue(toW.get(0).startsWith("Votre inscription : "), "the confirmation, not the promotion: " + toW);
        List<String> toQ = subjects(run + "-q@example.org");
        assertEquals(1, toQ.size(), toQ.toString());
        assertTrue(toQ.get(0).startsWith("Inscription annulée : "), "the cancellation only: " + toQ);

        // Set aside for good, with the reason: not tried again.
        assertEquals(List.of("CONFIRMATION " + run + "-a@example.org: Set aside: the registration was cancelled before it went",
                "PROMOTION " + run + "-w@example.org: Set aside: the relay no longer holds the seat it announces",
                "CONFIRMATION " + run + "-q@example.org: Set aside: the registration was cancelled before it went"), setAside(run));
        assertEquals(0, worker.sendDue(), "nothing left to send");
    }

    /**
     * Mails still waiting when the forum is over (a mail server down on the day, an address refused until corrected)
     * are set aside: a confirmation, a seat or a promotion would come after the day they are about. The cancellation
     * the relay waits for, and a link asked for, still go. Over is moved to held, or its last day gone by with nobody
     * moving it.
     */
    @Test
    void aMailAboutAForumThatIsOverIsSetAside() {
        String run = "over-" + System.nanoTime();
        for (String over : List.of("held", "past")) {
            long edition = Api.openEdition();
            long room = Api.space(edition, "Studio", "STUDIO", 40);
            long session = Api.session(edition, room, Api.forumDay(), "11:00", "12:00", 1);
            String seated = register(edition, Api.relay("S", run + "-" + over + "-s@example.org", List.of(session)));
            long waiting = Api.register(edition, Api.relay("W", run + "-" + over + "-w@example.org", List.of(session)))
                    .getLong("id");
            String leaving = register(edition, Api.relay("L", run + "-" + over + "-l@example.org", List.of()));
            given().delete("/api/v1/registrations/" + seated).then().statusCode(204); // W moves up: a promotion
            given().delete("/api/v1/registrations/" + leaving).then().statusCode(204);
            registrations.sendLinkByOrganiser(edition, waiting);
            if (over.equals("held")) {
                Api.advance(edition, "REGISTRATION_CLOSED", "HELD");
            } else { // its day gone by, the organisers not having moved it: still open for registration
                io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> org.relais.edition.EditionDay.update(
                        "date = ?1 where edition.id = ?2", LocalDate.now(ZoneId.of("Europe/Paris")).minusDays(1), edition));
            }

            worker.sendDue();
            String to = run + "-" + over;
            assertEquals(List.of("Inscription annulée : Forum ouvert"), subjects(to + "-s@example.org"),
                    "the cancellation, still true: " + over);
            assertEquals(List.of("Inscription annulée : Forum ouvert"), subjects(to + "-l@example.org"), over);
            assertEquals(List.of("Votre lien d’inscription : Forum ouvert"), subjects(to + "-w@example.org"),
                    "the link asked for, and neither the confirmation nor the promotion: " + over);
            assertEquals(List.of("CONFIRMATION " + to + "-s@example.org: Set aside: the registration was cancelled before it went",
                    "CONFIRMATION " + to + "-w@example.org: Set aside: the forum was over before it went",
                    "CONFIRMATION " + to + "-l@example.org: Set aside: the registration was cancelled before it went",
                    "PROMOTION " + to + "-w@example.org: Set aside: the forum was over before it went"), setAside(to), over);
        }
        assertEquals(0, worker.sendDue(), "nothing left to send");
    }

    private List<String> subjects(String email) {
        return mailbox.getMailsSentTo(email).stream().map(Mail::getSubject).toList();
    }

    /** The mails set aside, unsent, of the relays whose address begins with {@code run}: kind, address and reason. */
    private static List<String> setAside(String run) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> org.relais.mail.OutboxMail
                .<org.relais.mail.OutboxMail>list("registration.email like ?1 and sentAt is not null and lastError is not null"
                        + " order by id", run + "-%")
                .stream().map(m -> m.kind + " " + m.registration.email + ": " + m.lastError).toList());
    }

    @Test
    void aBadgeThatCannotBeDrawnDoesNotHoldTheMailBack() {
        worker.sendDue(); // the other tests' mails first, with their badges
        io.quarkus.test.junit.QuarkusMock.installMockForType(new org.relais.badge.BadgeService() {
            @Override
            public void writeOwn(org.relais.registration.Registration r, java.io.OutputStream out) {
                throw new IllegalStateException("no badge today");
            }
        }, org.relais.badge.BadgeService.class);
        long edition = Api.openEdition();
        String email = "nobadge-" + System.nanoTime() + "@example.org";
        register(edition, Api.relay("Noé", email, List.of()));

        worker.sendDue();
        List<Mail> mails = mailbox.getMailsSentTo(email);
        assertEquals(1, mails.size(), "sent, not held back for a retry");
        assertEquals(List.of("forum.ics"), mails.get(0).getAttachments().stream().map(a -> a.getName()).toList());
        assertFalse(mails.get(0).getText().contains("badge"), mails.get(0).getText());
    }

    /** A calendar's events, by the identity a calendar program keeps them under. */
    private static List<String> uids(String ics) {
        return ics.lines().filter(l -> l.startsWith("UID:")).toList();
    }

    private static byte[] attachment(Mail mail, String name) {
        var found = mail.getAttachments().stream().filter(a -> a.getName().equals(name)).findFirst().orElseThrow();
        List<Byte> data = io.smallrye.mutiny.Multi.createFrom().publisher(found.getData()).collect().asList().await()
                .indefinitely();
        byte[] bytes = new byte[data.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = data.get(i);
        }
        return bytes;
    }

    /**
     * Several instances of Relais share one outbox: workers claiming batches at the same moment
     * still send every mail exactly once, and mark each sent.
     */
    @Test
    void workersSendingAtTheSameMomentSendEachMailOnce() throws Exception {
        long edition = Api.openEdition();
        String run = "batch-" + System.nanoTime();
        int relays = 130; // more than two batches of 50
        for (int i = 0; i < relays; i++) {
            register(edition, Api.relay("B" + i, run + "-" + i + "@example.org", List.of()));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        List<java.util.concurrent.Future<Integer>> workers = new java.util.ArrayList<>();
        for (int w = 0; w < 3; w++) {
            workers.add(pool.submit(worker::sendDue));
        }
        int sent = 0;
        for (java.util.concurrent.Future<Integer> w : workers) {
            sent += w.get();
        }
        pool.shutdown();
        assertTrue(sent >= relays, "the three workers sent " + sent);
        for (int i = 0; i < relays; i++) {
            assertEquals(1, mailbox.getMailsSentTo(run + "-" + i + "@example.org").size(), "relay " + i);
        }
        long unsent = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> org.relais.mail.OutboxMail
                .count("registration.email like ?1 and (sentAt is null or claimToken is not null)", run + "-%"));
        assertEquals(0, unsent, "every entry marked sent, its claim released");
    }

    /** While relays register, the outbox's scheduled worker lets them go first; then it is quiet again. */
    @Test
    void aRegistrationCountsAsARushForAMomentOnly() throws Exception {
        long edition = Api.openEdition();
        register(edition, Api.relay("Rush", "rush-" + System.nanoTime() + "@example.org", List.of()));
        assertTrue(admissions.registering(), "just answered: still a rush");
        long until = System.nanoTime() + 5_000_000_000L;
        while (admissions.registering() && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertFalse(admissions.registering(), "quiet a moment later");
    }

    @Test
    void aPromotionIsAnnouncedInTheRelaysLanguage() {
        long edition = Api.openEdition();
        long room = Api.space(edition, "Studio", "STUDIO", 40);
        long session = Api.session(edition, room, Api.forumDay(), "11:00", "12:00", 1);
        String seated = register(edition, Api.relay("A", "a-" + System.nanoTime() + "@example.org", List.of(session)));
        String email = "b-" + System.nanoTime() + "@example.org";
        Map<String, Object> english = Api.relay("Ben", email, List.of(session));
        english.put("language", "en");
        register(edition, english);
        given().delete("/api/v1/registrations/" + seated).then().statusCode(204);

        worker.sendDue();
        List<String> subjects = subjects(email);
        assertEquals(2, subjects.size(), subjects.toString());
        assertTrue(subjects.contains("Your registration: Forum ouvert"), subjects.toString());
        assertTrue(subjects.contains("A seat has freed up: Forum ouvert"), subjects.toString());
        Mail promotion = mailbox.getMailsSentTo(email).stream().filter(m -> m.getSubject().startsWith("A seat")).findFirst()
                .orElseThrow();
        assertTrue(promotion.getText().contains("you now have a place in “Atelier 11:00”"), promotion.getText());
    }

    @Test
    void remindersGoOutOnceTheConfiguredDaysBefore() {
        long edition = Api.openEdition();
        String email = "r-" + System.nanoTime() + "@example.org";
        register(edition, Api.relay("R", email, List.of()));
        LocalDate forumDay = LocalDate.parse(Api.forumDay());
        LocalDate twoDaysBefore = forumDay.minusDays(2);
        assertEquals(0, registrations.queueReminders(twoDaysBefore.minusDays(1), 2), "not yet");
        assertTrue(registrations.queueReminders(twoDaysBefore, 2) >= 1);
        assertEquals(0, registrations.queueReminders(twoDaysBefore, 2), "once only");
        worker.sendDue();
        Mail reminder = mailbox.getMailsSentTo(email).stream().filter(m -> m.getSubject().startsWith("Rappel : ")).findFirst()
                .orElseThrow();
        assertEquals(List.of("forum.ics", "badge.pdf"), reminder.getAttachments().stream().map(a -> a.getName()).toList());
        assertTrue(LocalDate.now(ZoneId.of("Europe/Paris")).isBefore(forumDay));
    }

    /**
     * A reminder day the morning job missed (the server down at that hour) is caught up by its next run,
     * until the forum's day; a relay who registers on or after the reminder day is not reminded, their
     * confirmation being days old at most.
     */
    @Test
    void aReminderDayMissedIsCaughtUpUntilTheForumsDay() {
        long edition = Api.openEdition();
        String run = "missed-" + System.nanoTime();
        register(edition, Api.relay("M", run + "-m@example.org", List.of()));
        LocalDate forumDay = LocalDate.parse(Api.forumDay());
        java.util.function.ToLongFunction<String> reminders = who -> {
            worker.sendDue();
            return mailbox.getMailsSentTo(run + "-" + who + "@example.org").stream()
                    .filter(m -> m.getSubject().startsWith("Rappel : ")).count();
        };
        registrations.queueReminders(LocalDate.now(ZoneId.of("Europe/Paris")), 45);
        assertEquals(0, reminders.applyAsLong("m"), "registered after the reminder day, five days ago");

        registrations.queueReminders(forumDay.minusDays(1), 2);
        assertEquals(1, reminders.applyAsLong("m"), "the reminder day, two days before, was missed: the next day's run");
        registrations.queueReminders(forumDay.minusDays(1), 2);
        assertEquals(1, reminders.applyAsLong("m"), "once only");

        register(edition, Api.relay("N", run + "-n@example.org", List.of()));
        registrations.queueReminders(forumDay, 2);
        assertEquals(0, reminders.applyAsLong("n"), "not on the forum's day");
        registrations.queueReminders(forumDay.minusDays(1), 2);
        assertEquals(1, reminders.applyAsLong("n"));
    }

    /**
     * The reminders mark each relay they queue, in a transaction that read the registrations first;
     * a relay who cancels in between stays cancelled: marking writes the mark only, not the status
     * it read before.
     */
    @Test
    void aRelayWhoCancelsWhileTheRemindersAreQueuedStaysCancelled() {
        long edition = Api.openEdition();
        String token = register(edition, Api.relay("R", "between-" + System.nanoTime() + "@example.org", List.of()));
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            org.relais.registration.Registration r = org.relais.registration.Registration.findByToken(token).orElseThrow();
            assertEquals(org.relais.registration.RegistrationStatus.CONFIRMED, r.status);
            io.restassured.RestAssured.given().delete("/api/v1/registrations/" + token).then().statusCode(204);
            r.remindedAt = java.time.OffsetDateTime.now();
        });
        io.restassured.RestAssured.given().get("/api/v1/registrations/" + token).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("CANCELLED"));
    }

    /**
     * Relays taken off a session by the organisers, or whose session the organisers delete, are told
     * which session (its title and time kept with the mail, the session being gone), with their
     * badge and calendar up to date. A promotion queued for a session deleted before it went, or a
     * withdrawal from a session the relay chose again meanwhile, is set aside.
     */
    @Test
    void relaysTakenOffASessionOrWhoseSessionIsDeletedAreTold() {
        long edition = Api.openEdition();
        long room = Api.space(edition, "Studio", "STUDIO", 40);
        long morning = Api.session(edition, room, Api.forumDay(), "11:00", "12:00", 1);
        long afternoon = Api.session(edition, room, Api.forumDay(), "14:00", "15:00", 5);
        long late = Api.session(edition, room, Api.forumDay(), "16:00", "17:00", 1);
        String run = "told-" + System.nanoTime();
        register(edition, Api.relay("X", run + "-x@example.org", List.of(morning)));
        register(edition, Api.relay("Y", run + "-y@example.org", List.of(morning, afternoon)));
        String z = register(edition, Api.relay("Z", run + "-z@example.org", List.of(late)));
        register(edition, Api.relay("W", run + "-w@example.org", List.of(late)));
        worker.sendDue(); // the confirmations

        // X taken off the morning workshop by the organisers: told; Y, waiting, moves up.
        registrations.removeBooking(edition, bookingOf(run + "-x@example.org", morning));
        // Z cancels the late session: W moves up (a promotion queued), then the organisers delete that session.
        given().delete("/api/v1/registrations/" + z).then().statusCode(204);
        Api.organiser().delete("/api/v1/editions/" + edition + "/sessions/" + late).then().statusCode(204);
        // The afternoon session is deleted too: Y, seated in it, is told.
        Api.organiser().delete("/api/v1/editions/" + edition + "/sessions/" + afternoon).then().statusCode(204);
        worker.sendDue();

        Mail toX = only(run + "-x@example.org", "Une séance retirée de votre inscription : ");
        assertTrue(toX.getText().contains("les organisateurs vous ont retiré·e de « Atelier 11:00 »")
                && toX.getText().contains("de 11:00 à 12:00"), toX.getText());
        assertEquals(List.of("forum.ics", "badge.pdf"), toX.getAttachments().stream().map(a -> a.getName()).toList());
        only(run + "-y@example.org", "Une place s’est libérée : ");
        Mail toY = only(run + "-y@example.org", "Séance annulée : ");
        assertTrue(toY.getText().contains("« Atelier 14:00 », le ") && toY.getText().contains("de 14:00 à 15:00, est annulée"),
                toY.getText());
        assertFalse(toY.getText().contains("- 14:00"), "no longer among Y's sessions: " + toY.getText());
        Mail toW = only(run + "-w@example.org", "Séance annulée : ");
        assertTrue(toW.getText().contains("« Atelier 16:00 »"), toW.getText());
        assertTrue(mailbox.getMailsSentTo(run + "-w@example.org").stream().noneMatch(m -> m.getSubject().startsWith("Une place")),
                "the promotion to a deleted session is set aside");
        Api.organiser().get("/api/v1/editions/" + edition + "/registrations").then().statusCode(200)
                .body("sessions.flatten().sessionId", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.equalTo((int) morning)));

        // Taken off, then back on the list by their own choice before the mail went: the withdrawal is set aside.
        String v = register(edition, Api.relay("V", run + "-v@example.org", List.of()));
        given().contentType("application/json").body(Map.of("sessionIds", List.of(morning)))
                .put("/api/v1/registrations/" + v + "/sessions").then().statusCode(200);
        worker.sendDue();
        registrations.removeBooking(edition, bookingOf(run + "-v@example.org", morning));
        given().contentType("application/json").body(Map.of("sessionIds", List.of(morning)))
                .put("/api/v1/registrations/" + v + "/sessions").then().statusCode(200);
        worker.sendDue();
        assertTrue(mailbox.getMailsSentTo(run + "-v@example.org").stream().noneMatch(m -> m.getSubject().startsWith("Une séance retirée")));
        assertEquals(0, worker.sendDue(), "nothing left to send");
    }

    /**
     * A session moved to another time or room: its relays, seated or waiting, are told where and when
     * it is now; a new title alone tells nobody; moved twice before the mails go, only the last is sent.
     */
    @Test
    void relaysAreToldWhenTheirSessionMoves() {
        long edition = Api.openEdition();
        long room = Api.space(edition, "Studio", "STUDIO", 40);
        long other = Api.space(edition, "Salle 2", "ROOM", 40);
        long session = Api.session(edition, room, Api.forumDay(), "11:00", "12:00", 1);
        String run = "moved-" + System.nanoTime();
        register(edition, Api.relay("X", run + "-x@example.org", List.of(session)));
        register(edition, Api.relay("Y", run + "-y@example.org", List.of(session)));
        worker.sendDue();
        java.util.function.BiConsumer<String, Object[]> change = (title, where) -> {
            Map<String, Object> body = Api.sessionBody((Long) where[0], Api.forumDay(), (String) where[1], (String) where[2], 1);
            body.put("title", title);
            Api.changeSession(edition, session, body).then().statusCode(200);
        };

        change.accept("Atelier 11:00", new Object[] {other, "15:00", "16:00"});
        worker.sendDue();
        for (String who : List.of("x", "y")) {
            Mail moved = only(run + "-" + who + "@example.org", "Une séance change d’horaire ou de lieu : ");
            assertTrue(moved.getText().contains("« Atelier 11:00 » change d’horaire ou de lieu : elle a lieu désormais le ")
                    && moved.getText().contains(" de 15:00 à 16:00, Salle 2."), moved.getText());
            assertEquals(List.of("forum.ics", "badge.pdf"), moved.getAttachments().stream().map(a -> a.getName()).toList());
        }

        change.accept("Atelier radio", new Object[] {other, "15:00", "16:00"}); // a new title only
        change.accept("Atelier radio", new Object[] {other, "13:00", "14:00"});
        change.accept("Atelier radio", new Object[] {room, "14:00", "15:00"});
        worker.sendDue();
        List<Mail> toX = mailbox.getMailsSentTo(run + "-x@example.org").stream()
                .filter(m -> m.getSubject().startsWith("Une séance change")).toList();
        assertEquals(2, toX.size(), "the first move, then only the last of the two that followed");
        assertTrue(toX.get(1).getText().contains(" de 14:00 à 15:00, Studio."), toX.get(1).getText());
        assertEquals(0, worker.sendDue(), "nothing left to send");
    }

    /**
     * The edit page says the relays are told exactly when they are: a forum moved to a day already gone by tells nobody
     * (it is over) and says "saved"; moved back to a day to come, it tells them and says so.
     */
    @Test
    void theEditPageSaysRelaysAreToldOnlyWhenTheyAre() {
        long edition = Api.openEdition();
        String relay = "moved-" + System.nanoTime() + "@example.org";
        register(edition, Api.relay("X", relay, List.of()));
        worker.sendDue();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        String path = "/organiser/editions/" + edition + "/edit";
        Pages pages = Pages.signIn();
        Map<String, String> fields = new java.util.HashMap<>(Map.of("number", String.valueOf(Api.uniqueNumber()),
                "title", "Forum ouvert", "registrationOpensOn", today.minusDays(10).toString(),
                "days.0.date", today.minusDays(1).toString(), "days.0.opensAt", "10:00", "days.0.closesAt", "16:00"));
        String subject = "Le forum change de jour ou d’horaires\u00a0: Forum ouvert";

        pages.form(path, fields).then().statusCode(303).header("Location", endsWith("?done=saved"));
        worker.sendDue();
        assertTrue(mailbox.getMailsSentTo(relay).stream().noneMatch(m -> m.getSubject().equals(subject)), "nobody told");

        fields.put("days.0.date", Api.forumDay());
        pages.form(path, fields).then().statusCode(303).header("Location", endsWith("?done=rescheduled"));
        worker.sendDue();
        only(relay, subject);
    }

    /**
     * The forum put off by a week, on the organiser's form: its sessions move with it, and each relay
     * registered (seated, waiting or with no session) is told once, with the forum and their sessions as
     * they are now, and reminded again before the new day. A change of hours tells them too; changed
     * twice before the mails go, only the last is sent; a day added leaves the sessions where they are;
     * a change that keeps the days tells nobody.
     */
    @Test
    void relaysAreToldWhenTheForumsDaysChangeAndTheProgrammeFollowsAWholeMove() {
        long edition = Api.openEdition();
        long session = Api.session(edition, Api.space(edition, "Studio", "STUDIO", 40), Api.forumDay(), "11:00", "12:00", 1);
        String run = "rescheduled-" + System.nanoTime();
        register(edition, Api.relay("X", run + "-x@example.org", List.of(session)));
        register(edition, Api.relay("Y", run + "-y@example.org", List.of(session)));
        register(edition, Api.relay("Z", run + "-z@example.org", List.of()));
        given().delete("/api/v1/registrations/" + register(edition, Api.relay("C", run + "-c@example.org", List.of())))
                .then().statusCode(204);
        LocalDate day = LocalDate.parse(Api.forumDay());
        assertTrue(registrations.queueReminders(day.minusDays(2), 2) >= 3);
        worker.sendDue();

        LocalDate later = day.plusDays(7);
        String path = "/organiser/editions/" + edition + "/edit";
        Pages pages = Pages.signIn();
        pages.get(path).then().statusCode(200).body(containsString("les séances les suivent"));
        Map<String, String> fields = new java.util.HashMap<>(Map.of("number", String.valueOf(Api.uniqueNumber()),
                "title", "Forum ouvert", "registrationOpensOn", LocalDate.now(ZoneId.of("Europe/Paris")).minusDays(1).toString(),
                "days.0.date", later.toString(), "days.0.opensAt", "10:00", "days.0.closesAt", "16:00"));
        pages.form(path, fields).then().statusCode(303)
                .header("Location", endsWith("/organiser/editions/" + edition + "?done=rescheduled"));
        pages.get("/organiser/editions/" + edition + "?done=rescheduled").then()
                .body(containsString("chaque relais inscrit en est prévenu par e-mail"));
        given().get("/api/v1/editions/" + edition + "/sessions/" + session).then().body("day", equalTo(later.toString()))
                .body("startsAt", equalTo("11:00"));
        worker.sendDue();
        String subject = "Le forum change de jour ou d’horaires\u00a0: Forum ouvert";
        String before = new String(attachment(only(run + "-x@example.org", "Votre inscription"), "forum.ics"),
                StandardCharsets.UTF_8);
        String after = new String(attachment(only(run + "-x@example.org", subject), "forum.ics"), StandardCharsets.UTF_8);
        assertEquals(2, uids(after).size(), after);
        assertEquals(uids(before), uids(after), "the forum's day and the session, the same events moved: " + after);
        assertTrue(after.contains("DTSTART:" + later.toString().replace("-", "") + "T"), after);
        for (String who : List.of("x", "y", "z")) {
            Mail told = only(run + "-" + who + "@example.org", subject);
            assertTrue(told.getText().contains("les organisateurs ont changé les jours ou les horaires du Forum ouvert")
                    && told.getText().contains(org.relais.web.Messages.longDate(later, java.util.Locale.FRENCH) + ", 10:00–16:00"),
                    told.getText());
            assertEquals(!"z".equals(who), told.getText().contains("- 11:00–12:00 · Atelier"), told.getText());
            assertEquals(List.of("forum.ics", "badge.pdf"), told.getAttachments().stream().map(a -> a.getName()).toList());
        }
        assertTrue(mailbox.getMailsSentTo(run + "-c@example.org").stream().noneMatch(m -> m.getSubject().startsWith("Le forum")),
                "a cancelled relay is not told");
        assertEquals(0, registrations.queueReminders(day.minusDays(2), 2), "the old day is not reminded again");
        assertTrue(registrations.queueReminders(later.minusDays(2), 2) >= 3, "the new day is");

        fields.put("title", "Forum ouvert, nouveau titre");
        pages.form(path, fields).then().statusCode(303).header("Location", endsWith("?done=saved"));
        fields.put("days.0.opensAt", "09:30");
        pages.form(path, fields).then().statusCode(303).header("Location", endsWith("?done=rescheduled"));
        fields.put("days.1.date", later.plusDays(1).toString());
        fields.put("days.1.opensAt", "09:00");
        fields.put("days.1.closesAt", "13:00");
        pages.form(path, fields).then().statusCode(303).header("Location", endsWith("?done=rescheduled"));
        given().get("/api/v1/editions/" + edition + "/sessions/" + session).then().body("day", equalTo(later.toString()));
        worker.sendDue();
        List<Mail> toX = mailbox.getMailsSentTo(run + "-x@example.org").stream()
                .filter(m -> m.getSubject().startsWith("Le forum change")).toList();
        assertEquals(2, toX.size(), "the move, then only the last of the two changes of hours");
        assertTrue(toX.get(1).getText().contains(", 09:30–16:00") && toX.get(1).getText().contains(", 09:00–13:00")
                && toX.get(1).getText().contains("- " + org.relais.web.Messages.shortDate(later, java.util.Locale.FRENCH)
                        + ", 11:00–12:00 · Atelier"), toX.get(1).getText());
        assertEquals(0, worker.sendDue(), "nothing left to send");

        Api.advance(edition, "REGISTRATION_CLOSED", "HELD"); // a past forum's date corrected: nobody is told, nor said to be
        pages.get(path).then().statusCode(200).body(not(containsString("les séances les suivent")));
        fields.put("days.1.date", later.plusDays(2).toString());
        pages.form(path, fields).then().statusCode(303).header("Location", endsWith("?done=saved"));
        assertEquals(0, worker.sendDue(), "nothing to send");
    }

    /**
     * An organiser corrects a relay's registration from the list, the e-mail address included: the
     * new address gets a new link for the relay, the old one opening nothing; an address another
     * registration uses is refused, the field
     * marked and what was typed kept.
     */
    @Test
    void anOrganiserCorrectsARegistrationAndANewAddressGetsTheLink() {
        long edition = Api.openEdition();
        long room = Api.space(edition, "Studio", "STUDIO", 40);
        long session = Api.session(edition, room, Api.forumDay(), "11:00", "12:00", 5);
        String run = "corrected-" + System.nanoTime();
        io.restassured.path.json.JsonPath wrong = Api.register(edition, Api.relay("Sofia", run + "-typo@example.org", List.of(session)));
        register(edition, Api.relay("Other", run + "-other@example.org", List.of()));
        worker.sendDue();
        String path = "/organiser/editions/" + edition + "/registrations/" + wrong.getLong("id");
        Pages pages = Pages.signIn();
        pages.get("/organiser/editions/" + edition + "/registrations").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("href=\"" + path + "\""));
        pages.get(path).then().statusCode(200).body(org.hamcrest.Matchers.containsString("value=\"" + run + "-typo@example.org\""));

        Map<String, String> fields = new java.util.HashMap<>(Map.of("firstName", "Sofía", "lastName", "<i>Relais</i>",
                "email", run + "-OTHER@example.org", "organisation", "Emmaüs", "sector", "french-language", "role", "volunteer",
                "language", "fr"));
        pages.form(path, fields).then().statusCode(422)
                .body(org.hamcrest.Matchers.containsString("Une autre inscription à cette édition utilise déjà cette adresse."))
                .body(org.hamcrest.Matchers.containsString("value=\"Sofía\""));
        fields.put("email", run + "-right@example.org");
        pages.form(path, fields).then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.containsString(path + "?done=address-changed-relay"));
        pages.get(path + "?done=address-changed-relay").then().statusCode(200).body(org.hamcrest.Matchers.containsString(
                "Modifications enregistrées. Un nouveau lien part vers la nouvelle adresse du relais\u00a0; l’ancien ne fonctionne plus."));
        worker.sendDue();

        // A new link, to the new address: whoever received the old one at the mistyped address opens nothing.
        Mail link = only(run + "-right@example.org", "Votre lien d’inscription : ");
        java.util.regex.Matcher sent = java.util.regex.Pattern.compile("/r/([A-Za-z0-9_-]{43})").matcher(link.getText());
        assertTrue(sent.find() && !sent.group(1).equals(wrong.getString("manageToken")), link.getText());
        assertTrue(link.getHtml().contains("Sofía") && !link.getHtml().contains("<i>Relais"), "escaped in the mail");
        given().get("/api/v1/registrations/" + wrong.getString("manageToken")).then().statusCode(404);
        given().get("/api/v1/registrations/" + sent.group(1)).then()
                .body("email", org.hamcrest.Matchers.equalTo(run + "-right@example.org"))
                .body("lastName", org.hamcrest.Matchers.equalTo("<i>Relais</i>"))
                .body("sessions[0].status", org.hamcrest.Matchers.equalTo("CONFIRMED"));
        // The new address is the registration's now: the form refuses it for a second one, the old one is free.
        given().contentType("application/json").body(Api.relay("Again", run + "-right@example.org", List.of()))
                .post("/api/v1/editions/" + edition + "/registrations").then().statusCode(409);
        register(edition, Api.relay("Free", run + "-typo@example.org", List.of()));
    }

    /**
     * A relay who imported their calendar, then gave up a session, had it stay there as if theirs. Their
     * page's file now names it again, cancelled, in a later revision; taken again, it is confirmed again;
     * once the registration is cancelled, the forum's day too is cancelled there.
     */
    @Test
    void aSessionLeftIsCancelledInTheRelaysCalendarFileAndTakenAgainConfirmed() {
        InTwoSessions relay = InTwoSessions.register("left-");
        long edition = relay.edition(), morning = relay.morning(), afternoon = relay.afternoon();
        String email = relay.email();
        io.restassured.path.json.JsonPath registered = relay.registered();
        String token = registered.getString("manageToken");
        String page = "/r/" + token;
        String first = given().get(page + "/calendar.ics").then().statusCode(200).extract().asString();
        String later = "session-" + afternoon + "-" + registered.getLong("id") + "@";
        assertTrue(event(first, later).contains("STATUS:CONFIRMED"), first);
        given().get(page).then().body(not(containsString("des séances que vous n’avez plus")));

        given().contentType("application/json").body(Map.of("sessionIds", List.of(morning)))
                .put("/api/v1/registrations/" + token + "/sessions").then().statusCode(200);
        String left = given().get(page + "/calendar.ics").then().statusCode(200).extract().asString();
        assertEquals(uids(first), uids(left), "the same events, the one left among them: " + left);
        assertTrue(event(left, later).contains("STATUS:CANCELLED"), left);
        assertTrue(event(left, later).contains("SUMMARY:Atelier 14:00 (plus dans vos séances)"), left);
        assertTrue(event(left, "session-" + morning + "-").contains("STATUS:CONFIRMED"), left);
        assertTrue(event(left, "forum-").contains("STATUS:CONFIRMED"), left);
        long revision = sequence(event(left, later));
        assertTrue(revision >= sequence(event(first, later)), "a later revision: " + left);
        long now = java.time.Duration.between(java.time.Instant.parse("2020-01-01T00:00:00Z"), java.time.Instant.now())
                .toSeconds();
        assertTrue(Math.abs(now - revision) < 120, "the seconds since 2020: " + revision);
        given().get(page).then().body(containsString("Vous aviez ajouté à votre agenda des séances que vous n’avez plus\u00a0?"));
        given().get(page + "/data").then().body(containsString("Séances quittées")).body(containsString("Atelier 14:00 — quittée le "));
        Api.organiser().get("/api/v1/editions/" + edition + "/registrations/" + registered.getLong("id") + "/data").then()
                .body("sessionsLeft[0].title", equalTo("Atelier 14:00")).body("sessions.size()", equalTo(1));

        given().contentType("application/json").body(Map.of("sessionIds", List.of(morning, afternoon)))
                .put("/api/v1/registrations/" + token + "/sessions").then().statusCode(200);
        String again = given().get(page + "/calendar.ics").then().extract().asString();
        assertEquals(uids(first), uids(again), again);
        assertTrue(event(again, later).contains("STATUS:CONFIRMED") && !again.contains("plus dans vos séances"), again);
        given().get(page).then().body(not(containsString("des séances que vous n’avez plus")));

        given().delete("/api/v1/registrations/" + token).then().statusCode(204);
        given().get(page).then().body(containsString("Retirer le forum de mon agenda (.ics)"))
                .body(containsString("href=\"" + page + "/calendar.ics\""));
        String cancelled = given().get(page + "/calendar.ics").then().statusCode(200).extract().asString();
        assertEquals(uids(first), uids(cancelled), cancelled);
        assertEquals(3, cancelled.split("STATUS:CANCELLED").length - 1, "the forum's day and both sessions: " + cancelled);
        assertTrue(event(cancelled, "forum-").contains("(inscription annulée)"), cancelled);
        worker.sendDue();
        Mail cancellation = only(email, "Inscription annulée");
        assertTrue(cancellation.getText().contains("Si vous aviez ajouté le forum à votre agenda, le fichier de votre page l’y marque "
                + "annulé, avec vos séances\u00a0: http") && cancellation.getText().contains(page), cancellation.getText());
        assertTrue(cancellation.getHtml().contains("le fichier de votre page l’y marque annulé"), cancellation.getHtml());

        Api.organiser().post("/api/v1/editions/" + edition + "/registrations/" + registered.getLong("id") + "/erase")
                .then().statusCode(204);
        assertEquals(0L, (long) io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> org.relais.registration
                .LeftSession.count("registration.id", registered.getLong("id"))), "erased with the rest");
    }

    /**
     * A relay who cancels and registers again with the same address holds the forum through the new
     * registration: the old link's file cancels only its own sessions, not the forum's days the new one
     * confirms, and its page leads to the new link rather than to the form, which would refuse them.
     */
    @Test
    void aRelayWhoRegisteredAgainKeepsTheForumInTheirCalendarWhateverTheOldLinkGives() {
        InTwoSessions relay = InTwoSessions.register("again-");
        String old = "/r/" + relay.registered().getString("manageToken");
        given().delete("/api/v1/registrations/" + relay.registered().getString("manageToken")).then().statusCode(204);
        String renewed = Api.register(relay.edition(), Api.relay("Inès", relay.email(), List.of(relay.afternoon())))
                .getString("manageToken");

        String cancelled = given().get(old + "/calendar.ics").then().statusCode(200).extract().asString();
        assertFalse(cancelled.contains("UID:forum-"), "the forum's days left to the new registration: " + cancelled);
        long oldId = relay.registered().getLong("id");
        assertTrue(event(cancelled, "session-" + relay.morning() + "-" + oldId + "@").contains("STATUS:CANCELLED"), cancelled);
        assertTrue(event(cancelled, "session-" + relay.afternoon() + "-" + oldId + "@").contains("STATUS:CANCELLED"), cancelled);
        String current = given().get("/r/" + renewed + "/calendar.ics").then().statusCode(200).extract().asString();
        assertTrue(event(current, "forum-" + relay.edition() + "-day-1@").contains("STATUS:CONFIRMED"), current);

        given().get(old).then().statusCode(200)
                .body(containsString("Vous vous êtes inscrit·e de nouveau à ce forum avec la même adresse (" + relay.email() + ")"))
                .body(containsString("action=\"/editions/" + relay.edition() + "/resend\""))
                .body(containsString("Retirer ces séances de mon agenda (.ics)"))
                .body(not(containsString("S’inscrire à nouveau"))).body(not(containsString("Retirer le forum de mon agenda")));
    }

    /**
     * A relay may cancel after registration has closed, until the forum: neither their mail nor their page
     * then offers to register again, which the forum's page would refuse; they say it is closed.
     */
    @Test
    void aCancellationAfterRegistrationClosedOffersNoRegistrationAgain() {
        long edition = Api.openEdition();
        String email = "late-cancel-" + System.nanoTime() + "@example.org";
        String token = Api.register(edition, Api.relay("Inès", email, List.of())).getString("manageToken");
        Api.advance(edition, "REGISTRATION_CLOSED");
        given().delete("/api/v1/registrations/" + token).then().statusCode(204);
        worker.sendDue();

        Mail cancellation = only(email, "Inscription annulée");
        String closed = "Les inscriptions à ce forum sont closes\u00a0: vous ne pouvez plus vous y inscrire à nouveau en ligne.";
        assertTrue(cancellation.getText().contains(closed) && !cancellation.getText().contains("vous pouvez vous inscrire à nouveau"),
                cancellation.getText());
        assertTrue(cancellation.getHtml().contains(closed) && !cancellation.getHtml().contains("/editions/" + edition + "\""),
                cancellation.getHtml());
        given().get("/r/" + token).then().statusCode(200).body(containsString("<p>Les inscriptions sont closes.</p>"))
                .body(not(containsString("S’inscrire à nouveau")));
    }

    /**
     * The mails about the organisers' changes to a relay's sessions say what the relay may do next as
     * registration allows it: while open, choose another session or change them; once closed (the
     * organisers may still change them, until the forum), only leave one.
     */
    @Test
    void theMailsAboutTheOrganisersChangesOfferWhatRegistrationStillAllows() {
        InTwoSessions relay = InTwoSessions.register("taken-off-");
        long id = relay.registered().getLong("id");
        String choose = "Vos autres séances ne changent pas. Pour en choisir une autre, passez par le lien ci-dessous.";
        registrations.removeBooking(relay.edition(), bookingOf(relay.email(), relay.morning()));
        worker.sendDue(); // before the seat is given back, which would make the withdrawal untrue
        Mail open = only(relay.email(), "Une séance retirée de votre inscription\u00a0: ");
        assertTrue(open.getText().contains(choose) && open.getHtml().contains(choose), open.getText());
        registrations.addSession(relay.edition(), id, relay.morning());
        worker.sendDue();
        Mail booked = only(relay.email(), "Vos séances ont changé");
        assertTrue(booked.getText().contains("Voici désormais vos séances. Votre lien permet d’en changer."), booked.getText());

        Api.advance(relay.edition(), "REGISTRATION_CLOSED");
        registrations.removeBooking(relay.edition(), bookingOf(relay.email(), relay.afternoon()));
        worker.sendDue();
        Mail closed = latest(relay.email(), "Une séance retirée");
        assertTrue(closed.getText().contains("Atelier 14:00") && closed.getText().contains("Vos autres séances ne changent pas.")
                && !closed.getText().contains("Pour en choisir une autre"), closed.getText());
        registrations.addSession(relay.edition(), id, relay.afternoon());
        worker.sendDue();
        Mail bookedClosed = latest(relay.email(), "Vos séances ont changé");
        assertTrue(bookedClosed.getText().contains("Voici désormais vos séances. Votre lien permet encore d’en laisser une, si "
                + "vous ne pouvez pas y venir.") && !bookedClosed.getText().contains("permet d’en changer"), bookedClosed.getText());
    }

    private Mail latest(String email, String subject) {
        return mailbox.getMailsSentTo(email).stream().filter(m -> m.getSubject().startsWith(subject)).reduce((a, b) -> b)
                .orElseThrow();
    }

    /** The mails about a session the relay no longer has carry it cancelled in their calendar, and say so. */
    @Test
    void theMailsAboutASessionLeftCancelItInTheirCalendar() {
        InTwoSessions relay = InTwoSessions.register("told-left-");
        long edition = relay.edition(), morning = relay.morning(), afternoon = relay.afternoon();
        String email = relay.email();
        long id = relay.registered().getLong("id");
        worker.sendDue();
        assertFalse(only(email, "Votre inscription").getText().contains("Il marque aussi comme annulées"), "nothing left yet");

        registrations.removeBooking(edition, bookingOf(email, morning));
        worker.sendDue();
        Mail withdrawal = only(email, "Une séance retirée de votre inscription\u00a0: ");
        String ics = new String(attachment(withdrawal, "forum.ics"), StandardCharsets.UTF_8);
        assertTrue(event(ics, "session-" + morning + "-" + id + "@").contains("STATUS:CANCELLED"), ics);
        assertTrue(event(ics, "session-" + afternoon + "-" + id + "@").contains("STATUS:CONFIRMED"), ics);
        assertTrue(withdrawal.getText().contains("ajoute le forum et vos séances à votre agenda. Il marque aussi comme annulées, "
                + "dans un agenda qui les avait, les séances que vous n’avez plus."), withdrawal.getText());
        assertTrue(withdrawal.getHtml().contains("Il marque aussi comme annulées"), withdrawal.getHtml());

        // A session deleted is named by its title still, cancelled.
        Api.organiser().delete("/api/v1/editions/" + edition + "/sessions/" + afternoon).then().statusCode(204);
        worker.sendDue();
        String deleted = new String(attachment(only(email, "Séance annulée\u00a0: "), "forum.ics"), StandardCharsets.UTF_8);
        assertTrue(event(deleted, "session-" + afternoon + "-" + id + "@").contains("SUMMARY:Atelier 14:00 (plus dans vos séances)")
                && event(deleted, "session-" + afternoon + "-" + id + "@").contains("STATUS:CANCELLED"), deleted);
        assertEquals(2, deleted.split("STATUS:CANCELLED").length - 1, "both sessions, not the forum's day: " + deleted);
    }

    /** A relay registered in both sessions of {@link Api#twoSessions}. */
    private record InTwoSessions(long edition, long morning, long afternoon, String email,
            io.restassured.path.json.JsonPath registered) {

        static InTwoSessions register(String prefix) {
            Api.TwoSessions day = Api.twoSessions();
            String email = prefix + System.nanoTime() + "@example.org";
            return new InTwoSessions(day.edition(), day.morning(), day.afternoon(), email, Api.register(day.edition(),
                    Api.relay("Inès", email, List.of(day.morning(), day.afternoon()))));
        }
    }

    /** The one event of a calendar whose identity starts so, from BEGIN to END. */
    private static String event(String ics, String uid) {
        List<String> found = java.util.Arrays.stream(ics.split("BEGIN:VEVENT")).filter(e -> e.contains("UID:" + uid)).toList();
        assertEquals(1, found.size(), uid + " in " + ics);
        return found.get(0).substring(0, found.get(0).indexOf("END:VEVENT"));
    }

    private static long sequence(String event) {
        return Long.parseLong(event.lines().filter(l -> l.startsWith("SEQUENCE:")).findFirst().orElseThrow().substring(9));
    }

    private static long bookingOf(String email, long session) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> org.relais.registration.Booking
                .<org.relais.registration.Booking>find("registration.email = ?1 and session.id = ?2", email, session)
                .firstResult().id);
    }

    /** The one mail to that address whose subject starts so. */
    private Mail only(String email, String subject) {
        List<Mail> mails = mailbox.getMailsSentTo(email).stream().filter(m -> m.getSubject().startsWith(subject)).toList();
        assertEquals(1, mails.size(), email + ": " + subjects(email));
        return mails.get(0);
    }
}
