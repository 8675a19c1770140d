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
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.machi.alerts.Subscribing;
import org.machi.alerts.WebhookReceiver;
import org.machi.alerts.domain.Alert;
import org.machi.alerts.publishing.AlertStore;
import org.machi.identity.StaffRole;
import org.machi.identity.security.MachiUserTestSupport;
import org.machi.testing.MachiWebTest;
import org.machi.testing.Mailbox;
import org.machi.testing.Standards;
import org.machi.testing.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole path of an alert: a resident subscribes (mail and webhook, double opt-in), an operator
 * drafts from the template, a second person approves; then the CAP document validates, the Atom
 * feed has the entry, the mail arrives over SMTP and the webhook arrives signed. An update and a
 * cancel refer to what they replace. Finally the resident leaves in one click.
 */
@MachiWebTest
class AlertsEndToEndTests {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    GreenMail greenMail;

    Mailbox mailbox;

    @Autowired
    AlertStore store;

    @Autowired
    JsonMapper json;

    @Autowired
    Clock clock;

    @BeforeEach
    void mailbox() {
        mailbox = new Mailbox(greenMail);
    }

    @Test
    void draftApprovePublishDeliverUpdateCancel() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String email = "resident-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";
            String secret = subscribe(email, receiver.url());

            Authentication operator = MachiUserTestSupport.signedIn(accounts.staff(StaffRole.ALERT_OPERATOR), true);
            Authentication approver = MachiUserTestSupport.signedIn(accounts.staff(StaffRole.ALERT_APPROVER), true);

            // drafted from the template: nothing typed but the place and the times
            UUID original = draft(operator, post("/staff/alerts/new").param("kind", "EVACUATION_ORDER")
                    .param("district", "echi-kita").param("shelters", "依知小学校"));
            Alert drafted = store.find(original).orElseThrow();
            assertThat(drafted.texts()).containsKeys("ja", "ja-easy", "en", "zh-CN", "ko", "vi", "pt-BR", "es", "tl");
            assertThat(drafted.texts().get("ja").headline()).contains("依知北地区", "避難指示");
            assertThat(drafted.texts().get("en").instruction()).contains("依知小学校");

            perform(operator, post("/staff/alerts/" + original + "/submit"));
            String refused = perform(operator, post("/staff/alerts/" + original + "/approve")).getResponse().getStatus() + "";
            assertThat(refused).as("an operator without the approver role cannot approve").isEqualTo("403");
            perform(approver, post("/staff/alerts/" + original + "/approve"));
            assertThat(store.find(original).orElseThrow().state()).isEqualTo(Alert.State.PUBLISHED);

            // the public web: the banner on every page, the alert page, CAP and Atom
            var home = page(mvc.perform(get("/")).andReturn());
            assertThat(home.select(".banners a").eachAttr("href")).contains("/alerts/" + original);
            String cap = mvc.perform(get("/alerts/" + original + "/cap.xml")).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            Standards.assertValidCap(cap);
            assertThat(cap).contains("<msgType>Alert</msgType>", "<language>ja</language>", "<language>en</language>",
                    "<language>ja-x-easy</language>", "<value>142123</value>", "<value>142123-03</value>");
            var atomResponse = mvc.perform(get("/alerts/feed.atom")).andExpect(status().isOk()).andReturn().getResponse();
            assertThat(atomResponse.getHeader("Cache-Control")).as("no cache holds a new alert back for more than a second")
                    .isEqualTo("max-age=1, public");
            assertThat(mvc.perform(get("/alerts/" + original + "/cap.xml")).andReturn().getResponse().getHeader("Cache-Control"))
                    .as("a CAP message never changes").isEqualTo("max-age=3600, public");
            String atom = atomResponse.getContentAsString(StandardCharsets.UTF_8);
            Standards.assertValidAtom(atom);
            assertThat(atom).contains("<id>urn:uuid:" + original + "</id>")
                    .as("people open the page, aggregators the CAP")
                    .contains("<link rel=\"alternate\" href=\"http://machi.test/alerts/" + original + "\" type=\"text/html\"/>")
                    .contains("<link rel=\"related\" href=\"http://machi.test/alerts/" + original + "/cap.xml\" type=\"application/cap+xml\"/>");

            // the mail, in the subscriber's language, with one-click unsubscribe
            MimeMessage mail = mailbox.to(email, m -> subject(m).contains("Evacuation"));
            assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
            String unsubscribe = mail.getHeader("List-Unsubscribe")[0].replaceAll("[<>]", "");
            assertThat(mail.getMessageID()).contains(original.toString());
            assertThat(Mailbox.text(mail)).contains("Echi-kita", "http://machi.test/alerts/" + original);

            // the webhook, signed as Standard Webhooks says, verified here with the secret shown at confirmation
            var call = receiver.await(1).get(0);
            assertThat(call.signature()).isEqualTo("v1," + hmac(secret, call.id() + "." + call.timestamp() + "." + call.body()));
            JsonNode event = json.readTree(call.body());
            assertThat(event.get("type").asString()).isEqualTo("alert.published");
            assertThat(event.get("data").get("language").asString()).isEqualTo("en");
            assertThat(event.get("data").get("id").asString()).isEqualTo(original.toString());
            assertThat(event.get("data").get("unsubscribe").asString()).as("a relay can end the subscription too")
                    .isEqualTo(unsubscribe);

            // an update: more districts; it references the original, which is superseded
            UUID update = draft(operator, post("/staff/alerts/" + original + "/update")
                    .param("district", "echi-kita", "echi-minami"));
            perform(operator, post("/staff/alerts/" + update + "/submit"));
            perform(approver, post("/staff/alerts/" + update + "/approve"));
            assertThat(store.find(original).orElseThrow().state()).isEqualTo(Alert.State.SUPERSEDED);
            String updateCap = mvc.perform(get("/alerts/" + update + "/cap.xml")).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            Standards.assertValidCap(updateCap);
            assertThat(updateCap).contains("<msgType>Update</msgType>", "<references>machi.test,machi-" + original + ",");
            assertThat(receiver.await(2)).anySatisfy(c -> assertThat(c.body()).contains("alert.updated"));

            // a cancel of the update
            MvcResult cancelForm = mvc.perform(get("/staff/alerts/" + update + "/cancel").with(authentication(operator))).andReturn();
            String headline = page(cancelForm).select("#headline").val();
            assertThat(headline).contains("解除");
            UUID cancel = draft(operator, post("/staff/alerts/" + update + "/cancel").param("headline", headline)
                    .param("description", page(cancelForm).select("#description").text()));
            perform(operator, post("/staff/alerts/" + cancel + "/submit"));
            perform(approver, post("/staff/alerts/" + cancel + "/approve"));
            assertThat(store.find(update).orElseThrow().state()).isEqualTo(Alert.State.CANCELLED);
            String cancelCap = mvc.perform(get("/alerts/" + cancel + "/cap.xml")).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            Standards.assertValidCap(cancelCap);
            assertThat(cancelCap).contains("<msgType>Cancel</msgType>", "<references>machi.test,machi-" + original + ",",
                    " machi.test,machi-" + update + ",", "<responseType>AllClear</responseType>");
            assertThat(page(mvc.perform(get("/")).andReturn()).select(".banners a").eachAttr("href"))
                    .doesNotContain("/alerts/" + original, "/alerts/" + update, "/alerts/" + cancel);
            assertThat(page(mvc.perform(get("/alerts/" + original)).andReturn()).select("ol li a").eachAttr("href"))
                    .as("the history of the original lists all three").contains("/alerts/" + update, "/alerts/" + cancel);
            assertThat(receiver.await(3)).anySatisfy(c -> assertThat(c.body()).contains("alert.cancelled"));

            // one click from the mail client: a POST without a CSRF token or cookie
            String path = unsubscribe.substring("http://machi.test".length());
            mvc.perform(post(path).contentType("application/x-www-form-urlencoded").content("List-Unsubscribe=One-Click"))
                    .andExpect(status().isOk());
            mvc.perform(post(path).contentType("application/x-www-form-urlencoded").content("List-Unsubscribe=One-Click"))
                    .andExpect(status().isNotFound());
        }
    }

    /** Subscribes by form and mailed link, and returns the webhook secret shown once. */
    private String subscribe(String email, String webhookUrl) throws Exception {
        String secret = Subscribing.subscribe(mvc, mailbox, email, post("/alerts/subscribe").param("language", "en")
                .param("district", "echi-kita").param("byEmail", "on").param("webhookUrl", webhookUrl));
        assertThat(secret).startsWith("whsec_");
        return secret;
    }

    /** Posts the alert form with times filled in and returns the id of the draft it redirected to. */
    private UUID draft(Authentication who, MockHttpServletRequestBuilder request) throws Exception {
        var now = clock.instant().atZone(ZoneId.of("Asia/Tokyo"));
        MvcResult result = mvc.perform(request.param("effective", LOCAL.format(now)).param("expires", LOCAL.format(now.plusHours(12)))
                .param("urgency", "IMMEDIATE").param("severity", "SEVERE").param("certainty", "LIKELY")
                .with(authentication(who)).with(csrf())).andReturn();
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).as(result.getResponse().getContentAsString()).startsWith("/staff/alerts/");
        return UUID.fromString(location.substring("/staff/alerts/".length()));
    }

    private MvcResult perform(Authentication who, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(authentication(who)).with(csrf())).andReturn();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hmac(String secret, String content) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    }
}
