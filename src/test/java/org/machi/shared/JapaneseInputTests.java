package org.machi.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a Japanese keyboard types, as forms expect it. */
class JapaneseInputTests {

    @Test
    void fullWidthDigitsAndTheDashesAnImeOffersBecomeAscii() {
        assertThat(JapaneseInput.asciiNumber("２４３ー８５１１")).isEqualTo("243-8511");
        assertThat(JapaneseInput.asciiNumber("０４６－２２３‐１５１１")).isEqualTo("046-223-1511");
        assertThat(JapaneseInput.asciiNumber("＋８１　（４６）")).isEqualTo("+81 (46)");
        assertThat(JapaneseInput.asciiNumber("2025−02−30")).isEqualTo("2025-02-30");
        assertThat(JapaneseInput.asciiNumber(null)).isNull();
    }

    @Test
    void otherTextIsLeftAsTyped() {
        assertThat(JapaneseInput.asciiNumber("電話 call me")).isEqualTo("電話 call me");
        assertThat(JapaneseInput.fullWidthKana("あつぎ アツギ 厚木")).isEqualTo("あつぎ アツギ 厚木");
    }

    @Test
    void halfWidthKatakanaBecomeFullWidthWithTheirVoicedMarks() {
        assertThat(JapaneseInput.fullWidthKana("ｱﾂｷﾞ ﾊﾅｺ")).isEqualTo("アツギ ハナコ");
        assertThat(JapaneseInput.fullWidthKana("ﾊﾟｰﾙ･ﾎﾞｰﾄﾞ")).isEqualTo("パール・ボード");
        assertThat(JapaneseInput.fullWidthKana("あつぎｼﾃｨ")).isEqualTo("あつぎシティ");
        assertThat(JapaneseInput.fullWidthKana(null)).isNull();
    }

    @Test
    void searchWordsCompareAlikeWhicheverWayTheyWereTyped() {
        assertThat(JapaneseInput.searchable("ジュウミンヒョウ")).isEqualTo("じゅうみんひょう");
        assertThat(JapaneseInput.searchable("ｼﾞｭｳﾐﾝﾋｮｳ")).isEqualTo("じゅうみんひょう");
        assertThat(JapaneseInput.searchable("じゅーみんひょー")).isEqualTo("じゅうみんひょう");
        assertThat(JapaneseInput.searchable("ケーキ")).isEqualTo("けいき");
        assertThat(JapaneseInput.searchable("住民票　の 写し")).isEqualTo("住民票の写し");
        assertThat(JapaneseInput.searchable("ＣＥＲＴＩＦＩＣＡＴＥ １")).isEqualTo("certificate1");
        assertThat(JapaneseInput.searchable("課税・非課税")).isEqualTo("課税非課税");
        assertThat(JapaneseInput.searchable("ー")).isEmpty();
        assertThat(JapaneseInput.searchable(null)).isEmpty();
    }
}
