package org.machi.casework.notices;

import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.time.temporal.ChronoField;

/** Dates as official documents write them: the era, the first year as 元年, no zero padding (令和元年5月1日, 令和8年4月1日). */
final class OfficialDates {

    private OfficialDates() {
    }

    static String wareki(LocalDate date) {
        JapaneseDate japanese = JapaneseDate.from(date);
        JapaneseEra era = japanese.getEra();
        int year = japanese.get(ChronoField.YEAR_OF_ERA);
        return eraName(era) + (year == 1 ? "元" : Integer.toString(year)) + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    private static String eraName(JapaneseEra era) {
        return era.getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.JAPAN);
    }
}
