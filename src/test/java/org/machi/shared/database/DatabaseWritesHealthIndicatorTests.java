package org.machi.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;

/** Readiness goes DOWN when the database still answers reads but refuses writes. */
class DatabaseWritesHealthIndicatorTests {

    private static final Path DIRECTORY = Path.of("target/test-data/write-probe");
    private static final String URL = "jdbc:h2:file:" + DIRECTORY.toAbsolutePath() + "/machi;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";

    @Test
    void aDatabaseThatTakesWritesIsUpAndOneThatOnlyReadsIsDown() {
        FileSystemUtils.deleteRecursively(DIRECTORY.toFile());
        SimpleDriverDataSource writable = new SimpleDriverDataSource(new org.h2.Driver(), URL, "sa", "");
        Flyway.configure().dataSource(writable).locations("classpath:db/migration/shared").schemas("shared").load().migrate();

        assertThat(probe(writable).getStatus()).isEqualTo(Status.UP);
        assertThat(JdbcClient.create(writable).sql("SELECT COUNT(*) FROM shared.write_probe").query(Long.class).single())
                .as("the probe leaves nothing behind").isZero();

        SimpleDriverDataSource readOnly = new SimpleDriverDataSource(new org.h2.Driver(), URL + ";ACCESS_MODE_DATA=r", "sa", "");
        assertThat(JdbcClient.create(readOnly).sql("SELECT COUNT(*) FROM shared.installation").query(Long.class).single())
                .as("reads still work").isZero();
        Health health = probe(readOnly);
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsKey("error");
    }

    private static Health probe(SimpleDriverDataSource database) {
        return new DatabaseWritesHealthIndicator(JdbcClient.create(database),
                new TransactionTemplate(new DataSourceTransactionManager(database)), Clock.systemUTC()).health();
    }
}
