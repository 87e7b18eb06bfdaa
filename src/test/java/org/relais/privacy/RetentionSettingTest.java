package org.relais.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.relais.web.Main;

class RetentionSettingTest {

    @Test
    void aRetentionBelowNothingRefusesTheStartBeforeAnyErasure() {
        PersonalData personalData = new PersonalData();
        personalData.retentionMonths = 0;
        personalData.checkSetting(null);
        personalData.retentionMonths = -3;
        assertEquals("Relais did not start: the setting relais.privacy.retention-months (environment RELAIS_PRIVACY_RETENTION_MONTHS)"
                + " is -3; it must be 0 or more.", assertThrows(Main.StartRefused.class, () -> personalData.checkSetting(null)).getMessage());
    }
}
