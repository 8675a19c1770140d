package org.machi.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class IndividualNumbersTests {

    /** The digits 1..11 give Σ P(n)·Q(n) = 1·2+… : worked out by hand, check digit 8. */
    @Test
    void knownCheckDigit() {
        // 12345678901: from the right P = 1,0,9,8,7,6,5,4,3,2,1 with Q = 2,3,4,5,6,7,2,3,4,5,6
        // Σ = 2+0+36+40+42+42+10+12+12+10+6 = 212; 212 mod 11 = 3; check digit 11 − 3 = 8
        assertThat(IndividualNumbers.checkDigit("12345678901")).isEqualTo(8);
        assertThat(IndividualNumbers.isValid("123456789018")).isTrue();
        assertThat(IndividualNumbers.isValid("123456789012")).isFalse();
    }

    @Test
    void remaindersZeroAndOneGiveCheckDigitZero() {
        assertThat(IndividualNumbers.checkDigit("00000000000")).isZero();
        // P(1)=5 alone: Σ = 5·2 = 10, remainder 10 → 1; P(1)=6: Σ = 12 → remainder 1 → 0
        assertThat(IndividualNumbers.checkDigit("00000000006")).isZero();
        assertThat(IndividualNumbers.checkDigit("00000000005")).isEqualTo(1);
    }

    @Test
    void findsANumberAsPeopleWriteIt() {
        assertThat(IndividualNumbers.containsOne("番号は123456789018です")).isTrue();
        assertThat(IndividualNumbers.containsOne("1234 5678 9018")).isTrue();
        assertThat(IndividualNumbers.containsOne("1234-5678-9018")).isTrue();
        assertThat(IndividualNumbers.containsOne("１２３４５６７８９０１８")).as("full-width").isTrue();
        assertThat(IndividualNumbers.containsOne("My number: １２３４ ５６７８ ９０１８.")).isTrue();
    }

    @Test
    void leavesOtherNumbersAlone() {
        assertThat(IndividualNumbers.containsOne("123456789012")).as("wrong check digit").isFalse();
        assertThat(IndividualNumbers.containsOne("9123456789018")).as("inside 13 digits").isFalse();
        assertThat(IndividualNumbers.containsOne("1234567890189")).as("inside 13 digits").isFalse();
        assertThat(IndividualNumbers.containsOne("電話 046-223-1511")).isFalse();
        assertThat(IndividualNumbers.containsOne("")).isFalse();
        assertThat(IndividualNumbers.containsOne(null)).isFalse();
    }

    // Properties over many generated inputs; the seed is fixed so that a failure repeats.

    @Test
    void everyElevenDigitsHaveExactlyOneValidCheckDigit() {
        Random random = new Random(20261125);
        for (int sample = 0; sample < 2000; sample++) {
            String digits = elevenDigits(random);
            int valid = 0;
            for (int d = 0; d <= 9; d++) {
                if (IndividualNumbers.isValid(digits + d)) {
                    valid++;
                }
            }
            assertThat(valid).as(digits).isEqualTo(1);
        }
    }

    @Test
    void aValidNumberIsFoundWhateverTextSurroundsIt() {
        Random random = new Random(8341);
        for (int sample = 0; sample < 2000; sample++) {
            String digits = elevenDigits(random);
            String text = prose(random) + digits + IndividualNumbers.checkDigit(digits) + prose(random);
            assertThat(IndividualNumbers.containsOne(text)).as(text).isTrue();
        }
    }

    @Test
    void aWrongCheckDigitIsNeverValid() {
        Random random = new Random(12);
        for (int sample = 0; sample < 2000; sample++) {
            String digits = elevenDigits(random);
            int wrong = (IndividualNumbers.checkDigit(digits) + 1 + random.nextInt(9)) % 10;
            assertThat(IndividualNumbers.isValid(digits + wrong)).as(digits + wrong).isFalse();
            assertThat(IndividualNumbers.containsOne("no. " + digits + wrong)).isFalse();
        }
    }

    private static String elevenDigits(Random random) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            digits.append(random.nextInt(10));
        }
        return digits.toString();
    }

    private static String prose(Random random) {
        String alphabet = "あいう漢字abc .、。";
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(20); i > 0; i--) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
