package org.machi.shared.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Buckets in PostgreSQL (Bucket4j's integration, a row locked with SELECT ... FOR UPDATE while a
 * bucket is used), so that every node of a city counts against the same budget. Each row says
 * when its bucket is full again; {@link #forgetFull} deletes those rows, so the table holds only
 * the budgets in use. The nodes' clocks must agree (NTP), as the buckets are refilled by them.
 */
final class DatabaseBuckets implements Buckets {

    static final String TABLE = "shared.rate_limit_bucket";
    private static final int CLEANUP_BATCH = 1000;

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> proxies;
    private final JdbcTemplate jdbc;

    DatabaseBuckets(DataSource dataSource) {
        this.proxies = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE)
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .build();
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public Bucket bucket(String id, BucketConfiguration configuration, Duration per) {
        return proxies.builder().build(id, () -> configuration);
    }

    @Override
    public void removeStartingWith(String idPrefix) {
        // ids are made of [a-z0-9.:/-] only, so the prefix holds no LIKE wildcard
        jdbc.update("DELETE FROM " + TABLE + " WHERE id LIKE ?", idPrefix + "%");
    }

    @Override
    public int forgetFull() {
        int forgotten = 0;
        int batch;
        do {
            batch = proxies.removeExpired(CLEANUP_BATCH);
            forgotten += batch;
        } while (batch == CLEANUP_BATCH);
        return forgotten;
    }
}
