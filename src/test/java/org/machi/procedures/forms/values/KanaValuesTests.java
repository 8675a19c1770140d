package org.machi.procedures.forms.values;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KanaValuesTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"やまだ　たろう|ヤマダ　タロウ", "ヤマダ タロウ|ヤマダ　タロウ", "ﾔﾏﾀﾞ ﾀﾛｳ|ヤマダ　タロウ",
            "  あつぎ   はなこ |アツギ　ハナコ", "ゔぃくとりあ|ヴィクトリア", "すみす・じょーん|スミス・ジョーン", "ｽﾐｽ･ｼﾞｮｰﾝ|スミス・ジョーン"})
    void storesTheReadingInFullWidthKatakana(String typed, String stored) {
        assertThat(KanaValues.parse(typed, 50).storedText()).contains(stored);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"山田 たろう|form.value.kana.kanji", "Yamada Taro|form.value.kana.latin",
            "ｙａｍａｄａ|form.value.kana.latin", "やまだ1|form.value.kana.invalid", "やまだ<b>|form.value.kana.invalid",
            "あいうえおかきくけこ|form.value.kana.tooLong", "　|form.value.required"})
    void refusesWhatIsNotKana(String typed, String key) {
        assertThat(KanaValues.parse(typed, 9).refusal().orElseThrow().key()).isEqualTo(key);
    }

    /** Seeded: a reading typed in half-width katakana, full-width katakana or hiragana is stored as the same katakana. */
    @Test
    void hiraganaKatakanaAndHalfWidthReadTheSame() {
        Random random = new Random(3);
        for (int i = 0; i < 5_000; i++) {
            StringBuilder halfWidth = new StringBuilder();
            for (int n = 1 + random.nextInt(12); n > 0; n--) {
                halfWidth.append((char) ('\uFF66' + random.nextInt(0xFF9D - 0xFF66 + 1)));
            }
            String katakana = Normalizer.normalize(halfWidth, Normalizer.Form.NFKC);
            StringBuilder hiragana = new StringBuilder();
            katakana.chars().forEach(c -> hiragana.append((char) (c >= 'ァ' && c <= 'ヶ' ? c - 0x60 : c)));
            assertThat(KanaValues.parse(halfWidth.toString(), 50).storedText()).as(halfWidth.toString()).contains(katakana);
            assertThat(KanaValues.parse(katakana, 50).storedText()).contains(katakana);
            assertThat(KanaValues.parse(hiragana.toString(), 50).storedText()).as(hiragana.toString()).contains(katakana);
        }
    }
}
