package org.machi.procedures.forms;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored versions of every procedure's form. Published versions are read often (every step of
 * every application) and never change, so their parsed definitions are kept in memory once read.
 */
@Service
public class FormVersions {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, FormDefinition> published = new ConcurrentHashMap<>();

    FormVersions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The newest published version of the procedure's form, if it has one. */
    @Transactional(readOnly = true)
    public Optional<FormVersion> current(String procedure) {
        return jdbc.sql("""
                        SELECT * FROM procedures.form_version WHERE procedure_slug = :slug AND status = 'PUBLISHED'
                        ORDER BY version DESC FETCH FIRST 1 ROW ONLY""")
                .param("slug", procedure).query(this::version).optional();
    }

    /** A published version, as applications made with it need it. */
    @Transactional(readOnly = true)
    public Optional<FormDefinition> publishedDefinition(String procedure, int version) {
        String key = procedure + "#" + version;
        FormDefinition known = published.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<FormVersion> found = find(procedure, version).filter(FormVersion::published);
        found.ifPresent(v -> published.put(key, v.definition()));
        return found.map(FormVersion::definition);
    }

    @Transactional(readOnly = true)
    public Optional<FormVersion> find(String procedure, int version) {
        return jdbc.sql("SELECT * FROM procedures.form_version WHERE procedure_slug = :slug AND version = :version")
                .param("slug", procedure).param("version", version).query(this::version).optional();
    }

    /** Every version of the procedure's form, newest first. */
    @Transactional(readOnly = true)
    public List<FormVersion> versions(String procedure) {
        return jdbc.sql("SELECT * FROM procedures.form_version WHERE procedure_slug = :slug ORDER BY version DESC")
                .param("slug", procedure).query(this::version).list();
    }

    /** The procedures that have a published form. */
    @Transactional(readOnly = true)
    public Set<String> proceduresWithForm() {
        return Set.copyOf(jdbc.sql("SELECT DISTINCT procedure_slug FROM procedures.form_version WHERE status = 'PUBLISHED'")
                .query(String.class).list());
    }

    /**
     * Keeps the definition as the procedure's draft version: the existing draft is replaced, or a new
     * one is numbered after the newest version. A draft may still have problems; publishing refuses them.
     */
    @Transactional
    public FormVersion saveDraft(String procedure, FormDefinition definition, String by) {
        if (!procedure.equals(definition.procedure())) {
            throw new IllegalArgumentException("the definition is of another procedure");
        }
        Timestamp now = Timestamp.from(clock.instant());
        String json = FormJson.write(definition);
        int replaced = jdbc.sql("""
                        UPDATE procedures.form_version SET definition = :definition, created_at = :now, created_by = :by
                        WHERE procedure_slug = :slug AND status = 'DRAFT'""")
                .param("definition", json).param("now", now).param("by", by).param("slug", procedure).update();
        if (replaced == 0) {
            int next = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM procedures.form_version WHERE procedure_slug = :slug")
                    .param("slug", procedure).query(Integer.class).single();
            jdbc.sql("""
                            INSERT INTO procedures.form_version (procedure_slug, version, status, draft_of, definition, created_at, created_by)
                            VALUES (:slug, :version, 'DRAFT', :slug, :definition, :now, :by)""")
                    .param("slug", procedure).param("version", next).param("definition", json).param("now", now).param("by", by)
                    .update();
        }
        return draft(procedure).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<FormVersion> draft(String procedure) {
        return jdbc.sql("SELECT * FROM procedures.form_version WHERE procedure_slug = :slug AND status = 'DRAFT'")
                .param("slug", procedure).query(this::version).optional();
    }

    /** Publishes the draft version; refused (nothing changed) while the definition has problems. */
    @Transactional
    public FormVersion publishDraft(String procedure, String by) {
        FormVersion draft = draft(procedure).orElseThrow(() -> new IllegalStateException("no draft of " + procedure));
        List<String> problems = draft.definition().problems();
        if (!problems.isEmpty()) {
            throw new InvalidFormException(problems);
        }
        jdbc.sql("""
                        UPDATE procedures.form_version SET status = 'PUBLISHED', draft_of = NULL, published_at = :now, published_by = :by
                        WHERE procedure_slug = :slug AND version = :version AND status = 'DRAFT'""")
                .param("now", Timestamp.from(clock.instant())).param("by", by).param("slug", procedure)
                .param("version", draft.version()).update();
        return find(procedure, draft.version()).orElseThrow();
    }

    /** Drops the draft version, if there is one (a published version is never dropped). */
    @Transactional
    public boolean discardDraft(String procedure) {
        return jdbc.sql("DELETE FROM procedures.form_version WHERE procedure_slug = :slug AND status = 'DRAFT'")
                .param("slug", procedure).update() > 0;
    }

    /** Stores version 1, published, from a seed file; false when the procedure already has a version. */
    @Transactional
    public boolean seed(FormDefinition definition, String json, Instant at) {
        Integer existing = jdbc.sql("SELECT COUNT(*) FROM procedures.form_version WHERE procedure_slug = :slug")
                .param("slug", definition.procedure()).query(Integer.class).single();
        if (existing > 0) {
            return false;
        }
        Timestamp now = Timestamp.from(at);
        jdbc.sql("""
                        INSERT INTO procedures.form_version (procedure_slug, version, status, definition, created_at, created_by,
                                                             published_at, published_by)
                        VALUES (:slug, 1, 'PUBLISHED', :definition, :now, 'seed', :now, 'seed')""")
                .param("slug", definition.procedure()).param("definition", json).param("now", now).update();
        return true;
    }

    private FormVersion version(ResultSet rs, int row) throws SQLException {
        Timestamp published = rs.getTimestamp("published_at");
        return new FormVersion(rs.getString("procedure_slug"), rs.getInt("version"), FormVersion.Status.valueOf(rs.getString("status")),
                FormJson.read(rs.getString("definition")), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                published == null ? null : published.toInstant(), rs.getString("published_by"));
    }
}
