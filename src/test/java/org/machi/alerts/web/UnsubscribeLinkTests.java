package org.machi.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.machi.testing.Html.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.util.GreenMail;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.machi.testing.MachiWebTest;
import org.machi.testing.Mailbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** An unsubscribe link that is forged or already used says that it did nothing, in the reader's language. */
@MachiWebTest
class UnsubscribeLinkTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    GreenMail greenMail;

    @Test
    void aForgedLinkSaysNothingWasDone() throws Exception {
        String forged = "/alerts/unsubscribe/" + UUID.randomUUID() + ".0000";
        assertSaysNothingWasDone(page(mvc.perform(get(forged).param("lang", "en")).andReturn()), "en");
        assertSaysNothingWasDone(page(mvc.perform(post(forged).with(csrf()).param("lang", "ja")).andReturn()), "ja");
    }

    @Test
    void aUsedLinkSaysNothingWasDone() throws Exception {
        String leave = subscribedLeavePath();
        Document ended = page(mvc.perform(post(leave).with(csrf()).param("lang", "en")).andReturn());
        assertThat(ended.select("h1").text()).isEqualTo("You will no longer get alerts");

        assertSaysNothingWasDone(page(mvc.perform(get(leave).param("lang", "en")).andReturn()), "en");
        assertSaysNothingWasDone(page(mvc.perform(post(leave).with(csrf()).param("lang", "ko")).andReturn()), "ko");
    }

    private static void assertSaysNothingWasDone(Document page, String lang) {
        assertThat(page.select("h1").text()).as("no claim that anything ended").isNotBlank()
                .doesNotContain("受け取りをやめました", "no longer get", "중지했습니다");
        assertThat(page.select("main").text()).doesNotContain("??");
        assertThat(page.select("html").attr("lang")).isEqualTo(lang);
        assertThat(page.select("a[href$=/alerts/subscribe]")).as("a way to subscribe again").isNotEmpty();
        if ("en".equals(lang)) {
            assertThat(page.select("main").text()).contains("Nothing has been changed");
        }
    }

    private String subscribedLeavePath() throws Exception {
        Mailbox mailbox = new Mailbox(greenMail);
        String email = "leave-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";
        mvc.perform(post("/alerts/subscribe").with(csrf()).param("email", email).param("language", "en")
                .param("district", "ogino").param("byEmail", "on"));
        Matcher link = Pattern.compile("/alerts/subscribe/confirm\\?token=([A-Za-z0-9_-]+)").matcher(Mailbox.text(mailbox.to(email)));
        assertThat(link.find()).isTrue();
        Document active = page(mvc.perform(post("/alerts/subscribe/confirm").with(csrf()).param("token", link.group(1))).andReturn());
        return active.select("a[href^=/alerts/unsubscribe/]").attr("href");
    }
}
