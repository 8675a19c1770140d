package org.machi.casework.measures;

import java.time.Duration;
import java.time.YearMonth;

/**
 * The figures of one procedure (or of every procedure in view, when {@code procedureSlug} is null)
 * for the cases submitted in one month (Asia/Tokyo by default: the city's time zone).
 *
 * @param online                applications filed online
 * @param counter               applications filed at the counter
 * @param decided               cases approved or rejected (by now)
 * @param medianProcessing      median of submitted → decided over the decided cases; null when none is decided
 * @param p90Processing         90th percentile of the same; null when none is decided
 * @param decidedWithTarget     decided cases whose procedure has a target: the base of the within-target share
 * @param decidedWithinTarget   of those, decided at or before the due instant
 * @param decidedWithoutTarget  decided cases of procedures without a target: left out of the share
 * @param informationRequests   requests for more information made in these cases (until now)
 */
public record ProcedureMonth(String procedureSlug, YearMonth month, int online, int counter, int decided,
                      Duration medianProcessing, Duration p90Processing, int decidedWithTarget, int decidedWithinTarget,
                      int decidedWithoutTarget, int informationRequests) {

    public int applications() {
        return online + counter;
    }

    /** Online applications as a share (0–1) of all. */
    public double onlineRate() {
        return applications() == 0 ? 0 : (double) online / applications();
    }

    /** Decided within target as a share (0–1) of the decided cases with a target; null when there are none. */
    public Double withinTargetRate() {
        return decidedWithTarget == 0 ? null : (double) decidedWithinTarget / decidedWithTarget;
    }

    /** Requests for information per case submitted in the month. */
    public double requestsPerCase() {
        return applications() == 0 ? 0 : (double) informationRequests / applications();
    }

    public boolean total() {
        return procedureSlug == null;
    }
}
