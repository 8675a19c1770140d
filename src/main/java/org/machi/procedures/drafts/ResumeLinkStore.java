package org.machi.procedures.drafts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.machi.shared.DataProtection;
import org.machi.shared.SiteLanguage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Resume links in the database: found by the keyed hash of their token, the token itself sealed
 * (bound to the link's id) only until the mail is sent and the link used or voided.
 */
@Repository
class ResumeLinkStore {

    private static final String TOKEN_CONTEXT = "procedures.draft-resume-link.token:";

    enum Reason { ASKED, REMINDER }

    /** A link as its page and its mail need it; {@code tokenSealed} is null once it can no longer be used. */
    record Link(UUID id, UUID applicationId, UUID account, String stepId, SiteLanguage language, Reason reason, Instant expiresAt,
                Instant usedAt, boolean usable) {
    }

    private final JdbcClient jdbc;
    private final DataProtection protection;

    ResumeLinkStore(JdbcClient jdbc, DataProtection protection) {
        this.jdbc = jdbc;
        this.protection = protection;
    }

    /** Stores a new link to the draft, voiding its earlier ones: only the latest mail continues it. */
    void insert(UUID id, UUID applicationId, UUID account, String token, String stepId, SiteLanguage language, Reason reason,
                Instant now, Instant expires) {
        jdbc.sql("UPDATE procedures.draft_resume_link SET token_sealed = NULL, expires_at = :now WHERE application_id = :app AND expires_at > :now")
                .param("app", applicationId).param("now", Timestamp.from(now)).update();
        jdbc.sql("""
                        INSERT INTO procedures.draft_resume_link (id, application_id, account_id, token_hash, token_sealed, step_id, language,
                                                                  reason, created_at, expires_at)
                        VALUES (:id, :app, :account, :hash, :sealed, :step, :language, :reason, :now, :expires)""")
                .param("id", id).param("app", applicationId).param("account", account).param("hash", protection.lookupHash(token))
                .param("sealed", protection.seal(token, TOKEN_CONTEXT + id)).param("step", stepId).param("language", language.code())
                .param("reason", reason.name()).param("now", Timestamp.from(now)).param("expires", Timestamp.from(expires)).update();
    }

    /** The link of a token, locked until the transaction ends (two tabs opening it take turns); used and expired ones too. */
    Optional<Link> lockByToken(String token, Instant now) {
        return jdbc.sql("SELECT * FROM procedures.draft_resume_link WHERE token_hash = :hash FOR UPDATE")
                .param("hash", protection.lookupHash(token))
                .query((rs, n) -> {
                    Instant expires = rs.getTimestamp("expires_at").toInstant();
                    Timestamp used = rs.getTimestamp("used_at");
                    return new Link(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
                            rs.getObject("account_id", UUID.class), rs.getString("step_id"),
                            SiteLanguage.fromCode(rs.getString("language")).orElse(SiteLanguage.REFERENCE),
                            Reason.valueOf(rs.getString("reason")), expires, used == null ? null : used.toInstant(),
                            used == null && rs.getString("token_sealed") != null && expires.isAfter(now));
                })
                .optional();
    }

    /** Uses the link up; false if it was used (or voided) meanwhile. */
    boolean markUsed(UUID id, Instant now) {
        return jdbc.sql("""
                        UPDATE procedures.draft_resume_link SET used_at = :now, token_sealed = NULL
                        WHERE id = :id AND used_at IS NULL AND token_sealed IS NOT NULL AND expires_at > :now""")
                .param("id", id).param("now", Timestamp.from(now)).update() == 1;
    }

    /** What the mail of a link needs while it can still be used: the token, the draft, the owner and the language. */
    record ForMail(String token, UUID applicationId, UUID account, SiteLanguage language, Reason reason, Instant expiresAt) {
    }

    Optional<ForMail> forMail(UUID id, Instant now) {
        return jdbc.sql("SELECT * FROM procedures.draft_resume_link WHERE id = :id AND token_sealed IS NOT NULL AND expires_at > :now")
                .param("id", id).param("now", Timestamp.from(now))
                .query((rs, n) -> new ForMail(protection.open(rs.getString("token_sealed"), TOKEN_CONTEXT + id),
                        rs.getObject("application_id", UUID.class), rs.getObject("account_id", UUID.class),
                        SiteLanguage.fromCode(rs.getString("language")).orElse(SiteLanguage.REFERENCE),
                        Reason.valueOf(rs.getString("reason")), rs.getTimestamp("expires_at").toInstant()))
                .optional();
    }

    /** The language of the latest link the owner asked for this draft, for a reminder when the profile names none. */
    Optional<SiteLanguage> lastAskedLanguage(UUID applicationId) {
        return jdbc.sql("""
                        SELECT language FROM procedures.draft_resume_link WHERE application_id = :app AND reason = 'ASKED'
                        ORDER BY created_at DESC FETCH FIRST 1 ROW ONLY""")
                .param("app", applicationId).query(String.class).optional().flatMap(SiteLanguage::fromCode);
    }

    /** Forgets links that ended before the cutoff (their page no longer offers a new one); returns how many. */
    int forgetEndedBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM procedures.draft_resume_link WHERE expires_at < :cutoff OR used_at < :cutoff")
                .param("cutoff", Timestamp.from(cutoff)).update();
    }
}
