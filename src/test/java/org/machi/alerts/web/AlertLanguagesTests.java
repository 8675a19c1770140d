package org.machi.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.machi.testing.Html.page;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.machi.alerts.cap.CapMessage;
import org.machi.alerts.domain.Alert;
import org.machi.alerts.domain.AlertContent;
import org.machi.alerts.domain.AlertKind;
import org.machi.alerts.domain.AlertText;
import org.machi.alerts.publishing.AlertDesk;
import org.machi.testing.MachiWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** A language the alert was not written in falls back to やさしい日本語, then English, then Japanese, and the page says so. */
@MachiWebTest
class AlertLanguagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AlertDesk desk;

    @Autowired
    Clock clock;

    @Test
    void aMissingLanguageFallsBackAndThePageSaysSo() throws Exception {
        AlertText japanese = new AlertText("【訓練】水道の断水", "訓練です。荻野地区で断水しています。", "");
        AlertText easy = new AlertText("【くんれん】水が 出ません", "くんれんです。", "");
        AlertText english = new AlertText("[Drill] Water outage", "This is a drill. No water in Ogino.", "");

        UUID withEnglish = publish(Map.of("ja", japanese, "en", english));
        var korean = page(mvc.perform(get("/alerts/" + withEnglish).param("lang", "ko")).andExpect(status().isOk()).andReturn());
        assertThat(korean.select("p.language-fallback").text()).as("said in Korean, naming the language shown in Korean").contains("영어");
        assertThat(korean.select("h1").text()).isEqualTo(english.headline());
        assertThat(korean.select("[lang=en]")).as("the English text is marked as English").isNotEmpty();
        var inEnglish = page(mvc.perform(get("/alerts/" + withEnglish).param("lang", "en")).andReturn());
        assertThat(inEnglish.select("p.language-fallback")).as("no notice where the text is in the reader's language").isEmpty();

        UUID withEasy = publish(Map.of("ja", japanese, "ja-easy", easy, "en", english));
        var vietnamese = page(mvc.perform(get("/alerts/" + withEasy).param("lang", "vi")).andReturn());
        assertThat(vietnamese.select("h1").text()).as("やさしい日本語 comes before English").isEqualTo(easy.headline());
        assertThat(vietnamese.select("p.language-fallback")).isNotEmpty();

        UUID japaneseOnly = publish(Map.of("ja", japanese));
        var spanish = page(mvc.perform(get("/alerts/" + japaneseOnly).param("lang", "es")).andReturn());
        assertThat(spanish.select("h1").text()).isEqualTo(japanese.headline());
        assertThat(spanish.select("p.language-fallback").text()).isNotBlank();
    }

    private UUID publish(Map<String, AlertText> texts) {
        Instant now = clock.instant();
        Alert draft = desk.draft(new AlertContent(AlertKind.WATER_OUTAGE, true, CapMessage.Urgency.EXPECTED, CapMessage.Severity.MINOR,
                CapMessage.Certainty.OBSERVED, texts, Set.of("ogino"), "", now.minusSeconds(60), now.plus(Duration.ofHours(1))),
                "test:operator");
        desk.submit(draft.id(), "test:operator");
        return desk.approve(draft.id(), "test:approver").id();
    }
}
