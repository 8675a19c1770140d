package org.machi.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.machi.testing.Html.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.machi.alerts.Subscribing;
import org.machi.alerts.cap.CapMessage;
import org.machi.alerts.domain.Alert;
import org.machi.alerts.domain.AlertContent;
import org.machi.alerts.domain.AlertKind;
import org.machi.alerts.domain.AlertText;
import org.machi.alerts.publishing.AlertDesk;
import org.machi.alerts.publishing.AlertTemplates;
import org.machi.shared.SiteLanguage;
import org.machi.testing.MachiWebTest;
import org.machi.testing.Mailbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Mail comes from the city, its subject says what happened once, and the confirmation repeats the choices. */
@MachiWebTest
class AlertMailTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    GreenMail greenMail;

    @Autowired
    AlertDesk desk;

    @Autowired
    AlertTemplates templates;

    @Autowired
    Clock clock;

    @Test
    void theConfirmationComesFromTheCityRepeatsTheChoicesAndCarriesTheWayOut() throws Exception {
        String email = "choices-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";
        mvc.perform(post("/alerts/subscribe").with(csrf()).param("email", email).param("language", "en")
                .param("district", "ogino", "atsugi-kita").param("category", "GARBAGE").param("byEmail", "on"));
        MimeMessage mail = new Mailbox(greenMail).to(email);

        InternetAddress from = (InternetAddress) mail.getFrom()[0];
        assertThat(from.getPersonal()).isEqualTo("厚木市");
        assertThat(from.getAddress()).isEqualTo("no-reply@city.atsugi.kanagawa.jp");

        String text = Mailbox.text(mail);
        assertThat(text).contains("Atsugi-kita, Ogino", "Waste and recycling", "Email", "English");
        Matcher leave = Pattern.compile("http://machi\\.test(/alerts/unsubscribe/[A-Za-z0-9.-]+)").matcher(text);
        assertThat(leave.find()).as("a way out in: " + text).isTrue();
        assertThat(page(mvc.perform(get(leave.group(1)).param("lang", "en")).andReturn()).select("form button").text())
                .isEqualTo("Stop getting alerts");
    }

    @Test
    void subjectsNameTheKindOnceAndMarkUpdatesAndLiftsOnce() throws Exception {
        Mailbox mailbox = new Mailbox(greenMail);
        String email = "subjects-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";
        Subscribing.subscribe(mvc, mailbox, email, post("/alerts/subscribe").param("language", "ja").param("district", "koayu")
                .param("byEmail", "on"));

        Instant now = clock.instant();
        AlertText japanese = new AlertText("【訓練】小鮎地区に避難指示（警戒レベル4）", "訓練です。", "");
        Alert first = publish(desk.draft(content(japanese, now), "test:operator"));
        assertThat(subject(mailbox, email, first)).isEqualTo("【厚木市】【訓練】小鮎地区に避難指示（警戒レベル4）");

        AlertText updated = new AlertText("【訓練】【更新】避難指示（警戒レベル4）：小鮎地区", "訓練です。範囲を広げました。", "");
        Alert update = publish(desk.draftUpdate(first.id(), content(updated, now), "test:operator"));
        assertThat(subject(mailbox, email, update)).isEqualTo("【厚木市】【訓練】【更新】避難指示（警戒レベル4）：小鮎地区");

        Alert cancel = publish(desk.draftCancel(update.id(),
                Map.of("ja", templates.fillCancel(update, SiteLanguage.JA, now)), "test:operator"));
        assertThat(subject(mailbox, email, cancel)).isEqualTo("【厚木市】【訓練】【解除】避難指示（警戒レベル4）：小鮎地区");

        AlertText unnamed = new AlertText("【訓練】小鮎地区の水道", "訓練です。", "");
        Alert water = publish(desk.draft(new AlertContent(AlertKind.WATER_OUTAGE, true, CapMessage.Urgency.EXPECTED,
                CapMessage.Severity.MINOR, CapMessage.Certainty.OBSERVED, Map.of("ja", unnamed), Set.of("koayu"), "", now, null),
                "test:operator"));
        assertThat(subject(mailbox, email, water)).as("a headline that does not name the kind gets it once")
                .isEqualTo("【厚木市】【訓練】断水：小鮎地区の水道");
    }

    private static AlertContent content(AlertText japanese, Instant now) {
        return new AlertContent(AlertKind.EVACUATION_ORDER, true, CapMessage.Urgency.IMMEDIATE, CapMessage.Severity.SEVERE,
                CapMessage.Certainty.OBSERVED, Map.of("ja", japanese), Set.of("koayu"), "", now, now.plus(Duration.ofHours(2)));
    }

    private Alert publish(Alert draft) {
        desk.submit(draft.id(), "test:operator");
        return desk.approve(draft.id(), "test:approver");
    }

    private static String subject(Mailbox mailbox, String email, Alert alert) throws Exception {
        return mailbox.to(email, m -> Mailbox.text(m).contains("/alerts/" + alert.id())).getSubject();
    }
}
