package org.machi.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.machi.testing.Html.page;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.machi.alerts.cap.CapMessage;
import org.machi.alerts.domain.Alert;
import org.machi.alerts.domain.AlertContent;
import org.machi.alerts.domain.AlertKind;
import org.machi.alerts.domain.AlertText;
import org.machi.alerts.publishing.AlertDesk;
import org.machi.alerts.publishing.AlertTemplates;
import org.machi.shared.SiteLanguage;
import org.machi.testing.MachiWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.web.servlet.MockMvc;

/** The phrases a Japanese reader corrected, and the same patterns wherever else the bundles had them. */
@MachiWebTest
class AlertPhrasesTests {

    private static final Instant ISSUED = Instant.parse("2026-12-01T07:50:00Z");
    private static final Instant LIFTED = Instant.parse("2026-12-01T07:55:00Z");

    @Autowired
    MockMvc mvc;

    @Autowired
    MessageSource messages;

    @Autowired
    AlertTemplates templates;

    @Autowired
    AlertDesk desk;

    @Test
    void anEvacuationOrderIsIssuedAndLiftedInTheWordsOfTheOffice() {
        AlertText issued = templates.fill(AlertKind.EVACUATION_ORDER, SiteLanguage.JA, Set.of("atsugi-kita"), "", ISSUED);
        assertThat(issued.description()).contains("厚木北地区に避難指示を発令しました。");

        Alert order = desk.draft(new AlertContent(AlertKind.EVACUATION_ORDER, false, CapMessage.Urgency.IMMEDIATE,
                CapMessage.Severity.SEVERE, CapMessage.Certainty.OBSERVED, Map.of("ja", issued), Set.of("atsugi-kita"), "",
                ISSUED, null), "test:operator");
        AlertText lifted = templates.fillCancel(order, SiteLanguage.JA, LIFTED);
        assertThat(lifted.description()).startsWith("厚木北地区に発令していた避難指示（警戒レベル4）を、")
                .endsWith("16時55分に解除しました。").doesNotContain("「");
        assertThat(templates.fillCancel(order, SiteLanguage.EN, LIFTED).description())
                .startsWith("The evacuation order (alert level 4) issued for Atsugi-kita was lifted on ");

        for (AlertKind level : new AlertKind[] {AlertKind.ELDERLY_EVACUATION, AlertKind.EMERGENCY_SAFETY}) {
            Alert levelOrder = desk.draft(new AlertContent(level, false, CapMessage.Urgency.IMMEDIATE, CapMessage.Severity.SEVERE,
                    CapMessage.Certainty.OBSERVED, Map.of("ja", templates.fill(level, SiteLanguage.JA, Set.of("ogino"), "", ISSUED)),
                    Set.of("ogino"), "", ISSUED, null), "test:operator");
            assertThat(templates.fillCancel(levelOrder, SiteLanguage.JA, LIFTED).description()).as(level.name())
                    .startsWith("荻野地区に発令していた" + (level == AlertKind.ELDERLY_EVACUATION ? "高齢者等避難（警戒レベル3）" : "緊急安全確保（警戒レベル5）") + "を、");
        }

        AlertText written = new AlertText("荻野地区の断水 {続報} '速報'", "断水しています。", "");
        Alert outage = desk.draft(new AlertContent(AlertKind.WATER_OUTAGE, false, CapMessage.Urgency.EXPECTED,
                CapMessage.Severity.MINOR, CapMessage.Certainty.OBSERVED, Map.of("ja", written), Set.of("ogino"), "", ISSUED, null),
                "test:operator");
        assertThat(templates.fillCancel(outage, SiteLanguage.JA, LIFTED).description())
                .as("a kind without its own words names the headline, as the operator wrote it")
                .startsWith("荻野地区に発表していた「荻野地区の断水 {続報} '速報'」を、");
    }

    @Test
    void labelsAndJapaneseVerbsReadAsTheCityWritesThem() throws IOException {
        assertThat(text("alert.effective", SiteLanguage.JA)).isEqualTo("発表日時");
        assertThat(text("alert.expires", SiteLanguage.JA)).isEqualTo("終了予定日時");
        assertThat(text("alert.untilCancelled", SiteLanguage.JA)).as("what an order without an end shows").isEqualTo("解除まで継続");
        assertThat(bundle("")).allSatisfy((key, value) -> assertThat(value.toString()).as(key.toString())
                .doesNotContain("を出しました", "に出ていた", "が出ています", "が出たとき", "に出たとき", "が出たら", "発表の時刻",
                        "終わる時刻", "発表の日時"));
    }

    @Test
    void easyJapaneseCountsCasesAndOpensShelters() throws IOException {
        assertThat(messages.getMessage("alerts.search.count", new Object[] {1}, SiteLanguage.JA_EASY.locale())).isEqualTo("1けん あります。");
        assertThat(messages.getMessage("notices.count", new Object[] {1}, SiteLanguage.JA_EASY.locale())).contains("1けん あります");
        assertThat(templates.fill(AlertKind.SHELTER_OPENING, SiteLanguage.JA_EASY, Set.of("ogino"), "", ISSUED).headline())
                .contains("ひなんじょ（にげる ところ）を ひらきました");
        assertThat(bundle("_ja__easy")).allSatisfy((key, value) -> assertThat(value.toString()).as(key.toString())
                .doesNotContain("こ あります", "あきました", "あけました", "あけた"));
    }

    @Test
    void englishSaysDrillKeywordsAndWaterOutage() throws Exception {
        assertThat(text("alert.kind.EXERCISE", SiteLanguage.EN)).isEqualTo("Drill");
        assertThat(text("alert.exercise", SiteLanguage.EN)).isEqualTo("Drill");
        assertThat(messages.getMessage("alert.exerciseLabel", new Object[] {"x"}, SiteLanguage.EN.locale())).isEqualTo("[Drill] x");
        assertThat(text("alerts.search.words", SiteLanguage.EN)).isEqualTo("Keywords");
        assertThat(text("alert.kind.WATER_OUTAGE", SiteLanguage.EN)).isEqualTo("Water outage");
        assertThat(bundle("_en")).allSatisfy((key, value) -> assertThat(value.toString()).as(key.toString())
                .doesNotContain("Exercise", "exercise", "Water supply cut"));
    }

    @Test
    void foreignReadersGetThePhoneNumberWithTheCountryCode() throws Exception {
        for (SiteLanguage language : SiteLanguage.values()) {
            Document home = page(mvc.perform(get("/alerts").param("lang", language.code())).andReturn());
            String phone = home.select("footer a[href^=tel:]").text();
            boolean japanese = language == SiteLanguage.JA || language == SiteLanguage.JA_EASY;
            assertThat(phone).as(language.code()).isEqualTo(japanese ? "046-223-1511" : "+81 46-223-1511");
            assertThat(home.select("footer a[href^=tel:]").attr("href")).isEqualTo("tel:+81-46-223-1511");
        }
    }

    private String text(String key, SiteLanguage language) {
        return messages.getMessage(key, null, language.locale());
    }

    private static Properties bundle(String suffix) throws IOException {
        Properties properties = new Properties();
        try (Reader in = new InputStreamReader(new ClassPathResource("messages/alerts" + suffix + ".properties").getInputStream(),
                StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }
}
