package org.machi.alerts.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.machi.alerts.domain.Alert;
import org.machi.alerts.domain.Notice;
import org.machi.shared.OutgoingMail;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The delivery outbox: one row per (alert, subscription, channel), which is also the delivery's
 * idempotency key. Rows are queued once the publication has committed, claimed in batches by a
 * worker for a limited time, and marked sent, failed, or due again later.
 */
@Repository
public class Deliveries {

    /** Tries per delivery before it is given up as failed. */
    static final int MAX_ATTEMPTS = 8;

    /**
     * The reason recorded when a push service or a webhook's receiver says the endpoint is gone for
     * good. Reasons are codes (this one, "address-disabled", "HTTP 503", an exception's name) that
     * the staff pages explain in their language.
     */
    static final String GONE = "endpoint-gone";

    /** The reason recorded for what had not been sent yet when its subscriber left. */
    public static final String UNSUBSCRIBED = "unsubscribed";

    /** Queued deliveries from which a publication refreshes the table's statistics. */
    static final int ANALYZE_FROM = 10_000;

    /** Hard bounces after which a subscription is disabled. */
    static final int HARD_BOUNCE_LIMIT = 3;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private volatile Boolean postgres;

    Deliveries(JdbcClient jdbc, JdbcTemplate batch, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Queues the alert for every active subscriber of its districts, or of the whole city, on each
     * of their channels. Subscribers of an affected district come first (priority 0). An alert
     * already queued (its event handed over again) is left as it is: its rows are queued in one
     * transaction, so either all of them are there or none.
     */
    int queueOnce(Alert alert) {
        if (!firstQueueing(alert.id())) {
            return 0;
        }
        List<String> districts = List.copyOf(alert.districts());
        String inDistrict = inDistrict(districts.size());
        // one due time for every channel, so that claims take mail, webhooks and pushes together, in
        // subscription order, rather than every webhook after the last mail
        Timestamp due = Timestamp.from(now());
        int queued = 0;
        for (Channel channel : Channel.values()) {
            List<Object> args = new ArrayList<>(List.of(Item.ALERT.name(), alert.id(), channel.name()));
            args.addAll(districts);
            args.add(due);
            args.addAll(districts);
            queued += jdbc.sql(INSERT + "SELECT ?, ?, s.id, ?, CASE WHEN " + inDistrict + " THEN 0 ELSE 1 END, 'PENDING', 0, ? "
                            + "FROM alerts.subscription s WHERE s.status = 'ACTIVE' AND " + channel.subscribed
                            + " AND (s.whole_city OR " + inDistrict + ")")
                    .params(args)
                    .update();
        }
        refreshStatisticsAfter(queued);
        return queued;
    }

    /**
     * Queues the notice, once, for the active subscribers who chose its category and whose place it
     * concerns, after every alert (priority 2).
     */
    int queueOnce(Notice notice) {
        if (!firstQueueing(notice.id())) {
            return 0;
        }
        List<String> districts = List.copyOf(notice.districts());
        String where = notice.wholeCity() ? "" : " AND (s.whole_city OR " + inDistrict(districts.size()) + ")";
        Timestamp due = Timestamp.from(now());
        int queued = 0;
        for (Channel channel : Channel.values()) {
            List<Object> args = new ArrayList<>(List.of(Item.NOTICE.name(), notice.id(), channel.name(), due,
                    notice.category().name()));
            args.addAll(districts);
            queued += jdbc.sql(INSERT + "SELECT ?, ?, s.id, ?, 2, 'PENDING', 0, ? FROM alerts.subscription s "
                            + "WHERE s.status = 'ACTIVE' AND " + channel.subscribed + " AND EXISTS (SELECT 1 FROM "
                            + "alerts.subscription_category c WHERE c.subscription_id = s.id AND c.category = ?)" + where)
                    .params(args)
                    .update();
        }
        refreshStatisticsAfter(queued);
        return queued;
    }

    /**
     * Records, in the queueing's transaction, that the item is being queued; false if it was
     * queued before, by this node or another (the insert waits for a concurrent one to commit).
     * Existing delivery rows cannot tell that: an item that reached no subscriber has none.
     */
    private boolean firstQueueing(UUID itemId) {
        return jdbc.sql("INSERT INTO alerts.delivery_queued (item_id, queued_at) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(itemId, Timestamp.from(now())).update() == 1;
    }

    /**
     * Fresh statistics for the claim's plan after a large fan-out: without them PostgreSQL takes the
     * queued rows for a handful and sorts them all at every claim (seconds each at 250,000) instead
     * of reading the first batch from the delivery_claim index. ANALYZE counts this transaction's own
     * rows; if the database user does not own the table, PostgreSQL skips it with a warning.
     */
    private void refreshStatisticsAfter(int queued) {
        if (queued >= ANALYZE_FROM && onPostgres()) {
            jdbc.sql("ANALYZE alerts.delivery").update();
        }
    }

    private boolean onPostgres() {
        Boolean known = postgres;
        if (known == null) {
            known = "PostgreSQL".equals(batch.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName()));
            postgres = known;
        }
        return known;
    }

    /** What is still waiting for an item that was withdrawn is not sent any more. */
    int drop(UUID itemId) {
        return jdbc.sql("DELETE FROM alerts.delivery WHERE item_id = ? AND state = 'PENDING'").param(itemId).update();
    }

    private static final String INSERT = "INSERT INTO alerts.delivery (item_kind, item_id, subscription_id, channel, priority, "
            + "state, attempts, next_attempt_at) ";

    private static String inDistrict(int districts) {
        return "EXISTS (SELECT 1 FROM alerts.subscription_district sd WHERE sd.subscription_id = s.id AND sd.district IN ("
                + String.join(", ", Collections.nCopies(districts, "?")) + "))";
    }

    /**
     * Claims up to {@code limit} due deliveries for this worker until {@code lease} has passed, in
     * one short transaction. Rows another worker is claiming right now are skipped (SKIP LOCKED),
     * a live claim is respected, and a lapsed one (its worker died) is taken over.
     */
    List<Due> claim(String worker, int limit, Duration lease) {
        Instant now = now();
        return transaction.execute(status -> {
            List<Due> due = jdbc.sql("SELECT d.item_id, d.subscription_id, d.channel, d.item_kind, d.attempts, s.language, "
                            + "CASE d.channel WHEN 'EMAIL' THEN s.email_sealed WHEN 'WEBHOOK' THEN s.webhook_url_sealed "
                            + "ELSE s.push_endpoint_sealed END, "
                            + "CASE d.channel WHEN 'WEBHOOK' THEN s.webhook_secret_sealed WHEN 'PUSH' THEN s.push_keys_sealed END, "
                            + "s.hard_bounces "
                            + "FROM alerts.delivery d "
                            + "JOIN alerts.subscription s ON s.id = d.subscription_id "
                            + "WHERE d.state = 'PENDING' AND s.status = 'ACTIVE' AND d.next_attempt_at <= ? "
                            + "AND (d.claimed_until IS NULL OR d.claimed_until < ?) "
                            + "ORDER BY d.priority, d.next_attempt_at, d.item_id, d.subscription_id LIMIT ? FOR UPDATE SKIP LOCKED")
                    .params(Timestamp.from(now), Timestamp.from(now), limit)
                    .query((rs, n) -> new Due(new Key(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            Channel.valueOf(rs.getString(3))), Item.valueOf(rs.getString(4)), rs.getInt(5), rs.getString(6),
                            rs.getString(7), rs.getString(8), rs.getInt(9) > 0))
                    .list();
            forEachGroup(due.stream().map(Due::key).toList(), (where, keys) -> {
                List<Object> args = new ArrayList<>(List.of(worker, Timestamp.from(now.plus(lease))));
                args.addAll(keys);
                jdbc.sql("UPDATE alerts.delivery SET claimed_by = ?, claimed_until = ? WHERE " + where).params(args).update();
            });
            return due;
        });
    }

    /** Extends this worker's claim on these deliveries while it is still sending them. */
    void renew(String worker, List<Key> keys, Duration lease) {
        Timestamp until = Timestamp.from(now().plus(lease));
        forEachGroup(keys, (where, args) -> {
            List<Object> all = new ArrayList<>(List.of(until, worker));
            all.addAll(args);
            jdbc.sql("UPDATE alerts.delivery SET claimed_until = ? WHERE claimed_by = ? AND state = 'PENDING' AND " + where)
                    .params(all).update();
        });
    }

    /** Writes what became of a batch in one go. */
    void record(List<Result> results) {
        Instant now = now();
        List<Key> sent = new ArrayList<>();
        List<Object[]> failed = new ArrayList<>();
        List<Object[]> again = new ArrayList<>();
        for (Result result : results) {
            Key key = result.due().key();
            int attempts = result.due().attempts() + 1;
            switch (result.outcome()) {
                case SENT -> sent.add(key);
                case REFUSED -> failed.add(new Object[] {attempts, result.reason(), key.itemId(), key.subscriptionId(), key.channel().name()});
                case RETRY -> {
                    if (attempts >= MAX_ATTEMPTS) {
                        failed.add(new Object[] {attempts, result.reason(), key.itemId(), key.subscriptionId(), key.channel().name()});
                    } else {
                        again.add(new Object[] {attempts, result.reason(), Timestamp.from(now.plus(backoff(attempts))),
                                key.itemId(), key.subscriptionId(), key.channel().name()});
                    }
                }
            }
        }
        String where = " WHERE item_id = ? AND subscription_id = ? AND channel = ?";
        forEachGroup(sent, (condition, keys) -> {
            List<Object> args = new ArrayList<>(List.of(Timestamp.from(now)));
            args.addAll(keys);
            jdbc.sql("UPDATE alerts.delivery SET state = 'SENT', attempts = attempts + 1, sent_at = ?, last_error = NULL, "
                    + "claimed_by = NULL, claimed_until = NULL WHERE " + condition).params(args).update();
        });
        batch.batchUpdate("UPDATE alerts.delivery SET state = 'FAILED', attempts = ?, last_error = ?, "
                + "claimed_by = NULL, claimed_until = NULL" + where, failed);
        batch.batchUpdate("UPDATE alerts.delivery SET attempts = ?, last_error = ?, next_attempt_at = ?, "
                + "claimed_by = NULL, claimed_until = NULL" + where, again);
        results.stream()
                .filter(r -> r.outcome() == OutgoingMail.Outcome.Result.REFUSED && r.due().key().channel() == Channel.EMAIL)
                .forEach(r -> countHardBounce(r.due().key().subscriptionId()));
        // bounces count while they come one after another: a mail delivered since starts the count again
        results.stream()
                .filter(r -> r.outcome() == OutgoingMail.Outcome.Result.SENT && r.due().key().channel() == Channel.EMAIL
                        && r.due().bounced())
                .forEach(r -> jdbc.sql("UPDATE alerts.subscription SET hard_bounces = 0 WHERE id = ?")
                        .param(r.due().key().subscriptionId()).update());
        results.stream()
                .filter(r -> r.due().key().channel() != Channel.EMAIL && GONE.equals(r.reason()))
                .forEach(r -> forgetEndpoint(r.due().key().subscriptionId(), r.due().key().channel()));
    }

    /**
     * The push service or the webhook's receiver said the endpoint is gone for good (HTTP 410, or
     * 404 from a push service: RFC 8030, Standard Webhooks): that channel is forgotten, and a
     * subscription left with no way to reach anyone is deleted.
     */
    private void forgetEndpoint(UUID subscription, Channel channel) {
        jdbc.sql(channel == Channel.PUSH
                        ? "UPDATE alerts.subscription SET push_endpoint_hash = NULL, push_endpoint_sealed = NULL, push_keys_sealed = NULL "
                                + "WHERE id = ?"
                        : "UPDATE alerts.subscription SET webhook_url_sealed = NULL, webhook_secret_sealed = NULL WHERE id = ?")
                .param(subscription).update();
        endSubscriptions("id = ? AND NOT (by_email AND email_sealed IS NOT NULL) "
                + "AND webhook_url_sealed IS NULL AND push_endpoint_sealed IS NULL", subscription);
    }

    /**
     * Deletes the subscriptions that meet a condition on {@code alerts.subscription}, keeping the
     * record of what was delivered to them: what had not been sent yet fails as {@link #UNSUBSCRIBED}.
     */
    public int endSubscriptions(String condition, Object... args) {
        List<Object> all = new ArrayList<>(List.of(UNSUBSCRIBED));
        all.addAll(List.of(args));
        jdbc.sql("UPDATE alerts.delivery SET state = 'FAILED', last_error = ?, claimed_by = NULL, claimed_until = NULL "
                + "WHERE state = 'PENDING' AND subscription_id IN (SELECT id FROM alerts.subscription WHERE " + condition + ")")
                .params(all).update();
        return jdbc.sql("DELETE FROM alerts.subscription WHERE " + condition).params(List.of(args)).update();
    }

    /** An address the mail server refused for good, again and again, is not written to any more. */
    private void countHardBounce(UUID subscription) {
        jdbc.sql("UPDATE alerts.subscription SET hard_bounces = hard_bounces + 1 WHERE id = ?").param(subscription).update();
        int disabled = jdbc.sql("UPDATE alerts.subscription SET status = 'DISABLED' WHERE id = ? AND hard_bounces >= ?")
                .params(subscription, HARD_BOUNCE_LIMIT).update();
        if (disabled > 0) {
            jdbc.sql("UPDATE alerts.delivery SET state = 'FAILED', last_error = 'address-disabled' "
                    + "WHERE subscription_id = ? AND state = 'PENDING'").param(subscription).update();
        }
    }

    /**
     * The keys grouped by item and channel, each group as the condition "item_id = ? AND channel = ?
     * AND subscription_id IN (?, ...)" with its arguments: the database finds those rows through the
     * primary key whatever its statistics say, where a list of (item, subscription, channel) rows can
     * make it read the whole table and test every row against every key.
     */
    private static void forEachGroup(List<Key> keys, BiConsumer<String, List<Object>> statement) {
        Map<List<Object>, List<Object>> groups = new LinkedHashMap<>();
        for (Key key : keys) {
            groups.computeIfAbsent(List.of(key.itemId(), key.channel().name()), group -> new ArrayList<>(group))
                    .add(key.subscriptionId());
        }
        groups.values().forEach(args -> statement.accept("item_id = ? AND channel = ? AND subscription_id IN ("
                + String.join(", ", Collections.nCopies(args.size() - 2, "?")) + ")", args));
    }

    /** Whole milliseconds: what every database keeps exactly, so that "due now" is due now. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** 30 s, 1 min, 2 min, … up to an hour between tries. */
    static Duration backoff(int attempts) {
        return Duration.ofSeconds(Math.min(3600, 30L << Math.min(attempts - 1, 7)));
    }

    /** Sent, failed and pending deliveries of an alert or notice, per channel. */
    public Map<Channel, Progress> progress(UUID itemId) {
        Map<Channel, Progress> progress = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            progress.put(channel, new Progress(0, 0, 0));
        }
        jdbc.sql("SELECT channel, state, COUNT(*) FROM alerts.delivery WHERE item_id = ? GROUP BY channel, state")
                .param(itemId)
                .query(rs -> {
                    Channel channel = Channel.valueOf(rs.getString(1));
                    progress.put(channel, progress.get(channel).plus(rs.getString(2), rs.getInt(3)));
                });
        return progress;
    }

    /** The reasons deliveries of an alert or notice failed or are being retried, with how many each. */
    public List<FailureReason> failures(UUID itemId) {
        return jdbc.sql("SELECT channel, state, last_error, COUNT(*) FROM alerts.delivery WHERE item_id = ? "
                        + "AND last_error IS NOT NULL GROUP BY channel, state, last_error ORDER BY 4 DESC")
                .param(itemId)
                .query((rs, n) -> new FailureReason(Channel.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getInt(4)))
                .list();
    }

    public enum Channel {
        EMAIL("s.by_email"), WEBHOOK("s.webhook_url_sealed IS NOT NULL"), PUSH("s.push_endpoint_sealed IS NOT NULL");

        private final String subscribed;

        Channel(String subscribed) {
            this.subscribed = subscribed;
        }
    }

    /** What is delivered: an emergency alert or a daily notice. */
    public enum Item { ALERT, NOTICE }

    /** The idempotency key of one delivery. */
    public record Key(UUID itemId, UUID subscriptionId, Channel channel) {

        /** As it travels with the message (webhook-id, the local part of the Message-ID). */
        public String text() {
            return "msg_" + itemId + "_" + subscriptionId + "_" + channel.name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A claimed delivery with what sending it needs from the subscription: the channel's address
     * (mail address, webhook URL or push endpoint) and its secret (the webhook's signing secret or
     * the browser's push keys), both sealed.
     *
     * @param bounced whether the subscriber's mail address has bounced since its last delivered mail
     */
    record Due(Key key, Item item, int attempts, String language, String addressSealed, String secretSealed, boolean bounced) {
    }

    record Result(Due due, OutgoingMail.Outcome.Result outcome, String reason) {
    }

    public record Progress(int sent, int failed, int pending) {

        Progress plus(String state, int count) {
            return switch (state) {
                case "SENT" -> new Progress(sent + count, failed, pending);
                case "FAILED" -> new Progress(sent, failed + count, pending);
                default -> new Progress(sent, failed, pending + count);
            };
        }

        public int total() {
            return sent + failed + pending;
        }
    }

    public record FailureReason(Channel channel, String state, String reason, int count) {

        /** The message explaining the reason to staff; where no bundle has it, the page shows the reason alone. */
        public String explanationKey() {
            return "staffAlerts.reason." + (reason == null ? "unknown" : reason.startsWith("HTTP ") ? "http" : reason);
        }
    }
}
