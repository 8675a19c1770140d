package org.machi.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.machi.testing.Html.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.machi.alerts.Subscribing;
import org.machi.alerts.WebhookReceiver;
import org.machi.alerts.cap.CapMessage;
import org.machi.alerts.domain.Alert;
import org.machi.alerts.domain.AlertContent;
import org.machi.alerts.domain.AlertKind;
import org.machi.alerts.domain.AlertText;
import org.machi.alerts.publishing.AlertDesk;
import org.machi.shared.DataProtection;
import org.machi.testing.MachiWebTest;
import org.machi.testing.Mailbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A subscription's life after confirmation: subscribing again changes the choices (one
 * subscription per address, never an alert twice); a webhook whose receiver says it is gone ends.
 */
@MachiWebTest
class SubscribingAgainTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    GreenMail greenMail;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataProtection protection;

    @Autowired
    AlertDesk desk;

    @Autowired
    Clock clock;

    @Test
    void subscribingAgainReplacesTheEarlierChoicesAndThePageOffersAWayOut() throws Exception {
        Mailbox mailbox = new Mailbox(greenMail);
        String email = "again-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";
        Subscribing.subscribe(mvc, mailbox, email, post("/alerts/subscribe").param("language", "ja").param("district", "ogino")
                .param("byEmail", "on"));

        // the second time typed with a Japanese input method: full-width letters and ＠
        int before = greenMail.getReceivedMessages().length;
        mvc.perform(post("/alerts/subscribe").with(csrf()).param("email", fullWidth(email)).param("language", "en")
                .param("district", "echi-kita").param("byEmail", "on")).andExpect(status().isOk());
        greenMail.waitForIncomingEmail(10_000, before + 1);
        List<MimeMessage> mails = Arrays.stream(greenMail.getReceivedMessages()).skip(before)
                .filter(m -> Mailbox.text(m).contains("/alerts/subscribe/confirm")).toList();
        assertThat(mails).as("the confirmation went to the address in plain letters").hasSize(1);
        assertThat(mails.get(0).getAllRecipients()[0].toString()).isEqualTo(email);
        Matcher link = Pattern.compile("token=([A-Za-z0-9_-]+)").matcher(Mailbox.text(mails.get(0)));
        assertThat(link.find()).isTrue();
        assertThat(activeSubscriptions(email)).as("the earlier one holds until the new one is confirmed").isEqualTo(1);

        var active = page(mvc.perform(post("/alerts/subscribe/confirm").with(csrf()).param("token", link.group(1))).andReturn());
        assertThat(active.select("main p").text()).contains("置き換えました");
        assertThat(activeSubscriptions(email)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT sd.district FROM alerts.subscription s JOIN alerts.subscription_district sd "
                        + "ON sd.subscription_id = s.id WHERE s.email_hash = ?").param(hash(email)).query(String.class).list())
                .as("the new choices").containsExactly("echi-kita");

        String leave = active.select("a[href^=/alerts/unsubscribe/]").attr("href");
        assertThat(leave).as("a way out, for a webhook that gets no mail").isNotBlank();
        mvc.perform(post(leave).contentType("application/x-www-form-urlencoded").content("List-Unsubscribe=One-Click"))
                .andExpect(status().isOk());
        assertThat(activeSubscriptions(email)).isZero();
        mvc.perform(get(leave)).andExpect(status().isOk());
    }

    @Test
    void aReceiverThatAnswersGoneEndsItsWebhook() throws Exception {
        Mailbox mailbox = new Mailbox(greenMail);
        try (WebhookReceiver gone = new WebhookReceiver(410)) {
            String email = "gone-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";
            Subscribing.subscribe(mvc, mailbox, email, post("/alerts/subscribe").param("language", "ja").param("district", "tamagawa")
                    .param("webhookUrl", gone.url()));
            assertThat(activeSubscriptions(email)).isEqualTo(1);

            Instant now = clock.instant();
            Alert draft = desk.draft(new AlertContent(AlertKind.ROAD_CLOSURE, true, CapMessage.Urgency.EXPECTED, CapMessage.Severity.MINOR,
                    CapMessage.Certainty.OBSERVED, Map.of("ja", new AlertText("【訓練】通行止め", "玉川地区で通行止めです（訓練）。", "")),
                    Set.of("tamagawa"), "", now.minusSeconds(60), now.plus(Duration.ofHours(1))), "test:operator");
            desk.submit(draft.id(), "test:operator");
            desk.approve(draft.id(), "test:approver");

            gone.await(1);
            Awaitility.await("the webhook-only subscription ends").atMost(Duration.ofSeconds(10))
                    .until(() -> activeSubscriptions(email) == 0);
        }
    }

    private int activeSubscriptions(String email) {
        return jdbc.sql("SELECT COUNT(*) FROM alerts.subscription WHERE email_hash = ? AND status = 'ACTIVE'").param(hash(email))
                .query(Integer.class).single();
    }

    private String hash(String email) {
        return protection.lookupHash(email.toLowerCase(Locale.ROOT));
    }

    private static String fullWidth(String ascii) {
        StringBuilder wide = new StringBuilder();
        ascii.chars().forEach(c -> wide.append(c > 0x20 && c < 0x7f ? (char) (c + 0xFEE0) : (char) c));
        return wide.toString();
    }
}
