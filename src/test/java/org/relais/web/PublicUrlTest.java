package org.relais.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PublicUrlTest {

    @Test
    void linksAndTheDomainComeFromTheAddressAsGiven() {
        PublicUrl url = new PublicUrl(" https://Forum.Example.org/ ");
        url.onStart(null);
        assertEquals("https://Forum.Example.org/r/abc", url.of("/r/abc"));
        assertEquals("Forum.Example.org", url.domain());
        assertFalse(url.onlyHere());
        for (String here : List.of("http://localhost:8080", "http://LOCALHOST", "http://relais.localhost/", "http://127.0.0.1:8080",
                "http://[::1]:8080", "http://0.0.0.0:8080")) {
            PublicUrl local = new PublicUrl(here);
            local.onStart(null);
            assertTrue(local.onlyHere(), here);
        }
        assertFalse(new PublicUrl("http://192.168.1.20:8080").onlyHere(), "a machine of the venue's network is reachable there");
    }

    /**
     * A setting that is not an address would make every link given out a broken one: Relais says so and does not start,
     * in the system's language as every other start refusal.
     */
    @Test
    void aSettingThatIsNoAddressRefusesTheStartInOneLine() {
        for (String wrong : List.of("forum.example.org", "ftp://forum.example.org", "https://", "http://forum example.org", "")) {
            PublicUrl url = new PublicUrl(wrong);
            Main.StartRefused refused = assertThrows(Main.StartRefused.class, () -> url.onStart(null), wrong);
            assertEquals("Relais did not start: relais.public-url (environment RELAIS_PUBLIC_URL) must be the address people open"
                    + " Relais at, such as https://forum.example.org; “" + wrong.strip() + "” is not one.",
                    Main.explain(new RuntimeException(refused), java.util.Locale.ENGLISH));
            assertEquals("Relais n’a pas démarré\u00a0: relais.public-url (environnement RELAIS_PUBLIC_URL) doit être l’adresse à"
                    + " laquelle on ouvre Relais, par exemple https://forum.example.org\u00a0; «\u00a0" + wrong.strip()
                    + "\u00a0» n’en est pas une.", Main.explain(new RuntimeException(refused), java.util.Locale.FRANCE));
        }
    }
}
