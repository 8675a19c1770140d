package org.machi.procedures.forms.values;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The Japanese eras (元号) since the Gregorian calendar, each from the first day it was in use.
 *
 * <p>明治 is counted from 1868-01-25 (慶応4年1月1日 of the old calendar, to which the change of era
 * of 1868-10-23 applied retroactively), so that its year numbers are right. Until 明治5年12月2日
 * Japan used the lunisolar calendar, and a 明治 date before 明治6年1月1日 (1873-01-01) names a
 * day of that calendar, which no Gregorian month and day match: {@link DateValues} refuses such
 * dates rather than convert them wrongly (as {@code java.time.chrono.JapaneseDate} does).
 * 大正 to 令和 start on the day the emperor acceded (the day after the previous era's last day).
 */
public enum Era {

    MEIJI("明治", "めいじ", "메이지", "Meiji", 'M', LocalDate.of(1868, 1, 25)),
    TAISHO("大正", "たいしょう", "다이쇼", "Taisho", 'T', LocalDate.of(1912, 7, 30)),
    SHOWA("昭和", "しょうわ", "쇼와", "Showa", 'S', LocalDate.of(1926, 12, 25)),
    HEISEI("平成", "へいせい", "헤이세이", "Heisei", 'H', LocalDate.of(1989, 1, 8)),
    REIWA("令和", "れいわ", "레이와", "Reiwa", 'R', LocalDate.of(2019, 5, 1));

    /** The first day whose Gregorian month and day are what was written in Japan: 明治6年1月1日. */
    public static final LocalDate GREGORIAN_IN_JAPAN = LocalDate.of(1873, 1, 1);

    private final String kanji;
    private final String kana;
    private final String hangul;
    private final String romaji;
    private final char letter;
    private final LocalDate start;

    Era(String kanji, String kana, String hangul, String romaji, char letter, LocalDate start) {
        this.kanji = kanji;
        this.kana = kana;
        this.hangul = hangul;
        this.romaji = romaji;
        this.letter = letter;
        this.start = start;
    }

    public String kanji() {
        return kanji;
    }

    public String kana() {
        return kana;
    }

    public String hangul() {
        return hangul;
    }

    public String romaji() {
        return romaji;
    }

    /** The initial used in short dates (R7.4.1). */
    public char letter() {
        return letter;
    }

    public LocalDate start() {
        return start;
    }

    /** The day after the era's last day; empty for the era in use. */
    public Optional<LocalDate> end() {
        return ordinal() + 1 < values().length ? Optional.of(values()[ordinal() + 1].start) : Optional.empty();
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && end().map(date::isBefore).orElse(true);
    }

    /** The Gregorian year of the era's year n (元年 is 1). */
    public int gregorianYear(int eraYear) {
        return start.getYear() + eraYear - 1;
    }

    public int eraYear(LocalDate date) {
        return date.getYear() - start.getYear() + 1;
    }

    /** The era a day belongs to; empty before 明治. */
    public static Optional<Era> of(LocalDate date) {
        for (int i = values().length - 1; i >= 0; i--) {
            if (!date.isBefore(values()[i].start)) {
                return Optional.of(values()[i]);
            }
        }
        return Optional.empty();
    }

    /** The era written as 令和 or R (either case). */
    static Optional<Era> named(String written) {
        return Arrays.stream(values())
                .filter(era -> era.kanji.equals(written) || String.valueOf(era.letter).equals(written.toUpperCase(Locale.ROOT)))
                .findFirst();
    }
}
