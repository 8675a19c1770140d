package org.machi.shared.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import java.util.StringJoiner;
import org.machi.shared.DataProtection;
import org.machi.shared.RateLimits;

/**
 * Token buckets (Bucket4j) for {@link RateLimits}: a limit allows {@code allowed} at once and
 * refills them gradually over its period. A bucket's id is the limit's name and numbers (so a
 * changed setting starts new buckets) and a keyed hash of each key part.
 */
public final class BucketRateLimits implements RateLimits {

    private final Buckets buckets;
    private final DataProtection protection;

    BucketRateLimits(Buckets buckets, DataProtection protection) {
        this.buckets = buckets;
        this.protection = protection;
    }

    /** Buckets in this node's memory only: see {@link RateLimits#inMemory}. */
    public static RateLimits inMemory(DataProtection protection) {
        return new BucketRateLimits(new MemoryBuckets(), protection);
    }

    @Override
    public boolean tryTake(Limit limit, String... keyParts) {
        return bucket(limit, keyParts).tryConsume(1);
    }

    @Override
    public void take(Limit limit, long amount, String... keyParts) {
        Bucket bucket = bucket(limit, keyParts);
        try {
            for (long left = amount; left > 0; left -= limit.allowed()) {
                bucket.asBlocking().consume(Math.min(left, limit.allowed()));
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the rate limit " + limit.name(), interrupted);
        }
    }

    @Override
    public void reset(Limit limit, String firstKeyPart) {
        // a hash has a fixed length, so this prefix matches exactly the keys that start with this part
        buckets.removeStartingWith(prefix(limit) + protection.lookupHash(part(firstKeyPart)));
    }

    private Bucket bucket(Limit limit, String... keyParts) {
        StringJoiner id = new StringJoiner(":", prefix(limit), "");
        for (String part : keyParts) {
            id.add(protection.lookupHash(part(part)));
        }
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.allowed()).refillGreedy(limit.allowed(), limit.per()))
                .build();
        return buckets.bucket(id.toString(), configuration, limit.per());
    }

    private static String prefix(Limit limit) {
        return limit.name() + "/" + limit.allowed() + "/" + limit.per().toMillis() + ":";
    }

    private static String part(String value) {
        return value == null ? "" : value;
    }
}
