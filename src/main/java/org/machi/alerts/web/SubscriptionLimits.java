package org.machi.alerts.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Locale;
import org.machi.shared.DataProtection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How often anyone may ask to subscribe: per client address (forms and browsers alike), and per
 * mail address, so that the form cannot be used to flood someone's mailbox with confirmation
 * mails. Buckets live in this node's memory, bounded in size, keyed by hashes (no address is kept).
 */
@Component
class SubscriptionLimits {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);

    private final Cache<String, Bucket> byClient = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(HOUR).build();
    private final Cache<String, Bucket> byMail = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(DAY).build();
    private final int perClientPerHour;
    private final int perMailPerDay;
    private final DataProtection protection;

    SubscriptionLimits(@Value("${machi.alerts.subscribe.requests-per-address:20}") int perClientPerHour,
                       @Value("${machi.alerts.subscribe.mails-per-address:3}") int perMailPerDay, DataProtection protection) {
        this.perClientPerHour = perClientPerHour;
        this.perMailPerDay = perMailPerDay;
        this.protection = protection;
    }

    /** Whether this client may make one more request now; counts it if so. */
    boolean allowClient(String clientAddress) {
        return bucket(byClient, clientAddress, perClientPerHour, HOUR).tryConsume(1);
    }

    /** Whether one more confirmation mail may go to this address today; counts it if so. */
    boolean allowMail(String email) {
        return bucket(byMail, protection.lookupHash(email.strip().toLowerCase(Locale.ROOT)), perMailPerDay, DAY).tryConsume(1);
    }

    private static Bucket bucket(Cache<String, Bucket> buckets, String key, int allowed, Duration window) {
        return buckets.get(key, k -> Bucket.builder().addLimit(limit -> limit.capacity(allowed).refillGreedy(allowed, window)).build());
    }
}
