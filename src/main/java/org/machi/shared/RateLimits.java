package org.machi.shared;

import java.time.Duration;
import org.machi.shared.ratelimit.BucketRateLimits;

/**
 * Budgets for every module: so many attempts per period, per key (a client address, a sign-in name,
 * an account, a delivery channel). On PostgreSQL the budgets live in the database, so every node of
 * a city draws on the same one; on the embedded single-node database they live in memory. A key is
 * kept only as keyed hashes of its parts, never as the address or name itself.
 */
public interface RateLimits {

    /** A named limit: {@code allowed} in every {@code per}, refilled gradually (one at a time, not all at once). */
    record Limit(String name, long allowed, Duration per) {

        public Limit {
            if (name == null || !name.matches("[a-z0-9.-]{1,60}")) {
                throw new IllegalArgumentException("a limit's name is lower-case letters, digits, dots and dashes");
            }
            if (allowed < 1) {
                throw new IllegalArgumentException("a limit must allow at least one: " + name);
            }
            if (per == null || per.isNegative() || per.isZero()) {
                throw new IllegalArgumentException("a limit needs a positive period: " + name);
            }
        }
    }

    /** Takes one from the budget of this key; false, taking nothing, when none is left. */
    boolean tryTake(Limit limit, String... keyParts);

    /** Waits until this many may go; more than one period's allowance is taken in parts. */
    void take(Limit limit, long amount, String... keyParts);

    /** Budgets in this node's memory only, as a single node keeps them (and as unit tests use them). */
    static RateLimits inMemory(DataProtection protection) {
        return BucketRateLimits.inMemory(protection);
    }

    /** Gives back the whole budget of every key whose first part is this one (a name, from every client). */
    void reset(Limit limit, String firstKeyPart);
}
