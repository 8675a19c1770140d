package org.machi.casework.measures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * How the page shows the figures in the reader's language: durations in days (processing) or
 * minutes (the counter) with one decimal, shares as percentages with one decimal, months in the
 * language's usual form; "—" where there is no figure. The CSV uses {@link #plain} numbers instead.
 */
public final class MeasureFormat {

    private static final long NANOS_PER_DAY = Duration.ofDays(1).toNanos();
    private static final long NANOS_PER_MINUTE = Duration.ofMinutes(1).toNanos();

    private final MessageSource messages;
    private final Locale locale;
    private final DateTimeFormatter month;

    MeasureFormat(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
        this.month = DateTimeFormatter.ofPattern(messages.getMessage("measures.monthPattern", null, locale), locale);
    }

    public String month(YearMonth value) {
        return month.format(value);
    }

    public String days(Duration value) {
        return value == null ? none() : messages.getMessage("measures.unit.days", new Object[] {decimal(days(value, 1), 1)}, locale);
    }

    public String minutes(Duration value) {
        return value == null ? none() : messages.getMessage("measures.unit.minutes", new Object[] {decimal(minutes(value, 1), 1)}, locale);
    }

    public String percent(Double share) {
        if (share == null) {
            return none();
        }
        NumberFormat format = NumberFormat.getPercentInstance(locale);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(share);
    }

    public String decimal(double value) {
        return decimal(BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP), 2);
    }

    private String decimal(BigDecimal value, int digits) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(value);
    }

    private String none() {
        return "—";
    }

    /** A duration in days, rounded half up to the given decimals. */
    static BigDecimal days(Duration value, int decimals) {
        return BigDecimal.valueOf(value.toNanos()).divide(BigDecimal.valueOf(NANOS_PER_DAY), decimals, RoundingMode.HALF_UP);
    }

    static BigDecimal minutes(Duration value, int decimals) {
        return BigDecimal.valueOf(value.toNanos()).divide(BigDecimal.valueOf(NANOS_PER_MINUTE), decimals, RoundingMode.HALF_UP);
    }

    /** A number as the CSV writes it: a dot for decimals, no grouping; empty for none. */
    static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    static String plain(Double share, int decimals) {
        return share == null ? "" : BigDecimal.valueOf(share).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }
}
