package org.machi.procedures.forms.values;

import java.time.LocalDate;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;
import org.machi.shared.SiteLanguage;

/**
 * Dates as residents read them: the Western date, with the Japanese era (和暦) beside it. Residents
 * reading Japanese get the full 和暦 date, since official papers they hold (a 住民票, a pension
 * notice) are dated that way; readers of other languages get the Western date in their language
 * and the era year in letters they can read ("Reiwa 7", "레이와 7년"), enough to match a Japanese
 * paper. Dates before 明治6年 (1873, the lunisolar calendar) have no 和暦 here.
 */
public final class Wareki {

    private Wareki() {
    }

    /** 令和7年4月1日 (元年 for the first year); empty text before 1873. */
    public static String format(LocalDate date) {
        return eraOf(date).map(era -> era.kanji() + year(era.eraYear(date)) + "年" + date.getMonthValue() + "月"
                + date.getDayOfMonth() + "日").orElse("");
    }

    /**
     * The era as a reader of the language reads it: the full 和暦 date in Japanese (with the era's
     * reading in やさしい日本語), the era year in Chinese (令和7年), Korean (레이와 7년) and in
     * Latin letters for the other languages (Reiwa 7). Empty text before 1873.
     */
    public static String format(LocalDate date, SiteLanguage language) {
        Optional<Era> found = eraOf(date);
        if (found.isEmpty()) {
            return "";
        }
        Era era = found.get();
        int year = era.eraYear(date);
        return switch (language) {
            case JA -> format(date);
            case JA_EASY -> era.kanji() + "（" + era.kana() + "）" + year(year) + "年" + date.getMonthValue() + "月"
                    + date.getDayOfMonth() + "日";
            case ZH_CN -> era.kanji() + year(year) + "年";
            case KO -> era.hangul() + " " + year + "년";
            default -> era.romaji() + " " + year;
        };
    }

    /** The short form written on Japanese papers and accepted back: R7.4.1. */
    public static String abbreviated(LocalDate date) {
        return eraOf(date).map(era -> era.letter() + "" + era.eraYear(date) + "." + date.getMonthValue() + "."
                + date.getDayOfMonth()).orElse("");
    }

    /** The Western date in the reader's language with the era beside it: 2025年4月1日（令和7年4月1日）, April 1, 2025 (Reiwa 7). */
    public static String display(LocalDate date, SiteLanguage language) {
        String western = western(date, language);
        String era = format(date, language);
        if (era.isEmpty()) {
            return western;
        }
        return switch (language) {
            case JA, JA_EASY, ZH_CN -> western + "（" + era + "）";
            default -> western + " (" + era + ")";
        };
    }

    /** The Western date alone, as the language writes it in full. */
    public static String western(LocalDate date, SiteLanguage language) {
        Locale locale = language == SiteLanguage.JA_EASY ? Locale.JAPANESE : language.locale();
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)
                .withChronology(IsoChronology.INSTANCE).format(date);
    }

    private static Optional<Era> eraOf(LocalDate date) {
        return date.isBefore(Era.GREGORIAN_IN_JAPAN) ? Optional.empty() : Era.of(date);
    }

    private static String year(int eraYear) {
        return eraYear == 1 ? "元" : String.valueOf(eraYear);
    }
}
