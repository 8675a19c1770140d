package org.machi.casework.counter;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.chrono.JapaneseDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.machi.shared.CityProfile;
import org.machi.shared.SiteLanguage;
import org.springframework.stereotype.Component;

/** Dates as the counter shows them: times in the city's time zone, birth dates with 和暦 in Japanese. */
@Component("counterDates")
class CounterDates {

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter JAPANESE = DateTimeFormatter.ofPattern("uuuu年M月d日", Locale.JAPAN);
    private static final DateTimeFormatter WAREKI = DateTimeFormatter.ofPattern("GGGGy年M月d日", Locale.JAPAN);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_LOCAL_DATE;

    private final ZoneId zone;

    CounterDates(CityProfile city) {
        this.zone = city.timeZone();
    }

    /** 2026-12-01 10:00, in the city's time zone; empty for none. */
    public String moment(Instant instant) {
        return instant == null ? "" : MOMENT.format(instant.atZone(zone));
    }

    /** 1990年4月1日（平成2年4月1日） in Japanese, 1990-04-01 otherwise. */
    public String date(LocalDate date, Locale locale) {
        if (date == null) {
            return "";
        }
        SiteLanguage language = SiteLanguage.of(locale);
        if (language == SiteLanguage.JA || language == SiteLanguage.JA_EASY) {
            String wareki = date.isBefore(LocalDate.of(1873, 1, 1)) ? "" : "（" + WAREKI.format(JapaneseDate.from(date)) + "）";
            return JAPANESE.format(date) + wareki;
        }
        return ISO.format(date);
    }

    /** 〒243-0018 */
    public String postcode(String digits) {
        return digits != null && digits.length() == 7 ? "〒" + digits.substring(0, 3) + "-" + digits.substring(3) : digits;
    }

    ZoneId zone() {
        return zone;
    }
}
