package org.machi.procedures.forms.values;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateValuesTests {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    /** 2025-06-15 00:30 in Tokyo, still 2025-06-14 in UTC: "today" must be Tokyo's. */
    private static final Clock JUNE_15_IN_TOKYO = Clock.fixed(Instant.parse("2025-06-14T15:30:00Z"), ZoneId.of("UTC"));

    private final DateValues dates = new DateValues(JUNE_15_IN_TOKYO, TOKYO, EraOverrun.REFUSE);
    private final DateValues lenient = new DateValues(JUNE_15_IN_TOKYO, TOKYO, EraOverrun.ACCEPT);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2025-04-01|2025-04-01", "2025/4/1|2025-04-01", "2025.4.1|2025-04-01", "2025年4月1日|2025-04-01",
            "20250401|2025-04-01", "２０２５年４月１日|2025-04-01", "２０２５／０４／０１|2025-04-01", "2025－4－1|2025-04-01",
            " 2025 年 4 月 1 日 |2025-04-01",
            "令和7年4月1日|2025-04-01", "令和元年5月1日|2019-05-01", "令和１年５月１日|2019-05-01", "R7.4.1|2025-04-01",
            "r7.4.1|2025-04-01", "R7/4/1|2025-04-01", "Ｒ７．４．１|2025-04-01", "㋿7年4月1日|2025-04-01",
            "H31.4.30|2019-04-30", "平成31年4月30日|2019-04-30", "平成元年1月8日|1989-01-08", "㍻元年1月8日|1989-01-08",
            "昭和64年1月7日|1989-01-07", "S64.1.7|1989-01-07", "昭和元年12月25日|1926-12-25",
            "大正15年12月24日|1926-12-24", "大正元年7月30日|1912-07-30", "T1.7.30|1912-07-30",
            "明治45年7月29日|1912-07-29", "明治6年1月1日|1873-01-01", "M6.1.1|1873-01-01"})
    void readsWesternAndJapaneseDates(String typed, String iso) {
        assertThat(dates.parse(typed, DatesAllowed.ANY).storedText()).contains(iso);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2025-02-30|form.value.date.doesNotExist", "2023/2/29|form.value.date.doesNotExist", "2025年13月1日|form.value.date.doesNotExist",
            "令和7年4月31日|form.value.date.doesNotExist", "2025-04-00|form.value.date.doesNotExist",
            "令和0年4月1日|form.value.date.eraYearZero", "R0.4.1|form.value.date.eraYearZero",
            "平成31年5月1日|form.value.date.otherEra", "H31.5.1|form.value.date.otherEra", "昭和64年1月8日|form.value.date.otherEra",
            "平成32年1月1日|form.value.date.otherEra", "令和元年4月30日|form.value.date.otherEra", "大正15年12月25日|form.value.date.otherEra",
            "明治45年7月30日|form.value.date.otherEra", "平成元年1月7日|form.value.date.otherEra",
            "明治5年12月2日|form.value.date.tooEarly", "1872-12-31|form.value.date.tooEarly",
            "tomorrow|form.value.date.invalid", "2025-4|form.value.date.invalid", "令和7年|form.value.date.invalid",
            "X7.4.1|form.value.date.invalid", "<script>|form.value.date.invalid", "99999-01-01|form.value.date.invalid",
            "3000-01-01|form.value.date.invalid", "   |form.value.required"})
    void refusesDatesThatDoNotExistWithTheReason(String typed, String key) {
        assertThat(dates.parse(typed, DatesAllowed.ANY).refusal()).hasValueSatisfying(problem -> assertThat(problem.key()).isEqualTo(key));
    }

    @Test
    void aDateOfAnotherEraIsRefusedWithTheDateWrittenRight() {
        assertThat(dates.parse("平成32年1月1日", DatesAllowed.ANY).refusal().orElseThrow().arguments()).containsExactly("令和2年1月1日");
        assertThat(dates.parse("平成31年5月1日", DatesAllowed.ANY).refusal().orElseThrow().arguments()).containsExactly("令和元年5月1日");
        assertThat(dates.parse("昭和64年1月8日", DatesAllowed.ANY).refusal().orElseThrow().arguments()).containsExactly("平成元年1月8日");
        assertThat(dates.parse("令和元年4月30日", DatesAllowed.ANY).refusal().orElseThrow().arguments()).containsExactly("平成31年4月30日");
    }

    @Test
    void aCityThatAcceptsTheOldEraGetsTheSameDayCountedOn() {
        assertThat(lenient.parse("平成32年1月1日", DatesAllowed.ANY).storedText()).contains("2020-01-01");
        assertThat(lenient.parse("H31.5.1", DatesAllowed.ANY).storedText()).contains("2019-05-01");
        assertThat(lenient.parse("昭和64年1月8日", DatesAllowed.ANY).storedText()).contains("1989-01-08");
        assertThat(lenient.parse("令和元年4月30日", DatesAllowed.ANY).refusal()).as("before an era began is never accepted").isPresent();
        assertThat(lenient.parse("令和0年4月1日", DatesAllowed.ANY).refusal()).isPresent();
    }

    @Test
    void todayIsCountedInTheCitysTimeZone() {
        assertThat(dates.parse("2025-06-15", DatesAllowed.PAST).isAccepted()).isTrue();
        assertThat(dates.parse("2025-06-16", DatesAllowed.PAST).refusal().orElseThrow().key()).isEqualTo("form.value.date.mustBePast");
        assertThat(dates.parse("2025-06-15", DatesAllowed.FUTURE).isAccepted()).isTrue();
        assertThat(dates.parse("R7.6.14", DatesAllowed.FUTURE).refusal().orElseThrow().key()).isEqualTo("form.value.date.mustBeFuture");
        assertThat(dates.parse("2040-01-01", DatesAllowed.ANY).isAccepted()).isTrue();
    }

    @Test
    void eachEraStartsAndEndsOnItsDay() {
        assertThat(Era.of(LocalDate.of(1912, 7, 29))).contains(Era.MEIJI);
        assertThat(Era.of(LocalDate.of(1912, 7, 30))).contains(Era.TAISHO);
        assertThat(Era.of(LocalDate.of(1926, 12, 24))).contains(Era.TAISHO);
        assertThat(Era.of(LocalDate.of(1926, 12, 25))).contains(Era.SHOWA);
        assertThat(Era.of(LocalDate.of(1989, 1, 7))).contains(Era.SHOWA);
        assertThat(Era.of(LocalDate.of(1989, 1, 8))).contains(Era.HEISEI);
        assertThat(Era.of(LocalDate.of(2019, 4, 30))).contains(Era.HEISEI);
        assertThat(Era.of(LocalDate.of(2019, 5, 1))).contains(Era.REIWA);
        assertThat(Era.of(LocalDate.of(1868, 1, 25))).contains(Era.MEIJI);
        assertThat(Era.of(LocalDate.of(1868, 1, 24))).isEmpty();
    }

    /** Every day from the first of 昭和 to 2040, in each form it is shown or written in, reads back as itself. */
    @Test
    void everyDayFormattedReadsBackAsItself() {
        List<String> wrong = new ArrayList<>();
        for (LocalDate day = LocalDate.of(1926, 12, 25); !day.isAfter(LocalDate.of(2040, 12, 31)); day = day.plusDays(1)) {
            for (String written : List.of(Wareki.format(day), Wareki.abbreviated(day), day.toString(),
                    day.getYear() + "/" + day.getMonthValue() + "/" + day.getDayOfMonth())) {
                if (!dates.parse(written, DatesAllowed.ANY).accepted().equals(java.util.Optional.of(day))) {
                    wrong.add(written + " for " + day);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** Seeded: a day in any form, with any of its characters typed full-width and the era's letter in either case. */
    @Test
    void fullWidthAndHalfWidthReadTheSame() {
        Random random = new Random(12);
        for (int i = 0; i < 20_000; i++) {
            LocalDate day = LocalDate.of(1873, 1, 1).plusDays(random.nextInt(60_000));
            String written = switch (random.nextInt(3)) {
                case 0 -> Wareki.format(day);
                case 1 -> random.nextBoolean() ? Wareki.abbreviated(day) : Wareki.abbreviated(day).toLowerCase();
                default -> day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
            };
            String typed = fullWidthSome(written, random);
            assertThat(dates.parse(typed, DatesAllowed.ANY).accepted()).as(typed).contains(day);
        }
    }

    static String fullWidthSome(String text, Random random) {
        StringBuilder typed = new StringBuilder();
        text.codePoints().forEach(c -> typed.appendCodePoint(c >= '!' && c <= '~' && random.nextBoolean() ? c + 0xFEE0 : c));
        return typed.toString();
    }
}
