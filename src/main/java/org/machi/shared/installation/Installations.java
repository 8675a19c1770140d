package org.machi.shared.installation;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.machi.shared.CurrentInstallation;
import org.machi.shared.Installation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The single row that records this deployment. */
@Repository
class Installations implements CurrentInstallation {

    private final JdbcClient jdbc;
    private final Clock clock;

    Installations(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records a node's start; the first start on an empty database creates the deployment. */
    @Transactional
    Installation recordStart() {
        Timestamp now = Timestamp.from(clock.instant());
        // Two nodes may start on an empty database at once: the second one's insert meets the first
        // one's row and does nothing (a caught duplicate-key error would abort the transaction on PostgreSQL).
        jdbc.sql("""
                INSERT INTO shared.installation (singleton, installation_id, first_started_at, last_started_at, starts)
                VALUES (TRUE, :id, :now, :now, 0)
                ON CONFLICT DO NOTHING""")
                .param("id", UUID.randomUUID())
                .param("now", now)
                .update();
        jdbc.sql("UPDATE shared.installation SET last_started_at = :now, starts = starts + 1")
                .param("now", now)
                .update();
        return current();
    }

    @Override
    public Installation current() {
        return jdbc.sql("SELECT installation_id, first_started_at, last_started_at, starts FROM shared.installation")
                .query((rs, n) -> new Installation(
                        rs.getObject("installation_id", UUID.class),
                        rs.getTimestamp("first_started_at").toInstant(),
                        rs.getTimestamp("last_started_at").toInstant(),
                        rs.getLong("starts")))
                .single();
    }
}
