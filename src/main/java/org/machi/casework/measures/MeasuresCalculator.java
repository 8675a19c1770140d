package org.machi.casework.measures;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The plan's BPR measures (業務改革の効果測定) from case facts, with no database and no clock: a case
 * belongs to the month of its submission in the given zone, and every figure of a month is about the
 * cases submitted in it, whenever they were decided. Processing time runs from submission to the
 * decision (approval or rejection) in elapsed time, not business days; undecided and withdrawn cases
 * have none. The within-target share counts decided cases whose procedure has a target only. See
 * {@link Percentiles} for how the median and the 90th percentile are defined.
 */
final class MeasuresCalculator {

    private final ZoneId zone;

    MeasuresCalculator(ZoneId zone) {
        this.zone = zone;
    }

    YearMonth monthOf(Instant instant) {
        return YearMonth.from(instant.atZone(zone));
    }

    /** One row per procedure and month that has cases, by month then slug. */
    List<ProcedureMonth> byProcedureAndMonth(Collection<CaseFacts> cases) {
        Map<Key, List<CaseFacts>> groups = cases.stream().collect(Collectors.groupingBy(
                c -> new Key(monthOf(c.submittedAt()), c.procedureSlug()), TreeMap::new, Collectors.toList()));
        List<ProcedureMonth> rows = new ArrayList<>();
        groups.forEach((key, group) -> rows.add(figures(key.slug(), key.month(), group)));
        return rows;
    }

    /** One row per month over all the given cases (procedure null), by month. */
    List<ProcedureMonth> byMonth(Collection<CaseFacts> cases) {
        Map<YearMonth, List<CaseFacts>> groups = cases.stream().collect(Collectors.groupingBy(
                c -> monthOf(c.submittedAt()), TreeMap::new, Collectors.toList()));
        List<ProcedureMonth> rows = new ArrayList<>();
        groups.forEach((month, group) -> rows.add(figures(null, month, group)));
        return rows;
    }

    /** The counter's figures per month of filing, over the filed sessions only, by month. */
    List<CounterMonth> counterByMonth(Collection<CounterSessionFacts> sessions) {
        Map<YearMonth, List<CounterSessionFacts>> groups = sessions.stream().filter(CounterSessionFacts::submitted)
                .collect(Collectors.groupingBy(s -> monthOf(s.submittedAt()), TreeMap::new, Collectors.toList()));
        List<CounterMonth> rows = new ArrayList<>();
        groups.forEach((month, group) -> {
            List<Duration> times = group.stream().map(CounterSessionFacts::startToSubmit).toList();
            rows.add(new CounterMonth(month, group.size(), Percentiles.median(times).orElseThrow(),
                    Percentiles.of(times, 90).orElseThrow(),
                    group.stream().mapToInt(CounterSessionFacts::fieldsPrefilled).sum(),
                    group.stream().mapToInt(CounterSessionFacts::fieldsTyped).sum()));
        });
        return rows;
    }

    private static ProcedureMonth figures(String slug, YearMonth month, List<CaseFacts> group) {
        int counter = (int) group.stream().filter(CaseFacts::counter).count();
        List<Duration> times = group.stream().map(CaseFacts::processingTime).flatMap(Optional::stream).toList();
        List<CaseFacts> decided = group.stream().filter(CaseFacts::decided).toList();
        int withTarget = (int) decided.stream().filter(c -> c.dueAt() != null).count();
        int withinTarget = (int) decided.stream().filter(CaseFacts::decidedWithinTarget).count();
        return new ProcedureMonth(slug, month, group.size() - counter, counter, decided.size(),
                Percentiles.median(times).orElse(null), Percentiles.of(times, 90).orElse(null),
                withTarget, withinTarget, decided.size() - withTarget,
                group.stream().mapToInt(CaseFacts::informationRequests).sum());
    }

    private record Key(YearMonth month, String slug) implements Comparable<Key> {

        private static final Comparator<Key> ORDER = Comparator.comparing(Key::month)
                .thenComparing(Key::slug, Comparator.nullsFirst(Comparator.naturalOrder()));

        @Override
        public int compareTo(Key other) {
            return ORDER.compare(this, other);
        }
    }
}
