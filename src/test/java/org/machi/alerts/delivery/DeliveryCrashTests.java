package org.machi.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.machi.alerts.AlertsProperties;
import org.machi.alerts.WebhookReceiver;
import org.machi.alerts.cap.CapMessage;
import org.machi.alerts.delivery.Deliveries.Due;
import org.machi.alerts.delivery.Deliveries.Result;
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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A delivery worker dies in the middle of a fan-out (its batch half sent, its claim still held, its
 * results never written); another worker — the restarted node — takes over once the claim lapses.
 * Afterwards every recipient has exactly one delivery on record, every message reached its
 * receiver, and the only repeats are those of the batch in flight, carrying the same idempotency
 * key (webhook-id, Message-ID) so that the receiver drops them. On PostgreSQL, as in production.
 */
@RequiresPostgres
class DeliveryCrashTests extends OnPostgres {

    private static final int IN_DISTRICT = 120;
    private static final int ELSEWHERE = 30;
    private static final int BATCH = 40;

    @Autowired
    Deliveries deliveries;

    @Autowired
    List<DeliveryChannel> channels;

    @Autowired
    AlertDesk desk;

    @Autowired
    DataProtection protection;

    @Autowired
    JdbcClient jdbc;

    @Value("${machi.data-dir}")
    Path dataDir;

    /** Stands for the process being killed: not an exception any code would catch. */
    static final class Killed extends Error {
        Killed() {
            super("kill -9");
        }
    }

    @Test
    void aWorkerKilledMidDeliveryLeavesExactlyOneDeliveryPerRecipient() throws Exception {
        Path mail = dataDir.resolve("mail");
        deleteMail(mail);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            List<UUID> near = subscribers(IN_DISTRICT, false, receiver.url());
            List<UUID> far = subscribers(ELSEWHERE, true, receiver.url());
            Alert alert = publish();
            int recipients = IN_DISTRICT + ELSEWHERE;
            assertThat(count(alert, null)).isEqualTo(2 * recipients);

            // The third webhook batch: half of it goes out, then the process dies.
            AtomicInteger webhookBatches = new AtomicInteger();
            AtomicInteger inFlight = new AtomicInteger();
            List<DeliveryChannel> dying = withWebhooks((webhooks, batch) -> {
                if (webhookBatches.incrementAndGet() == 3) {
                    inFlight.set(batch.size() / 2);
                    webhooks.send(batch.subList(0, batch.size() / 2));
                    throw new Killed();
                }
                return webhooks.send(batch);
            });
            DeliveryRun first = new DeliveryRun(deliveries, dying, settings(BATCH, Duration.ofSeconds(2)));
            assertThatThrownBy(first::drain).isInstanceOf(Killed.class);
            int sentBeforeTheCrash = count(alert, "SENT");
            assertThat(sentBeforeTheCrash).isPositive().isLessThan(2 * recipients);
            int claimedByTheDead = jdbc.sql("SELECT COUNT(*) FROM alerts.delivery WHERE item_id = ? AND claimed_by IS NOT NULL")
                    .param(alert.id()).query(Integer.class).single();
            assertThat(claimedByTheDead).as("the dead worker's batch stays claimed").isPositive();

            DeliveryRun restarted = new DeliveryRun(deliveries, channels, settings(BATCH, Duration.ofSeconds(2)));
            restarted.drain();
            assertThat(count(alert, "PENDING")).as("a live claim is respected until it lapses").isEqualTo(claimedByTheDead);
            Awaitility.await("the dead worker's claim lapses").atMost(Duration.ofSeconds(10))
                    .until(() -> jdbc.sql("SELECT COUNT(*) FROM alerts.delivery WHERE item_id = ? AND claimed_until >= ?")
                            .params(alert.id(), Timestamp.from(Instant.now())).query(Integer.class).single() == 0);
            restarted.drain();

            assertThat(count(alert, "SENT")).as("every delivery on record, once").isEqualTo(2 * recipients);
            Set<String> expected = new HashSet<>();
            Stream.concat(near.stream(), far.stream()).forEach(subscriber -> expected.add(
                    new Deliveries.Key(alert.id(), subscriber, Deliveries.Channel.WEBHOOK).text()));

            Map<String, Long> webhooks = receiver.countById();
            assertThat(webhooks.keySet()).as("every recipient's webhook arrived").isEqualTo(expected);
            assertThat(inFlight.get()).as("the crash hit a batch with webhooks in it").isPositive();
            List<String> repeated = webhooks.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
            assertThat(repeated).as("repeats only from the batch in flight, each at most once more").hasSize(inFlight.get())
                    .allSatisfy(id -> assertThat(webhooks.get(id)).isEqualTo(2));

            List<String> messageIds = messageIds(mail);
            assertThat(new HashSet<>(messageIds)).as("every recipient's mail was handed over")
                    .hasSize(recipients)
                    .allSatisfy(id -> assertThat(id).contains(alert.id().toString()).endsWith("_email@machi.test>"));
            assertThat(messageIds).as("no mail went twice: the crash hit the webhook batch").hasSize(recipients);


            // Without a crash, the affected district is served before the rest of the city.
            Alert next = publish();
            new DeliveryRun(deliveries, channels, settings(BATCH, Duration.ofSeconds(2))).drain();
            assertThat(count(next, "SENT")).isEqualTo(2 * recipients);
            Instant lastNear = jdbc.sql("SELECT MAX(sent_at) FROM alerts.delivery WHERE item_id = ? AND priority = 0")
                    .param(next.id()).query(Timestamp.class).single().toInstant();
            Instant firstFar = jdbc.sql("SELECT MIN(sent_at) FROM alerts.delivery WHERE item_id = ? AND priority = 1")
                    .param(next.id()).query(Timestamp.class).single().toInstant();
            assertThat(firstFar).isAfterOrEqualTo(lastNear);
        }
    }

    @Test
    void aSlowBatchKeepsItsClaimSoNoOtherWorkerSendsItAgain() throws Exception {
        List<UUID> mine = List.of();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            mine = subscribers(5, false, receiver.url());
            Alert alert = publish();
            CountDownLatch entered = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            List<DeliveryChannel> slow = withWebhooks((webhooks, batch) -> {
                entered.countDown();
                try {
                    release.await(); // a relay's rate limit, far slower than the lease
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
                return webhooks.send(batch);
            });
            DeliveryRun run = new DeliveryRun(deliveries, slow, settings(1000, Duration.ofMillis(900)));
            CompletableFuture<Void> draining = CompletableFuture.runAsync(run::drain);
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

            String mineOnly = " AND subscription_id IN (" + mine.stream().map(id -> "'" + id + "'").collect(Collectors.joining(", ")) + ")";
            Awaitility.await("the claim outlives its lease while the batch is sent").during(Duration.ofMillis(2700))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> jdbc.sql("SELECT COUNT(*) FROM alerts.delivery WHERE item_id = ? AND state = 'PENDING' "
                            + "AND (claimed_until IS NULL OR claimed_until < ?)" + mineOnly)
                            .params(alert.id(), Timestamp.from(Instant.now())).query(Integer.class).single() == 0);
            release.countDown();
            draining.get(30, TimeUnit.SECONDS);

            assertThat(jdbc.sql("SELECT COUNT(*) FROM alerts.delivery WHERE item_id = ? AND state = 'SENT'" + mineOnly)
                    .param(alert.id()).query(Integer.class).single()).as("mail and webhook to each").isEqualTo(2 * mine.size());
            assertThat(receiver.countById()).as("every webhook once").hasSize(mine.size())
                    .allSatisfy((id, times) -> assertThat(times).isEqualTo(1));
        } finally {
            // the other test counts the deliveries of its own alert to everyone in the district
            mine.forEach(id -> jdbc.sql("DELETE FROM alerts.subscription WHERE id = ?").param(id).update());
        }
    }

    /** The application's channels, with webhooks sent through {@code webhooks} (given the real webhook channel). */
    private List<DeliveryChannel> withWebhooks(BiFunction<DeliveryChannel, List<Due>, List<Result>> webhooks) {
        return channels.stream().map(channel -> channel.channel() != Deliveries.Channel.WEBHOOK ? channel : new DeliveryChannel() {
            @Override
            public Deliveries.Channel channel() {
                return channel.channel();
            }

            @Override
            public List<Result> send(List<Due> batch) {
                return webhooks.apply(channel, batch);
            }
        }).toList();
    }

    private Alert publish() {
        AlertKind kind = AlertKind.EVACUATION_ORDER;
        Instant now = Instant.now();
        AlertContent content = new AlertContent(kind, true, CapMessage.Urgency.IMMEDIATE, CapMessage.Severity.SEVERE,
                CapMessage.Certainty.LIKELY, Map.of("ja", new AlertText("【訓練】依知北地区に避難指示", "訓練です。", "避難所へ。"),
                "en", new AlertText("[Drill] Evacuation order", "This is a drill.", "Go to a shelter.")),
                Set.of("echi-kita"), "", now, now.plus(Duration.ofHours(1)));
        Alert draft = desk.draft(content, "test:operator");
        desk.submit(draft.id(), "test:operator");
        Alert published = desk.approve(draft.id(), "test:approver");
        Awaitility.await("deliveries queued from the AlertPublished event").atMost(Duration.ofSeconds(10))
                .until(() -> count(published, null) > 0);
        return published;
    }

    /** Confirmed subscribers, by mail and webhook: of 依知北 (in the alert's district) or of the whole city only. */
    private List<UUID> subscribers(int count, boolean wholeCity, String webhookUrl) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            String email = "crash-" + id + "@example.jp";
            jdbc.sql("INSERT INTO alerts.subscription (id, email_hash, email_sealed, language, whole_city, by_email, "
                            + "webhook_url_sealed, webhook_secret_sealed, status, hard_bounces, created_at, confirmed_at) "
                            + "VALUES (?, ?, ?, 'en', ?, TRUE, ?, ?, 'ACTIVE', 0, ?, ?)")
                    .params(id, protection.lookupHash(email), protection.seal(email, Subscriptions.EMAIL_CONTEXT), wholeCity,
                            protection.seal(webhookUrl, Subscriptions.WEBHOOK_URL_CONTEXT),
                            protection.seal(WebhookSignature.newSecret(), Subscriptions.WEBHOOK_SECRET_CONTEXT),
                            Timestamp.from(Instant.now()), Timestamp.from(Instant.now()))
                    .update();
            if (!wholeCity) {
                jdbc.sql("INSERT INTO alerts.subscription_district (subscription_id, district) VALUES (?, 'echi-kita')").param(id).update();
            }
            ids.add(id);
        }
        return ids;
    }

    private int count(Alert alert, String state) {
        return state == null
                ? jdbc.sql("SELECT COUNT(*) FROM alerts.delivery WHERE item_id = ?").param(alert.id()).query(Integer.class).single()
                : jdbc.sql("SELECT COUNT(*) FROM alerts.delivery WHERE item_id = ? AND state = ?").params(alert.id(), state)
                        .query(Integer.class).single();
    }

    private static List<String> messageIds(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> {
                try (Stream<String> lines = Files.lines(file)) {
                    return lines.filter(line -> line.startsWith("Message-ID: ")).findFirst().orElseThrow().substring(12);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).collect(Collectors.toList());
        }
    }

    private static void deleteMail(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /** One worker; the rest as configured by default. */
    private static AlertsProperties settings(int batchSize, Duration lease) {
        return new AlertsProperties(List.of(), new AlertsProperties.Delivery(true, batchSize, lease, 1, Duration.ofSeconds(5),
                5000, 5000, 64, 5000, 64), null, null, null, Duration.ofHours(3));
    }
}
