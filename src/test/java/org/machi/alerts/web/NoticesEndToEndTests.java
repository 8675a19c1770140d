package org.machi.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.machi.testing.Html.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.machi.alerts.Subscribing;
import org.machi.alerts.WebhookReceiver;
import org.machi.alerts.delivery.Deliveries;
import org.machi.identity.StaffRole;
import org.machi.identity.security.MachiUserTestSupport;
import org.machi.testing.MachiWebTest;
import org.machi.testing.Mailbox;
import org.machi.testing.Standards;
import org.machi.testing.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Daily notices from end to end: department staff publish one without a second person; it reaches
 * by mail and webhook the subscribers who chose its category and no one else, after any alert; it
 * is on the list, its page, the feeds of all notices and of its category, and the JSON API; once
 * withdrawn it is gone from all of them. Bad input changes nothing.
 */
@MachiWebTest
class NoticesEndToEndTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    GreenMail greenMail;

    @Autowired
    Deliveries deliveries;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    Mailbox mailbox;

    @BeforeEach
    void mailbox() {
        mailbox = new Mailbox(greenMail);
    }

    @Test
    void aNoticeReachesTheSubscribersOfItsCategoryAndIsPublishedEverywhere() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String wantsGarbage = "garbage-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";
            String alertsOnly = "alerts-only-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";
            Subscribing.subscribe(mvc, mailbox, wantsGarbage, post("/alerts/subscribe").param("language", "vi").param("wholeCity", "on")
                    .param("category", "GARBAGE", "HEALTH").param("byEmail", "on").param("webhookUrl", receiver.url()));
            Subscribing.subscribe(mvc, mailbox, alertsOnly, post("/alerts/subscribe").param("language", "ja").param("wholeCity", "on")
                    .param("byEmail", "on"));

            Authentication department = MachiUserTestSupport.signedIn(accounts.staff(StaffRole.DEPARTMENT_STAFF), true);
            String title = "年末年始のごみ収集 " + UUID.randomUUID().toString().substring(0, 6);
            MvcResult published = mvc.perform(post("/staff/notices/new").param("category", "GARBAGE").param("wholeCity", "on")
                    .param("link", "https://www.city.atsugi.kanagawa.jp/gomi/").param("title-ja", title)
                    .param("body-ja", "12月31日から1月3日まで、ごみの収集はお休みです。")
                    .param("title-en", "Garbage collection over the New Year").param("body-en", "No collection from 31 December to 3 January.")
                    .with(authentication(department)).with(csrf())).andReturn();
            String location = published.getResponse().getRedirectedUrl();
            assertThat(location).as(published.getResponse().getContentAsString()).startsWith("/staff/notices/");
            UUID notice = UUID.fromString(location.substring("/staff/notices/".length()));

            // only the subscriber of the category, on both of their channels, after every alert (queued from the event)
            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> deliveries.progress(notice).values().stream().mapToInt(Deliveries.Progress::total).sum() == 2);
            assertThat(jdbc.sql("SELECT DISTINCT priority FROM alerts.delivery WHERE item_id = ?").param(notice).query(Integer.class).list())
                    .containsExactly(2);

            // Vietnamese was not written: the reader gets English and is told so
            MimeMessage mail = mailbox.to(wantsGarbage, m -> Mailbox.text(m).contains("Garbage collection over the New Year"));
            assertThat(Mailbox.text(mail)).contains("http://machi.test/notices/" + notice, "https://www.city.atsugi.kanagawa.jp/gomi/");
            assertThat(mail.getHeader("List-Unsubscribe")).isNotNull();
            var call = receiver.await(1).get(0);
            JsonNode event = json.readTree(call.body());
            assertThat(event.get("type").asString()).isEqualTo("notice.published");
            assertThat(event.get("data").get("category").asString()).isEqualTo("GARBAGE");
            assertThat(event.get("data").get("languageFallback").asBoolean()).isTrue();
            assertThat(Arrays.stream(greenMail.getReceivedMessages()).filter(m -> recipient(m).equals(alertsOnly))
                    .map(Mailbox::text)).as("no notice to someone who did not ask for its category").noneMatch(text -> text.contains(title));

            // on the list, its page, the feeds and the API
            assertThat(page(mvc.perform(get("/notices").param("category", "GARBAGE")).andReturn()).select(".alert-list a").eachText())
                    .contains(title);
            assertThat(page(mvc.perform(get("/notices/" + notice)).andReturn()).select("h1").text()).isEqualTo(title);
            String feed = body(get("/notices/categories/GARBAGE/feed.atom"));
            Standards.assertValidAtom(feed);
            assertThat(feed).contains("<id>urn:uuid:" + notice + "</id>", "term=\"GARBAGE\"");
            assertThat(body(get("/notices/categories/EVENTS/feed.atom"))).doesNotContain(notice.toString());
            Standards.assertValidAtom(body(get("/notices/feed.atom")));
            assertThat(body(get("/api/v1/notices").param("category", "GARBAGE"))).contains(notice.toString(), title);
            mvc.perform(get("/notices/categories/NOPE/feed.atom")).andExpect(status().isBadRequest());
            mvc.perform(get("/notices/not-an-id")).andExpect(status().isNotFound());

            // withdrawn: gone from the public side, kept on record for staff
            mvc.perform(post("/staff/notices/" + notice + "/withdraw").with(authentication(department)).with(csrf()))
                    .andExpect(status().is3xxRedirection());
            mvc.perform(get("/notices/" + notice)).andExpect(status().isNotFound());
            assertThat(body(get("/notices/feed.atom"))).doesNotContain(notice.toString());
            assertThat(page(mvc.perform(get("/staff/notices/" + notice).with(authentication(department))).andReturn())
                    .select(".tag").eachText()).hasSize(2);
        }
    }

    @Test
    void badNoticesAreRefusedNamingTheFieldAndNothingIsPublished() throws Exception {
        Authentication department = MachiUserTestSupport.signedIn(accounts.staff(StaffRole.DEPARTMENT_STAFF), true);
        int before = notices();
        assertRefused(department, base(), "#title-ja");
        assertRefused(department, base().param("title-ja", "題名だけ"), "#body-ja");
        assertRefused(department, form().param("link", "javascript:alert(1)"), "#link");
        assertRefused(department, post("/staff/notices/new").param("category", "NOPE").param("wholeCity", "on").param("title-ja", "題名")
                .param("body-ja", "本文"), "#category");
        assertRefused(department, post("/staff/notices/new").param("category", "EVENTS").param("title-ja", "題名").param("body-ja", "本文"),
                "#districts");
        assertRefused(department, base().param("title-ja", "あ".repeat(141)).param("body-ja", "本文"), "#title-ja");
        assertRefused(department, post("/staff/notices/new").param("category", "EVENTS").param("title-ja", "題名").param("body-ja", "本文")
                .param("district", "atlantis").param("title-en", "Only a title"), "#districts", "#body-en");
        assertThat(notices()).as("nothing published").isEqualTo(before);

        Authentication operator = MachiUserTestSupport.signedIn(accounts.staff(StaffRole.ALERT_OPERATOR), true);
        mvc.perform(form().with(authentication(operator)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/staff/notices").with(authentication(operator))).andExpect(status().isForbidden());
        assertThat(notices()).isEqualTo(before);
    }

    /** The form with a category and the whole city, and no text yet. */
    private MockHttpServletRequestBuilder base() {
        return post("/staff/notices/new").param("category", "EVENTS").param("wholeCity", "on");
    }

    /** A complete, good notice but for what a test adds. */
    private MockHttpServletRequestBuilder form() {
        return base().param("title-ja", "市民まつり").param("body-ja", "市民まつりを開きます。");
    }

    private void assertRefused(Authentication who, MockHttpServletRequestBuilder request, String... fields) throws Exception {
        MvcResult result = mvc.perform(request.with(authentication(who)).with(csrf())).andExpect(status().isOk()).andReturn();
        var summary = page(result).select(".error-summary a");
        assertThat(summary.eachAttr("href")).containsAll(Arrays.asList(fields));
        assertThat(summary.eachText()).allSatisfy(text -> assertThat(text).isNotBlank().doesNotContain("??"));
    }

    private int notices() {
        return jdbc.sql("SELECT COUNT(*) FROM alerts.notice").query(Integer.class).single();
    }

    private String body(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (Exception e) {
            return "";
        }
    }
}
