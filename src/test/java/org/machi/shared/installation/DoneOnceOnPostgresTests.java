package org.machi.shared.installation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.machi.testing.RequiresPostgres;
import org.machi.testing.TestPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Start-up work that two nodes starting together on PostgreSQL would both do: done by one of them. */
@RequiresPostgres
class DoneOnceOnPostgresTests {

    String url;
    DriverManagerDataSource database;
    DoneOnceRecords once;

    @BeforeEach
    void emptyDatabase() {
        url = TestPostgres.anotherDatabaseUrl();
        database = new DriverManagerDataSource(url, TestPostgres.user(), TestPostgres.password());
        Flyway.configure().dataSource(database).locations("classpath:db/migration/shared").schemas("shared").load().migrate();
        once = new DoneOnceRecords(JdbcClient.create(database), new DataSourceTransactionManager(database), Clock.systemUTC());
    }

    @Test
    void aNodeThatComesWhileAnotherDoesTheWorkWaitsAndThenDoesNothing() throws Exception {
        AtomicInteger done = new AtomicInteger();
        try (Connection otherNode = DriverManager.getConnection(url, TestPostgres.user(), TestPostgres.password())) {
            otherNode.setAutoCommit(false);
            otherNode.createStatement().executeUpdate("INSERT INTO shared.done_once (name, done_at) VALUES ('first-administrator', now())");
            CompletableFuture<Boolean> thisNode = CompletableFuture.supplyAsync(() -> once.run("first-administrator", done::incrementAndGet));
            awaitWaitingForTheLock();
            otherNode.commit();

            assertThat(thisNode.get(10, TimeUnit.SECONDS)).isFalse();
        }
        assertThat(done).as("the other node did it").hasValue(0);
        assertThat(once.run("first-administrator", done::incrementAndGet)).as("nor at a later start").isFalse();
    }

    @Test
    void whenTheOtherNodeFailsThisOneDoesTheWork() throws Exception {
        AtomicInteger done = new AtomicInteger();
        try (Connection otherNode = DriverManager.getConnection(url, TestPostgres.user(), TestPostgres.password())) {
            otherNode.setAutoCommit(false);
            otherNode.createStatement().executeUpdate("INSERT INTO shared.done_once (name, done_at) VALUES ('demo', now())");
            CompletableFuture<Boolean> thisNode = CompletableFuture.supplyAsync(() -> once.run("demo", done::incrementAndGet));
            awaitWaitingForTheLock();
            otherNode.rollback();

            assertThat(thisNode.get(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(done).hasValue(1);
    }

    @Test
    void workThatFailsLeavesNoRecordSoTheNextStartDoesItAgain() {
        assertThatThrownBy(() -> once.run("demo", () -> {
            throw new IllegalStateException("the demo file is broken");
        })).hasMessage("the demo file is broken");
        AtomicInteger done = new AtomicInteger();
        assertThat(once.run("demo", done::incrementAndGet)).isTrue();
        assertThat(once.run("demo", done::incrementAndGet)).isFalse();
        assertThat(done).hasValue(1);
    }

    private void awaitWaitingForTheLock() {
        JdbcClient jdbc = JdbcClient.create(database);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
                .query(Long.class).single() > 0);
    }
}
