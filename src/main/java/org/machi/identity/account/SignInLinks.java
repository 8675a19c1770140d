package org.machi.identity.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.machi.shared.DataProtection;
import org.machi.shared.SiteLanguage;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.ott.DefaultOneTimeToken;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationToken;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time sign-in links by mail, as Spring Security's one-time-token login uses them. A token
 * is stored only sealed and hashed, works once, and only for {@link #LIFETIME}. A request for an
 * address without an account makes no token and sends nothing, and looks the same to the asker.
 */
@Service
public class SignInLinks implements OneTimeTokenService {

    public static final Duration LIFETIME = Duration.ofMinutes(15);
    /** The user name a request for an unknown address carries: no token is stored for it. */
    public static final String NOBODY = "nobody";
    private static final String TOKEN_CONTEXT = "identity.sign-in-link.token";

    private final JdbcClient jdbc;
    private final DataProtection protection;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SignInLinks(JdbcClient jdbc, DataProtection protection, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.protection = protection;
        this.events = events;
        this.clock = clock;
    }

    /** What the mail needs: the token and the reader's language. */
    public record PendingLink(UUID accountId, String token, SiteLanguage language) {
    }

    @Override
    @Transactional
    public OneTimeToken generate(GenerateOneTimeTokenRequest request) {
        String token = Tokens.random(24);
        Instant expires = clock.instant().plus(LIFETIME);
        if (NOBODY.equals(request.getUsername())) {
            return new DefaultOneTimeToken(token, NOBODY, expires);
        }
        String[] userAndLanguage = request.getUsername().split("\\|", 2);
        UUID account = UUID.fromString(userAndLanguage[0].substring("account:".length()));
        UUID id = UUID.randomUUID();
        // a new link voids the older ones: only the latest mail signs in
        jdbc.sql("DELETE FROM identity.sign_in_link WHERE account_id = :account").param("account", account).update();
        jdbc.sql("""
                INSERT INTO identity.sign_in_link (id, token_hash, token_sealed, account_id, language, expires_at)
                VALUES (:id, :hash, :sealed, :account, :language, :expires)""")
                .param("id", id)
                .param("hash", protection.lookupHash(token))
                .param("sealed", protection.seal(token, TOKEN_CONTEXT + ":" + id))
                .param("account", account)
                .param("language", userAndLanguage.length > 1 ? userAndLanguage[1] : SiteLanguage.REFERENCE.code())
                .param("expires", Timestamp.from(expires))
                .update();
        events.publishEvent(new SignInLinkRequested(id));
        return new DefaultOneTimeToken(token, userAndLanguage[0], expires);
    }

    @Override
    @Transactional
    public OneTimeToken consume(OneTimeTokenAuthenticationToken authentication) {
        String token = authentication.getTokenValue();
        if (token == null || token.length() > 100) {
            return null;
        }
        String hash = protection.lookupHash(token);
        var link = jdbc.sql("SELECT account_id, expires_at FROM identity.sign_in_link WHERE token_hash = :hash FOR UPDATE")
                .param("hash", hash)
                .query((rs, n) -> new DefaultOneTimeToken(token, "account:" + rs.getObject("account_id", UUID.class),
                        rs.getTimestamp("expires_at").toInstant()))
                .optional();
        jdbc.sql("DELETE FROM identity.sign_in_link WHERE token_hash = :hash OR expires_at < :now")
                .param("hash", hash).param("now", Timestamp.from(clock.instant())).update();
        return link.filter(l -> l.getExpiresAt().isAfter(clock.instant())).orElse(null);
    }

    @Transactional(readOnly = true)
    public Optional<PendingLink> forMail(UUID linkId) {
        return jdbc.sql("SELECT account_id, token_sealed, language FROM identity.sign_in_link WHERE id = :id AND expires_at > :now")
                .param("id", linkId).param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> new PendingLink(rs.getObject("account_id", UUID.class),
                        protection.open(rs.getString("token_sealed"), TOKEN_CONTEXT + ":" + linkId),
                        SiteLanguage.fromCode(rs.getString("language")).orElse(SiteLanguage.REFERENCE)))
                .optional();
    }
}
