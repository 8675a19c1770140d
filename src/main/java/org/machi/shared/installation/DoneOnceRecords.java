package org.machi.shared.installation;

import java.sql.Timestamp;
import java.time.Clock;
import org.machi.shared.OncePerDeployment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link OncePerDeployment} with a row per piece of work in {@code shared.done_once}. The insert
 * of a row that another node has inserted but not committed waits for that node; if it commits,
 * the insert meets its row and does nothing (no duplicate-key error, which would abort the
 * transaction on PostgreSQL); if it rolls back, the insert goes through and this node does the work.
 */
@Component
class DoneOnceRecords implements OncePerDeployment {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DoneOnceRecords(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public boolean run(String name, Runnable work) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            int claimed = jdbc.sql("INSERT INTO shared.done_once (name, done_at) VALUES (:name, :now) ON CONFLICT DO NOTHING")
                    .param("name", name)
                    .param("now", Timestamp.from(clock.instant()))
                    .update();
            if (claimed == 0) {
                return false;
            }
            work.run();
            return true;
        }));
    }
}
