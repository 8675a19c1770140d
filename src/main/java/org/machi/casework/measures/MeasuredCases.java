package org.machi.casework.measures;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads what the measures need from the casework tables: one row per case submitted in a period,
 * with the number of requests for information from its transitions (action
 * {@code REQUEST_INFORMATION}), and the counter sessions filed in a period. Only columns without
 * personal data are read.
 */
@Repository
class MeasuredCases {

    private final JdbcClient jdbc;

    MeasuredCases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Cases submitted in [from, to) of the given procedures, or of every procedure when {@code procedures} is null.
     */
    List<CaseFacts> submittedBetween(Instant from, Instant to, Collection<String> procedures) {
        if (procedures != null && procedures.isEmpty()) {
            return List.of();
        }
        var statement = jdbc.sql("""
                        SELECT c.procedure_slug, c.channel, c.submitted_at, c.due_at, c.decided_at,
                               (SELECT COUNT(*) FROM casework.case_transition t
                                 WHERE t.case_id = c.id AND t.action = 'REQUEST_INFORMATION') AS requests
                          FROM casework.case_file c
                         WHERE c.submitted_at >= :from AND c.submitted_at < :to"""
                        + (procedures == null ? "" : " AND c.procedure_slug IN (:procedures)"))
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to));
        if (procedures != null) {
            statement = statement.param("procedures", List.copyOf(procedures));
        }
        return statement.query((rs, n) -> new CaseFacts(rs.getString("procedure_slug"), "COUNTER".equals(rs.getString("channel")),
                instant(rs, "submitted_at"), instant(rs, "due_at"), instant(rs, "decided_at"), rs.getInt("requests"))).list();
    }

    /** Counter sessions filed in [from, to). */
    List<CounterSessionFacts> counterSessionsFiledBetween(Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT started_at, submitted_at, fields_prefilled, fields_typed, procedures
                          FROM casework.counter_session
                         WHERE submitted_at >= :from AND submitted_at < :to""")
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> new CounterSessionFacts(instant(rs, "started_at"), instant(rs, "submitted_at"),
                        rs.getInt("fields_prefilled"), rs.getInt("fields_typed"), slugs(rs.getString("procedures"))))
                .list();
    }

    private static List<String> slugs(String lines) {
        return lines == null ? List.of() : Arrays.stream(lines.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
