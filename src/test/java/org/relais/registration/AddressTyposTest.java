package org.relais.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AddressTyposTest {

    /**
     * One keystroke from a common provider's domain is asked about; a provider's own, another service's own
     * one keystroke from it (Yahoo's {@code ymail.com}, {@code mail.com}), or any other, is not.
     */
    @Test
    void anAddressOneKeystrokeFromAProvidersIsAskedAbout() {
        Map<String, String> meant = Map.of("marie@gmial.com", "marie@gmail.com", // two letters swapped
                "marie@gmail.con", "marie@gmail.com", // one typed wrong
                "m.dupont@hotmal.fr", "m.dupont@hotmail.fr", // one left out
                "marie@gmaill.com", "marie@gmail.com", // one added
                "Marie@WANADO.FR", "Marie@wanadoo.fr"); // the local part kept as typed
        meant.forEach((typed, expected) -> assertEquals(Optional.of(expected), AddressTypos.meant(typed), typed));
        for (String fine : new String[] { "marie@gmail.com", "m@hotmail.fr", "m@HOTMAIL.COM", "m@orange.com", "m@live.com",
                "contact@emmaus-france.org", "m@example.org", "m@ymail.com", "m@mail.com", "m@EMAIL.com", "@gmial.com",
                "no-at-all", "" }) {
            assertEquals(Optional.empty(), AddressTypos.meant(fine), fine);
        }
        assertEquals(Optional.empty(), AddressTypos.meant(null));
    }
}
