package org.machi.shared.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.local.LocalBucketBuilder;
import java.time.Duration;

/**
 * Buckets in this node's memory, for the embedded single-node database. Bounded in number; a
 * bucket left alone for its limit's period is full again, and is dropped then.
 */
final class MemoryBuckets implements Buckets {

    private record Held(Bucket bucket, Duration per) {
    }

    private final Cache<String, Held> buckets = Caffeine.newBuilder()
            .maximumSize(500_000)
            .expireAfter(new Expiry<String, Held>() {
                @Override
                public long expireAfterCreate(String id, Held held, long now) {
                    return held.per().toNanos();
                }

                @Override
                public long expireAfterUpdate(String id, Held held, long now, long remaining) {
                    return held.per().toNanos();
                }

                @Override
                public long expireAfterRead(String id, Held held, long now, long remaining) {
                    return held.per().toNanos();
                }
            })
            .build();

    @Override
    public Bucket bucket(String id, BucketConfiguration configuration, Duration per) {
        return buckets.get(id, key -> {
            LocalBucketBuilder builder = Bucket.builder();
            for (Bandwidth bandwidth : configuration.getBandwidths()) {
                builder.addLimit(bandwidth);
            }
            return new Held(builder.build(), per);
        }).bucket();
    }

    @Override
    public void removeStartingWith(String idPrefix) {
        buckets.asMap().keySet().removeIf(id -> id.startsWith(idPrefix));
    }

    /** Caffeine drops buckets whose period passed by itself; this only runs its pending upkeep. */
    @Override
    public int forgetFull() {
        buckets.cleanUp();
        return 0;
    }
}
