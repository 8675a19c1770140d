package org.machi.casework.measures;

import java.time.Duration;
import java.time.YearMonth;

/**
 * The counter's figures for the sessions whose applications were filed in one month.
 *
 * @param sessions        sessions filed
 * @param medianToSubmit  median of session start → filing
 * @param p90ToSubmit     90th percentile of the same
 * @param fieldsPrefilled answers taken over from the register, over all those sessions
 * @param fieldsTyped     answers typed by the clerk, over all those sessions
 */
public record CounterMonth(YearMonth month, int sessions, Duration medianToSubmit, Duration p90ToSubmit, int fieldsPrefilled,
                    int fieldsTyped) {

    /** Prefilled answers as a share (0–1) of all answers; null when the sessions had none. */
    public Double prefilledShare() {
        int fields = fieldsPrefilled + fieldsTyped;
        return fields == 0 ? null : (double) fieldsPrefilled / fields;
    }
}
