package org.relais.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.relais.edition.Edition;
import org.relais.edition.EditionService;
import org.relais.edition.EditionStatus;
import org.relais.network.Institution;
import org.relais.programme.ProgrammeService;
import org.relais.programme.ProgrammeSession;
import org.relais.programme.SessionKind;
import org.relais.venue.VenueService;

@QuarkusTest
class DemoDataTest {

    @Inject
    DemoData demo;
    @Inject
    EditionService editions;
    @Inject
    VenueService venue;
    @Inject
    ProgrammeService programme;

    @Test
    void loadsTheNetworkThePastEditionsAndThe2018ForumOnceOnly() {
        demo.load(true);
        demo.load(true); // a second run adds nothing

        assertEquals(34, Institution.find("slug in ?1", List.of("louvre", "radio-france", "bnf", "ina", "universcience",
                "archives-nationales", "arte-france", "bpi", "cmn", "cnd", "cnc", "centre-pompidou", "fontainebleau",
                "versailles", "citechaillot", "cite-musique", "cnhi", "chantilly", "gaite-lyrique", "ima", "macval", "guimet",
                "orsay-orangerie", "quai-branly", "opera-comique", "palais-de-tokyo", "villette", "malmaison", "cluny",
                "ecouen", "luxembourg", "compiegne", "chaillot", "opera-de-paris")).count());
        for (int number : new int[] {1, 2, 3, 4, 5, 6, 7, 8, 14}) {
            Edition past = Edition.findByNumber(number).orElseThrow();
            assertEquals(EditionStatus.ARCHIVED, past.status, "edition " + number);
        }
        assertEquals("louvre", Edition.findByNumber(1).orElseThrow().host.slug);
        assertEquals("cnhi", Edition.findByNumber(8).orElseThrow().host.slug);

        Edition forum = Edition.findByNumber(14).orElseThrow();
        assertEquals("radio-france", forum.host.slug);
        assertEquals(LocalDate.of(2018, 2, 6), forum.firstDay());
        assertEquals("10:00", forum.days.get(0).opensAt.toString());
        assertEquals("16:00", forum.days.get(0).closesAt.toString());
        assertEquals("éducation aux médias", forum.theme);
        assertEquals(2, editions.guests(forum.id).size());
        assertTrue(venue.spaces(forum.id).size() >= 5);
        assertEquals(34, venue.stands(forum.id).stream().map(s -> s.institution.id).distinct().count());

        List<ProgrammeSession> sessions = programme.sessions(forum.id);
        Set<SessionKind> kinds = sessions.stream().map(s -> s.kind).collect(Collectors.toSet());
        assertTrue(kinds.containsAll(Set.of(SessionKind.WORKSHOP, SessionKind.VISIT, SessionKind.BROADCAST,
                SessionKind.CONCERT, SessionKind.MEETING)), kinds.toString());
        assertEquals(List.of(), programme.conflicts(forum.id), "the demo programme holds");

        Edition open = Edition.findByNumber(900).orElseThrow();
        assertEquals(EditionStatus.REGISTRATION_OPEN, open.status);
        assertTrue(open.firstDay().isAfter(LocalDate.now()));
        assertEquals(sessions.size(), programme.sessions(open.id).size());
        assertEquals(List.of(), programme.conflicts(open.id));
    }
}
