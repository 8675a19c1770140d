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
 * mails. The mail address is counted per client (a few a day) and overall (more): a stranger's
 * three requests no longer keep the owner of the address from subscribing for a day. Buckets live
 * in this node's memory, bounded in size, keyed by hashes (no address is kept).
 */
@Component
class SubscriptionLimits {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);

    private final Cache<String, Bucket> byClient = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(HOUR).build();
    private final Cache<String, Bucket> byMail = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(DAY).build();
    private final Cache<String, Bucket> byMailAndClient = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(DAY).build();
    private final int perClientPerHour;
    private final int perMailPerDay;
    private final int perMailAndClientPerDay;
    private final DataProtection protection;

    SubscriptionLimits(@Value("${machi.alerts.subscribe.requests-per-address:20}") int perClientPerHour,
                       @Value("${machi.alerts.subscribe.mails-per-address-and-client:3}") int perMailAndClientPerDay,
                       @Value("${machi.alerts.subscribe.mails-per-address:10}") int perMailPerDay, DataProtection protection) {
        this.perClientPerHour = perClientPerHour;
        this.perMailAndClientPerDay = perMailAndClientPerDay;
        this.perMailPerDay = perMailPerDay;
        this.protection = protection;
    }

    /** Whether this client may make one more request now; counts it if so. */
    boolean allowClient(String clientAddress) {
        return bucket(byClient, clientAddress, perClientPerHour, HOUR).tryConsume(1);
    }

    /** Whether one more confirmation mail may go to this address today, asked from this client; counts it if so. */
    boolean allowMail(String email, String clientAddress) {
        String mail = protection.lookupHash(email.strip().toLowerCase(Locale.ROOT));
        return bucket(byMailAndClient, protection.lookupHash(clientAddress + " " + mail), perMailAndClientPerDay, DAY).tryConsume(1)
                && bucket(byMail, mail, perMailPerDay, DAY).tryConsume(1);
    }

    private static Bucket bucket(Cache<String, Bucket> buckets, String key, int allowed, Duration window) {
        return buckets.get(key, k -> Bucket.builder().addLimit(limit -> limit.capacity(allowed).refillGreedy(allowed, window)).build());
    }
}
