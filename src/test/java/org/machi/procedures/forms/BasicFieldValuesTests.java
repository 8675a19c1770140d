package org.machi.procedures.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.machi.procedures.forms.FieldValueParser.Part;

/** The plain reading of each field type: normalised values, and a problem key for what cannot be read. */
class BasicFieldValuesTests {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    // 2026-12-01 09:00 in Tokyo
    private final BasicFieldValues values = new BasicFieldValues(Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), TOKYO), TOKYO);

    private static Field field(FieldType type) {
        return Field.simple("x", type, "x", true);
    }

    private static Field number(Long min, Long max) {
        return new Field("n", FieldType.NUMBER, Text.of("n"), null, true, null, null, null, null, min, max, null, null, false, null, null,
                null, null, null, null);
    }

    private static Field date(DateRange range) {
        return new Field("d", FieldType.DATE, Text.of("d"), null, true, null, null, null, null, null, null, range, null, false, null, null,
                null, null, null, null);
    }

    @Test
    void datesMustExistAndFallInTheirRange() {
        assertThat(values.parse(date(DateRange.ANY), Part.VALUE, "２０２５-０４-０１")).isEqualTo(FieldValue.of("2025-04-01"));
        assertThat(values.parse(date(DateRange.ANY), Part.VALUE, "2025-02-30").problem()).isEqualTo("apply.value.date");
        assertThat(values.parse(date(DateRange.ANY), Part.VALUE, "yesterday").problem()).isEqualTo("apply.value.date");
        assertThat(values.parse(date(DateRange.PAST), Part.VALUE, "2026-12-02").problem()).isEqualTo("apply.value.datePast");
        assertThat(values.parse(date(DateRange.PAST), Part.VALUE, "2026-12-01").ok()).as("today counts").isTrue();
        assertThat(values.parse(date(DateRange.FUTURE), Part.VALUE, "2026-11-30").problem()).isEqualTo("apply.value.dateFuture");
    }

    @Test
    void numbersAndYenAreDigitsWithinTheirRange() {
        Field yen = field(FieldType.YEN);
        assertThat(values.parse(yen, Part.VALUE, "１，０００円")).isEqualTo(FieldValue.of("1000"));
        assertThat(values.parse(yen, Part.VALUE, "千円").problem()).isEqualTo("apply.value.yen");
        assertThat(values.parse(number(1L, 5L), Part.VALUE, "6")).isEqualTo(FieldValue.problem("apply.value.range", 1L, 5L));
        assertThat(values.parse(number(1L, null), Part.VALUE, "0")).isEqualTo(FieldValue.problem("apply.value.min", 1L));
        assertThat(values.parse(number(null, null), Part.VALUE, "1.5").problem()).isEqualTo("apply.value.number");
    }

    @Test
    void textKanaPhoneMailAndPostcodes() {
        assertThat(values.parse(field(FieldType.KANA), Part.VALUE, "あつぎ　はなこ")).isEqualTo(FieldValue.of("アツギ ハナコ"));
        assertThat(values.parse(field(FieldType.KANA), Part.VALUE, "Atsugi").problem()).isEqualTo("apply.value.kana");
        assertThat(values.parse(field(FieldType.TEXT), Part.VALUE, "a".repeat(101))).isEqualTo(FieldValue.problem("apply.value.tooLong", 100));
        assertThat(values.parse(field(FieldType.PHONE), Part.VALUE, "０４６-２２５-２７９０")).isEqualTo(FieldValue.of("046-225-2790"));
        assertThat(values.parse(field(FieldType.EMAIL), Part.VALUE, "not mail").problem()).isEqualTo("apply.value.email");
        assertThat(values.parse(field(FieldType.ADDRESS), Part.POSTCODE, "〒243-8511")).isEqualTo(FieldValue.of("2438511"));
        assertThat(values.parse(field(FieldType.ADDRESS), Part.POSTCODE, "243-85").problem()).isEqualTo("apply.value.postcode");
        Field choice = new Field("c", FieldType.CHOICE, Text.of("c"), null, true, null, null, null, null, null, null, null,
                List.of(new Option("a", Text.of("a")), new Option("b", Text.of("b"))), false, null, null, null, null, null, null);
        assertThat(values.parse(choice, Part.VALUE, "z").problem()).isEqualTo("apply.value.choice");
    }
}
