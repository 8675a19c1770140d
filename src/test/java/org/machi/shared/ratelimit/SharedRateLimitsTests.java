package org.machi.shared.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.machi.shared.DataProtection;
import org.machi.shared.RateLimits;
import org.machi.shared.RateLimits.Limit;
import org.machi.testing.OnPostgres;
import org.machi.testing.RequiresPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * On PostgreSQL the budgets are in the database: two limiters made separately, as two nodes make
 * theirs, draw on one budget, and an unlock on one is seen by the other.
 */
@RequiresPostgres
class SharedRateLimitsTests extends OnPostgres {

    @Autowired
    DataSource dataSource;

    @Autowired
    DataProtection protection;

    @Autowired
    RateLimits applicationLimits;

    @Autowired
    JdbcClient jdbc;

    private RateLimits node() {
        return new BucketRateLimits(new DatabaseBuckets(dataSource), protection);
    }

    @Test
    void twoNodesDrawOnOneBudget() {
        RateLimits nodeA = node();
        RateLimits nodeB = node();
        Limit limit = new Limit("test.two-nodes", 3, Duration.ofHours(1));
        String client = "203.0.113." + UUID.randomUUID().hashCode();

        assertThat(nodeA.tryTake(limit, client)).isTrue();
        assertThat(nodeB.tryTake(limit, client)).isTrue();
        assertThat(nodeA.tryTake(limit, client)).isTrue();
        assertThat(nodeB.tryTake(limit, client)).as("three in all, whichever node counted them").isFalse();
        assertThat(nodeA.tryTake(limit, client)).isFalse();
        assertThat(nodeA.tryTake(limit, "198.51.100.7")).as("another key has its own budget").isTrue();
    }

    @Test
    void anUnlockOnOneNodeFreesTheNameEverywhereFromEveryClient() {
        RateLimits nodeA = node();
        RateLimits nodeB = node();
        Limit limit = new Limit("test.unlock", 1, Duration.ofHours(1));
        String name = "staff-" + UUID.randomUUID();
        assertThat(nodeA.tryTake(limit, name, "203.0.113.9")).isTrue();
        assertThat(nodeA.tryTake(limit, name, "198.51.100.7")).isTrue();
        assertThat(nodeB.tryTake(limit, name, "203.0.113.9")).isFalse();
        assertThat(nodeB.tryTake(limit, "someone-else", "203.0.113.9")).isTrue();

        nodeB.reset(limit, name);

        assertThat(nodeA.tryTake(limit, name, "203.0.113.9")).isTrue();
        assertThat(nodeA.tryTake(limit, name, "198.51.100.7")).isTrue();
        assertThat(nodeA.tryTake(limit, "someone-else", "203.0.113.9")).as("another name stays counted").isFalse();
    }

    @Test
    void theApplicationKeepsItsBudgetsInTheDatabaseUnderHashesOnly() {
        String address = "hanako-" + UUID.randomUUID() + "@example.jp";
        applicationLimits.tryTake(new Limit("test.hashes-only", 5, Duration.ofHours(1)), address, "203.0.113.9");

        var ids = jdbc.sql("SELECT id FROM shared.rate_limit_bucket WHERE id LIKE 'test.hashes-only/%'").query(String.class).list();
        assertThat(ids).hasSize(1);
        assertThat(ids.get(0)).doesNotContain(address).doesNotContain("203.0.113.9")
                .contains(protection.lookupHash(address));
    }

    @Test
    void pacingWaitsForTheSharedBudget() {
        RateLimits nodeA = node();
        RateLimits nodeB = node();
        Limit limit = new Limit("test.pacing-" + UUID.randomUUID().toString().substring(0, 8), 2, Duration.ofSeconds(4));
        nodeA.take(limit, 2, "all");
        long started = System.nanoTime();
        nodeB.take(limit, 1, "all");
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("node B waits for what node A spent: two seconds for one at two per four seconds")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void fullBucketsAreForgottenSoTheTableDoesNotGrow() throws InterruptedException {
        DatabaseBuckets buckets = new DatabaseBuckets(dataSource);
        RateLimits node = new BucketRateLimits(buckets, protection);
        Limit limit = new Limit("test.forgotten", 1, Duration.ofMillis(200));
        for (int i = 0; i < 5; i++) {
            node.tryTake(limit, "client-" + i);
        }
        Limit counting = new Limit("test.still-counting", 1, Duration.ofHours(1));
        node.tryTake(counting, "client");
        assertThat(rows("test.forgotten/%")).isEqualTo(5);

        Thread.sleep(400);
        buckets.forgetFull();

        assertThat(rows("test.forgotten/%")).as("full again, so gone").isZero();
        assertThat(rows("test.still-counting/%")).as("still counting, so kept").isEqualTo(1);
    }

    private long rows(String pattern) {
        return jdbc.sql("SELECT count(*) FROM shared.rate_limit_bucket WHERE id LIKE :pattern").param("pattern", pattern)
                .query(Long.class).single();
    }
}
