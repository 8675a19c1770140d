package org.machi.alerts.delivery;

import io.github.bucket4j.Bucket;
import java.time.Duration;

/** A channel's limit of messages per second, waited for rather than refused. */
final class RateLimit {

    private final int perSecond;
    private final Bucket bucket;

    RateLimit(int perSecond) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("a rate limit must allow at least one message per second");
        }
        this.perSecond = perSecond;
        this.bucket = Bucket.builder()
                .addLimit(limit -> limit.capacity(perSecond).refillGreedy(perSecond, Duration.ofSeconds(1)))
                .build();
    }

    /** Waits until this many messages may go; more than a second's allowance is taken in parts. */
    void take(int messages) {
        try {
            for (int left = messages; left > 0; left -= perSecond) {
                bucket.asBlocking().consume(Math.min(left, perSecond));
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the rate limit", interrupted);
        }
    }
}
