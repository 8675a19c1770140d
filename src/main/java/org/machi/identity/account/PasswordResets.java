package org.machi.identity.account;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.machi.audit.AuditRecord;
import org.machi.audit.AuditTrail;
import org.machi.shared.EmailAddresses;
import org.machi.shared.SiteLanguage;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Forgot your password": a resident's address receives a one-time link to choose a new password.
 * The answer is the same whether or not the address has an account; only an active resident
 * account gets a link (staff passwords are reset by an administrator). A new password ends every
 * session of the account.
 */
@Service
public class PasswordResets {

    public static final Duration LIFETIME = Duration.ofMinutes(30);
    /** The message key for a link that is unknown, used or expired. */
    public static final String INVALID = "passwordReset.link.invalid";

    private final Accounts accounts;
    private final AccountTokens tokens;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final AccountSessions sessions;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;

    PasswordResets(Accounts accounts, AccountTokens tokens, PasswordPolicy policy, PasswordEncoder encoder,
                   AccountSessions sessions, ApplicationEventPublisher events, AuditTrail audit) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.policy = policy;
        this.encoder = encoder;
        this.sessions = sessions;
        this.events = events;
        this.audit = audit;
    }

    /** Sends a link if the address belongs to a resident; returns message keys of what is wrong with the address. */
    @Transactional
    public List<String> request(String email, SiteLanguage language) {
        String address = LoginNames.normalize(email);
        if (address.isEmpty()) {
            return List.of("signUp.email.required");
        }
        if (!EmailAddresses.valid(address)) {
            return List.of("signUp.email.invalid");
        }
        accounts.findByLogin(address).filter(Account::active).filter(account -> !account.isStaff()).ifPresent(account -> {
            var id = tokens.issue(AccountTokens.Purpose.PASSWORD_RESET, account.id(), null, language, LIFETIME);
            audit.record(AuditRecord.of(account.reference(), "password.reset.requested"));
            events.publishEvent(new AccountLinkRequested(id));
        });
        return List.of();
    }

    @Transactional(readOnly = true)
    public boolean isValid(String token) {
        return pending(token).isPresent();
    }

    /** Sets the new password from a valid link; returns message keys of what is wrong (nothing changes then). */
    @Transactional
    public List<String> complete(String token, String password, String confirmation) {
        var link = pending(token);
        if (link.isEmpty()) {
            return List.of(INVALID);
        }
        if (!password.equals(confirmation)) {
            return List.of("password.mismatch");
        }
        Account account = link.get().account();
        List<String> problems = policy.problems(password, account.login(), false);
        if (!problems.isEmpty()) {
            return problems;
        }
        if (!tokens.consume(link.get().id())) {
            return List.of(INVALID);
        }
        accounts.changePassword(account.id(), encoder.encode(password));
        sessions.endAll(account.reference());
        audit.record(AuditRecord.of(account.reference(), "password.reset").withDetail("by a link by mail; every session ended"));
        return List.of();
    }

    private record Link(UUID id, Account account) {
    }

    private Optional<Link> pending(String token) {
        return tokens.pending(AccountTokens.Purpose.PASSWORD_RESET, token)
                .flatMap(p -> accounts.findById(p.accountId()).filter(Account::active).map(account -> new Link(p.id(), account)));
    }
}
