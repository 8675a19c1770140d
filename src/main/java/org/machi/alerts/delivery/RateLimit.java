package org.machi.alerts.delivery;

import java.time.Duration;
import org.machi.shared.RateLimits;
import org.machi.shared.RateLimits.Limit;

/**
 * A channel's limit of messages per second, waited for rather than refused. The budget is the
 * shared {@link RateLimits}: on PostgreSQL all nodes together stay within it, each waiting for its
 * share (the wait is reserved in the shared bucket, then slept on this node).
 */
final class RateLimit {

    private static final String WHOLE_CHANNEL = "all";

    private final RateLimits rates;
    private final Limit limit;

    RateLimit(RateLimits rates, String channel, int perSecond) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("a rate limit must allow at least one message per second");
        }
        this.rates = rates;
        this.limit = new Limit("alerts.delivery." + channel, perSecond, Duration.ofSeconds(1));
    }

    /** Waits until this many messages may go; more than a second's allowance is taken in parts. */
    void take(int messages) {
        rates.take(limit, messages, WHOLE_CHANNEL);
    }
}
