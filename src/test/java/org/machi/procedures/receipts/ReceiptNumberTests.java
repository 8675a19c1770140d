package org.machi.procedures.receipts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ReceiptNumberTests {

    @Test
    void theCheckDigitIsDammsOverTheYearAndTheSequence() {
        // the worked example of Damm's algorithm: 572 has the check digit 4
        assertThat(Damm.checkDigit("572")).isEqualTo(4);
        assertThat(Damm.isConsistent("5724")).isTrue();
        ReceiptNumber number = new ReceiptNumber(2026, 123);
        assertThat(number.checkDigit()).isEqualTo(Damm.checkDigit("2026000123"));
        assertThat(number.toString()).isEqualTo("2026-000123-" + number.checkDigit());
        assertThat(number.digits()).isEqualTo("2026000123" + number.checkDigit());
    }

    @Test
    void theSequencePartGrowsPastSixDigitsInsteadOfRunningOut() {
        ReceiptNumber big = new ReceiptNumber(2031, 12_345_678);
        assertThat(big.toString()).startsWith("2031-12345678-");
        assertThat(ReceiptNumber.parse(big.toString())).contains(big);
        // a seven-digit part that starts with 0 is not how any number is written
        String padded = "20260000123";
        assertThat(ReceiptNumber.isValid(padded + Damm.checkDigit(padded))).isFalse();
    }

    @Test
    void itIsReadAsPeopleTypeIt() {
        ReceiptNumber number = new ReceiptNumber(2026, 123);
        String canonical = number.toString();
        String digits = number.digits();
        assertThat(ReceiptNumber.parse(canonical)).contains(number);
        assertThat(ReceiptNumber.parse(digits)).contains(number);
        assertThat(ReceiptNumber.parse("  2026 000123 " + number.checkDigit() + " ")).contains(number);
        assertThat(ReceiptNumber.parse(toFullWidth(digits))).contains(number);
        assertThat(ReceiptNumber.parse("２０２６－０００１２３－" + toFullWidth("" + number.checkDigit()))).contains(number);
        assertThat(ReceiptNumber.parse("2026ー000123ー" + number.checkDigit())).contains(number);
        assertThat(ReceiptNumber.parse("2026\u2010000123\u2212" + number.checkDigit())).contains(number);
    }

    @Test
    void aWrongCheckDigitOrSomethingElseIsRefused() {
        ReceiptNumber number = new ReceiptNumber(2026, 123);
        int wrong = (number.checkDigit() + 1) % 10;
        assertThat(ReceiptNumber.isValid("2026-000123-" + wrong)).isFalse();
        assertThat(ReceiptNumber.isValid(null)).isFalse();
        assertThat(ReceiptNumber.isValid("")).isFalse();
        assertThat(ReceiptNumber.isValid("2026-00012-3")).isFalse();
        assertThat(ReceiptNumber.isValid("2026-000123-" + number.checkDigit() + "a")).isFalse();
        assertThat(ReceiptNumber.isValid("<script>")).isFalse();
        assertThat(ReceiptNumber.isValid("1999-000123-" + Damm.checkDigit("1999000123"))).isFalse();
        assertThat(ReceiptNumber.isValid("2026-000000-" + Damm.checkDigit("2026000000"))).isFalse();
        assertThatThrownBy(() -> new ReceiptNumber(2026, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everySingleDigitErrorOfTenThousandNumbersIsDetected() {
        Random random = new Random(20261201L);
        int checked = 0;
        for (int n = 0; n < 10_000; n++) {
            String digits = randomNumber(random).digits();
            for (int position = 0; position < digits.length(); position++) {
                for (char replacement = '0'; replacement <= '9'; replacement++) {
                    if (replacement == digits.charAt(position)) {
                        continue;
                    }
                    char[] typo = digits.toCharArray();
                    typo[position] = replacement;
                    assertThat(ReceiptNumber.isValid(new String(typo))).as("%s typed as %s", digits, new String(typo)).isFalse();
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(10_000 * 11 * 9);
    }

    @Test
    void everyAdjacentTranspositionOfTenThousandNumbersIsDetected() {
        Random random = new Random(1225L);
        int checked = 0;
        for (int n = 0; n < 10_000; n++) {
            String digits = randomNumber(random).digits();
            for (int position = 0; position + 1 < digits.length(); position++) {
                if (digits.charAt(position) == digits.charAt(position + 1)) {
                    continue;
                }
                char[] swapped = digits.toCharArray();
                swapped[position] = digits.charAt(position + 1);
                swapped[position + 1] = digits.charAt(position);
                assertThat(ReceiptNumber.isValid(new String(swapped))).as("%s typed as %s", digits, new String(swapped)).isFalse();
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(10_000 * 5);
    }

    private static ReceiptNumber randomNumber(Random random) {
        int year = 2020 + random.nextInt(80);
        long sequence = random.nextInt(10) == 0 ? 1_000_000L + random.nextInt(90_000_000) : 1 + random.nextInt(999_999);
        return new ReceiptNumber(year, sequence);
    }

    private static String toFullWidth(String digits) {
        StringBuilder out = new StringBuilder();
        digits.chars().forEach(c -> out.append((char) (c - '0' + '０')));
        return out.toString();
    }
}
