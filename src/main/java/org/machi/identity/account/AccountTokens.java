package org.machi.identity.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.machi.shared.DataProtection;
import org.machi.shared.SiteLanguage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One-time links by mail for an existing account: a password reset or a new address to confirm.
 * A token is stored sealed (for the mail) and hashed (to find it); an account has at most one
 * link per purpose, the latest, and a link works only until it expires or is used.
 */
@Repository
class AccountTokens {

    enum Purpose { PASSWORD_RESET, EMAIL_CHANGE }

    /** A valid link, as its page needs it. */
    record Pending(UUID id, UUID accountId, String newLogin) {
    }

    /** What the mail for a link needs. */
    record ForMail(UUID accountId, Purpose purpose, String token, String newLogin, SiteLanguage language) {
    }

    private static final String TOKEN_CONTEXT = "identity.account-token.token";
    private static final String LOGIN_CONTEXT = "identity.account-token.login";

    private final JdbcClient jdbc;
    private final DataProtection protection;
    private final Clock clock;

    AccountTokens(JdbcClient jdbc, DataProtection protection, Clock clock) {
        this.jdbc = jdbc;
        this.protection = protection;
        this.clock = clock;
    }

    /** Stores a new link for the account, replacing an earlier one of the same purpose; returns its id. */
    UUID issue(Purpose purpose, UUID accountId, String newLogin, SiteLanguage language, Duration lifetime) {
        jdbc.sql("DELETE FROM identity.account_token WHERE account_id = :account AND purpose = :purpose")
                .param("account", accountId).param("purpose", purpose.name()).update();
        UUID id = UUID.randomUUID();
        String token = Tokens.random(32);
        jdbc.sql("""
                INSERT INTO identity.account_token (id, purpose, token_hash, token_sealed, account_id, new_login_sealed,
                                                    language, expires_at)
                VALUES (:id, :purpose, :hash, :token, :account, :login, :language, :expires)""")
                .param("id", id)
                .param("purpose", purpose.name())
                .param("hash", protection.lookupHash(token))
                .param("token", protection.seal(token, TOKEN_CONTEXT + ":" + id))
                .param("account", accountId)
                .param("login", newLogin == null ? null : protection.seal(newLogin, LOGIN_CONTEXT + ":" + id))
                .param("language", language.code())
                .param("expires", Timestamp.from(clock.instant().plus(lifetime)))
                .update();
        return id;
    }

    /** The link a token opens, while it is valid for this purpose. */
    Optional<Pending> pending(Purpose purpose, String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT id, account_id, new_login_sealed FROM identity.account_token
                WHERE token_hash = :hash AND purpose = :purpose AND expires_at > :now""")
                .param("hash", protection.lookupHash(token))
                .param("purpose", purpose.name())
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new Pending(id, rs.getObject("account_id", UUID.class), openLogin(rs.getString("new_login_sealed"), id));
                })
                .optional();
    }

    /** Uses a link up; false if it was already used (by a request running at the same time). */
    boolean consume(UUID id) {
        return jdbc.sql("DELETE FROM identity.account_token WHERE id = :id").param("id", id).update() == 1;
    }

    Optional<ForMail> forMail(UUID id) {
        return jdbc.sql("SELECT * FROM identity.account_token WHERE id = :id AND expires_at > :now")
                .param("id", id).param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> new ForMail(rs.getObject("account_id", UUID.class),
                        Purpose.valueOf(rs.getString("purpose")),
                        protection.open(rs.getString("token_sealed"), TOKEN_CONTEXT + ":" + id),
                        openLogin(rs.getString("new_login_sealed"), id),
                        SiteLanguage.fromCode(rs.getString("language")).orElse(SiteLanguage.REFERENCE)))
                .optional();
    }

    private String openLogin(String sealed, UUID id) {
        return sealed == null ? null : protection.open(sealed, LOGIN_CONTEXT + ":" + id);
    }
}
