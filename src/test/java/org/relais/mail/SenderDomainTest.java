package org.relais.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SenderDomainTest {

    @Test
    void aSenderOfNoPublicDomainIsTold() {
        for (String fine : List.of("Forum des relais <forum@example.org>", "forum@mission.culture.fr", "Forum <Forum@Example.ORG> ")) {
            assertEquals(true, Outbox.publicDomain(fine), fine);
        }
        for (String nowhere : List.of("Relais <relais@localhost>", "relais@LOCALHOST", "relais@forum.localhost", "relais@srv-culture",
                "Relais <relais@forum.local>", "relais")) {
            assertEquals(false, Outbox.publicDomain(nowhere), nowhere);
        }
    }
}
