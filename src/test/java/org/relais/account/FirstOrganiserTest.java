package org.relais.account;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class FirstOrganiserTest {

    @Test
    void namesTheMissingSetting() {
        assertTrue(FirstOrganiser.refusal(Optional.empty(), Optional.of("long-enough")).contains("RELAIS_ADMIN_EMAIL"));
        assertTrue(FirstOrganiser.refusal(Optional.of("a@b.org"), Optional.empty()).contains("RELAIS_ADMIN_PASSWORD"));
        assertTrue(FirstOrganiser.refusal(Optional.of("  "), Optional.of("x")).contains("relais.admin.email"));
        assertTrue(FirstOrganiser.refusal(Optional.of("a@b.org"), Optional.of("short")).contains("8 characters"));
        assertNull(FirstOrganiser.refusal(Optional.of("a@b.org"), Optional.of("long-enough")));
    }
}
