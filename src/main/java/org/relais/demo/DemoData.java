package org.relais.demo;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.relais.edition.Edition;
import org.relais.edition.EditionData;
import org.relais.edition.EditionService;
import org.relais.edition.EditionStatus;
import org.relais.edition.GuestData;
import org.relais.network.Institution;
import org.relais.network.InstitutionData;
import org.relais.network.InstitutionService;
import org.relais.network.NetworkReference;
import org.relais.programme.ProgrammeService;
import org.relais.programme.SessionData;
import org.relais.venue.Space;
import org.relais.venue.SpaceData;
import org.relais.venue.ObstacleData;
import org.relais.venue.StandData;
import org.relais.venue.VenueService;

/**
 * Fills an empty database: the network and its past editions from {@code vivre-ensemble.json}
 * ({@code relais.network-seed}), and the 14th forum at Radio France set up in full as a demo
 * ({@code relais.demo-data}). Everything goes through the services an organiser's pages call.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    public static final int DEMO_EDITION = 14;
    static final int OPEN_DEMO_EDITION = 900;
    private static final LocalDate DEMO_DAY = LocalDate.of(2018, 2, 6);

    @ConfigProperty(name = "relais.network-seed", defaultValue = "true")
    boolean networkSeed;

    @ConfigProperty(name = "relais.demo-data", defaultValue = "true")
    boolean demoData;

    @Inject
    NetworkReference reference;
    @Inject
    InstitutionService institutions;
    @Inject
    EditionService editions;
    @Inject
    VenueService venue;
    @Inject
    ProgrammeService programme;
    @Inject
    org.relais.venue.FloorPlanService floor;
    @Inject
    org.relais.registration.RegistrationService registrations;
    @Inject
    org.relais.badge.BadgeService badges;

    /**
     * The 2018 forum's relays (invented people, names as their owners write them, in the scripts the
     * network's audiences use) and the organisation: what the badge page prints for the demo.
     */
    private static final String[][] DEMO_RELAYS = {
        {"Awa", "Diallo", "Centre social Belleville"}, {"Émilie", "Lefèvre", "Secours populaire – Paris 19e"},
        {"François", "Nguyễn", "Association Lire et dire"}, {"Zoé", "Ba", "Maison des femmes de Saint-Denis"},
        {"Maryam", "العلي", "جمعية التضامن الثقافي"}, {"محمد", "عبد الرحمن", "Association Ensemble à Barbès"},
        {"Дмитрий", "Смирнов", "Центр социальной помощи «Надежда»"}, {"Ольга", "Кузнецова", "Emmaüs Solidarité"},
        {"Αλέξανδρος", "Παπαδόπουλος", "Κέντρο Κοινότητας Αθηνών – antenne de Paris"},
        {"Marie-Christine-Bénédicte", "de La Tour d’Auvergne-Lauraguais",
            "Association départementale pour l’accompagnement des personnes en situation de handicap"},
        {"Łucja", "Żółkiewska", "Foyer de jeunes travailleurs Pernety"}, {"Ştefan", "Ionescu", "Aux captifs, la libération"},
        {"Ngozi", "Okonkwo", "Centre d’hébergement d’urgence Crimée"}, {"Thị Hương", "Trần", "Ateliers sociolinguistiques du 13e"},
        {"Ayşe", "Yılmaz", "Espace femmes du 20e"}, {"Kofi", "Mensah", "Mission locale de Paris"},
        {"Nuno", "Gonçalves", "Centre social Le Picoulet"}, {"Ignacio", "Núñez", "Cimade Île-de-France"},
        {"Björn", "Åström", "Petits Frères des Pauvres"}, {"Mamadou", "Traoré", "Foyer Adoma Saint-Just"},
        {"Aminata", "Koné", "Réseau d’échanges réciproques de savoirs"}, {"Karim", "Benali", "PJJ – unité éducative de jour"},
        {"Sophie", "Martin", "Service pénitentiaire d’insertion et de probation"}, {"Lucas", "Bernard", "Croix-Rouge française"},
        {"Camille", "Dubois", "Centre d’action sociale de la Ville de Paris"}, {"Nathalie", "Petit", "Apprentis d’Auteuil"},
        {"Rachid", "El Amrani", "Association Accueil Goutte d’Or"}, {"Chloé", "Laurent", "France terre d’asile"},
        {"Inès", "Fontaine", "Hôpital Robert-Debré – école à l’hôpital"}, {"Yasmina", "بوزيد", "Femmes relais 93"},
    };

    private static final String[][] DEMO_HOLDERS = {
        {"STAFF", "Claire", "Ménard", "radio-france"}, {"STAFF", "Olivier", "Jacquemin", "radio-france"},
        {"STAFF", "Sandrine", "Ouédraogo", "ina"}, {"ORGANISER", "Véronique", "Castaing", null},
        {"GUEST", "Hervé", "Lambert", null}, {"PRESS", "Leïla", "Haddad", null},
    };

    void onStart(@Observes @Priority(20) StartupEvent event) {
        if (!networkSeed || Institution.count() > 0 || Edition.count() > 0) {
            return; // switched off, or not an empty database: never touch a user's data
        }
        load(demoData);
    }

    /** Loads what is missing: institutions by slug, editions by number. Running it twice changes nothing. */
    @Transactional
    public void load(boolean withDemoEdition) {
        loadNetwork();
        loadHistory(withDemoEdition);
        if (withDemoEdition) {
            loadOpenDemo();
        }
        LOG.infof("Loaded the network (%d institutions) and %d past editions%s", Institution.count(), Edition.count(),
                withDemoEdition ? ", with the 2018 forum as a demo" : "");
    }

    void loadNetwork() {
        List<String> wholeCharter = reference.charterKeys();
        for (NetworkReference.Member member : reference.data().institutions()) {
            if (Institution.findBySlug(member.slug()).isEmpty()) {
                // Every member signed the network's charter; websites and correspondents are not in the documents.
                institutions.create(new InstitutionData(null, member.slug(), member.name(), member.shortName(),
                        member.kind(), null, null, wholeCharter, null));
            }
        }
    }

    void loadHistory(boolean withDemoEdition) {
        for (NetworkReference.PastEdition past : reference.data().editions()) {
            if (Edition.findByNumber(past.number()).isPresent()) {
                continue;
            }
            Long host = Institution.findBySlug(past.host()).map(i -> i.id).orElse(null);
            List<EditionData.Day> days = new ArrayList<>();
            if (past.date() != null) {
                // The network's forums run 10:00-16:00 unless the documents say otherwise.
                days.add(new EditionData.Day(LocalDate.parse(past.date()),
                        LocalTime.parse(past.opens() == null ? "10:00" : past.opens()),
                        LocalTime.parse(past.closes() == null ? "16:00" : past.closes())));
            }
            String theme = past.theme() == null ? null : past.theme().get("fr");
            boolean demo = withDemoEdition && past.number() == DEMO_EDITION;
            List<Long> participants = demo ? members().stream().map(i -> i.id).toList() : null;
            Edition edition = editions.create(new EditionData(null, past.number(), title(past), theme, host,
                    new EditionData.Venue(past.venue(), null, null), days,
                    demo ? LocalDate.of(2017, 12, 4) : null, demo ? LocalDate.of(2018, 2, 2) : null,
                    past.relaysExpected(), null, participants));
            for (NetworkReference.Guest guest : reference.data().guests()) {
                if (guest.edition() == past.number()) {
                    editions.addGuest(edition.id, new GuestData(null, guest.name(), guest.kind(), null));
                }
            }
            if (demo) {
                setUpDemo(edition);
            }
            editions.changeStatus(edition.id, EditionStatus.ARCHIVED.name());
        }
    }

    /**
     * A forum to try registration on: the 2018 programme copied to a Tuesday about two months from
     * now, open for registration from today. Numbered 900 so that it never takes a real edition's number.
     */
    void loadOpenDemo() {
        Edition source = Edition.findByNumber(DEMO_EDITION).orElse(null);
        if (source == null || Edition.findByNumber(OPEN_DEMO_EDITION).isPresent()) {
            return;
        }
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
        LocalDate day = today.plusWeeks(8).with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.TUESDAY));
        Edition open = editions.copy(source.id, new EditionData(null, OPEN_DEMO_EDITION,
                "Forum de démonstration (inscriptions ouvertes)", source.theme, null, null,
                List.of(new EditionData.Day(day, LocalTime.of(10, 0), LocalTime.of(16, 0))), today.minusDays(1),
                day.minusDays(1), 250, null, null));
        editions.changeStatus(open.id, EditionStatus.REGISTRATION_OPEN.name());
    }

    /** The network's members as the documents list them, by name (not whatever else the database holds). */
    private List<Institution> members() {
        List<String> slugs = reference.data().institutions().stream().map(NetworkReference.Member::slug).toList();
        return org.relais.web.Collation.byName(Institution.list("slug in ?1", slugs), i -> i.name);
    }

    private static String title(NetworkReference.PastEdition past) {
        return past.number() + (past.number() == 1 ? "er" : "e") + " forum de la Mission Vivre Ensemble (" + past.year() + ")";
    }

    /** The Agora's entrance, exit and pillars, then its stands placed by the automatic layout, as an organiser would. */
    private void layOutAgora(Long editionId, Long agora) {
        floor.addObstacle(editionId, agora, new ObstacleData(null, "DOOR", "Entrée depuis le hall", BigDecimal.ZERO,
                new BigDecimal("10.5"), new BigDecimal("0.3"), new BigDecimal("3"), null));
        floor.addObstacle(editionId, agora, new ObstacleData(null, "EMERGENCY_EXIT", "Sortie Seine", new BigDecimal("29"),
                new BigDecimal("23.7"), new BigDecimal("2"), new BigDecimal("0.3"), null));
        for (String x : new String[] {"20", "40"}) {
            floor.addObstacle(editionId, agora, new ObstacleData(null, "PILLAR", null, new BigDecimal(x), new BigDecimal("11"),
                    BigDecimal.ONE, BigDecimal.ONE, null));
        }
        floor.layout(editionId, agora, new BigDecimal("2.0"));
    }

    /** The 14th forum at the Maison de la Radio, 6 February 2018: spaces, a stand per institution, a programme. */
    private void setUpDemo(Edition edition) {
        Long id = edition.id;
        editions.update(id, new EditionData(null, edition.number, edition.title, edition.theme, edition.host.id,
                new EditionData.Venue("Maison de la Radio (Maison ronde)", "116 avenue du Président-Kennedy, 75016 Paris",
                        "Métro Passy, Ranelagh ou RER C Avenue du Président-Kennedy. Entrée principale accessible "
                                + "de plain-pied\u00a0; ascenseurs vers les studios."),
                EditionData.of(edition).days(), edition.registrationOpensOn, edition.registrationClosesOn, 250, null, null));
        Map<String, Space> spaces = Map.of(
                "agora", space(id, "Agora", "HALL", "60", "24", null),
                "104", space(id, "Studio 104", "AUDITORIUM", "30", "28", 852),
                "105", space(id, "Studio 105", "STUDIO", "20", "16", 230),
                "a1", space(id, "Atelier radio 1", "STUDIO", "8", "6", 12),
                "a2", space(id, "Atelier radio 2", "STUDIO", "8", "6", 12),
                "hall", space(id, "Hall d’accueil", "HALL", "20", "12", null),
                "salle", space(id, "Salle de rencontre", "ROOM", "14", "10", 60));
        int number = 1;
        for (Institution institution : members()) {
            boolean media = "media".equals(institution.kind);
            venue.createStand(id, new StandData(null, number++, institution.id, spaces.get("agora").id,
                    new BigDecimal("3"), new BigDecimal("2"), null, null, false, media));
        }
        layOutAgora(id, spaces.get("agora").id);
        Long rf = Institution.findBySlug("radio-france").map(i -> i.id).orElse(null);
        Long ina = Institution.findBySlug("ina").map(i -> i.id).orElse(null);
        session(id, "TALK", "Ouverture du forum", "Accueil par Radio France et la Mission Vivre Ensemble.",
                spaces.get("104"), "10:00", "10:30", null, rf, false);
        session(id, "MEETING", "Temps de rencontre aux stands",
                "Les établissements présentent leur offre aux relais et échangent sur les projets communs.",
                spaces.get("agora"), "10:30", "16:00", null, null, false);
        for (String[] slot : new String[][] {{"11:00", "12:00"}, {"14:00", "15:00"}}) {
            session(id, "WORKSHOP", "Atelier radio\u00a0: réaliser une interview",
                    "Prise de son, questions, montage\u00a0: une interview de bout en bout avec une équipe de Radio France.",
                    spaces.get("a1"), slot[0], slot[1], 12, rf, true);
        }
        session(id, "WORKSHOP", "Atelier radio\u00a0: le reportage sonore", "Raconter un lieu par le son.", spaces.get("a2"),
                "11:00", "12:00", 12, rf, true);
        session(id, "WORKSHOP", "Éducation aux médias\u00a0: vrai ou faux\u00a0?",
                "Repérer une fausse information et en parler avec ses publics.", spaces.get("a2"), "14:00", "15:00", 12,
                rf, true);
        for (String[] slot : new String[][] {{"11:00", "12:00"}, {"13:30", "14:30"}, {"15:00", "16:00"}}) {
            session(id, "VISIT", "Visite de la Maison de la Radio", "Studios, couloirs et coulisses de la Maison ronde.",
                    spaces.get("hall"), slot[0], slot[1], 25, rf, true);
        }
        session(id, "TALK", "Les archives audiovisuelles en classe et en atelier", "Avec l’INA.", spaces.get("salle"),
                "12:00", "13:00", 60, ina, true);
        session(id, "BROADCAST", "Émission en public", "Une émission enregistrée en direct, avec les relais en public.",
                spaces.get("105"), "12:30", "13:30", 200, rf, true);
        session(id, "CONCERT", "Concert de la Maîtrise de Radio France", null, spaces.get("104"), "14:30", "15:15", null,
                rf, false);
        session(id, "TALK", "Le Défenseur des droits aux côtés des acteurs sociaux", null, spaces.get("salle"), "15:30",
                "16:00", 60, null, true);
        demoPeople(id);
    }

    /** Registers the demo relays (some with a workshop) and enters the demo's staff, organiser, guest and press. */
    private void demoPeople(Long id) {
        List<NetworkReference.Term> sectors = reference.relaySectors();
        List<NetworkReference.Term> roles = reference.relayRoles();
        List<Long> workshops = programme.sessions(id).stream().filter(s -> s.registration).map(s -> s.id).toList();
        for (int i = 0; i < DEMO_RELAYS.length; i++) {
            String[] p = DEMO_RELAYS[i];
            // One relay in three books a workshop, so that their badge's back shows a programme.
            List<Long> chosen = i % 3 == 0 && !workshops.isEmpty() ? List.of(workshops.get(i % workshops.size())) : List.of();
            registrations.registerByOrganiser(id, new org.relais.registration.RegistrationData(p[0], p[1],
                    "relais" + (i + 1) + "@demo.relais.local", null, p[2], sectors.get(i % sectors.size()).key(),
                    roles.get(i % roles.size()).key(), null, i % 4 == 0 ? "en" : "fr", true, chosen), false);
        }
        for (String[] h : DEMO_HOLDERS) {
            Long institution = h[3] == null ? null : Institution.findBySlug(h[3]).map(x -> x.id).orElse(null);
            String organisation = switch (h[0]) {
                case "ORGANISER" -> "Mission Vivre Ensemble";
                case "GUEST" -> "Défenseur des droits";
                case "PRESS" -> "Télérama";
                default -> null;
            };
            badges.addHolder(id, new org.relais.badge.HolderData(h[0], h[1], h[2], organisation, institution));
        }
    }

    private Space space(Long editionId, String name, String kind, String width, String depth, Integer seats) {
        return venue.createSpace(editionId,
                new SpaceData(null, name, kind, new BigDecimal(width), new BigDecimal(depth), seats, true));
    }

    private void session(Long editionId, String kind, String title, String description, Space space, String start,
            String end, Integer seats, Long institutionId, boolean registration) {
        programme.create(editionId, new SessionData(null, kind, title, description, space.id, DEMO_DAY,
                LocalTime.parse(start), LocalTime.parse(end), seats, "fr", institutionId, registration));
    }
}
