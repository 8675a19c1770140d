package org.machi.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.machi.alerts.cap.CapMessage;
import org.machi.alerts.domain.Alert;
import org.machi.alerts.domain.AlertContent;
import org.machi.alerts.domain.AlertKind;
import org.machi.alerts.domain.AlertText;
import org.machi.alerts.publishing.AlertDesk;
import org.machi.alerts.subscriptions.Subscriptions;
import org.machi.shared.DataProtection;
import org.machi.testing.OnPostgres;
import org.machi.testing.RequiresPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * Delivery starts from the AlertPublished event, which the event publication registry stores with
 * the publication and marks complete once the deliveries are queued. A node that stops before
 * delivery has started (or before the registry heard it had) is recovered by resubmission: the
 * deliveries are queued, once.
 */
@RequiresPostgres
class DeliveryStartTests extends OnPostgres {

    /** A district no other test of this context publishes to. */
    private static final String DISTRICT = "morinosato";

    @Autowired
    AlertDesk desk;

    @Autowired
    DataProtection protection;

    @Autowired
    IncompleteEventPublications incomplete;

    @Autowired
    JdbcClient jdbc;

    private final List<UUID> subscribers = new ArrayList<>();

    @AfterEach
    void forgetSubscribers() {
        subscribers.forEach(id -> jdbc.sql("DELETE FROM alerts.subscription WHERE id = ?").param(id).update());
    }

    @Test
    void theDeliveryIsQueuedFromTheEventAndTheRegistryCompletesIt() {
        subscribe(3);
        Alert alert = publish();

        Awaitility.await("deliveries queued").atMost(Duration.ofSeconds(10)).until(() -> queued(alert) == 3);
        Awaitility.await("the event publication completed").atMost(Duration.ofSeconds(10)).until(() -> incompleteFor(alert) == 0);
        assertThat(publicationsFor(alert)).as("the event was stored with the publication").isEqualTo(1);
    }

    @Test
    void aNodeThatStoppedBeforeDeliveryStartedIsRecoveredByResubmission() {
        subscribe(2);
        Alert alert = publish();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> incompleteFor(alert) == 0);

        // what a node that died right after the commit leaves: the event stored, nothing queued, nothing completed
        jdbc.sql("DELETE FROM alerts.delivery WHERE item_id = ?").param(alert.id()).update();
        jdbc.sql("DELETE FROM alerts.delivery_queued WHERE item_id = ?").param(alert.id()).update();
        markIncomplete(alert);
        assertThat(queued(alert)).isZero();

        incomplete.resubmitIncompletePublicationsOlderThan(Duration.ZERO);
        Awaitility.await("queued after resubmission").atMost(Duration.ofSeconds(10)).until(() -> queued(alert) == 2);
        Awaitility.await("completed after resubmission").atMost(Duration.ofSeconds(10)).until(() -> incompleteFor(alert) == 0);
    }

    /** Seen in the two-node test: the demo drill, published to no one at the first start, mailed to a later subscriber. */
    @Test
    void anAlertThatReachedNoOneIsNotSentToLaterSubscribersWhenItsEventIsHandedOverAgain() {
        Alert alert = publish();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> incompleteFor(alert) == 0);
        // as if it had found no subscriber (others of the shared context may subscribe to the whole city)
        jdbc.sql("DELETE FROM alerts.delivery WHERE item_id = ?").param(alert.id()).update();

        subscribe(2);
        markIncomplete(alert);
        incomplete.resubmitIncompletePublicationsOlderThan(Duration.ZERO);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> incompleteFor(alert) == 0);

        assertThat(queued(alert)).as("queued once, when it was published").isZero();
    }

    @Test
    void anEventHandedOverAgainQueuesNothingTwice() {
        subscribe(2);
        Alert alert = publish();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> incompleteFor(alert) == 0);

        // the node died after queueing, before the registry heard that it had
        markIncomplete(alert);
        incomplete.resubmitIncompletePublicationsOlderThan(Duration.ZERO);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> incompleteFor(alert) == 0);

        assertThat(queued(alert)).as("one delivery per recipient and channel").isEqualTo(2);
    }

    private Alert publish() {
        Instant now = Instant.now();
        AlertContent content = new AlertContent(AlertKind.EVACUATION_ORDER, true, CapMessage.Urgency.IMMEDIATE,
                CapMessage.Severity.SEVERE, CapMessage.Certainty.LIKELY,
                Map.of("ja", new AlertText("【訓練】森の里地区に避難指示", "訓練です。", "避難所へ。")),
                Set.of(DISTRICT), "", now, now.plus(Duration.ofHours(1)));
        Alert draft = desk.draft(content, "test:operator");
        desk.submit(draft.id(), "test:operator");
        return desk.approve(draft.id(), "test:approver");
    }

    /** Confirmed subscribers of the district, by mail only. */
    private void subscribe(int count) {
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            String email = "start-" + id + "@example.jp";
            jdbc.sql("INSERT INTO alerts.subscription (id, email_hash, email_sealed, language, whole_city, by_email, "
                            + "status, hard_bounces, created_at, confirmed_at) VALUES (?, ?, ?, 'ja', FALSE, TRUE, 'ACTIVE', 0, ?, ?)")
                    .params(id, protection.lookupHash(email), protection.seal(email, Subscriptions.EMAIL_CONTEXT),
                            Timestamp.from(Instant.now()), Timestamp.from(Instant.now()))
                    .update();
            jdbc.sql("INSERT INTO alerts.subscription_district (subscription_id, district) VALUES (?, ?)").params(id, DISTRICT).update();
            subscribers.add(id);
        }
    }

    /** Deliveries to this test's subscribers (others of the context may subscribe to the whole city). */
    private int queued(Alert alert) {
        return subscribers.stream().mapToInt(subscriber -> jdbc.sql(
                        "SELECT COUNT(*) FROM alerts.delivery WHERE item_id = ? AND subscription_id = ?")
                .params(alert.id(), subscriber).query(Integer.class).single()).sum();
    }

    private int publicationsFor(Alert alert) {
        return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE event_type LIKE '%AlertPublished' AND serialized_event LIKE ?")
                .param("%" + alert.id() + "%").query(Integer.class).single();
    }

    private int incompleteFor(Alert alert) {
        return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE event_type LIKE '%AlertPublished' AND serialized_event LIKE ? "
                        + "AND completion_date IS NULL")
                .param("%" + alert.id() + "%").query(Integer.class).single();
    }

    private void markIncomplete(Alert alert) {
        jdbc.sql("UPDATE event_publication SET completion_date = NULL WHERE event_type LIKE '%AlertPublished' AND serialized_event LIKE ?")
                .param("%" + alert.id() + "%").update();
    }
}
