package org.machi.identity.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits guesses of the second factor (app codes and recovery codes alike) per account and per
 * session: with a million codes and a few guesses a quarter of an hour, a stolen password alone
 * no longer gets in. A throttled attempt is not checked at all. Buckets live in this node's memory.
 */
@Component
class SecondFactorThrottle {

    private final Cache<UUID, Bucket> byAccount;
    private final Cache<String, Bucket> bySession;
    private final int attempts;
    private final Duration window;

    SecondFactorThrottle(@Value("${machi.identity.second-factor.attempts:5}") int attempts,
                         @Value("${machi.identity.second-factor.window:15m}") Duration window) {
        this.attempts = attempts;
        this.window = window;
        this.byAccount = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(window).build();
        this.bySession = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(window).build();
    }

    /** Takes one attempt for the account and the session; false when either has none left. */
    boolean allow(UUID account, String session) {
        boolean accountAllowed = bucket(byAccount, account).tryConsume(1);
        boolean sessionAllowed = bucket(bySession, session).tryConsume(1);
        return accountAllowed && sessionAllowed;
    }

    private <K> Bucket bucket(Cache<K, Bucket> buckets, K key) {
        return buckets.get(key, k -> Bucket.builder().addLimit(limit -> limit.capacity(attempts).refillGreedy(attempts, window)).build());
    }
}
