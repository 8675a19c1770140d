package org.machi.identity.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
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
 * is stored only sealed and hashed, works once, and only for {@link #LIFETIME}. A request is
 * answered before anyone looks for the address's account, so it takes the same time whether or
 * not there is one; an address without an account gets no token and no mail.
 */
@Service
public class SignInLinks implements OneTimeTokenService {

    public static final Duration LIFETIME = Duration.ofMinutes(15);
    /** The user name of a request that asks for nothing (text that is no address, or one over its limit). */
    public static final String NOBODY = "nobody";
    private static final String ASKING = "asking|";
    private static final String TOKEN_CONTEXT = "identity.sign-in-link.token";
    private static final String ASKED_CONTEXT = "identity.sign-in-link.asked";

    private final JdbcClient jdbc;
    private final DataProtection protection;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SignInLinks(JdbcClient jdbc, DataProtection protection, Accounts accounts, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.protection = protection;
        this.events = events;
        this.clock = clock;
    }

    /** What the mail needs: the token and the reader's language. */
    public record PendingLink(UUID accountId, String token, SiteLanguage language) {
    }

    /** The user name of a request for a link to this address, for {@link #generate}. */
    public static String asking(String address, SiteLanguage language) {
        return ASKING + language.code() + "|" + address;
    }

    /**
     * Takes a request for a link and answers at once, the same way for every address: the address
     * goes sealed into an event, and {@link #issueFor} finds its account and makes the link in the
     * background, once the answer is on its way. The token returned here is no link: Spring
     * Security only needs one to go on.
     */
    @Override
    public OneTimeToken generate(GenerateOneTimeTokenRequest request) {
        String username = request.getUsername();
        if (username.startsWith(ASKING)) {
            String[] languageAndAddress = username.substring(ASKING.length()).split("\\|", 2);
            events.publishEvent(new SignInLinkAsked(protection.seal(languageAndAddress[1], ASKED_CONTEXT), languageAndAddress[0]));
        }
        return new DefaultOneTimeToken(Tokens.random(24), NOBODY, clock.instant().plus(LIFETIME));
    }

    /** Makes the link an asked address gets, if it belongs to an active resident (staff sign in otherwise), and has it mailed. */
    @Transactional
    public void issueFor(SignInLinkAsked asked) {
        String address = protection.open(asked.addressSealed(), ASKED_CONTEXT);
        accounts.findByLogin(address).filter(Account::active).filter(account -> !account.isStaff())
                .ifPresent(account -> issue(account.id(), asked.language()));
    }

    private void issue(UUID account, String language) {
        String token = Tokens.random(24);
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
                .param("language", SiteLanguage.fromCode(language).orElse(SiteLanguage.REFERENCE).code())
                .param("expires", Timestamp.from(clock.instant().plus(LIFETIME)))
                .update();
        events.publishEvent(new SignInLinkRequested(id));
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
