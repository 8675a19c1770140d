package org.machi.procedures.editor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.machi.audit.AuditRecord;
import org.machi.audit.AuditTrail;
import org.machi.procedures.forms.FormDefinition;
import org.machi.procedures.forms.FormVersion;
import org.machi.procedures.forms.FormVersions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The editor's changes to a procedure's draft form, each checked against what the staff member
 * last saw: the page carries a token of the draft as it was shown (its version number and a hash
 * of its stored definition), and a save, publication or discard made on an older view is refused,
 * so that two people editing the same draft never overwrite each other unknowingly.
 */
@Service
public class FormDrafts {

    /** What became of a change. */
    public enum Outcome { DONE, STALE, PUBLISHED, NO_DRAFT, HAS_PROBLEMS }

    /** A draft with the token to send back with a change to it. */
    public record Draft(FormVersion version, String token) {
    }

    public record Result(Outcome outcome, Draft draft, List<String> problems) {
        static Result of(Outcome outcome) {
            return new Result(outcome, null, List.of());
        }
    }

    private final FormVersions versions;
    private final JdbcClient jdbc;
    private final AuditTrail audit;

    FormDrafts(FormVersions versions, JdbcClient jdbc, AuditTrail audit) {
        this.versions = versions;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public Optional<Draft> draft(String procedure) {
        return versions.draft(procedure).map(draft -> new Draft(draft, token(stored(procedure, false).orElseThrow())));
    }

    /**
     * The procedure's draft: the existing one, or a new version copied from the newest published
     * version, or an empty form for a procedure that has none.
     */
    @Transactional
    public Draft startDraft(String procedure, String by) {
        Optional<Draft> existing = draft(procedure);
        if (existing.isPresent()) {
            return existing.get();
        }
        FormDefinition start = versions.current(procedure).map(FormVersion::definition)
                .orElseGet(() -> new FormDefinition(procedure, List.of(), null));
        versions.saveDraft(procedure, start, by);
        audit.record(AuditRecord.of(by, "procedures.form.draft-started").about(subject(procedure), "procedures.form_version"));
        return draft(procedure).orElseThrow();
    }

    /** Saves over the draft shown with the token; refused when it changed since, or is no longer a draft. */
    @Transactional
    public Result save(String procedure, int version, String token, FormDefinition definition, String by) {
        Result refused = check(procedure, version, token);
        if (refused != null) {
            return refused;
        }
        versions.saveDraft(procedure, definition, by);
        return new Result(Outcome.DONE, draft(procedure).orElseThrow(), List.of());
    }

    /** Publishes the draft shown with the token, if it has no problems; recorded in the audit trail. */
    @Transactional
    public Result publish(String procedure, int version, String token, String by) {
        Result refused = check(procedure, version, token);
        if (refused != null) {
            return refused;
        }
        // checked here, under the lock, rather than left to publishDraft's exception, which would spoil this transaction
        List<String> problems = versions.draft(procedure).orElseThrow().definition().problems();
        if (!problems.isEmpty()) {
            return new Result(Outcome.HAS_PROBLEMS, null, problems);
        }
        FormVersion published = versions.publishDraft(procedure, by);
        audit.record(AuditRecord.of(by, "procedures.form.published").about(subject(procedure), "procedures.form_version")
                .withDetail("version " + published.version()));
        return new Result(Outcome.DONE, new Draft(published, null), List.of());
    }

    /** Drops the draft shown with the token; recorded in the audit trail. */
    @Transactional
    public Result discard(String procedure, int version, String token, String by) {
        Result refused = check(procedure, version, token);
        if (refused != null) {
            return refused;
        }
        versions.discardDraft(procedure);
        audit.record(AuditRecord.of(by, "procedures.form.draft-discarded").about(subject(procedure), "procedures.form_version")
                .withDetail("version " + version));
        return Result.of(Outcome.DONE);
    }

    /** Null when the draft is still the one shown with the token; the row stays locked until the change commits. */
    private Result check(String procedure, int version, String token) {
        Optional<Stored> stored = stored(procedure, true);
        if (stored.isEmpty() || stored.get().version() != version) {
            return versions.find(procedure, version).filter(FormVersion::published).isPresent() ? Result.of(Outcome.PUBLISHED)
                    : stored.isEmpty() ? Result.of(Outcome.NO_DRAFT) : Result.of(Outcome.STALE);
        }
        return MessageDigest.isEqual(token(stored.get()).getBytes(StandardCharsets.US_ASCII),
                token == null ? new byte[0] : token.getBytes(StandardCharsets.US_ASCII)) ? null : Result.of(Outcome.STALE);
    }

    private record Stored(int version, String definition) {
    }

    private Optional<Stored> stored(String procedure, boolean lock) {
        return jdbc.sql("SELECT version, definition FROM procedures.form_version WHERE procedure_slug = :slug AND status = 'DRAFT'"
                        + (lock ? " FOR UPDATE" : ""))
                .param("slug", procedure).query((rs, row) -> new Stored(rs.getInt("version"), rs.getString("definition"))).optional();
    }

    private static String token(Stored stored) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] hash = sha.digest((stored.version() + "\n" + stored.definition()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(String procedure) {
        return "procedure-" + procedure;
    }
}
