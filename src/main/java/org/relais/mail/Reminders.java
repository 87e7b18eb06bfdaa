package org.relais.mail;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.relais.registration.RegistrationService;
import org.relais.web.ForumZone;
import org.relais.web.Main;

/**
 * Every morning, reminds the relays of a forum that is {@code relais.reminder.days-before} days away,
 * and those of a forum whose reminder day passed while the server was down (until the forum's day);
 * the same at start-up, so that a server started after the morning's hour sends that day's reminders.
 */
@ApplicationScoped
public class Reminders {

    private static final Logger LOG = Logger.getLogger(Reminders.class);

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

    /** A reminder some days after the forum means nothing: refused before anything is sent. */
    void checkSetting(@Observes @Priority(5) StartupEvent event) {
        Main.refuseBelow("relais.reminder.days-before", daysBefore, 0);
    }

    void onStart(@Observes StartupEvent event) {
        try {
            int queued = registrations.queueReminders(forum.today(), daysBefore);
            if (queued > 0) {
                LOG.infof("%d reminder(s) due by today queued at start-up", queued);
            }
        } catch (RuntimeException e) {
            LOG.warn("The reminders due could not be queued at start-up; the morning's run will: " + e);
        }
    }
}
