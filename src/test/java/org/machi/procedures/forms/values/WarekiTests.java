package org.machi.procedures.forms.values;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.machi.shared.SiteLanguage;

class WarekiTests {

    private static final LocalDate APRIL_1 = LocalDate.of(2025, 4, 1);

    @Test
    void writesTheJapaneseEraWithGannenForTheFirstYear() {
        assertThat(Wareki.format(APRIL_1)).isEqualTo("令和7年4月1日");
        assertThat(Wareki.format(LocalDate.of(2019, 5, 1))).isEqualTo("令和元年5月1日");
        assertThat(Wareki.format(LocalDate.of(2019, 4, 30))).isEqualTo("平成31年4月30日");
        assertThat(Wareki.format(LocalDate.of(1989, 1, 7))).isEqualTo("昭和64年1月7日");
        assertThat(Wareki.abbreviated(APRIL_1)).isEqualTo("R7.4.1");
        assertThat(Wareki.format(LocalDate.of(1872, 12, 31))).as("the lunisolar calendar: no 和暦 given").isEmpty();
    }

    @Test
    void everyLanguageSeesTheWesternDateAndTheEra() {
        assertThat(Wareki.display(APRIL_1, SiteLanguage.JA)).isEqualTo("2025年4月1日（令和7年4月1日）");
        assertThat(Wareki.display(APRIL_1, SiteLanguage.JA_EASY)).isEqualTo("2025年4月1日（令和（れいわ）7年4月1日）");
        assertThat(Wareki.display(APRIL_1, SiteLanguage.ZH_CN)).isEqualTo("2025年4月1日（令和7年）");
        assertThat(Wareki.display(APRIL_1, SiteLanguage.KO)).isEqualTo("2025년 4월 1일 (레이와 7년)");
        assertThat(Wareki.display(APRIL_1, SiteLanguage.EN)).isEqualTo("April 1, 2025 (Reiwa 7)");
        for (SiteLanguage language : SiteLanguage.values()) {
            String shown = Wareki.display(APRIL_1, language);
            assertThat(shown).as(language.code()).contains("2025").containsAnyOf("令和", "Reiwa", "레이와");
        }
        assertThat(Wareki.display(LocalDate.of(1870, 1, 1), SiteLanguage.EN)).isEqualTo("January 1, 1870");
    }
}
