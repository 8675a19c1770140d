package org.machi.casework.measures;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.machi.procedures.ProcedureView;
import org.machi.procedures.Procedures;
import org.machi.shared.CityProfile;
import org.machi.shared.SiteLanguage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gathers the measures for a range of months and a set of procedures: reads the cases and counter
 * sessions of the range, computes the figures in the city's time zone and orders the rows as the
 * catalog orders its procedures (procedures no longer in the catalog last, by slug).
 */
@Service
@Transactional(readOnly = true)
class MeasuresReports {

    private final MeasuredCases cases;
    private final Procedures procedures;
    private final ZoneId zone;

    MeasuresReports(MeasuredCases cases, Procedures procedures, CityProfile city) {
        this.cases = cases;
        this.procedures = procedures;
        this.zone = city.timeZone();
    }

    ZoneId zone() {
        return zone;
    }

    /**
     * @param scope the slugs of the procedures in view; null for every procedure (also those no
     *              longer in the catalog); a counter session is in view when one of its procedures is
     */
    MeasuresReport report(MonthRange range, Set<String> scope) {
        Instant from = range.start(zone);
        Instant to = range.end(zone);
        MeasuresCalculator calculator = new MeasuresCalculator(zone);
        List<CaseFacts> facts = cases.submittedBetween(from, to, scope);
        List<ProcedureMonth> rows = calculator.byProcedureAndMonth(facts).stream().sorted(catalogOrder()).toList();
        List<CounterSessionFacts> sessions = cases.counterSessionsFiledBetween(from, to).stream()
                .filter(session -> scope == null || session.procedures().stream().anyMatch(scope::contains)).toList();
        return new MeasuresReport(range, rows, calculator.byMonth(facts), calculator.counterByMonth(sessions));
    }

    private Comparator<ProcedureMonth> catalogOrder() {
        List<ProcedureView> all = procedures.all(SiteLanguage.REFERENCE);
        Map<String, Integer> index = IntStream.range(0, all.size()).boxed()
                .collect(Collectors.toMap(i -> all.get(i).slug(), Function.identity()));
        return Comparator.comparing(ProcedureMonth::month)
                .thenComparing(row -> index.getOrDefault(row.procedureSlug(), Integer.MAX_VALUE))
                .thenComparing(ProcedureMonth::procedureSlug);
    }

    /** The slugs of the catalog's procedures handled by the department. */
    Set<String> proceduresOf(String department) {
        return procedures.all(SiteLanguage.REFERENCE).stream().filter(p -> p.department() != null && p.department().code().equals(department))
                .map(ProcedureView::slug).collect(Collectors.toSet());
    }

}
