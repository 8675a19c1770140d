package org.machi.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.machi.testing.Html.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
import org.machi.alerts.subscriptions.Subscriptions;
import org.machi.shared.OutgoingMail.Outcome;
import org.machi.identity.StaffRole;
import org.machi.identity.security.MachiUserTestSupport;
import org.machi.testing.MachiWebTest;
import org.machi.testing.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** What becomes of a delivery that failed: tried again later, given up after many tries; an address that bounces is disabled. */
@MachiWebTest
class DeliveriesTests {

    @Autowired
    Deliveries deliveries;

    @Autowired
    AlertDesk desk;

    @Autowired
    Subscriptions subscriptions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Test
    void aFailedDeliveryIsTriedAgainLaterAndGivenUpAfterManyTries() throws Exception {
        UUID alert = alert();
        UUID subscriber = subscriber();
        Deliveries.Due due = due(alert, subscriber, Deliveries.Channel.WEBHOOK, 0);
        deliveries.record(List.of(new Deliveries.Result(due, Outcome.Result.RETRY, "HTTP 503")));
        var row = row(alert, subscriber, Deliveries.Channel.WEBHOOK);
        assertThat(row.get("state")).isEqualTo("PENDING");
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat(row.get("last_error")).isEqualTo("HTTP 503");
        assertThat(((OffsetDateTime) row.get("next_attempt_at")).toInstant()).as("tried again after the first backoff")
                .isCloseTo(clock.instant().plusSeconds(30), within(1, ChronoUnit.SECONDS));

        deliveries.record(List.of(new Deliveries.Result(due(alert, subscriber, Deliveries.Channel.WEBHOOK, Deliveries.MAX_ATTEMPTS - 1),
                Outcome.Result.RETRY, "HTTP 503")));
        assertThat(row(alert, subscriber, Deliveries.Channel.WEBHOOK).get("state")).isEqualTo("FAILED");
        assertThat(deliveries.failures(alert)).extracting(Deliveries.FailureReason::reason).contains("HTTP 503");
        var page = page(mvc.perform(get("/staff/alerts/" + alert)
                .with(authentication(MachiUserTestSupport.signedIn(accounts.staff(StaffRole.ALERT_OPERATOR), true)))).andReturn());
        assertThat(page.select("li:contains(HTTP 503)").text()).as("explained to staff in their language, the code beside it")
                .contains("受け取り先がエラーを返しました。", "(HTTP 503)");
        assertThat(Deliveries.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Deliveries.backoff(20)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void anAddressThatBouncesAgainAndAgainIsDisabled() {
        UUID subscriber = subscriber();
        UUID last = null;
        for (int i = 0; i < Deliveries.HARD_BOUNCE_LIMIT - 1; i++) {
            last = alert();
            deliveries.record(List.of(new Deliveries.Result(due(last, subscriber, Deliveries.Channel.EMAIL, 0),
                    Outcome.Result.REFUSED, "SendFailedException")));
        }
        UUID pending = alert();
        due(pending, subscriber, Deliveries.Channel.EMAIL, 0);
        deliveries.record(List.of(new Deliveries.Result(due(last, subscriber, Deliveries.Channel.WEBHOOK, 0), Outcome.Result.SENT, null)));
        assertThat(jdbc.sql("SELECT status FROM alerts.subscription WHERE id = ?").param(subscriber).query(String.class).single())
                .isEqualTo("ACTIVE");
        deliveries.record(List.of(new Deliveries.Result(due(pending, subscriber, Deliveries.Channel.EMAIL, 0),
                Outcome.Result.REFUSED, "SendFailedException")));
        assertThat(jdbc.sql("SELECT status FROM alerts.subscription WHERE id = ?").param(subscriber).query(String.class).single())
                .isEqualTo("DISABLED");
        UUID later = alert();
        due(later, subscriber, Deliveries.Channel.WEBHOOK, 0);
        deliveries.record(List.of(new Deliveries.Result(due(later, subscriber, Deliveries.Channel.EMAIL, 0),
                Outcome.Result.REFUSED, "SendFailedException")));
        assertThat(row(later, subscriber, Deliveries.Channel.WEBHOOK).get("state")).as("what was still pending is given up")
                .isEqualTo("FAILED");
    }

    @Test
    void onlyBouncesOneAfterAnotherDisableAnAddress() {
        UUID subscriber = subscriber();
        for (int i = 0; i < Deliveries.HARD_BOUNCE_LIMIT - 1; i++) {
            deliveries.record(List.of(new Deliveries.Result(due(alert(), subscriber, Deliveries.Channel.EMAIL, 0),
                    Outcome.Result.REFUSED, "SMTPAddressFailedException")));
        }
        deliveries.record(List.of(new Deliveries.Result(due(alert(), subscriber, Deliveries.Channel.EMAIL, 0), Outcome.Result.SENT, null)));
        deliveries.record(List.of(new Deliveries.Result(due(alert(), subscriber, Deliveries.Channel.EMAIL, 0),
                Outcome.Result.REFUSED, "SMTPAddressFailedException")));
        assertThat(jdbc.sql("SELECT status FROM alerts.subscription WHERE id = ?").param(subscriber).query(String.class).single())
                .as("a mail delivered in between: the mailbox works").isEqualTo("ACTIVE");
        assertThat(jdbc.sql("SELECT hard_bounces FROM alerts.subscription WHERE id = ?").param(subscriber).query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void aWebhookWhoseReceiverSaysGoneIsForgotten() {
        UUID alert = alert();
        UUID withMail = subscriber();
        UUID webhookOnly = subscriber();
        jdbc.sql("UPDATE alerts.subscription SET webhook_url_sealed = 'sealed-url', webhook_secret_sealed = 'sealed-secret' "
                + "WHERE id IN (?, ?)").params(withMail, webhookOnly).update();
        jdbc.sql("UPDATE alerts.subscription SET by_email = FALSE WHERE id = ?").param(webhookOnly).update();
        deliveries.record(List.of(new Deliveries.Result(due(alert, withMail, Deliveries.Channel.WEBHOOK, 0), Outcome.Result.REFUSED,
                        Deliveries.GONE),
                new Deliveries.Result(due(alert, webhookOnly, Deliveries.Channel.WEBHOOK, 0), Outcome.Result.REFUSED, Deliveries.GONE)));
        assertThat(jdbc.sql("SELECT webhook_url_sealed IS NULL AND webhook_secret_sealed IS NULL FROM alerts.subscription WHERE id = ?")
                .param(withMail).query(Boolean.class).single()).as("mail still comes; the webhook is forgotten").isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM alerts.subscription WHERE id = ?").param(webhookOnly).query(Integer.class).single())
                .as("nothing left to reach: the subscription is gone").isZero();
    }

    @Test
    void whoWasWarnedStaysOnRecordAfterTheyUnsubscribe() {
        UUID alert = alert();
        UUID subscriber = subscriber();
        deliveries.record(List.of(new Deliveries.Result(due(alert, subscriber, Deliveries.Channel.EMAIL, 0), Outcome.Result.SENT, null)));
        UUID later = alert();
        due(later, subscriber, Deliveries.Channel.EMAIL, 0);

        assertThat(subscriptions.end(subscriber)).isTrue();

        assertThat(deliveries.progress(alert).get(Deliveries.Channel.EMAIL)).as("the sent mail is still counted")
                .isEqualTo(new Deliveries.Progress(1, 0, 0));
        assertThat(row(later, subscriber, Deliveries.Channel.EMAIL)).as("what had not gone yet is not sent, and says why")
                .containsEntry("state", "FAILED").containsEntry("last_error", Deliveries.UNSUBSCRIBED);
    }

    /** An alert of its own, published to no one (its district has no subscribers). */
    private UUID alert() {
        Instant now = clock.instant();
        AlertContent content = new AlertContent(AlertKind.ROAD_CLOSURE, true, CapMessage.Urgency.EXPECTED, CapMessage.Severity.MINOR,
                CapMessage.Certainty.OBSERVED, Map.of("ja", new AlertText("【訓練】通行止め", "訓練です。", "")), Set.of("morinosato"),
                "", now.minusSeconds(60), now.plus(Duration.ofHours(1)));
        Alert draft = desk.draft(content, "test:operator");
        desk.submit(draft.id(), "test:operator");
        return desk.approve(draft.id(), "test:approver").id();
    }

    /**
     * Far beyond any time the shared test clock reaches, whatever other tests advanced it by: the
     * background worker must never claim these rows while the test writes their outcome itself.
     */
    private static final Timestamp NEVER_DUE = Timestamp.from(Instant.parse("2999-01-01T00:00:00Z"));

    /** A subscriber whose deliveries are written by the test, never due for the background worker. */
    private UUID subscriber() {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO alerts.subscription (id, email_hash, email_sealed, language, whole_city, by_email, status, hard_bounces, "
                + "created_at) VALUES (?, ?, 'sealed', 'ja', FALSE, TRUE, 'ACTIVE', 0, ?)").params(id, id.toString(),
                Timestamp.from(Instant.now())).update();
        return id;
    }

    private Deliveries.Due due(UUID alert, UUID subscriber, Deliveries.Channel channel, int attempts) {
        jdbc.sql("INSERT INTO alerts.delivery (item_kind, item_id, subscription_id, channel, priority, state, attempts, next_attempt_at) "
                        + "SELECT 'ALERT', ?, ?, ?, 0, 'PENDING', ?, ? WHERE NOT EXISTS (SELECT 1 FROM alerts.delivery WHERE item_id = ? "
                        + "AND subscription_id = ? AND channel = ?)")
                .params(alert, subscriber, channel.name(), attempts, NEVER_DUE,
                        alert, subscriber, channel.name())
                .update();
        int bounces = jdbc.sql("SELECT hard_bounces FROM alerts.subscription WHERE id = ?").param(subscriber).query(Integer.class).single();
        return new Deliveries.Due(new Deliveries.Key(alert, subscriber, channel), Deliveries.Item.ALERT, attempts, "ja", "sealed", null,
                bounces > 0);
    }

    private Map<String, Object> row(UUID alert, UUID subscriber, Deliveries.Channel channel) {
        return jdbc.sql("SELECT state, attempts, last_error, next_attempt_at FROM alerts.delivery WHERE item_id = ? "
                + "AND subscription_id = ? AND channel = ?").params(alert, subscriber, channel.name()).query().singleRow();
    }
}
