package org.machi.identity.account;

import java.time.Duration;
import java.util.List;
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
 * A signed-in resident changes the password or the mail address. Both ask for the current
 * password first, so that a session left open on a shared computer cannot take the account over.
 * A new address is used only once a link sent to it is opened by the same account; an address
 * that already has an account gets no link, and the page answers the same.
 */
@Service
public class CredentialChanges {

    public static final Duration EMAIL_LINK_LIFETIME = Duration.ofHours(24);

    private final Accounts accounts;
    private final AccountTokens tokens;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final AccountSessions sessions;

    CredentialChanges(Accounts accounts, AccountTokens tokens, PasswordPolicy policy, PasswordEncoder encoder,
                      ApplicationEventPublisher events, AuditTrail audit, AccountSessions sessions) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.tokens = tokens;
        this.policy = policy;
        this.encoder = encoder;
        this.events = events;
        this.audit = audit;
    }

    @Transactional
    public List<FieldProblem> changePassword(UUID accountId, String currentPassword, String password, String confirmation,
                                             String currentSessionId) {
        Account account = accounts.findById(accountId).orElseThrow();
        if (!matches(account, currentPassword)) {
            return List.of(new FieldProblem("currentPassword", "credentials.currentPassword.wrong"));
        }
        if (!password.equals(confirmation)) {
            return List.of(new FieldProblem("password", "password.mismatch"));
        }
        List<String> problems = policy.problems(password, account.login(), false);
        if (!problems.isEmpty()) {
            return problems.stream().map(key -> new FieldProblem("password", key)).toList();
        }
        accounts.changePassword(accountId, encoder.encode(password));
        sessions.endAllBut(account.reference(), currentSessionId);
        audit.record(AuditRecord.of(account.reference(), "password.changed").withDetail("on the account page; other sessions ended"));
        return List.of();
    }

    /** Sends a link to the new address; returns what is wrong (nothing is sent then). */
    @Transactional
    public List<FieldProblem> requestEmailChange(UUID accountId, String currentPassword, String email, SiteLanguage language) {
        Account account = accounts.findById(accountId).orElseThrow();
        String address = LoginNames.normalize(email);
        if (address.isEmpty()) {
            return List.of(new FieldProblem("email", "signUp.email.required"));
        }
        if (!EmailAddresses.valid(address)) {
            return List.of(new FieldProblem("email", "signUp.email.invalid"));
        }
        if (address.equals(account.login())) {
            return List.of(new FieldProblem("email", "emailChange.same"));
        }
        if (!matches(account, currentPassword)) {
            return List.of(new FieldProblem("currentPassword", "credentials.currentPassword.wrong"));
        }
        if (!accounts.existsByLogin(address)) {
            UUID id = tokens.issue(AccountTokens.Purpose.EMAIL_CHANGE, accountId, address, language, EMAIL_LINK_LIFETIME);
            events.publishEvent(new AccountLinkRequested(id));
        }
        audit.record(AuditRecord.of(account.reference(), "account.email-change.requested"));
        return List.of();
    }

    /** Whether the link is valid for this account. */
    @Transactional(readOnly = true)
    public boolean isValidEmailLink(UUID accountId, String token) {
        return tokens.pending(AccountTokens.Purpose.EMAIL_CHANGE, token).filter(p -> p.accountId().equals(accountId)).isPresent();
    }

    /** Makes the confirmed address the account's sign-in address; false if the link is not valid for this account. */
    @Transactional
    public boolean confirmEmailChange(UUID accountId, String token) {
        var link = tokens.pending(AccountTokens.Purpose.EMAIL_CHANGE, token).filter(p -> p.accountId().equals(accountId));
        if (link.isEmpty() || !tokens.consume(link.get().id()) || accounts.existsByLogin(link.get().newLogin())) {
            return false;
        }
        accounts.changeLogin(accountId, link.get().newLogin());
        audit.record(AuditRecord.of(Account.reference(accountId), "account.email.changed").withDetail("confirmed by a link to the new address"));
        return true;
    }

    /**
     * Whether the person at the keyboard proves again that the account is theirs, before something
     * that cannot be undone: the current password. An account signed in with the card alone has
     * no password; the card sign-in of this session stands for it.
     */
    @Transactional(readOnly = true)
    public boolean confirmsIdentity(UUID accountId, String currentPassword) {
        Account account = accounts.findById(accountId).orElseThrow();
        return account.passwordHash() == null || matches(account, currentPassword);
    }

    @Transactional(readOnly = true)
    public boolean hasPassword(UUID accountId) {
        return accounts.findById(accountId).map(account -> account.passwordHash() != null).orElse(false);
    }

    private boolean matches(Account account, String password) {
        return account.passwordHash() != null && password != null && encoder.matches(password, account.passwordHash());
    }
}
