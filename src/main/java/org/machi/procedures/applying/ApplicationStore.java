package org.machi.procedures.applying;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.machi.procedures.ApplicationStatus;
import org.machi.procedures.ApplicationView;
import org.machi.procedures.SubmissionChannel;
import org.machi.shared.DataProtection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applications in the database. Every read and change names the applicant as well as the id, so
 * one resident's request can never reach another's application. Answers are sealed, bound to the
 * application's id; a status change is a conditional update on the status it leaves.
 */
@Repository
class ApplicationStore {

    private static final String CONTEXT = "procedures.application:";
    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final DataProtection protection;
    private final JsonMapper json;

    ApplicationStore(JdbcClient jdbc, DataProtection protection, JsonMapper json) {
        this.jdbc = jdbc;
        this.protection = protection;
        this.json = json;
    }

    void insertDraft(UUID id, String procedure, int version, UUID applicant, Answers answers, Set<String> prefilled, Instant now,
                     Instant expires) {
        jdbc.sql("""
                        INSERT INTO procedures.application (id, procedure_slug, form_version, applicant, status, answers_sealed, prefilled,
                                                            created_at, updated_at, draft_expires_at)
                        VALUES (:id, :slug, :version, :applicant, 'DRAFT', :answers, :prefilled, :now, :now, :expires)""")
                .param("id", id).param("slug", procedure).param("version", version).param("applicant", applicant)
                .param("answers", seal(id, answers)).param("prefilled", String.join("\n", prefilled))
                .param("now", Timestamp.from(now)).param("expires", Timestamp.from(expires)).update();
    }

    void insertCounterDraft(UUID id, String procedure, int version, String clerk, String registerNumber, UUID session, String returnPath,
                            Answers answers, Set<String> prefilled, Instant now, Instant expires) {
        jdbc.sql("""
                        INSERT INTO procedures.application (id, procedure_slug, form_version, applicant, status, answers_sealed, prefilled,
                                                            created_at, updated_at, draft_expires_at, channel, clerk, register_number,
                                                            counter_session, return_path)
                        VALUES (:id, :slug, :version, NULL, 'DRAFT', :answers, :prefilled, :now, :now, :expires, 'COUNTER', :clerk,
                                :register, :session, :returnPath)""")
                .param("id", id).param("slug", procedure).param("version", version).param("answers", seal(id, answers))
                .param("prefilled", String.join("\n", prefilled)).param("now", Timestamp.from(now)).param("expires", Timestamp.from(expires))
                .param("clerk", clerk).param("register", registerNumber).param("session", session).param("returnPath", returnPath)
                .update();
    }

    /** A counter application (draft or sent) of this clerk. */
    Optional<StoredApplication> findAtCounter(UUID id, String clerk) {
        return jdbc.sql("SELECT * FROM procedures.application WHERE id = :id AND clerk = :clerk AND channel = 'COUNTER'")
                .param("id", id).param("clerk", clerk).query(this::application).optional();
    }

    /** The clerk's applications of a counter session, oldest first, locked until the transaction ends when {@code lock}. */
    List<StoredApplication> ofCounterSession(UUID session, String clerk, boolean lock) {
        return jdbc.sql("SELECT * FROM procedures.application WHERE counter_session = :session AND clerk = :clerk AND channel = 'COUNTER'"
                        + " ORDER BY created_at, id" + (lock ? " FOR UPDATE" : ""))
                .param("session", session).param("clerk", clerk).query(this::application).list();
    }

    boolean markSubmittedAtCounter(UUID id, String clerk, Answers answers, Set<String> prefilled, String receiptNumber, Long feeDueYen,
                                   Instant now) {
        return jdbc.sql("""
                        UPDATE procedures.application SET status = 'SUBMITTED', answers_sealed = :answers, prefilled = :prefilled,
                               receipt_number = :receipt, fee_due_yen = :fee, submitted_at = :now, updated_at = :now, draft_expires_at = NULL
                        WHERE id = :id AND clerk = :clerk AND channel = 'COUNTER' AND status = 'DRAFT'""")
                .param("answers", seal(id, answers)).param("prefilled", String.join("\n", prefilled)).param("receipt", receiptNumber)
                .param("fee", feeDueYen).param("now", Timestamp.from(now)).param("id", id).param("clerk", clerk).update() == 1;
    }

    /** Saves a draft's answers, whoever holds it: the resident online, the clerk at the counter. */
    boolean saveDraft(StoredApplication draft, Answers answers, Set<String> prefilled, Instant now, Instant expires) {
        if (draft.applicant() != null) {
            return saveDraft(draft.id(), draft.applicant(), answers, prefilled, now, expires);
        }
        return jdbc.sql("""
                        UPDATE procedures.application SET answers_sealed = :answers, prefilled = :prefilled, updated_at = :now,
                                                          draft_expires_at = :expires
                        WHERE id = :id AND clerk = :clerk AND channel = 'COUNTER' AND status = 'DRAFT'""")
                .param("answers", seal(draft.id(), answers)).param("prefilled", String.join("\n", prefilled)).param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(expires)).param("id", draft.id()).param("clerk", draft.clerk()).update() == 1;
    }

    Optional<StoredApplication> find(UUID id, UUID applicant) {
        return jdbc.sql("SELECT * FROM procedures.application WHERE id = :id AND applicant = :applicant")
                .param("id", id).param("applicant", applicant).query(this::application).optional();
    }

    /** A submitted (or since withdrawn) application whoever sent it, for staff; never a draft. */
    Optional<StoredApplication> findSent(UUID id) {
        return jdbc.sql("SELECT * FROM procedures.application WHERE id = :id AND status <> 'DRAFT'")
                .param("id", id).query(this::application).optional();
    }

    /** The same, with the row locked until the transaction ends: two submits of one draft take turns. */
    Optional<StoredApplication> lock(UUID id, UUID applicant) {
        return jdbc.sql("SELECT * FROM procedures.application WHERE id = :id AND applicant = :applicant FOR UPDATE")
                .param("id", id).param("applicant", applicant).query(this::application).optional();
    }

    Optional<UUID> draftOf(UUID applicant, String procedure) {
        return jdbc.sql("""
                        SELECT id FROM procedures.application WHERE applicant = :applicant AND procedure_slug = :slug AND status = 'DRAFT'
                        ORDER BY updated_at DESC FETCH FIRST 1 ROW ONLY""")
                .param("applicant", applicant).param("slug", procedure).query((rs, n) -> rs.getObject(1, UUID.class)).optional();
    }

    boolean saveDraft(UUID id, UUID applicant, Answers answers, Set<String> prefilled, Instant now, Instant expires) {
        return jdbc.sql("""
                        UPDATE procedures.application SET answers_sealed = :answers, prefilled = :prefilled, updated_at = :now,
                                                          draft_expires_at = :expires
                        WHERE id = :id AND applicant = :applicant AND status = 'DRAFT'""")
                .param("answers", seal(id, answers)).param("prefilled", String.join("\n", prefilled)).param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(expires)).param("id", id).param("applicant", applicant).update() == 1;
    }

    boolean setSubmitKey(UUID id, UUID applicant, String key) {
        return jdbc.sql("UPDATE procedures.application SET submit_key = :key WHERE id = :id AND applicant = :applicant AND status = 'DRAFT'")
                .param("key", key).param("id", id).param("applicant", applicant).update() == 1;
    }

    boolean markSubmitted(UUID id, UUID applicant, String key, Answers answers, Set<String> prefilled, String receiptNumber,
                          Long feeDueYen, Instant now) {
        return jdbc.sql("""
                        UPDATE procedures.application SET status = 'SUBMITTED', answers_sealed = :answers, prefilled = :prefilled,
                               receipt_number = :receipt, fee_due_yen = :fee, submitted_at = :now, updated_at = :now, draft_expires_at = NULL
                        WHERE id = :id AND applicant = :applicant AND status = 'DRAFT' AND submit_key = :key""")
                .param("answers", seal(id, answers)).param("prefilled", String.join("\n", prefilled)).param("receipt", receiptNumber)
                .param("fee", feeDueYen).param("now", Timestamp.from(now)).param("id", id).param("applicant", applicant)
                .param("key", key).update() == 1;
    }

    boolean withdraw(UUID id, UUID applicant, Instant now) {
        return jdbc.sql("""
                        UPDATE procedures.application SET status = 'WITHDRAWN', withdrawn_at = :now, updated_at = :now
                        WHERE id = :id AND applicant = :applicant AND status IN ('SUBMITTED', 'RECEIVED', 'IN_PROGRESS')""")
                .param("now", Timestamp.from(now)).param("id", id).param("applicant", applicant).update() == 1;
    }

    boolean deleteDraft(UUID id, UUID applicant) {
        return jdbc.sql("DELETE FROM procedures.application WHERE id = :id AND applicant = :applicant AND status = 'DRAFT'")
                .param("id", id).param("applicant", applicant).update() == 1;
    }

    /** The applicant's applications, drafts and submitted, newest change first; answers are not opened. */
    List<ApplicationView> list(UUID applicant) {
        return jdbc.sql("""
                        SELECT id, procedure_slug, form_version, status, receipt_number, fee_due_yen, created_at, updated_at, submitted_at,
                               withdrawn_at, draft_expires_at
                        FROM procedures.application WHERE applicant = :applicant ORDER BY updated_at DESC, id""")
                .param("applicant", applicant).query((rs, n) -> new ApplicationView(rs.getObject("id", UUID.class),
                        rs.getString("procedure_slug"), rs.getInt("form_version"), ApplicationStatus.valueOf(rs.getString("status")),
                        rs.getString("receipt_number"), longOrNull(rs, "fee_due_yen"), instant(rs, "created_at"),
                        instant(rs, "updated_at"), instant(rs, "submitted_at"), instant(rs, "withdrawn_at"),
                        instant(rs, "draft_expires_at")))
                .list();
    }

    /** The answers of the applicant's latest submitted applications, newest first (to fill what they told the city before). */
    List<Answers> earlierAnswers(UUID applicant, int at_most) {
        return jdbc.sql("""
                        SELECT id, answers_sealed FROM procedures.application
                        WHERE applicant = :applicant AND status <> 'DRAFT' ORDER BY submitted_at DESC FETCH FIRST :n ROWS ONLY""")
                .param("applicant", applicant).param("n", at_most)
                .query((rs, n) -> open(rs.getObject("id", UUID.class), rs.getString("answers_sealed"))).list();
    }

    private String seal(UUID id, Answers answers) {
        return protection.seal(json.writeValueAsString(answers.values()), CONTEXT + id);
    }

    private Answers open(UUID id, String sealed) {
        Map<String, String> values = json.readValue(protection.open(sealed, CONTEXT + id), MAP);
        return new Answers(values);
    }

    private StoredApplication application(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        String prefilled = rs.getString("prefilled");
        return new StoredApplication(id, rs.getString("procedure_slug"), rs.getInt("form_version"), rs.getObject("applicant", UUID.class),
                ApplicationStatus.valueOf(rs.getString("status")), open(id, rs.getString("answers_sealed")),
                prefilled == null || prefilled.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(prefilled.split("\n"))),
                rs.getString("receipt_number"), rs.getString("submit_key"), longOrNull(rs, "fee_due_yen"), instant(rs, "created_at"),
                instant(rs, "updated_at"), instant(rs, "submitted_at"), instant(rs, "withdrawn_at"), instant(rs, "draft_expires_at"),
                SubmissionChannel.valueOf(rs.getString("channel")), rs.getString("clerk"), rs.getString("register_number"),
                rs.getObject("counter_session", UUID.class), rs.getString("return_path"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
