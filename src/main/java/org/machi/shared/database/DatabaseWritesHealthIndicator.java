package org.machi.shared.database;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Whether the database takes writes, not only reads: a row is written and rolled back. Part of
 * readiness ({@code /readyz}), so a node that can only read is taken out of service.
 */
@Component("databaseWrites")
class DatabaseWritesHealthIndicator implements HealthIndicator {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DatabaseWritesHealthIndicator(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Health health() {
        try {
            transactions.executeWithoutResult(transaction -> {
                jdbc.sql("INSERT INTO shared.write_probe (id, outcome, probed_at) VALUES (:id, 'WRITTEN', :now)")
                        .param("id", UUID.randomUUID())
                        .param("now", Timestamp.from(clock.instant()))
                        .update();
                transaction.setRollbackOnly();
            });
            return Health.up().build();
        } catch (DataAccessException | TransactionException refused) {
            // the kind of failure only: the message may name tables, values or the database's address
            Throwable cause = NestedExceptionUtils.getMostSpecificCause(refused);
            return Health.down().withDetail("error", cause.getClass().getSimpleName()).build();
        }
    }
}
