package org.machi.shared.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.machi.testing.RequiresPostgres;
import org.machi.testing.TestPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two nodes creating the event publication table on an empty PostgreSQL database at the same
 * moment: both succeed. (Run without the lock, about every second round fails: PostgreSQL's
 * CREATE TABLE IF NOT EXISTS is not safe against itself.)
 */
@RequiresPostgres
class EventPublicationTableOnPostgresTests {

    private static final int ROUNDS = 8;

    @Test
    void twoNodesCreatingTheTableTogetherBothStart() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            DriverManagerDataSource database = new DriverManagerDataSource(TestPostgres.anotherDatabaseUrl(), TestPostgres.user(),
                    TestPostgres.password());
            CyclicBarrier together = new CyclicBarrier(2);
            List<CompletableFuture<Void>> nodes = Stream.generate(() -> CompletableFuture.runAsync(() -> {
                try {
                    together.await(10, TimeUnit.SECONDS);
                    new EventPublicationTable(database).afterPropertiesSet();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            })).limit(2).toList();
            CompletableFuture.allOf(nodes.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

            assertThat(JdbcClient.create(database).sql("SELECT COUNT(*) FROM event_publication").query(Long.class).single()).isZero();
        }
    }
}
