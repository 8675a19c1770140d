package org.machi.casework.measures;

import java.util.List;

/**
 * The measures of one range of months and one scope, ready to show.
 *
 * @param rows    per procedure and month, by month then catalog order
 * @param totals  per month over the procedures in scope
 * @param counter the counter's figures per month; empty when there were no filed sessions in scope
 */
public record MeasuresReport(MonthRange range, List<ProcedureMonth> rows, List<ProcedureMonth> totals, List<CounterMonth> counter) {

    /** Decided cases left out of the within-target share because their procedure has no target. */
    public int decidedWithoutTarget() {
        return totals.stream().mapToInt(ProcedureMonth::decidedWithoutTarget).sum();
    }
}
