package org.relais.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.relais.web.Main;

class ReminderSettingTest {

    @Test
    void aReminderAfterTheForumRefusesTheStart() {
        Reminders reminders = new Reminders();
        reminders.daysBefore = 0;
        reminders.checkSetting(null);
        reminders.daysBefore = -1;
        assertEquals("Relais did not start: the setting relais.reminder.days-before (environment RELAIS_REMINDER_DAYS_BEFORE) is -1;"
                + " it must be 0 or more.", assertThrows(Main.StartRefused.class, () -> reminders.checkSetting(null)).getMessage());
    }
}
