package org.machi.procedures.forms.values;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberValuesTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1000|1000", "1,000|1000", "１，０００円|1000", "¥1,000|1000", "￥１０００|1000",
            "1000円|1000", " 1 000 |1000", "0|0", "007|7", "1,234,567|1234567"})
    void readsYenAsTyped(String typed, String stored) {
        assertThat(NumberValues.yen(typed, null, null).storedText()).contains(stored);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"-1000|form.value.yen.negative", "－１０００円|form.value.yen.negative",
            "1000.5|form.value.yen.decimal", "１０００．５|form.value.yen.decimal", "10,00|form.value.yen.invalid",
            "千円|form.value.yen.invalid", "1e3|form.value.yen.invalid", "<b>1</b>|form.value.yen.invalid",
            "1,000,001|form.value.yen.tooLarge", "99999999999999999999999|form.value.yen.tooLarge", "|form.value.required"})
    void refusesWhatIsNoAmount(String typed, String key) {
        assertThat(NumberValues.yen(typed, null, 1_000_000L).refusal().orElseThrow().key()).isEqualTo(key);
    }

    @Test
    void aNumberStaysWithinTheFieldsBounds() {
        assertThat(NumberValues.number("3", 1L, 10L).accepted()).contains(3L);
        assertThat(NumberValues.number("0", 1L, 10L).refusal().orElseThrow())
                .isEqualTo(Problem.of("form.value.number.tooSmall", 1L));
        assertThat(NumberValues.number("１１", 1L, 10L).refusal().orElseThrow())
                .isEqualTo(Problem.of("form.value.number.tooLarge", 10L));
        assertThat(NumberValues.number("-5", -10L, 10L).accepted()).contains(-5L);
        assertThat(NumberValues.number("2.5", 1L, 10L).refusal().orElseThrow().key()).isEqualTo("form.value.number.decimal");
        assertThat(NumberValues.yen("500", 1000L, null).refusal().orElseThrow()).isEqualTo(Problem.of("form.value.yen.tooSmall", 1000L));
    }

    /** Seeded: any amount, with or without separators, yen sign or 円, in half- or full-width digits, reads as itself. */
    @Test
    void everyWayOfTypingAnAmountReadsTheSame() {
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            long amount = (long) (random.nextDouble() * 1_000_000_000L);
            String written = random.nextBoolean() ? String.format("%,d", amount) : Long.toString(amount);
            written = switch (random.nextInt(4)) {
                case 0 -> "¥" + written;
                case 1 -> written + "円";
                default -> written;
            };
            String typed = DateValuesTests.fullWidthSome(written, random);
            assertThat(NumberValues.yen(typed, null, null).accepted()).as(typed).contains(amount);
        }
    }
}
