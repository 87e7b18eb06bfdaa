package org.relais.programme;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.relais.edition.Edition;
import org.relais.edition.EditionDay;
import org.relais.edition.EditionService;
import org.relais.edition.Guest;
import org.relais.network.Institution;
import org.relais.network.NetworkReference;
import org.relais.print.Booklet;
import org.relais.print.Booklet.Fact;
import org.relais.print.Booklet.Words;
import org.relais.print.BookletPdf;
import org.relais.print.PlanPdf;
import org.relais.print.Unprintable;
import org.relais.venue.FloorPlanService;
import org.relais.venue.Space;
import org.relais.venue.Stand;
import org.relais.web.InvalidInputException;
import org.relais.web.Messages;

/**
 * The printed programme: gathers an edition's cover, day grid, sessions, floor plans, directory
 * of participating institutions, guests and practical information in French, English or both,
 * and hands them to the print package.
 */
@ApplicationScoped
@Transactional
public class ProgrammeBooklet {

    /** Which words the booklet is in: {@code fr}, {@code en}, or {@code both} (French, then English after a slash). */
    public enum Language {
        FR(Messages.FRENCH, null), EN(Messages.ENGLISH, null), BOTH(Messages.FRENCH, Messages.ENGLISH);

        final Locale first;
        final Locale second;

        Language(Locale first, Locale second) {
            this.first = first;
            this.second = second;
        }

        /** The language asked for; with none, the reader's. */
        public static Language parse(String value, Locale reader) {
            if (value == null || value.isBlank()) {
                return "en".equals(reader.getLanguage()) ? EN : FR;
            }
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of("lang", "error_booklet_lang");
            }
        }
    }

    @Inject
    EditionService editions;

    @Inject
    ProgrammeService programme;

    @Inject
    FloorPlanService floor;

    @Inject
    NetworkReference reference;

    /**
     * The booklet as an HTTP answer, for the API and the organiser's page alike: everything that can
     * be refused (a wrong language, an unknown edition) is checked before the PDF starts streaming.
     */
    public jakarta.ws.rs.core.Response answer(Long editionId, String lang, Boolean large, Boolean imposed) {
        Language language = Language.parse(lang, Messages.current());
        Booklet booklet = gather(editionId, language);
        BookletPdf.Options options = new BookletPdf.Options(Boolean.TRUE.equals(large), Boolean.TRUE.equals(imposed));
        Edition edition = editions.get(editionId);
        String name = "programme-" + edition.number + "-" + language.name().toLowerCase(Locale.ROOT)
                + (options.largePrint() ? "-large" : "") + (options.imposed() ? "-imposed" : "") + ".pdf";
        return jakarta.ws.rs.core.Response
                .ok((jakarta.ws.rs.core.StreamingOutput) out -> BookletPdf.write(booklet, options, out), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"" + name + "\"").build();
    }

    /**
     * What the booklet would print with empty boxes: each thing it prints with what the organisers typed (the edition's
     * words, a space, a session, an institution, a guest) whose texts have letters its faces cannot draw, under its name,
     * with where to correct it. The things are read as {@link #gather} reads them.
     */
    public List<Unprintable> unprintable(Long editionId) {
        Edition edition = editions.get(editionId);
        String pages = "/organiser/editions/" + editionId;
        Unprintable.Found found = new Unprintable.Found().check(edition.title, pages + "/edit", edition.title, edition.theme,
                edition.venueName, edition.venueAddress, edition.venueAccessNotes);
        for (Space s : Space.listByEdition(edition)) {
            found.check(s.name, pages + "/spaces/" + s.id + "#form", s.name);
        }
        List<ProgrammeSession> sessions = programme.sessions(editionId);
        for (ProgrammeSession s : sessions) {
            found.check(s.title, pages + "/sessions/" + s.id + "#form", s.title, s.description);
        }
        for (Institution i : taking(edition, Stand.listByEdition(edition))) {
            found.check(i.name, i.organiserPage(), i.name, i.shortName, i.offer, i.correspondentName, i.correspondentEmail,
                    i.correspondentPhone, i.website);
        }
        // the host's and the sessions' hosts' names print too ("Accueilli par"), in or out of the directory
        java.util.stream.Stream.concat(java.util.stream.Stream.ofNullable(edition.host),
                sessions.stream().map(s -> s.institution).filter(java.util.Objects::nonNull))
                .forEach(i -> found.check(i.name, i.organiserPage(), i.name));
        for (Guest g : Guest.listByEdition(edition)) {
            found.check(g.name, pages + "#guests", g.name, g.kind, g.description);
        }
        return found.list();
    }

    /** The booklet's content, read from the edition in one transaction. */
    Booklet gather(Long editionId, Language language) {
        Edition edition = editions.get(editionId);
        Texts t = new Texts(language);
        List<ProgrammeSession> sessions = programme.sessions(editionId);
        List<Stand> stands = Stand.listByEdition(edition);

        Booklet.Cover cover = new Booklet.Cover(t.w("booklet_kicker"), edition.title, edition.theme,
                edition.host == null ? Words.of("") : t.w("booklet_host", edition.host.name),
                t.each(l -> dates(edition, l)), edition.venueName, edition.venueAddress);

        List<Space> used = Space.listByEdition(edition).stream()
                .filter(s -> sessions.stream().anyMatch(x -> s.equals(x.space))).toList();
        ProgrammeGrid grid = ProgrammeGrid.of(edition, used, sessions, List.of(), Messages.get(language.first, "booklet_no_space"));
        List<Booklet.GlanceDay> glance = new ArrayList<>();
        for (ProgrammeGrid.Day day : grid.days()) {
            if (day.cells().isEmpty()) {
                continue;
            }
            glance.add(new Booklet.GlanceDay(t.each(l -> Messages.longDate(day.date(), l)), day.from(), day.to(),
                    day.columns().stream().map(c -> new Booklet.GlanceColumn(c.name(), c.lanes())).toList(), day.rowCount(),
                    day.hours().stream().map(h -> new Booklet.GlanceHour(h.label(), h.row() - 2)).toList(),
                    day.cells().stream().map(c -> new Booklet.GlanceCell(c.row() - 2, c.rowSpan(), c.column() - 2,
                            time(c.session()), c.session().title)).toList()));
        }

        Map<LocalDate, List<Booklet.SessionEntry>> byDay = new TreeMap<>();
        for (ProgrammeSession s : sessions) {
            byDay.computeIfAbsent(s.day, d -> new ArrayList<>()).add(entry(s, edition, t));
        }
        List<Booklet.SessionDay> days = new ArrayList<>();
        byDay.forEach((date, list) -> days.add(new Booklet.SessionDay(t.each(l -> Messages.longDate(date, l)), list)));

        List<PlanPdf.Plan> first = Messages.in(language.first, () -> floor.plans(editionId, null));
        List<PlanPdf.Plan> second = language.second == null ? null
                : Messages.in(language.second, () -> floor.plans(editionId, null));
        List<PlanPdf.Plan> drawn = second == null ? first
                : IntStream.range(0, first.size())
                        .mapToObj(i -> first.get(i).withSecondLanguage(second.get(i))).toList();
        List<PlanPdf.Figure> plans = drawn.stream()
                .map(p -> new PlanPdf.Figure(p.withoutIndex(), t.w("booklet_plan_alt", p.stands().size(), p.title(),
                        metres(p.width()), metres(p.depth())).joined()))
                .toList();

        return new Booklet(language.first.getLanguage(), language.second == null ? null : language.second.getLanguage(),
                Messages.get(language.first, "booklet_document_title", edition.title), cover, t.w("booklet_glance"), glance,
                t.w("booklet_sessions"), days, t.w("booklet_no_session"), t.w("floorplan"), plans, t.w("booklet_directory"),
                directory(edition, stands, t), t.w("booklet_guests"), guests(edition, t), t.w("booklet_practical"),
                practical(edition, t), t.w("colon").then(" "));
    }

    private Booklet.SessionEntry entry(ProgrammeSession s, Edition edition, Texts t) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact(t.w("booklet_where"), s.space == null ? t.w("booklet_no_space")
                : where(s.space, t)));
        Institution host = s.institution != null ? s.institution : edition.host;
        if (host != null) {
            facts.add(new Fact(t.w("booklet_hosted_by"), Words.of(host.name)));
        }
        facts.add(new Fact(t.w("language"), t.each(l -> Messages.languageName(l, s.language))));
        facts.add(new Fact(t.w("seats"), s.seats == null ? t.w("unlimited") : Words.of(String.valueOf(s.seats))));
        facts.add(new Fact(t.w("booklet_booking"), s.registration ? t.w("booklet_booking_needed") : t.w("booklet_booking_free")));
        return new Booklet.SessionEntry(time(s), t.w("SessionKind_" + s.kind.name()), s.title, s.description, facts);
    }

    /** "Studio 104, de plain-pied", and in two languages "Studio 104, de plain-pied / step-free": the name once. */
    private static Words where(Space space, Texts t) {
        if (!space.stepFree) {
            return Words.of(space.name);
        }
        Words stepFree = t.w("booklet_step_free_short");
        return new Words(space.name + ", " + stepFree.first(), stepFree.second());
    }

    /** The institutions taking part, as the directory lists them: those ticked, and any with a stand, by name. */
    private static List<Institution> taking(Edition edition, List<Stand> stands) {
        List<Institution> taking = new ArrayList<>(edition.participants);
        // An institution with a stand takes part even if the organiser did not tick it.
        stands.stream().map(s -> s.institution).filter(i -> i != null && !taking.contains(i)).forEach(taking::add);
        return org.relais.web.Collation.byName(taking, i -> i.name);
    }

    private List<Booklet.Entry> directory(Edition edition, List<Stand> stands, Texts t) {
        List<Booklet.Entry> entries = new ArrayList<>();
        for (Institution i : taking(edition, stands)) {
            List<Fact> facts = new ArrayList<>();
            List<String> numbers = stands.stream().filter(s -> i.equals(s.institution) && s.number != null)
                    .sorted(Comparator.comparing(s -> s.number)).map(s -> String.valueOf(s.number)).toList();
            if (!numbers.isEmpty()) {
                facts.add(new Fact(t.w("booklet_stand"), Words.of(String.join(", ", numbers))));
            }
            if (i.kind != null) {
                facts.add(new Fact(t.w("booklet_kind"), t.w("kind_" + i.kind)));
            }
            String correspondent = join(" · ", i.correspondentName, i.correspondentEmail, i.correspondentPhone);
            if (!correspondent.isEmpty()) {
                facts.add(new Fact(t.w("booklet_correspondent"), Words.of(correspondent)));
            }
            if (i.website != null && !i.website.isBlank()) {
                facts.add(new Fact(t.w("booklet_website"), Words.of(i.website)));
            }
            List<String> charter = i.charterKeys();
            if (!charter.isEmpty()) {
                facts.add(new Fact(t.w("charter"), t.each(l -> Messages.semicolons(l,
                        charter.stream().map(k -> NetworkReference.label(reference.charter(), k, l)).toList()))));
            }
            entries.add(new Booklet.Entry(i.name, facts, i.offer));
        }
        return entries;
    }


    private List<Booklet.Entry> guests(Edition edition, Texts t) {
        List<Booklet.Entry> entries = new ArrayList<>();
        for (Guest g : Guest.listByEdition(edition)) {
            List<Fact> facts = new ArrayList<>();
            if (g.kind != null && !g.kind.isBlank()) {
                facts.add(new Fact(t.w("booklet_kind"), t.each(l -> guestKind(g.kind, l))));
            }
            entries.add(new Booklet.Entry(g.name, facts, g.description));
        }
        return entries;
    }

    private static String guestKind(String kind, Locale l) {
        String words = Messages.get(l, "kind_" + kind);
        return words.equals("kind_" + kind) ? kind : words;
    }

    private List<Fact> practical(Edition edition, Texts t) {
        List<Fact> facts = new ArrayList<>();
        if (!edition.days.isEmpty()) {
            facts.add(new Fact(t.w("booklet_hours"), t.each(l -> dates(edition, l))));
        }
        String where = join(", ", edition.venueName, edition.venueAddress);
        if (!where.isEmpty()) {
            facts.add(new Fact(t.w("booklet_access"), Words.of(where)));
        }
        if (edition.venueAccessNotes != null && !edition.venueAccessNotes.isBlank()) {
            facts.add(new Fact(t.w("booklet_access_notes"), Words.of(edition.venueAccessNotes)));
        }
        Map<Boolean, List<String>> byAccess = Space.listByEdition(edition).stream().collect(
                java.util.stream.Collectors.partitioningBy(s -> s.stepFree,
                        java.util.stream.Collectors.mapping(s -> s.name, java.util.stream.Collectors.toList())));
        List<String> stepFree = byAccess.get(true);
        List<String> steps = byAccess.get(false);
        facts.add(new Fact(t.w("booklet_accessibility"), t.each(l -> accessibility(stepFree, steps, l))));
        return facts;
    }

    private static String accessibility(List<String> stepFree, List<String> steps, Locale l) {
        StringBuilder text = new StringBuilder();
        if (!stepFree.isEmpty()) {
            text.append(Messages.get(l, "booklet_step_free", String.join(", ", stepFree))).append(' ');
        }
        if (!steps.isEmpty()) {
            text.append(Messages.get(l, "booklet_steps", String.join(", ", steps))).append(' ');
        }
        return text.append(Messages.get(l, "booklet_needs")).toString();
    }

    /** "mardi 6 février 2018, 10:00–16:00", a line per forum day. */
    private static String dates(Edition edition, Locale l) {
        List<String> lines = new ArrayList<>();
        for (EditionDay d : edition.days) {
            lines.add(Messages.longDate(d.date, l) + ", " + d.opensAt + "–" + d.closesAt);
        }
        return String.join("\n", lines);
    }

    /** 40 → "40", 12.5 → "12.5": as the organiser typed it. */
    private static String metres(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String time(ProgrammeSession s) {
        return s.startsAt + "–" + s.endsAt;
    }

    private static String join(String separator, String... parts) {
        List<String> present = new ArrayList<>();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                present.add(p.strip());
            }
        }
        return String.join(separator, present);
    }

    /** Words in the booklet's language or languages. */
    private record Texts(Language language) {

        Words w(String key, Object... args) {
            return each(l -> Messages.get(l, key, args));
        }

        Words each(Function<Locale, String> words) {
            return new Words(words.apply(language.first), language.second == null ? null : words.apply(language.second));
        }
    }
}
