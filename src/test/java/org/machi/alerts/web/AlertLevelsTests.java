package org.machi.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.machi.testing.Html.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.machi.alerts.domain.Alert;
import org.machi.alerts.publishing.AlertStore;
import org.machi.testing.MachiWebTest;
import org.machi.testing.Standards;
import org.machi.testing.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Japan's evacuation levels (警戒レベル3, 4, 5): each kind has its template in every language, its
 * level in words and in its official colour on the banner and the page, and in CAP as an eventCode.
 * An order stays in force until it is lifted; staff are told before an alert with an end lapses.
 */
@MachiWebTest
class AlertLevelsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AlertStore store;

    @Autowired
    TestClock testClock;

    @Autowired
    StaffAlertForms forms;

    @Test
    void eachLevelIsDraftedFromItsTemplateAndShownWithItsLevel() throws Exception {
        record Level(String kind, int level, String name) {
        }
        for (Level level : new Level[] {new Level("ELDERLY_EVACUATION", 3, "高齢者等避難"),
                new Level("EVACUATION_ORDER", 4, "避難指示"), new Level("EMERGENCY_SAFETY", 5, "緊急安全確保")}) {
            UUID id = publish(draft(level.kind(), false));
            Alert alert = store.find(id).orElseThrow();
            assertThat(alert.texts()).as(level.kind()).containsKeys("ja", "ja-easy", "en", "zh-CN", "ko", "vi", "pt-BR", "es", "tl");
            assertThat(alert.texts().get("ja").headline()).contains(level.name(), "警戒レベル" + level.level());
            if (level.level() != 4) {
                // 避難指示's existing template moves to the same wording separately
                assertThat(alert.texts().get("ja").description()).contains(level.name() + "を発令しました");
            }

            Element banner = banner(page(mvc.perform(get("/")).andReturn()), id);
            assertThat(banner.hasClass("banner-level-" + level.level())).as("the level's colour on the banner").isTrue();
            assertThat(banner.select(".banner-label").text()).as("and the level in words").contains("警戒レベル" + level.level(), level.name());
            Document page = page(mvc.perform(get("/alerts/" + id)).andReturn());
            assertThat(page.select(".level-" + level.level()).text()).isEqualTo("警戒レベル" + level.level());
            Document english = page(mvc.perform(get("/alerts/" + id).header("Accept-Language", "en")).andReturn());
            assertThat(english.select(".level-" + level.level()).text()).isEqualTo("Alert level " + level.level());

            String cap = mvc.perform(get("/alerts/" + id + "/cap.xml")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            Standards.assertValidCap(cap);
            assertThat(cap).as("the level as structured data").contains(
                    "<eventCode><valueName>警戒レベル</valueName><value>" + level.level() + "</value></eventCode>");
        }
    }

    @Test
    void aDrillOfALevelIsNotShownInTheLevelsColour() throws Exception {
        UUID id = publish(draft("EMERGENCY_SAFETY", true));
        Element banner = banner(page(mvc.perform(get("/")).andReturn()), id);
        assertThat(banner.hasClass("banner-level-5")).isFalse();
        assertThat(banner.hasClass("banner-exercise")).isTrue();
        assertThat(banner.select(".banner-label").text()).contains("訓練", "警戒レベル5");
        Document page = page(mvc.perform(get("/alerts/" + id)).andReturn());
        assertThat(page.select(".level-5")).isEmpty();
        assertThat(page.select(".level-exercise").text()).isEqualTo("警戒レベル5");
    }

    @Test
    void anOrderStaysInForceUntilLifted() throws Exception {
        Authentication operator = operator();
        for (String kind : new String[] {"ELDERLY_EVACUATION", "EVACUATION_ORDER", "EMERGENCY_SAFETY"}) {
            Document form = page(mvc.perform(get("/staff/alerts/new").param("kind", kind).with(authentication(operator))).andReturn());
            assertThat(form.select("#expires").val()).as(kind + " has no end by default").isEmpty();
        }
        Document roadClosure = page(mvc.perform(get("/staff/alerts/new").param("kind", "ROAD_CLOSURE").with(authentication(operator)))
                .andReturn());
        assertThat(roadClosure.select("#expires").val()).as("a road closure still starts with its usual end").isNotEmpty();

        UUID id = publish(draft("EVACUATION_ORDER", false));
        assertThat(store.find(id).orElseThrow().content().expires()).isNull();
        Document page = page(mvc.perform(get("/alerts/" + id)).andReturn());
        assertThat(page.select("dl.summary-list").text()).contains("解除まで継続");
        String cap = mvc.perform(get("/alerts/" + id + "/cap.xml")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Standards.assertValidCap(cap);
        Instant horizon = store.find(id).orElseThrow().publishedAt().plus(Duration.ofHours(24));
        assertThat(cap).as("CAP's expires is the city's review horizon, a day after publication")
                .contains("<expires>" + DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").format(horizon.atZone(ZoneId.of("Asia/Tokyo")))
                        + "</expires>");
    }

    @Test
    void staffAreToldBeforeAnAlertWithAnEndLapses() throws Exception {
        var now = forms.now();
        UUID soon = publish(form("ROAD_CLOSURE", false).param("expires", StaffAlertForms.LOCAL.format(now.plusHours(1))));
        UUID later = publish(form("ROAD_CLOSURE", false).param("expires", StaffAlertForms.LOCAL.format(now.plusDays(2))));
        UUID order = publish(draft("EVACUATION_ORDER", false));
        Document overview = page(mvc.perform(get("/staff/alerts").with(authentication(operator()))).andReturn());
        assertThat(overview.select("#ending-soon a").eachAttr("href")).contains("/staff/alerts/" + soon)
                .doesNotContain("/staff/alerts/" + later, "/staff/alerts/" + order);
        assertThat(overview.select("#ending-soon").text()).contains("終了");
    }

    @Test
    void staffAreToldToRenewAnOrderBeforeCapReceiversDropIt() throws Exception {
        UUID order = publish(draft("EVACUATION_ORDER", false));
        Instant horizon = store.find(order).orElseThrow().publishedAt().plus(Duration.ofHours(24));
        String at = DateTimeFormatter.ofPattern("yyyy年M月d日（E）H時mm分", Locale.JAPANESE).format(horizon.atZone(ZoneId.of("Asia/Tokyo")));
        Document early = page(mvc.perform(get("/staff/alerts/" + order).with(authentication(operator()))).andReturn());
        assertThat(early.select("#renewal-due")).as("a day ahead, nothing to renew yet").isEmpty();

        testClock.advance(Duration.ofHours(22));
        Document overview = page(mvc.perform(get("/staff/alerts").with(authentication(operator()))).andReturn());
        assertThat(overview.select("#renewal-due a").eachAttr("href")).contains("/staff/alerts/" + order, "/staff/alerts/" + order + "/update");
        assertThat(overview.select("#renewal-due").text()).contains(at + "に、Google などの CAP 受信者がこの発令を表示しなくなります");
        Document alertPage = page(mvc.perform(get("/staff/alerts/" + order).with(authentication(operator()))).andReturn());
        assertThat(alertPage.select("#renewal-due").text()).contains(at, "更新版を発表してください");
        assertThat(alertPage.select("#renewal-due a").attr("href")).isEqualTo("/staff/alerts/" + order + "/update");

        testClock.advance(Duration.ofHours(3));
        Document dropped = page(mvc.perform(get("/staff/alerts/" + order).with(authentication(operator()))).andReturn());
        assertThat(dropped.select("#renewal-due").text()).contains(at + "に CAP の掲載期限を過ぎたため", "市のページでは発令中のままです");
    }

    private MockHttpServletRequestBuilder form(String kind, boolean exercise) {
        var now = forms.now();
        MockHttpServletRequestBuilder request = post("/staff/alerts/new").param("kind", kind).param("district", "echi-kita")
                .param("shelters", "依知小学校").param("effective", StaffAlertForms.LOCAL.format(now))
                .param("urgency", "IMMEDIATE").param("severity", "SEVERE").param("certainty", "LIKELY");
        return exercise ? request.param("exercise", "on") : request;
    }

    private MockHttpServletRequestBuilder draft(String kind, boolean exercise) {
        return form(kind, exercise).param("expires", "");
    }

    private UUID publish(MockHttpServletRequestBuilder form) throws Exception {
        return forms.publish(form);
    }

    private Authentication operator() {
        return forms.operator();
    }

    private static Element banner(Document page, UUID id) {
        Element link = page.selectFirst(".banners a[href=/alerts/" + id + "]");
        assertThat(link).as("a banner for " + id).isNotNull();
        return link.parent();
    }
}
