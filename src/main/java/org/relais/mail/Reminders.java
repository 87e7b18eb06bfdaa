package org.relais.mail;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.relais.registration.RegistrationService;

/** Every morning, reminds the relays of a forum that is {@code relais.reminder.days-before} days away. */
@ApplicationScoped
public class Reminders {

    @Inject
    RegistrationService registrations;

    @ConfigProperty(name = "relais.reminder.days-before", defaultValue = "2")
    int daysBefore;

    @ConfigProperty(name = "relais.time-zone", defaultValue = "Europe/Paris")
    ZoneId zone;

    @Scheduled(cron = "${relais.reminder.cron:0 0 8 * * ?}", timeZone = "${relais.time-zone:Europe/Paris}")
    void everyMorning() {
        registrations.queueReminders(LocalDate.now(zone), daysBefore);
    }
}
