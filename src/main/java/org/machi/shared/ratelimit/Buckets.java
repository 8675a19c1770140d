package org.machi.shared.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;

/** Where the buckets of every limit are kept: this node's memory, or the database all nodes share. */
interface Buckets {

    /** The bucket of this id, made with this configuration if there is none; {@code per} is the limit's period. */
    Bucket bucket(String id, BucketConfiguration configuration, Duration per);

    /** Removes every bucket whose id starts so: its next use starts full. */
    void removeStartingWith(String idPrefix);

    /** Removes buckets that are full again (and so need not be kept); returns how many. */
    int forgetFull();
}
