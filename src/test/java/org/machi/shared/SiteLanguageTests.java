package org.machi.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class SiteLanguageTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ja-JP,ja;q=0.9,en;q=0.8 | JA",
            "en-US,en;q=0.9          | EN",
            "zh-TW,zh;q=0.9          | ZH_CN",
            "zh-CN                   | ZH_CN",
            "ko-KR                   | KO",
            "vi                      | VI",
            "pt-PT,pt;q=0.8          | PT_BR",
            "es-MX                   | ES",
            "fil-PH                  | TL",
            "tl                      | TL",
            "de-DE,fr;q=0.9,en;q=0.5 | EN",
            "de-DE                   | JA",
            "*                       | JA",
            "en;q=0,ko;q=0.5         | KO",
            "ja-easy                 | JA",
            "%%%not-a-header%%%      | JA"})
    void negotiatesAcceptLanguage(String header, SiteLanguage expected) {
        assertThat(SiteLanguage.negotiate(header)).isEqualTo(expected);
    }

    @Test
    void noHeaderMeansJapanese() {
        assertThat(SiteLanguage.negotiate(null)).isEqualTo(SiteLanguage.JA);
        assertThat(SiteLanguage.negotiate(" ")).isEqualTo(SiteLanguage.JA);
    }

    @ParameterizedTest
    @EnumSource(SiteLanguage.class)
    void eachLanguageRoundTripsThroughItsCodeAndLocale(SiteLanguage language) {
        assertThat(SiteLanguage.fromCode(language.code())).contains(language);
        assertThat(SiteLanguage.of(language.locale())).isEqualTo(language);
        assertThat(Locale.forLanguageTag(language.htmlLang()).getLanguage()).isNotEmpty();
    }

    @Test
    void easyJapaneseIsDeclaredAsJapaneseButKeepsItsOwnBundles() {
        assertThat(SiteLanguage.JA_EASY.htmlLang()).isEqualTo("ja");
        assertThat(SiteLanguage.JA_EASY.locale().toString()).isEqualTo("ja__easy");
        assertThat(SiteLanguage.fromCode("JA-EASY")).contains(SiteLanguage.JA_EASY);
        assertThat(SiteLanguage.fromCode("xx")).isEmpty();
    }
}
