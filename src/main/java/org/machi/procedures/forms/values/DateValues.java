package org.machi.procedures.forms.values;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a date as residents type it: Western (2025-04-01, 2025/4/1, 2025年4月1日, 20250401) or
 * 和暦 (令和7年4月1日, 令和元年5月1日, R7.4.1, R7/4/1, H31.4.30), in full-width or half-width
 * characters. A day that does not exist, a 0th era year, a day outside the era written and a day
 * before 明治6年 (see {@link Era}) are refused; what to do with a day after the era's end
 * (平成32年) is the city's setting, {@link EraOverrun}. Stored as ISO (2025-04-01).
 */
public final class DateValues {

    private static final Pattern WESTERN = Pattern.compile("(\\d{4})(?:[-/.](\\d{1,2})[-/.](\\d{1,2})|年(\\d{1,2})月(\\d{1,2})日?)");
    private static final Pattern WESTERN_DIGITS = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern JAPANESE = Pattern.compile(
            "(明治|大正|昭和|平成|令和|[MTSHRmtshr])(元|\\d{1,2})(?:[-/.](\\d{1,2})[-/.](\\d{1,2})|年(\\d{1,2})月(\\d{1,2})日?)");
    private static final int LAST_YEAR = 2999;

    private final Clock clock;
    private final ZoneId zone;
    private final EraOverrun overrun;

    /** @param zone the city's time zone, in which "today" is counted */
    public DateValues(Clock clock, ZoneId zone, EraOverrun overrun) {
        this.clock = clock;
        this.zone = zone;
        this.overrun = overrun;
    }

    public FieldValue<LocalDate> parse(String raw, DatesAllowed allowed) {
        if (Typed.blank(raw)) {
            return FieldValue.refused("form.value.required");
        }
        FieldValue<LocalDate> read = read(Typed.compact(raw));
        if (!(read instanceof FieldValue.Accepted<LocalDate> accepted)) {
            return read;
        }
        LocalDate date = accepted.value();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (allowed == DatesAllowed.PAST && date.isAfter(today)) {
            return FieldValue.refused("form.value.date.mustBePast");
        }
        if (allowed == DatesAllowed.FUTURE && date.isBefore(today)) {
            return FieldValue.refused("form.value.date.mustBeFuture");
        }
        return read;
    }

    private FieldValue<LocalDate> read(String typed) {
        Matcher japanese = JAPANESE.matcher(typed);
        if (japanese.matches()) {
            Era era = Era.named(japanese.group(1)).orElseThrow();
            int year = "元".equals(japanese.group(2)) ? 1 : Integer.parseInt(japanese.group(2));
            return japanese(era, year, number(japanese, 3, 5), number(japanese, 4, 6));
        }
        Matcher western = WESTERN.matcher(typed);
        if (western.matches()) {
            return western(Integer.parseInt(western.group(1)), number(western, 2, 4), number(western, 3, 5));
        }
        Matcher digits = WESTERN_DIGITS.matcher(typed);
        if (digits.matches()) {
            return western(Integer.parseInt(digits.group(1)), Integer.parseInt(digits.group(2)), Integer.parseInt(digits.group(3)));
        }
        return FieldValue.refused("form.value.date.invalid");
    }

    private FieldValue<LocalDate> western(int year, int month, int day) {
        if (year > LAST_YEAR) {
            return FieldValue.refused("form.value.date.invalid");
        }
        return day(year, month, day).map(this::inGregorianJapan)
                .orElseGet(() -> FieldValue.refused("form.value.date.doesNotExist"));
    }

    private FieldValue<LocalDate> japanese(Era era, int eraYear, int month, int day) {
        if (eraYear == 0) {
            return FieldValue.refused("form.value.date.eraYearZero", era.kanji());
        }
        Optional<LocalDate> found = day(era.gregorianYear(eraYear), month, day);
        if (found.isEmpty()) {
            return FieldValue.refused("form.value.date.doesNotExist");
        }
        LocalDate date = found.get();
        if (date.isBefore(Era.GREGORIAN_IN_JAPAN)) {
            return FieldValue.refused("form.value.date.tooEarly");
        }
        boolean afterEnd = era.end().map(end -> !date.isBefore(end)).orElse(false);
        if (date.isBefore(era.start()) || (afterEnd && overrun == EraOverrun.REFUSE)) {
            return FieldValue.refused("form.value.date.otherEra", Wareki.format(date));
        }
        return accepted(date);
    }

    private FieldValue<LocalDate> inGregorianJapan(LocalDate date) {
        return date.isBefore(Era.GREGORIAN_IN_JAPAN) ? FieldValue.refused("form.value.date.tooEarly") : accepted(date);
    }

    private static FieldValue<LocalDate> accepted(LocalDate date) {
        return FieldValue.accepted(date, date.toString());
    }

    private static Optional<LocalDate> day(int year, int month, int day) {
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException doesNotExist) {
            return Optional.empty();
        }
    }

    /** The group that matched of the two alternatives (2025/4/1 or 2025年4月1日). */
    private static int number(Matcher matcher, int separated, int written) {
        String value = matcher.group(separated) != null ? matcher.group(separated) : matcher.group(written);
        return Integer.parseInt(value);
    }
}
