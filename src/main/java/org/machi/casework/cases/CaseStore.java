package org.machi.casework.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.machi.casework.CaseState;
import org.machi.casework.CaseView;
import org.machi.shared.DataProtection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Cases in the database ({@code casework.case_file} and the tables beside it). Reasons, notes,
 * requests and replies are sealed, bound to their case; a change of a case is a conditional update
 * on the version it was read at (optimistic locking), so two clerks cannot both act on one state.
 */
@Repository
class CaseStore {

    static final String REASON_CONTEXT = "casework.transition.reason:";
    static final String NOTE_CONTEXT = "casework.note.text:";
    static final String REQUEST_CONTEXT = "casework.request.message:";
    static final String REPLY_CONTEXT = "casework.request.reply:";

    private static final String COLUMNS = "id, application_id, receipt_number, procedure_slug, department, channel, applicant, clerk, "
            + "register_number, household_number, state, assignee, held_reason, held_detail, submitted_at, due_at, decided_at, "
            + "closed_at, updated_at, version";

    private final JdbcClient jdbc;
    private final DataProtection protection;

    CaseStore(JdbcClient jdbc, DataProtection protection) {
        this.jdbc = jdbc;
        this.protection = protection;
    }

    // ---- the case itself

    /** Stores a new case with its opening row; false (nothing stored) if the application has a case already. */
    boolean insert(Case opened) {
        CaseView c = opened.view();
        if (findByApplication(c.applicationId()).isPresent()) {
            return false;
        }
        jdbc.sql("INSERT INTO casework.case_file (" + COLUMNS + ") VALUES (:id, :application, :receipt, :slug, :department, "
                        + ":channel, :applicant, :clerk, :register, :household, :state, :assignee, :heldReason, :heldDetail, :submitted, "
                        + ":due, :decided, :closed, :updated, 0)")
                .param("id", c.id()).param("application", c.applicationId()).param("receipt", c.receiptNumber())
                .param("slug", c.procedureSlug()).param("department", c.department()).param("channel", c.channel())
                .param("applicant", c.applicant()).param("clerk", c.clerk()).param("register", c.registerNumber())
                .param("household", c.householdNumber()).param("state", c.state().name()).param("assignee", c.assignee())
                .param("heldReason", c.heldReason()).param("heldDetail", c.heldDetail()).param("submitted", ts(c.submittedAt()))
                .param("due", ts(c.dueAt())).param("decided", ts(c.decidedAt())).param("closed", ts(c.closedAt()))
                .param("updated", ts(c.updatedAt())).update();
        record(c.id(), opened.opening());
        return true;
    }

    Optional<Case> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM casework.case_file WHERE id = :id").param("id", id)
                .query(CaseStore::view).optional().map(Case::restore);
    }

    Optional<Case> findByApplication(UUID applicationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM casework.case_file WHERE application_id = :id").param("id", applicationId)
                .query(CaseStore::view).optional().map(Case::restore);
    }

    Optional<CaseView> view(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM casework.case_file WHERE id = :id").param("id", id).query(CaseStore::view).optional();
    }

    /**
     * Writes the case back if nobody changed it since it was read, and records the transition;
     * returns the transition's id, or empty (nothing written) if the case moved on meanwhile.
     */
    Optional<Long> update(Case changed, Transition transition) {
        CaseView c = changed.view();
        int rows = jdbc.sql("""
                        UPDATE casework.case_file SET department = :department, state = :state, assignee = :assignee, held_reason = :heldReason, held_detail = :heldDetail,
                               decided_at = :decided, closed_at = :closed, updated_at = :updated, version = version + 1
                        WHERE id = :id AND version = :version""")
                .param("department", c.department()).param("state", c.state().name()).param("assignee", c.assignee()).param("heldReason", c.heldReason())
                .param("heldDetail", c.heldDetail()).param("decided", ts(c.decidedAt())).param("closed", ts(c.closedAt()))
                .param("updated", ts(c.updatedAt())).param("id", c.id()).param("version", c.version()).update();
        if (rows != 1) {
            return Optional.empty();
        }
        changed.stored();
        return Optional.of(record(c.id(), transition));
    }

    /**
     * What the register checks found: the register person and household of the applicant (internal
     * numbers, never a My Number). Written apart from the case's state, so a clerk's action does not
     * undo it and it does not make a clerk's page stale.
     */
    void matched(UUID caseId, String registerNumber, String householdNumber) {
        jdbc.sql("UPDATE casework.case_file SET register_number = :register, household_number = :household WHERE id = :id")
                .param("register", registerNumber).param("household", householdNumber).param("id", caseId).update();
    }

    private long record(UUID caseId, Transition t) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO casework.case_transition (case_id, action, from_state, to_state, actor, reason_sealed, department, at)
                        VALUES (:case, :action, :from, :to, :actor, :reason, :department, :at)""")
                .param("case", caseId).param("action", t.action()).param("from", t.from() == null ? null : t.from().name())
                .param("to", t.to().name()).param("actor", t.actor())
                .param("reason", t.reason() == null ? null : protection.seal(t.reason(), REASON_CONTEXT + caseId))
                .param("department", t.department()).param("at", ts(t.at())).update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    // ---- notes and requests

    void insertNote(UUID caseId, String author, String text, Instant at) {
        jdbc.sql("INSERT INTO casework.case_note (id, case_id, author, text_sealed, written_at) VALUES (:id, :case, :author, :text, :at)")
                .param("id", UUID.randomUUID()).param("case", caseId).param("author", author)
                .param("text", protection.seal(text, NOTE_CONTEXT + caseId)).param("at", ts(at)).update();
    }

    void insertRequest(UUID caseId, String askedBy, String message, Instant at) {
        jdbc.sql("""
                        INSERT INTO casework.information_request (id, case_id, asked_by, message_sealed, asked_at)
                        VALUES (:id, :case, :by, :message, :at)""")
                .param("id", UUID.randomUUID()).param("case", caseId).param("by", askedBy)
                .param("message", protection.seal(message, REQUEST_CONTEXT + caseId)).param("at", ts(at)).update();
    }

    /** The request the resident has not answered yet, newest first. */
    Optional<RequestView> openRequest(UUID caseId) {
        return jdbc.sql("""
                        SELECT * FROM casework.information_request WHERE case_id = :case AND answered_at IS NULL
                        ORDER BY asked_at DESC FETCH FIRST 1 ROW ONLY""")
                .param("case", caseId).query((rs, n) -> request(caseId, rs)).optional();
    }

    boolean answer(UUID caseId, UUID requestId, String reply, List<UUID> files, Instant at) {
        return jdbc.sql("""
                        UPDATE casework.information_request SET reply_sealed = :reply, reply_files = :files, answered_at = :at
                        WHERE id = :id AND case_id = :case AND answered_at IS NULL""")
                .param("reply", reply == null ? null : protection.seal(reply, REPLY_CONTEXT + caseId))
                .param("files", files.isEmpty() ? null : String.join("\n", files.stream().map(UUID::toString).toList()))
                .param("at", ts(at)).param("id", requestId).param("case", caseId).update() == 1;
    }

    List<HistoryEntry> history(UUID caseId) {
        return jdbc.sql("SELECT * FROM casework.case_transition WHERE case_id = :case ORDER BY at, id").param("case", caseId)
                .query((rs, n) -> {
                    String from = rs.getString("from_state");
                    String reason = rs.getString("reason_sealed");
                    return new HistoryEntry(rs.getLong("id"), rs.getString("action"), from == null ? null : CaseState.valueOf(from),
                            CaseState.valueOf(rs.getString("to_state")), rs.getString("actor"),
                            reason == null ? null : protection.open(reason, REASON_CONTEXT + caseId), rs.getString("department"),
                            instant(rs, "at"));
                }).list();
    }

    List<NoteView> notes(UUID caseId) {
        return jdbc.sql("SELECT * FROM casework.case_note WHERE case_id = :case ORDER BY written_at, id").param("case", caseId)
                .query((rs, n) -> new NoteView(rs.getObject("id", UUID.class), rs.getString("author"),
                        protection.open(rs.getString("text_sealed"), NOTE_CONTEXT + caseId), instant(rs, "written_at")))
                .list();
    }

    List<RequestView> requests(UUID caseId) {
        return jdbc.sql("SELECT * FROM casework.information_request WHERE case_id = :case ORDER BY asked_at, id").param("case", caseId)
                .query((rs, n) -> request(caseId, rs)).list();
    }

    private RequestView request(UUID caseId, ResultSet rs) throws SQLException {
        String reply = rs.getString("reply_sealed");
        String files = rs.getString("reply_files");
        return new RequestView(rs.getObject("id", UUID.class), rs.getString("asked_by"),
                protection.open(rs.getString("message_sealed"), REQUEST_CONTEXT + caseId), instant(rs, "asked_at"),
                reply == null ? null : protection.open(reply, REPLY_CONTEXT + caseId),
                files == null || files.isBlank() ? List.of() : Arrays.stream(files.split("\n")).map(UUID::fromString).toList(),
                instant(rs, "answered_at"));
    }

    // ---- queues

    List<CaseSummary> page(QueueQuery q, String clerk, Instant now) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(q, clerk, now, params);
        params.put("limit", q.size());
        params.put("offset", (long) q.page() * q.size());
        params.put("now", ts(now));
        return jdbc.sql("SELECT " + COLUMNS + " FROM casework.case_file WHERE " + where
                        + " ORDER BY due_at ASC NULLS LAST, submitted_at ASC, id ASC LIMIT :limit OFFSET :offset")
                .params(params).query(CaseStore::view).list().stream().map(v -> CaseSummary.of(v, now)).toList();
    }

    long count(QueueQuery q, String clerk, Instant now) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(q, clerk, now, params);
        return jdbc.sql("SELECT COUNT(*) FROM casework.case_file WHERE " + where).params(params).query(Long.class).single();
    }

    private static String where(QueueQuery q, String clerk, Instant now, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        conditions.add("department = :department");
        params.put("department", q.department());
        if (!q.states().isEmpty()) {
            conditions.add("state IN (:states)");
            params.put("states", q.states().stream().map(Enum::name).sorted().toList());
        }
        if (q.procedureSlug() != null && !q.procedureSlug().isBlank()) {
            conditions.add("procedure_slug = :slug");
            params.put("slug", q.procedureSlug());
        }
        switch (q.assigned()) {
            case ME -> {
                conditions.add("assignee = :clerk");
                params.put("clerk", clerk);
            }
            case NOBODY -> conditions.add("assignee IS NULL");
            case ANYONE -> {
            }
        }
        if (q.overdueOnly()) {
            conditions.add("due_at < :overdueAt AND state IN (:undecided)");
            params.put("overdueAt", ts(now));
            params.put("undecided", CaseState.UNDECIDED.stream().map(Enum::name).sorted().toList());
        }
        if (q.heldOnly()) {
            conditions.add("held_reason IS NOT NULL");
        }
        return String.join(" AND ", conditions);
    }

    /** Cases of the department that wait for a clerk to act (received, or the resident replied). */
    long countWaiting(String department) {
        return jdbc.sql("SELECT COUNT(*) FROM casework.case_file WHERE department = :department AND state IN ('RECEIVED', 'RESIDENT_REPLIED')")
                .param("department", department).query(Long.class).single();
    }

    /** Cases given to the clerk that are not decided or closed yet. */
    long countAssigned(String clerk, String department) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM casework.case_file WHERE department = :department AND assignee = :clerk
                        AND state IN ('RECEIVED', 'IN_REVIEW', 'NEEDS_INFORMATION', 'RESIDENT_REPLIED')""")
                .param("department", department).param("clerk", clerk).query(Long.class).single();
    }

    /** The cases of a register person, newest first (the counter's view of what a resident has pending). */
    List<CaseView> ofRegisterNumber(String registerNumber) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM casework.case_file WHERE register_number = :number ORDER BY submitted_at DESC, id")
                .param("number", registerNumber).query(CaseStore::view).list();
    }

    /** Other cases of the same procedure and household that still count (not rejected or withdrawn). */
    List<CaseView> sameHousehold(String householdNumber, String procedureSlug, UUID except) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM casework.case_file WHERE household_number = :household AND procedure_slug = :slug "
                        + "AND id <> :except AND state NOT IN ('REJECTED', 'WITHDRAWN') ORDER BY submitted_at, id")
                .param("household", householdNumber).param("slug", procedureSlug).param("except", except)
                .query(CaseStore::view).list();
    }

    // ---- progress for the applicant's pages

    record Progress(UUID applicationId, UUID caseId, CaseState state, String rejection, String openRequest, Instant changedAt) {
    }

    /** For each application that has a case: its state, the rejection reason or open request, and when the state last changed. */
    List<Progress> progress(Collection<UUID> applicationIds) {
        if (applicationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT c.id, c.application_id, c.state,
                               (SELECT MAX(t.at) FROM casework.case_transition t WHERE t.case_id = c.id
                                 AND (t.from_state IS NULL OR t.from_state <> t.to_state)) AS changed_at,
                               (SELECT t.reason_sealed FROM casework.case_transition t WHERE t.case_id = c.id AND t.action = 'REJECT'
                                 ORDER BY t.at DESC, t.id DESC FETCH FIRST 1 ROW ONLY) AS rejection,
                               (SELECT r.message_sealed FROM casework.information_request r WHERE r.case_id = c.id AND r.answered_at IS NULL
                                 ORDER BY r.asked_at DESC FETCH FIRST 1 ROW ONLY) AS open_request
                        FROM casework.case_file c WHERE c.application_id IN (:ids)""")
                .param("ids", List.copyOf(applicationIds)).query((rs, n) -> {
                    UUID caseId = rs.getObject("id", UUID.class);
                    String rejection = rs.getString("rejection");
                    String request = rs.getString("open_request");
                    return new Progress(rs.getObject("application_id", UUID.class), caseId, CaseState.valueOf(rs.getString("state")),
                            rejection == null ? null : protection.open(rejection, REASON_CONTEXT + caseId),
                            request == null ? null : protection.open(request, REQUEST_CONTEXT + caseId), instant(rs, "changed_at"));
                }).list();
    }

    // ---- rows

    private static CaseView view(ResultSet rs, int row) throws SQLException {
        return new CaseView(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class), rs.getString("receipt_number"),
                rs.getString("procedure_slug"), rs.getString("department"), rs.getString("channel"), rs.getObject("applicant", UUID.class),
                rs.getString("clerk"), rs.getString("register_number"), rs.getString("household_number"),
                CaseState.valueOf(rs.getString("state")), rs.getString("assignee"), rs.getString("held_reason"),
                rs.getString("held_detail"), instant(rs, "submitted_at"), instant(rs, "due_at"), instant(rs, "decided_at"),
                instant(rs, "closed_at"), instant(rs, "updated_at"), rs.getInt("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
