package org.machi.casework.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeasuresCalculatorTests {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private final MeasuresCalculator calculator = new MeasuresCalculator(TOKYO);

    private static Instant tokyo(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(TOKYO).toInstant();
    }

    private static CaseFacts decided(String slug, boolean counter, String submitted, Duration after, Integer targetDays, int requests) {
        Instant at = tokyo(submitted);
        return new CaseFacts(slug, counter, at, targetDays == null ? null : at.plus(Duration.ofDays(targetDays)), at.plus(after), requests);
    }

    private static CaseFacts open(String slug, boolean counter, String submitted, Integer targetDays, int requests) {
        Instant at = tokyo(submitted);
        return new CaseFacts(slug, counter, at, targetDays == null ? null : at.plus(Duration.ofDays(targetDays)), null, requests);
    }

    @Test
    void aCaseBelongsToTheMonthOfItsSubmissionInTokyoNotInUtc() {
        // 2026-10-31 23:30 UTC is 2026-11-01 08:30 in Tokyo
        Instant lateInUtc = Instant.parse("2026-10-31T23:30:00Z");
        assertThat(calculator.monthOf(lateInUtc)).isEqualTo(YearMonth.of(2026, 11));
        var rows = calculator.byProcedureAndMonth(List.of(
                new CaseFacts("juminhyo", false, lateInUtc, null, null, 0),
                new CaseFacts("juminhyo", false, Instant.parse("2026-10-31T14:59:59Z"), null, null, 0)));
        assertThat(rows).extracting(ProcedureMonth::month).containsExactly(YearMonth.of(2026, 10), YearMonth.of(2026, 11));
    }

    @Test
    void figuresPerProcedureAndMonth() {
        List<CaseFacts> cases = List.of(
                // kyufukin, November: three online, one counter; target 10 days
                decided("kyufukin", false, "2026-11-02T09:00", Duration.ofDays(2), 10, 0),
                decided("kyufukin", false, "2026-11-03T09:00", Duration.ofDays(4), 10, 1),
                decided("kyufukin", true, "2026-11-04T09:00", Duration.ofDays(10), 10, 0),   // exactly on the due instant: within
                decided("kyufukin", false, "2026-11-05T09:00", Duration.ofDays(12), 10, 2),  // late
                open("kyufukin", false, "2026-11-06T09:00", 10, 1),
                // juminhyo, November: no target, one counter
                decided("juminhyo", true, "2026-11-10T09:00", Duration.ofHours(1), null, 0),
                // kyufukin, December
                open("kyufukin", true, "2026-12-01T00:10", 10, 0));
        List<ProcedureMonth> rows = calculator.byProcedureAndMonth(cases);
        assertThat(rows).extracting(ProcedureMonth::procedureSlug, ProcedureMonth::month).containsExactly(
                org.assertj.core.groups.Tuple.tuple("juminhyo", YearMonth.of(2026, 11)),
                org.assertj.core.groups.Tuple.tuple("kyufukin", YearMonth.of(2026, 11)),
                org.assertj.core.groups.Tuple.tuple("kyufukin", YearMonth.of(2026, 12)));

        ProcedureMonth november = rows.get(1);
        assertThat(november.online()).isEqualTo(4);
        assertThat(november.counter()).isEqualTo(1);
        assertThat(november.applications()).isEqualTo(5);
        assertThat(november.onlineRate()).isEqualTo(0.8);
        assertThat(november.decided()).isEqualTo(4);
        // 2, 4, 10, 12 days: median 7 days; p90: h = 3 × 0.9 = 2.7 → 10 + 0.7 × 2 = 11.4 days
        assertThat(november.medianProcessing()).isEqualTo(Duration.ofDays(7));
        assertThat(november.p90Processing()).isEqualTo(Duration.ofDays(11).plus(Duration.ofHours(9)).plus(Duration.ofMinutes(36)));
        assertThat(november.decidedWithTarget()).isEqualTo(4);
        assertThat(november.decidedWithinTarget()).isEqualTo(3);
        assertThat(november.withinTargetRate()).isEqualTo(0.75);
        assertThat(november.decidedWithoutTarget()).isZero();
        assertThat(november.informationRequests()).isEqualTo(4);
        assertThat(november.requestsPerCase()).isEqualTo(0.8);

        ProcedureMonth juminhyo = rows.get(0);
        assertThat(juminhyo.onlineRate()).isZero();
        assertThat(juminhyo.decidedWithTarget()).isZero();
        assertThat(juminhyo.decidedWithoutTarget()).isEqualTo(1);
        assertThat(juminhyo.withinTargetRate()).as("no target: no share").isNull();
        assertThat(juminhyo.medianProcessing()).isEqualTo(Duration.ofHours(1));

        ProcedureMonth december = rows.get(2);
        assertThat(december.decided()).isZero();
        assertThat(december.medianProcessing()).isNull();
        assertThat(december.p90Processing()).isNull();
        assertThat(december.withinTargetRate()).isNull();
    }

    @Test
    void theMonthTotalsPoolTheCasesOfEveryProcedure() {
        List<CaseFacts> cases = List.of(
                decided("kyufukin", false, "2026-11-02T09:00", Duration.ofDays(2), 10, 1),
                decided("juminhyo", true, "2026-11-10T09:00", Duration.ofDays(1), null, 0),
                decided("sodai-gomi", false, "2026-11-11T09:00", Duration.ofDays(9), 7, 0));
        List<ProcedureMonth> totals = calculator.byMonth(cases);
        assertThat(totals).hasSize(1);
        ProcedureMonth total = totals.get(0);
        assertThat(total.total()).isTrue();
        assertThat(total.applications()).isEqualTo(3);
        assertThat(total.counter()).isEqualTo(1);
        assertThat(total.medianProcessing()).isEqualTo(Duration.ofDays(2));
        assertThat(total.decidedWithTarget()).isEqualTo(2);
        assertThat(total.decidedWithinTarget()).isEqualTo(1);
        assertThat(total.decidedWithoutTarget()).isEqualTo(1);
    }

    @Test
    void aWithdrawnOrOpenCaseCountsAsAnApplicationButHasNoProcessingTime() {
        List<ProcedureMonth> rows = calculator.byProcedureAndMonth(List.of(open("kyufukin", false, "2026-11-02T09:00", 10, 0)));
        assertThat(rows.get(0).applications()).isEqualTo(1);
        assertThat(rows.get(0).decided()).isZero();
        assertThat(rows.get(0).decidedWithTarget()).isZero();
    }

    @Test
    void theCounterFiguresCountFiledSessionsByTheMonthOfFiling() {
        Instant start = tokyo("2026-11-30T23:50");
        List<CounterSessionFacts> sessions = List.of(
                new CounterSessionFacts(start, start.plus(Duration.ofMinutes(20)), 14, 2, List.of("juminhyo")), // filed 12-01 00:10
                new CounterSessionFacts(tokyo("2026-11-02T10:00"), tokyo("2026-11-02T10:06"), 10, 0, List.of("kyufukin")),
                new CounterSessionFacts(tokyo("2026-11-03T10:00"), tokyo("2026-11-03T10:12"), 8, 4, List.of("kyufukin", "juminhyo")),
                new CounterSessionFacts(tokyo("2026-11-04T10:00"), null, 3, 3, List.of("kyufukin"))); // never filed: left out
        List<CounterMonth> months = calculator.counterByMonth(sessions);
        assertThat(months).extracting(CounterMonth::month).containsExactly(YearMonth.of(2026, 11), YearMonth.of(2026, 12));
        CounterMonth november = months.get(0);
        assertThat(november.sessions()).isEqualTo(2);
        assertThat(november.medianToSubmit()).isEqualTo(Duration.ofMinutes(9));
        // 6 and 12 minutes: h = 0.9 → 6 + 0.9 × 6 = 11.4 minutes
        assertThat(november.p90ToSubmit()).isEqualTo(Duration.ofSeconds(11 * 60 + 24));
        assertThat(november.fieldsPrefilled()).isEqualTo(18);
        assertThat(november.fieldsTyped()).isEqualTo(4);
        assertThat(november.prefilledShare()).isEqualTo(18.0 / 22);
        assertThat(months.get(1).sessions()).isEqualTo(1);
    }

    @Test
    void noCasesGiveNoRows() {
        assertThat(calculator.byProcedureAndMonth(List.of())).isEmpty();
        assertThat(calculator.byMonth(List.of())).isEmpty();
        assertThat(calculator.counterByMonth(List.of())).isEmpty();
    }
}
