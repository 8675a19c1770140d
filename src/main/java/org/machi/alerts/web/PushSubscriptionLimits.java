package org.machi.alerts.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import org.machi.shared.DataProtection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many browser push subscriptions one client address may make in a while. They are active at
 * once, without a confirmation (the browser asked its owner), so without a bound one client could
 * fill the subscription table and the fan-out of every alert. Buckets live in this node's memory,
 * bounded in size, keyed by a hash of the address, as {@link SubscriptionLimits} does.
 */
@Component
class PushSubscriptionLimits {

    private final Cache<String, Bucket> byClient;
    private final int perClient;
    private final Duration window;
    private final DataProtection protection;

    PushSubscriptionLimits(@Value("${machi.alerts.push.subscriptions-per-client:20}") int perClient,
                           @Value("${machi.alerts.push.subscriptions-window:1d}") Duration window, DataProtection protection) {
        this.perClient = perClient;
        this.window = window;
        this.protection = protection;
        this.byClient = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(window).build();
    }

    /** Whether this client may subscribe one more browser now; counts it if so. */
    boolean allowSubscription(String clientAddress) {
        return byClient.get(protection.lookupHash("push " + clientAddress),
                k -> Bucket.builder().addLimit(limit -> limit.capacity(perClient).refillGreedy(perClient, window)).build()).tryConsume(1);
    }
}
