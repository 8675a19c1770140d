package org.machi.casework.measures;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The months whose submissions the measures cover, both ends included, as the page and the CSV
 * take them ({@code from=YYYY-MM&to=YYYY-MM}). Without {@code to}: the current month; without
 * {@code from}: the twelve months up to {@code to}. At most {@link #MAX_MONTHS} months.
 */
public record MonthRange(YearMonth from, YearMonth to) {

    static final int MAX_MONTHS = 36;
    static final int DEFAULT_MONTHS = 12;
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    /** A problem with one parameter: the field it concerns and the message key. */
    public record Problem(String field, String key, Object... args) {
    }

    /** The range, or the problems that keep it from being read (the range is then null). */
    public record Reading(MonthRange range, List<Problem> problems, String fromText, String toText) {

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    static Reading read(String fromText, String toText, YearMonth current) {
        List<Problem> problems = new ArrayList<>();
        YearMonth to = blank(toText) ? current : parse(toText, "to", problems);
        YearMonth from = blank(fromText) ? (to == null ? null : to.minusMonths(DEFAULT_MONTHS - 1)) : parse(fromText, "from", problems);
        MonthRange range = null;
        if (from != null && to != null) {
            if (from.isAfter(to)) {
                problems.add(new Problem("from", "measures.problem.order"));
            } else if (from.plusMonths(MAX_MONTHS).isBefore(to.plusMonths(1))) {
                problems.add(new Problem("from", "measures.problem.tooLong", MAX_MONTHS));
            } else {
                range = new MonthRange(from, to);
            }
        }
        return new Reading(problems.isEmpty() ? range : null, problems,
                blank(fromText) ? (from == null ? "" : from.toString()) : fromText.strip(),
                blank(toText) ? (to == null ? "" : to.toString()) : toText.strip());
    }

    /** The first instant of {@code from} in the zone. */
    Instant start(ZoneId zone) {
        return from.atDay(1).atStartOfDay(zone).toInstant();
    }

    /** The first instant after {@code to} in the zone. */
    Instant end(ZoneId zone) {
        return to.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static YearMonth parse(String text, String field, List<Problem> problems) {
        String value = text.strip();
        if (MONTH.matcher(value).matches()) {
            try {
                YearMonth month = YearMonth.parse(value);
                if (month.getYear() >= 2000) {
                    return month;
                }
            } catch (DateTimeException notAMonth) {
                // reported below
            }
        }
        problems.add(new Problem(field, "measures.problem." + field));
        return null;
    }
}
