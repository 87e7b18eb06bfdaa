package org.relais.mail;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.relais.registration.RegistrationService;
import org.relais.web.ForumZone;

/** Every morning, reminds the relays of a forum that is {@code relais.reminder.days-before} days away. */
@ApplicationScoped
public class Reminders {

    @Inject
    RegistrationService registrations;

    @ConfigProperty(name = "relais.reminder.days-before", defaultValue = "2")
    int daysBefore;

    @Inject
    ForumZone forum;

    @Scheduled(cron = "${relais.reminder.cron:0 0 8 * * ?}", timeZone = "${relais.time-zone}")
    void everyMorning() {
        registrations.queueReminders(forum.today(), daysBefore);
    }
}
