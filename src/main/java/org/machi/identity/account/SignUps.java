package org.machi.identity.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.machi.audit.AuditRecord;
import org.machi.audit.AuditTrail;
import org.machi.identity.Assurance;
import org.machi.shared.DataProtection;
import org.machi.shared.EmailAddresses;
import org.machi.shared.SiteLanguage;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Residents' sign-up with double opt-in: an address receives a link, and the account exists only
 * once the link is opened and a password chosen. The page answers the same whether or not the
 * address already has an account; only the mail differs (a sign-in hint instead of a link).
 */
@Service
public class SignUps {

    static final Duration LINK_LIFETIME = Duration.ofHours(24);
    /** The message key for a link that is unknown, used or expired. */
    public static final String LINK_INVALID = "signUp.link.invalid";
    /** The message key for an address that was sent too many sign-up mails of late. */
    public static final String TOO_MANY = "signUp.tooMany";
    private static final String EMAIL_CONTEXT = "identity.sign-up.email";
    private static final String TOKEN_CONTEXT = "identity.sign-up.token";

    private final JdbcClient jdbc;
    private final DataProtection protection;
    private final Accounts accounts;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;
    private final MailLimits limits;

    SignUps(JdbcClient jdbc, DataProtection protection, Accounts accounts, PasswordPolicy policy, PasswordEncoder encoder,
            ApplicationEventPublisher events, AuditTrail audit, Clock clock, MailLimits limits) {
        this.limits = limits;
        this.jdbc = jdbc;
        this.protection = protection;
        this.accounts = accounts;
        this.policy = policy;
        this.encoder = encoder;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the mail for a request says: where it goes, in which language, and the link's token. */
    public record PendingRequest(String email, SiteLanguage language, String token, boolean accountExists) {
    }

    /**
     * Stores a request and has its mail sent; returns message keys of what is wrong with the address,
     * or {@link #TOO_MANY} when this address was sent too many mails already.
     */
    @Transactional
    public List<String> request(String email, SiteLanguage language, String client) {
        String address = LoginNames.normalize(email);
        if (address.isEmpty()) {
            return List.of("signUp.email.required");
        }
        if (!EmailAddresses.valid(address)) {
            return List.of("signUp.email.invalid");
        }
        if (!limits.allowSignUp(address, client)) {
            return List.of(TOO_MANY);
        }
        UUID id = UUID.randomUUID();
        String token = Tokens.random(32);
        jdbc.sql("""
                INSERT INTO identity.sign_up_request (id, token_hash, token_sealed, email_sealed, language, expires_at)
                VALUES (:id, :hash, :token, :email, :language, :expires)""")
                .param("id", id)
                .param("hash", protection.lookupHash(token))
                .param("token", protection.seal(token, TOKEN_CONTEXT + ":" + id))
                .param("email", protection.seal(address, EMAIL_CONTEXT + ":" + id))
                .param("language", language.code())
                .param("expires", Timestamp.from(clock.instant().plus(LINK_LIFETIME)))
                .update();
        events.publishEvent(new SignUpRequested(id));
        return List.of();
    }

    /** The request behind a mail to send, if it is still pending. */
    @Transactional(readOnly = true)
    public Optional<PendingRequest> forMail(UUID id) {
        return jdbc.sql("SELECT * FROM identity.sign_up_request WHERE id = :id").param("id", id)
                .query((rs, n) -> {
                    String email = protection.open(rs.getString("email_sealed"), EMAIL_CONTEXT + ":" + id);
                    return new PendingRequest(email,
                            SiteLanguage.fromCode(rs.getString("language")).orElse(SiteLanguage.REFERENCE),
                            protection.open(rs.getString("token_sealed"), TOKEN_CONTEXT + ":" + id),
                            accounts.existsByLogin(email));
                })
                .optional();
    }

    /** The address a link was sent to, while the link is valid. */
    @Transactional(readOnly = true)
    public Optional<String> addressFor(String token) {
        return pending(token).map(row -> row.email);
    }

    /** A completed sign-up: the new account, or message keys of what is wrong (and no account). */
    public record Completion(UUID account, List<String> problems) {

        static Completion refused(List<String> problems) {
            return new Completion(null, problems);
        }
    }

    /** Creates the account from a valid link; nothing is created when there are problems. */
    @Transactional
    public Completion complete(String token, String password, String confirmation) {
        var row = pending(token);
        if (row.isEmpty()) {
            return Completion.refused(List.of(LINK_INVALID));
        }
        if (!password.equals(confirmation)) {
            return Completion.refused(List.of("password.mismatch"));
        }
        List<String> problems = policy.problems(password, row.get().email, false);
        if (!problems.isEmpty()) {
            return Completion.refused(problems);
        }
        jdbc.sql("DELETE FROM identity.sign_up_request WHERE id = :id").param("id", row.get().id).update();
        if (accounts.existsByLogin(row.get().email)) {
            return Completion.refused(List.of(LINK_INVALID));
        }
        var account = new Account(UUID.randomUUID(), AccountKind.RESIDENT, row.get().email, encoder.encode(password), false,
                Assurance.SELF_ASSERTED, true, Set.of(), clock.instant());
        accounts.insert(account);
        audit.record(AuditRecord.of(account.reference(), "account.created").withDetail("sign-up confirmed by mail"));
        return new Completion(account.id(), List.of());
    }

    private record Row(UUID id, String email) {
    }

    private Optional<Row> pending(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id, email_sealed FROM identity.sign_up_request WHERE token_hash = :hash AND expires_at > :now")
                .param("hash", protection.lookupHash(token))
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new Row(id, protection.open(rs.getString("email_sealed"), EMAIL_CONTEXT + ":" + id));
                })
                .optional();
    }
}
