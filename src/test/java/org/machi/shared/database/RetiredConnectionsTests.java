package org.machi.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.FileSystemUtils;

/**
 * The embedded database keeps accepting writes after the pool retires the connection the
 * migrations ran on. H2 2.4.240 tied each {@code CHECK (col IN (…))} constraint to the session that
 * created it, so from the first retirement (about 25 minutes after a start, Hikari's lifetime
 * less its jitter) every write to such a table failed with "Check constraint invalid" until a
 * restart, while reads went on working.
 */
class RetiredConnectionsTests {

    private static final Path DIRECTORY = Path.of("target/test-data/retired-connections");
    private static final String URL = "jdbc:h2:file:" + DIRECTORY.toAbsolutePath() + "/machi"
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    /** One write per table with a CHECK constraint; each row satisfies every constraint of its table. */
    private static final Map<String, List<String>> WRITES = new LinkedHashMap<>();

    static {
        WRITES.put("shared.installation", List.of("""
                INSERT INTO shared.installation (singleton, installation_id, first_started_at, last_started_at, starts)
                VALUES (TRUE, RANDOM_UUID(), CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)"""));
        WRITES.put("shared.write_probe", List.of("""
                INSERT INTO shared.write_probe (id, outcome, probed_at) VALUES (RANDOM_UUID(), 'WRITTEN', CURRENT_TIMESTAMP)"""));
        WRITES.put("audit.chain_head", List.of("UPDATE audit.chain_head SET last_seq = last_seq + 1"));
        WRITES.put("identity.account", List.of("""
                INSERT INTO identity.account (id, kind, login_hash, login_sealed, password_must_change, assurance, status,
                                              created_at, version)
                VALUES (RANDOM_UUID(), 'STAFF', 'hash', 'sealed', FALSE, 'SELF_ASSERTED', 'ACTIVE', CURRENT_TIMESTAMP, 0)"""));
        WRITES.put("alerts.alert", List.of("""
                INSERT INTO alerts.alert (id, msg_type, kind, exercise, urgency, severity, certainty, shelters, effective,
                                          author, state, created_at, version)
                VALUES (RANDOM_UUID(), 'ALERT', 'EXERCISE', TRUE, 'FUTURE', 'MINOR', 'UNLIKELY', '', CURRENT_TIMESTAMP,
                        'author', 'DRAFT', CURRENT_TIMESTAMP, 0)"""));
        WRITES.put("alerts.subscription", List.of("""
                INSERT INTO alerts.subscription (id, language, whole_city, by_email, status, hard_bounces, created_at)
                VALUES ('00000000-0000-0000-0000-000000000001', 'ja', TRUE, FALSE, 'PENDING', 0, CURRENT_TIMESTAMP)"""));
        WRITES.put("alerts.notice", List.of("""
                INSERT INTO alerts.notice (id, category, whole_city, author, state, published_at)
                VALUES (RANDOM_UUID(), 'EVENTS', TRUE, 'author', 'PUBLISHED', CURRENT_TIMESTAMP)"""));
        WRITES.put("alerts.delivery", List.of("""
                INSERT INTO alerts.subscription (id, language, whole_city, by_email, status, hard_bounces, created_at)
                VALUES ('00000000-0000-0000-0000-000000000002', 'ja', TRUE, FALSE, 'ACTIVE', 0, CURRENT_TIMESTAMP)""", """
                INSERT INTO alerts.delivery (item_kind, item_id, subscription_id, channel, priority, state, attempts,
                                             next_attempt_at)
                VALUES ('ALERT', RANDOM_UUID(), '00000000-0000-0000-0000-000000000002', 'EMAIL', 0, 'PENDING', 0,
                        CURRENT_TIMESTAMP)"""));
        WRITES.put("procedures.procedure", List.of("""
                INSERT INTO procedures.department (code, position, phone) VALUES ('test-department', 1, '046-000-0000')""", """
                INSERT INTO procedures.procedure (slug, position, department_code, reading, keywords, fee_kind, fee_yen,
                                                  target_days, channel, assurance)
                VALUES ('test-procedure', 1, 'test-department', 'てすと', '', 'FIXED', 300, 0, 'ONLINE', 'SELF_ASSERTED')"""));
        String procedure = """
                INSERT INTO procedures.department (code, position, phone) VALUES ('form-department', 2, '046-000-0000')""";
        String procedureRow = """
                INSERT INTO procedures.procedure (slug, position, department_code, reading, keywords, fee_kind, fee_yen,
                                                  target_days, channel, assurance)
                VALUES ('form-procedure', 2, 'form-department', 'てすと', '', 'FIXED', 300, 0, 'ONLINE', 'SELF_ASSERTED')""";
        String formVersion = """
                INSERT INTO procedures.form_version (procedure_slug, version, status, draft_of, definition, created_at, created_by)
                VALUES ('form-procedure', 1, 'DRAFT', 'form-procedure', '{}', CURRENT_TIMESTAMP, 'staff')""";
        String draft = """
                INSERT INTO procedures.application (id, procedure_slug, form_version, applicant, status, answers_sealed, created_at,
                                                    updated_at, draft_expires_at)
                VALUES ('00000000-0000-0000-0000-0000000000a1', 'form-procedure', 1, RANDOM_UUID(), 'DRAFT', 'sealed',
                        CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""";
        WRITES.put("procedures.form_version", List.of(procedure, procedureRow, formVersion));
        WRITES.put("procedures.application", List.of(procedure, procedureRow, formVersion, draft));
        WRITES.put("procedures.attachment", List.of("""
                INSERT INTO procedures.attachment (id, owner_id, filename_sealed, media_type, size_bytes, sha256, storage_key, key_sealed,
                                                   created_at)
                VALUES (RANDOM_UUID(), RANDOM_UUID(), 'sealed', 'image/png', 1, REPEAT('0', 64), 'key', 'sealed', CURRENT_TIMESTAMP)"""));
        WRITES.put("procedures.draft_resume_link", List.of(procedure, procedureRow, formVersion, draft, """
                INSERT INTO procedures.draft_resume_link (id, application_id, account_id, token_hash, language, reason, created_at,
                                                          expires_at)
                VALUES (RANDOM_UUID(), '00000000-0000-0000-0000-0000000000a1', RANDOM_UUID(), 'hash', 'ja', 'ASKED', CURRENT_TIMESTAMP,
                        CURRENT_TIMESTAMP)"""));
        WRITES.put("procedures.bundle_draft", List.of("""
                INSERT INTO procedures.bundle (id, owner, life_event, procedures, created_at, updated_at)
                VALUES ('00000000-0000-0000-0000-0000000000b1', RANDOM_UUID(), 'MOVING', 'tennyu-yoyaku', CURRENT_TIMESTAMP,
                        CURRENT_TIMESTAMP)""", """
                INSERT INTO procedures.bundle_draft (bundle_id, item_order, procedure_slug, application_id)
                VALUES ('00000000-0000-0000-0000-0000000000b1', 0, 'tennyu-yoyaku', RANDOM_UUID())"""));
        WRITES.put("casework.case_file", List.of("""
                INSERT INTO casework.case_file (id, application_id, receipt_number, procedure_slug, department, channel, state,
                                                submitted_at, updated_at, version)
                VALUES (RANDOM_UUID(), RANDOM_UUID(), '2026-000001-8', 'juminhyo', 'shimin', 'ONLINE', 'RECEIVED', CURRENT_TIMESTAMP,
                        CURRENT_TIMESTAMP, 0)"""));
        WRITES.put("casework.register_current", List.of("""
                INSERT INTO casework.register_snapshot (id, imported_at, imported_by, people, households, added, changed, removed)
                VALUES ('00000000-0000-0000-0000-0000000000c1', CURRENT_TIMESTAMP, 'system', 0, 0, 0, 0, 0)""", """
                INSERT INTO casework.register_current (only_row, snapshot_id) VALUES (1, '00000000-0000-0000-0000-0000000000c1')"""));
    }

    private HikariDataSource pool;
    private Connection keepsTheDatabaseOpen;

    @BeforeEach
    void migrateThroughThePool() throws IOException, SQLException {
        FileSystemUtils.deleteRecursively(DIRECTORY);
        Files.createDirectories(DIRECTORY);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(URL);
        config.setUsername("sa");
        config.setPassword("");
        config.setMinimumIdle(0);
        config.setMaximumPoolSize(2);
        pool = new HikariDataSource(config);
        for (String module : modules()) {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration/" + module)
                    .schemas(module).load().migrate();
        }
        // In the running application other pooled connections keep the database open meanwhile.
        keepsTheDatabaseOpen = DriverManager.getConnection(URL, "sa", "");
    }

    @AfterEach
    void close() throws SQLException {
        keepsTheDatabaseOpen.close();
        pool.close();
    }

    @Test
    void everyTableWithACheckConstraintTakesWritesAfterThePoolRetiredItsConnections() throws SQLException {
        assertThat(tablesWithCheckConstraints()).as("every table with a CHECK constraint has a write in this test")
                .containsExactlyInAnyOrderElementsOf(WRITES.keySet());

        pool.getHikariPoolMXBean().softEvictConnections();
        await().atMost(Duration.ofSeconds(10)).until(() -> pool.getHikariPoolMXBean().getTotalConnections() == 0);

        List<String> failed = new ArrayList<>();
        for (var table : WRITES.entrySet()) {
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                connection.setAutoCommit(false);
                try {
                    for (String write : table.getValue()) {
                        statement.executeUpdate(write);
                    }
                } catch (SQLException e) {
                    failed.add(table.getKey() + ": " + e.getMessage().lines().findFirst().orElse(""));
                } finally {
                    connection.rollback();
                }
            }
        }
        assertThat(failed).as("writes refused after the migration's connection was retired").isEmpty();
    }

    private TreeSet<String> tablesWithCheckConstraints() throws SQLException {
        TreeSet<String> tables = new TreeSet<>();
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT table_schema, table_name FROM information_schema.table_constraints
                     WHERE constraint_type = 'CHECK' AND table_schema <> 'information_schema'""")) {
            while (rows.next()) {
                tables.add(rows.getString(1) + "." + rows.getString(2));
            }
        }
        return tables;
    }

    /** The module folders under db/migration, each migrated on its own as the application does. */
    private static List<String> modules() throws IOException {
        TreeSet<String> modules = new TreeSet<>();
        for (Resource script : new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/*/V*.sql")) {
            String path = script.getURL().getPath();
            String folder = path.substring(0, path.lastIndexOf('/'));
            modules.add(folder.substring(folder.lastIndexOf('/') + 1));
        }
        return List.copyOf(modules);
    }
}
