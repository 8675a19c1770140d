package org.machi.casework.register;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The normalised texts the look-up keys are made of: what a clerk types and what the register holds meet. */
class RegisterKeysTests {

    @Test
    void namesIgnoreSpacesWidthAndKatakanaAgainstHiragana() {
        assertThat(RegisterKeys.name("カクウ")).isEqualTo(RegisterKeys.name("かくう"))
                .isEqualTo(RegisterKeys.name("ｶｸｳ")).isEqualTo(RegisterKeys.name(" カク　ウ "));
        assertThat(RegisterKeys.name("架空")).isEqualTo(RegisterKeys.name("架 空"));
        assertThat(RegisterKeys.name("架空")).isNotEqualTo(RegisterKeys.name("仮空"));
        assertThat(RegisterKeys.name("ＡＢＣ")).isEqualTo("ABC");
    }

    @Test
    void addressesIgnoreHowTheNumbersAreWritten() {
        assertThat(RegisterKeys.addressLine("中町3丁目17番17号")).isEqualTo("中町3-17-17");
        assertThat(RegisterKeys.addressLine("中町３－１７－１７")).isEqualTo("中町3-17-17");
        assertThat(RegisterKeys.addressLine("中町3-17-17 ")).isEqualTo("中町3-17-17");
        assertThat(RegisterKeys.addressLine("上荻野1234番地")).isEqualTo("上荻野1234");
        assertThat(RegisterKeys.addressLine("森の里1-2-3 メゾンさくら101")).isEqualTo(RegisterKeys.addressLine("森の里1丁目2番3号メゾンさくら101"));
        assertThat(RegisterKeys.postcode("243-0018")).isEqualTo("2430018");
        assertThat(RegisterKeys.postcode("〒２４３－００１８")).isEqualTo("2430018");
    }

    @Test
    void csvCellsFollowRfc4180Quotes() {
        assertThat(ExtractFormat.split("a,\"b,c\",\"d\"\"e\",")).containsExactly("a", "b,c", "d\"e", "");
        assertThat(ExtractFormat.split("a,\"b")).isNull();
    }
}
