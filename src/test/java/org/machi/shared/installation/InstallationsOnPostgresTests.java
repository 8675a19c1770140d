package org.machi.shared.installation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.machi.shared.Installation;
import org.machi.testing.RequiresPostgres;
import org.machi.testing.TestPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** Two nodes starting on an empty PostgreSQL database at once: both start, one deployment is recorded. */
@RequiresPostgres
class InstallationsOnPostgresTests {

    @Test
    void aNodeThatLosesTheRaceToCreateTheDeploymentStillStarts() throws Exception {
        String url = TestPostgres.anotherDatabaseUrl();
        DriverManagerDataSource database = new DriverManagerDataSource(url, TestPostgres.user(), TestPostgres.password());
        Flyway.configure().dataSource(database).locations("classpath:db/migration/shared").schemas("shared").load().migrate();
        Installations installations = new Installations(JdbcClient.create(database), Clock.systemUTC());
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(database));

        try (Connection otherNode = DriverManager.getConnection(url, TestPostgres.user(), TestPostgres.password())) {
            otherNode.setAutoCommit(false);
            otherNode.createStatement().executeUpdate("""
                    INSERT INTO shared.installation (singleton, installation_id, first_started_at, last_started_at, starts)
                    VALUES (TRUE, gen_random_uuid(), now(), now(), 0)""");
            // this node's insert waits for the other node's transaction, then meets its row
            CompletableFuture<Installation> thisNode =
                    CompletableFuture.supplyAsync(() -> transaction.execute(t -> installations.recordStart()));
            awaitWaitingForTheLock(database);
            otherNode.commit();

            Installation recorded = thisNode.get(10, TimeUnit.SECONDS);
            assertThat(recorded.starts()).isEqualTo(1);
        }
        assertThat(JdbcClient.create(database).sql("SELECT COUNT(*) FROM shared.installation").query(Long.class).single()).isEqualTo(1);
    }

    private static void awaitWaitingForTheLock(DriverManagerDataSource database) {
        JdbcClient jdbc = JdbcClient.create(database);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
                .query(Long.class).single() > 0);
    }
}
