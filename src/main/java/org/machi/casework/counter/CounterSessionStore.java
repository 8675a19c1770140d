package org.machi.casework.counter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Counter sessions in {@code casework.counter_session}, with the purpose of the visit beside them.
 * Changes name the clerk as well as the id, so one clerk's request never changes another's session,
 * and only an open session changes.
 */
@Repository
class CounterSessionStore {

    private final JdbcClient jdbc;

    CounterSessionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(CounterSession session) {
        jdbc.sql("""
                        INSERT INTO casework.counter_session (id, clerk, register_number, started_at, procedures)
                        VALUES (:id, :clerk, :number, :started, :procedures)""")
                .param("id", session.id()).param("clerk", session.clerk()).param("number", session.registerNumber())
                .param("started", Timestamp.from(session.startedAt())).param("procedures", String.join("\n", session.procedures()))
                .update();
        jdbc.sql("INSERT INTO casework.counter_session_purpose (session_id, purpose) VALUES (:id, :purpose)")
                .param("id", session.id()).param("purpose", session.purpose().name()).update();
    }

    Optional<CounterSession> find(UUID id) {
        return jdbc.sql("""
                        SELECT s.*, p.purpose FROM casework.counter_session s
                        LEFT JOIN casework.counter_session_purpose p ON p.session_id = s.id
                        WHERE s.id = :id""")
                .param("id", id).query(CounterSessionStore::session).optional();
    }

    /** The clerk's sessions that are neither submitted nor closed, newest first. */
    List<CounterSession> openOf(String clerk) {
        return jdbc.sql("""
                        SELECT s.*, p.purpose FROM casework.counter_session s
                        LEFT JOIN casework.counter_session_purpose p ON p.session_id = s.id
                        WHERE s.clerk = :clerk AND s.submitted_at IS NULL AND s.closed_at IS NULL
                        ORDER BY s.started_at DESC""")
                .param("clerk", clerk).query(CounterSessionStore::session).list();
    }

    long countOpen(String clerk) {
        return jdbc.sql("SELECT COUNT(*) FROM casework.counter_session WHERE clerk = :clerk AND submitted_at IS NULL AND closed_at IS NULL")
                .param("clerk", clerk).query(Long.class).single();
    }

    /** The procedures picked in an open session of this clerk; false if it is not (another clerk's, submitted, closed). */
    boolean procedures(UUID id, String clerk, List<String> slugs) {
        return jdbc.sql("""
                        UPDATE casework.counter_session SET procedures = :procedures
                        WHERE id = :id AND clerk = :clerk AND submitted_at IS NULL AND closed_at IS NULL""")
                .param("procedures", String.join("\n", slugs)).param("id", id).param("clerk", clerk).update() == 1;
    }

    /** Marks the session submitted with its measures; false if it was not open (submitted twice, closed). */
    boolean submitted(UUID id, String clerk, Instant at, int prefilled, int typed) {
        return jdbc.sql("""
                        UPDATE casework.counter_session SET submitted_at = :at, fields_prefilled = :prefilled, fields_typed = :typed
                        WHERE id = :id AND clerk = :clerk AND submitted_at IS NULL AND closed_at IS NULL""")
                .param("at", Timestamp.from(at)).param("prefilled", prefilled).param("typed", typed)
                .param("id", id).param("clerk", clerk).update() == 1;
    }

    /** Ends a session without submitting (the resident left); false if it was not open. */
    boolean closed(UUID id, String clerk, Instant at) {
        return jdbc.sql("""
                        UPDATE casework.counter_session SET closed_at = :at
                        WHERE id = :id AND clerk = :clerk AND submitted_at IS NULL AND closed_at IS NULL""")
                .param("at", Timestamp.from(at)).param("id", id).param("clerk", clerk).update() == 1;
    }

    /** Remembers an application started in the session. */
    void started(UUID session, UUID application, String procedure, Instant at) {
        jdbc.sql("""
                        INSERT INTO casework.counter_application (application_id, session_id, procedure_slug, started_at)
                        VALUES (:application, :session, :slug, :at)""")
                .param("application", application).param("session", session).param("slug", procedure)
                .param("at", Timestamp.from(at)).update();
    }

    /** The applications started in the session, in the order they were started. */
    List<StartedApplication> applicationsOf(UUID session) {
        return jdbc.sql("""
                        SELECT a.application_id, a.session_id, a.procedure_slug, a.started_at, s.clerk FROM casework.counter_application a
                        JOIN casework.counter_session s ON s.id = a.session_id
                        WHERE a.session_id = :session ORDER BY a.started_at, a.procedure_slug""")
                .param("session", session).query(CounterSessionStore::started).list();
    }

    /** What other open sessions have started for this register person: drafts not yet submitted. */
    List<StartedApplication> openElsewhere(String registerNumber, UUID except) {
        return jdbc.sql("""
                        SELECT a.application_id, a.session_id, a.procedure_slug, a.started_at, s.clerk FROM casework.counter_application a
                        JOIN casework.counter_session s ON s.id = a.session_id
                        WHERE s.register_number = :number AND s.id <> :except AND s.submitted_at IS NULL AND s.closed_at IS NULL
                        ORDER BY a.started_at""")
                .param("number", registerNumber).param("except", except).query(CounterSessionStore::started).list();
    }

    /** An application started at the counter: which session, which procedure, and the clerk serving it. */
    record StartedApplication(UUID applicationId, UUID sessionId, String procedureSlug, Instant startedAt, String clerk) {
    }

    private static StartedApplication started(ResultSet rs, int row) throws SQLException {
        return new StartedApplication(rs.getObject("application_id", UUID.class), rs.getObject("session_id", UUID.class),
                rs.getString("procedure_slug"), instant(rs, "started_at"), rs.getString("clerk"));
    }

    private static CounterSession session(ResultSet rs, int row) throws SQLException {
        String procedures = rs.getString("procedures");
        return new CounterSession(rs.getObject("id", UUID.class), rs.getString("clerk"), rs.getString("register_number"),
                LookUpPurpose.of(rs.getString("purpose")).orElse(LookUpPurpose.APPLICATION),
                instant(rs, "started_at"), instant(rs, "submitted_at"), instant(rs, "closed_at"),
                rs.getInt("fields_prefilled"), rs.getInt("fields_typed"),
                procedures == null || procedures.isEmpty() ? List.of() : Arrays.asList(procedures.split("\n")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
