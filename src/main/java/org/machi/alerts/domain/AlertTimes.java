package org.machi.alerts.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which times of an alert are plausible. A start more than a day ago, or a start or an end more
 * than thirty days ahead, is most often a slip (a wrong year, a month for a day) and is taken only
 * once the operator confirms it; a time more than ten years from now is refused outright.
 */
public final class AlertTimes {

    static final Duration LONG_AGO = Duration.ofDays(1);
    static final Duration FAR_AHEAD = Duration.ofDays(30);
    static final Duration BEYOND_SENSE = Duration.ofDays(3653);

    private AlertTimes() {
    }

    /** A time one may mean: within ten years of now either way. Null (no time) passes. */
    static boolean possible(Instant time, Instant now) {
        return time == null || (time.isAfter(now.minus(BEYOND_SENSE)) && time.isBefore(now.plus(BEYOND_SENSE)));
    }

    /**
     * What the operator is asked to confirm, as a message key per field ({@code effective},
     * {@code expires}). A time kept as the previous version had it (an update of an order issued
     * days ago keeps that start) is no slip and is not asked about.
     *
     * @param previous the content this one revises or updates, or null for a new alert
     */
    public static List<Check> toConfirm(AlertContent content, AlertContent previous, Instant now) {
        List<Check> checks = new ArrayList<>();
        Instant start = content.effective();
        if (previous == null || !start.equals(previous.effective())) {
            if (start.isBefore(now.minus(LONG_AGO))) {
                checks.add(new Check("effective", "alert.check.effective.longAgo"));
            } else if (start.isAfter(now.plus(FAR_AHEAD))) {
                checks.add(new Check("effective", "alert.check.effective.farAhead"));
            }
        }
        Instant end = content.expires();
        if (end != null && (previous == null || !Objects.equals(end, previous.expires())) && end.isAfter(now.plus(FAR_AHEAD))) {
            checks.add(new Check("expires", "alert.check.expires.farAhead"));
        }
        return checks;
    }

    /** One point the operator confirms before saving: the field it concerns and the message saying why. */
    public record Check(String field, String key) {
    }
}
