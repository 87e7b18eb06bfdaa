package org.relais.programme;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.relais.edition.Edition;
import org.relais.edition.EditionDay;
import org.relais.venue.Space;

/**
 * The programme as a day grid: spaces across, time down in quarter hours. Sessions that overlap
 * in one space get side-by-side lanes, so a double booking shows instead of hiding.
 */
public record ProgrammeGrid(List<Day> days) {

    static final int SLOT_MINUTES = 15;

    public record Day(LocalDate date, LocalTime from, LocalTime to, List<Column> columns, List<Hour> hours,
            List<Cell> cells, int laneCount, int rowCount) {
    }

    /** A space's column; {@code lanes} wide when sessions overlap in it. */
    public record Column(String name, Long spaceId, int firstColumn, int lanes) {
    }

    public record Hour(String label, int row) {
    }

    public record Cell(ProgrammeSession session, int row, int rowSpan, int column, List<String> problems) {
        public boolean inConflict() {
            return !problems.isEmpty();
        }
    }

    public static ProgrammeGrid of(Edition edition, List<Space> spaces, List<ProgrammeSession> sessions,
            List<Conflict> conflicts, String noSpaceLabel) {
        Map<Long, List<String>> problems = new LinkedHashMap<>();
        for (Conflict conflict : conflicts) {
            conflict.sessionIds().forEach(id -> problems.computeIfAbsent(id, k -> new ArrayList<>()).add(conflict.message()));
        }
        TreeSet<LocalDate> dates = new TreeSet<>();
        edition.days.forEach(d -> dates.add(d.date));
        sessions.forEach(s -> dates.add(s.day));
        List<Day> days = new ArrayList<>();
        for (LocalDate date : dates) {
            List<ProgrammeSession> ofDay = sessions.stream().filter(s -> s.day.equals(date)).toList();
            days.add(day(date, edition.day(date).orElse(null), spaces, ofDay, problems, noSpaceLabel));
        }
        return new ProgrammeGrid(days);
    }

    private static Day day(LocalDate date, EditionDay hours, List<Space> spaces, List<ProgrammeSession> sessions,
            Map<Long, List<String>> problems, String noSpaceLabel) {
        LocalTime from = hours != null ? hours.opensAt : LocalTime.of(9, 0);
        LocalTime to = hours != null ? hours.closesAt : LocalTime.of(18, 0);
        for (ProgrammeSession s : sessions) {
            from = s.startsAt.isBefore(from) ? s.startsAt : from;
            to = s.endsAt.isAfter(to) ? s.endsAt : to;
        }
        from = from.truncatedTo(ChronoUnit.HOURS);
        int rowCount = (int) Math.ceil(ChronoUnit.MINUTES.between(from, to) / (double) SLOT_MINUTES);

        Map<Long, List<ProgrammeSession>> bySpace = sessions.stream()
                .collect(Collectors.groupingBy(s -> s.space == null ? -1L : s.space.id, LinkedHashMap::new,
                        Collectors.toList()));
        List<Column> columns = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        int next = 2; // column 1 holds the hours
        List<Space> shown = new ArrayList<>(spaces);
        for (Space space : shown) {
            next = place(space.name, space.id, bySpace.getOrDefault(space.id, List.of()), from, next, columns, cells, problems);
        }
        if (bySpace.containsKey(-1L)) {
            next = place(noSpaceLabel, null, bySpace.get(-1L), from, next, columns, cells, problems);
        }
        List<Hour> hourRows = new ArrayList<>();
        for (LocalTime t = from; t.isBefore(to); t = t.plusHours(1)) {
            hourRows.add(new Hour(String.format("%02d:00", t.getHour()), row(from, t)));
            if (t.getHour() == 23) {
                break;
            }
        }
        return new Day(date, from, to, columns, hourRows, cells, next - 2, rowCount);
    }

    /** Places one space's sessions in as few lanes as keep them apart; returns the next free column. */
    private static int place(String name, Long spaceId, List<ProgrammeSession> sessions, LocalTime from, int firstColumn,
            List<Column> columns, List<Cell> cells, Map<Long, List<String>> problems) {
        List<LocalTime> laneEnds = new ArrayList<>();
        List<ProgrammeSession> sorted = sessions.stream()
                .sorted(Comparator.comparing((ProgrammeSession s) -> s.startsAt).thenComparing(s -> s.id)).toList();
        for (ProgrammeSession s : sorted) {
            int lane = 0;
            while (lane < laneEnds.size() && laneEnds.get(lane).isAfter(s.startsAt)) {
                lane++;
            }
            if (lane == laneEnds.size()) {
                laneEnds.add(s.endsAt);
            } else {
                laneEnds.set(lane, s.endsAt);
            }
            int row = row(from, s.startsAt);
            int end = (int) Math.ceil(ChronoUnit.MINUTES.between(from, s.endsAt) / (double) SLOT_MINUTES) + 2;
            cells.add(new Cell(s, row, Math.max(1, end - row), firstColumn + lane, problems.getOrDefault(s.id, List.of())));
        }
        int lanes = Math.max(1, laneEnds.size());
        columns.add(new Column(name, spaceId, firstColumn, lanes));
        return firstColumn + lanes;
    }

    private static int row(LocalTime from, LocalTime t) {
        return (int) (ChronoUnit.MINUTES.between(from, t) / SLOT_MINUTES) + 2; // row 1 holds the space names
    }
}
