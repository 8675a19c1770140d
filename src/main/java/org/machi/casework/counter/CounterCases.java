package org.machi.casework.counter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The cases of a resident as the counter shows them: read from casework's own case table (the same
 * module), by the resident's register number or household.
 */
@Repository
class CounterCases {

    private final JdbcClient jdbc;

    CounterCases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A case the resident or their household has open (not completed or withdrawn).
     *
     * @param own whether it is the resident's own (else another member of the household applied)
     */
    record PendingCase(String receiptNumber, String procedureSlug, String state, String channel, Instant submittedAt,
                       Instant dueAt, boolean own) {
    }

    /** Open cases of the person or their household, newest first. */
    List<PendingCase> pending(String registerNumber, String householdNumber) {
        // without a household (the person left the register) only their own cases; never a null parameter,
        // whose type PostgreSQL cannot tell
        String whose = householdNumber == null ? "register_number = :number"
                : "(register_number = :number OR household_number = :household)";
        var statement = jdbc.sql("""
                        SELECT receipt_number, procedure_slug, state, channel, submitted_at, due_at, register_number
                        FROM casework.case_file
                        WHERE %s AND state NOT IN ('COMPLETED', 'WITHDRAWN')
                        ORDER BY submitted_at DESC""".formatted(whose))
                .param("number", registerNumber);
        if (householdNumber != null) {
            statement = statement.param("household", householdNumber);
        }
        return statement
                .query((rs, row) -> new PendingCase(rs.getString("receipt_number"), rs.getString("procedure_slug"),
                        rs.getString("state"), rs.getString("channel"), instant(rs, "submitted_at"), instant(rs, "due_at"),
                        registerNumber.equals(rs.getString("register_number"))))
                .list();
    }

    /** The receipt number and state of the cases opened for these applications (once submitted), by application. */
    Map<UUID, CaseBrief> of(Collection<UUID> applications) {
        if (applications.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT application_id, receipt_number, state FROM casework.case_file WHERE application_id IN (:ids)")
                .param("ids", applications)
                .query((rs, row) -> new CaseBrief(rs.getObject("application_id", UUID.class), rs.getString("receipt_number"),
                        rs.getString("state")))
                .list().stream().collect(Collectors.toMap(CaseBrief::applicationId, brief -> brief));
    }

    record CaseBrief(UUID applicationId, String receiptNumber, String state) {
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
