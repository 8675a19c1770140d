package org.machi.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.machi.testing.Html.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.machi.alerts.domain.Alert;
import org.machi.alerts.publishing.AlertStore;
import org.machi.identity.StaffRole;
import org.machi.shared.CityProfile;
import org.machi.identity.security.MachiUserTestSupport;
import org.machi.testing.MachiWebTest;
import org.machi.testing.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Whatever an operator or a resident types wrong is refused with a message naming the field, and nothing is stored. */
@MachiWebTest
class AlertBadInputTests {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AlertStore store;

    @Autowired
    Clock clock;

    @Autowired
    CityProfile city;

    @Test
    void aBadAlertDraftIsRefusedNamingTheField() throws Exception {
        Authentication operator = MachiUserTestSupport.signedIn(accounts.staff(StaffRole.ALERT_OPERATOR), true);
        var now = clock.instant().atZone(ZoneId.of("Asia/Tokyo"));
        String start = LOCAL.format(now);
        String end = LOCAL.format(now.plusHours(3));
        Map<String, List<String>> cases = Map.ofEntries(
                Map.entry("polygon", List.of("district=ogino", "effective=" + start, "expires=" + end,
                        "polygon=35.45,139.35 35.45,139.37 35.43,139.37")),
                Map.entry("polygon ", List.of("district=ogino", "effective=" + start, "expires=" + end,
                        "polygon=34.45,135.35 34.45,135.37 34.43,135.37 34.45,135.35")),
                Map.entry("circle", List.of("district=ogino", "effective=" + start, "expires=" + end, "circle=139.36,35.44 2")),
                Map.entry("districts  ", List.of("effective=" + start, "expires=" + end, "circle=35.30,139.10 0.5")),
                Map.entry("link", List.of("district=ogino", "effective=" + start, "expires=" + end, "link=javascript:alert(1)")),
                Map.entry("districts", List.of("district=atlantis", "effective=" + start, "expires=" + end)),
                Map.entry("districts ", List.of("effective=" + start, "expires=" + end)),
                Map.entry("expires", List.of("district=ogino", "effective=" + LOCAL.format(now.minusDays(2)), "expires=" + LOCAL.format(now.minusDays(1)))),
                Map.entry("expires ", List.of("district=ogino", "effective=" + start, "expires=" + LOCAL.format(now.minusHours(1)))),
                Map.entry("effective", List.of("district=ogino", "effective=yesterday-ish", "expires=" + end)),
                Map.entry("headline-ja", List.of("district=ogino", "effective=" + start, "expires=" + end, "headline-ja=" + "あ".repeat(141),
                        "description-ja=本文")),
                Map.entry("description-en", List.of("district=ogino", "effective=" + start, "expires=" + end, "headline-en=Water outage")),
                Map.entry("urgency", List.of("district=ogino", "effective=" + start, "expires=" + end, "urgency=RIGHT_NOW")));
        int before = count();
        for (var entry : cases.entrySet()) {
            MockHttpServletRequestBuilder request = post("/staff/alerts/new").param("kind", "WATER_OUTAGE");
            for (String field : entry.getValue()) {
                String[] pair = field.split("=", 2);
                request.param(pair[0], pair[1]);
            }
            Document page = page(mvc.perform(request.with(authentication(operator)).with(csrf())).andExpect(status().isOk()).andReturn());
            assertThat(page.select(".error-summary a").eachAttr("href")).as(entry.getKey()).contains("#" + entry.getKey().strip());
            assertThat(page.select(".error-summary a").text()).as(entry.getKey()).isNotBlank().doesNotContain("??");
        }
        Document noTemplate = page(mvc.perform(post("/staff/alerts/new").param("kind", "OTHER").param("district", "ogino")
                .param("effective", start).with(authentication(operator)).with(csrf())).andReturn());
        assertThat(noTemplate.select(".error-summary a").eachAttr("href")).as("a kind without a template needs Japanese")
                .contains("#headline-ja");
        assertThat(count()).as("nothing was stored").isEqualTo(before);

        // an area drawn alone concerns the districts whose boundary it touches
        String drawn = mvc.perform(post("/staff/alerts/new").param("kind", "WATER_OUTAGE").param("effective", start).param("expires", end)
                .param("circle", "35.4414,139.3649 1.2").with(authentication(operator)).with(csrf())).andReturn().getResponse().getRedirectedUrl();
        assertThat(drawn).startsWith("/staff/alerts/");
        Alert fromArea = store.find(UUID.fromString(drawn.substring("/staff/alerts/".length()))).orElseThrow();
        assertThat(fromArea.districts()).isNotEmpty().containsExactlyInAnyOrderElementsOf(city.districts().stream()
                .filter(district -> fromArea.content().area().touches(district.boundary().polygon())).map(district -> district.code()).toList());
        mvc.perform(post("/staff/alerts/new").param("kind", "METEOR_STRIKE").with(authentication(operator)).with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void noOneApprovesTheirOwnDraft() throws Exception {
        Authentication both = MachiUserTestSupport.signedIn(accounts.staff(StaffRole.ALERT_OPERATOR, StaffRole.ALERT_APPROVER), true);
        var now = clock.instant().atZone(ZoneId.of("Asia/Tokyo"));
        String location = mvc.perform(post("/staff/alerts/new").param("kind", "ROAD_CLOSURE").param("district", "koayu")
                        .param("effective", LOCAL.format(now)).param("expires", LOCAL.format(now.plusHours(2)))
                        .with(authentication(both)).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl();
        UUID id = UUID.fromString(location.substring("/staff/alerts/".length()));
        mvc.perform(post("/staff/alerts/" + id + "/submit").with(authentication(both)).with(csrf()));
        String refused = mvc.perform(post("/staff/alerts/" + id + "/approve").with(authentication(both)).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(refused).endsWith("?refused=alert.rule.fourEyes");
        Document page = page(mvc.perform(get(refused).with(authentication(both))).andReturn());
        assertThat(page.select("[role=alert]").text()).contains("自分で作成した情報は承認できません");
        assertThat(store.find(id).orElseThrow().state()).isEqualTo(Alert.State.AWAITING_APPROVAL);
        Document tampered = page(mvc.perform(get("/staff/alerts/" + id + "?refused=shell.siteName").with(authentication(both))).andReturn());
        assertThat(tampered.select("p[role=alert]")).as("only rule messages are shown").isEmpty();
    }

    @Test
    void aBadSubscriptionIsRefusedNamingTheField() throws Exception {
        int before = jdbc.sql("SELECT COUNT(*) FROM alerts.subscription").query(Integer.class).single();
        Map<String, String[]> cases = Map.of(
                "email", new String[] {"not an address", "", "on"},
                "email ", new String[] {"a<b@example.jp", "", "on"},
                "email  ", new String[] {"a@" + "あ".repeat(245) + ".jp", "", "on"},
                "webhookUrl     ", new String[] {"a@example.jp", "https://example.jp/" + "あ".repeat(1900), ""},
                "webhookUrl", new String[] {"a@example.jp", "http://example.jp/hook", ""},
                "webhookUrl ", new String[] {"a@example.jp", "https://10.0.0.8/hook", ""},
                "webhookUrl  ", new String[] {"a@example.jp", "https://169.254.169.254/latest/meta-data", ""},
                "webhookUrl   ", new String[] {"a@example.jp", "https://user:pw@example.jp/hook", ""},
                "webhookUrl    ", new String[] {"a@example.jp", "ftp://example.jp/hook", ""},
                "byEmail", new String[] {"a@example.jp", "", ""});
        for (var entry : cases.entrySet()) {
            var request = post("/alerts/subscribe").with(csrf()).param("email", entry.getValue()[0]).param("language", "ja")
                    .param("district", "ogino").param("webhookUrl", entry.getValue()[1]);
            if (!entry.getValue()[2].isEmpty()) {
                request.param("byEmail", "on");
            }
            Document page = page(mvc.perform(request).andExpect(status().isOk()).andReturn());
            assertThat(page.select(".error-summary a").eachAttr("href")).as(entry.getKey()).contains("#" + entry.getKey().strip());
        }
        Document noPlace = page(mvc.perform(post("/alerts/subscribe").with(csrf()).param("email", "a@example.jp")
                .param("language", "klingon").param("district", "atlantis").param("byEmail", "on")).andReturn());
        assertThat(noPlace.select(".error-summary a").eachAttr("href")).contains("#language", "#districts");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM alerts.subscription").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void noOneCanFloodAMailboxWithConfirmationMails() throws Exception {
        String target = "victim-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";
        for (int i = 0; i < 3; i++) {
            mvc.perform(post("/alerts/subscribe").with(csrf()).param("email", i == 1 ? target.toUpperCase() : target)
                    .param("language", "ja").param("district", "ogino").param("byEmail", "on")).andExpect(status().isOk());
        }
        int before = jdbc.sql("SELECT COUNT(*) FROM alerts.subscription").query(Integer.class).single();
        Document refused = page(mvc.perform(post("/alerts/subscribe").with(csrf()).param("email", target).param("language", "ja")
                .param("district", "ogino").param("byEmail", "on")).andExpect(status().isTooManyRequests()).andReturn());
        assertThat(refused.select(".error-summary a").eachAttr("href")).containsExactly("#email");
        assertThat(refused.select(".error-summary a").text()).isNotBlank().doesNotContain("??");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM alerts.subscription").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void badLinksAndSearchesAreAnsweredCalmly() throws Exception {
        mvc.perform(get("/alerts/not-an-id")).andExpect(status().isNotFound());
        mvc.perform(get("/alerts/" + UUID.randomUUID() + "/cap.xml")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/alerts/" + UUID.randomUUID())).andExpect(status().isNotFound());
        mvc.perform(get("/alerts/subscribe/confirm").param("token", "forged")).andExpect(status().isOk());
        mvc.perform(post("/alerts/subscribe/confirm").with(csrf()).param("token", "forged")).andExpect(status().isOk());
        mvc.perform(get("/alerts/unsubscribe/" + UUID.randomUUID() + ".0000")).andExpect(status().isOk());
        mvc.perform(post("/alerts/unsubscribe/garbage").contentType("application/x-www-form-urlencoded")
                .content("List-Unsubscribe=One-Click")).andExpect(status().isNotFound());
        Document search = page(mvc.perform(get("/alerts").param("from", "2026-13-45").param("q", "x".repeat(300))
                .param("page", "-3").param("kind", "NOPE").param("district", "<script>")).andExpect(status().isOk()).andReturn());
        assertThat(search.select(".error-summary li")).hasSize(2);
        Document farFuture = page(mvc.perform(get("/alerts").param("to", "+999999999-12-31")).andExpect(status().isOk()).andReturn());
        assertThat(farFuture.select(".error-summary li")).hasSize(1);
        for (String list : new String[] {"/alerts", "/notices"}) {
            mvc.perform(get(list).param("q", "\u0000\u0007水道")).andExpect(status().isOk());
        }
    }

    private int count() {
        return jdbc.sql("SELECT COUNT(*) FROM alerts.alert").query(Integer.class).single();
    }
}
