package org.machi.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.machi.audit.AuditRecord;
import org.machi.audit.AuditTrail;
import org.machi.identity.account.Account;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Signs a resident in right after they created the account by opening the link in the mail and
 * choosing a password: a new session id, the same authorities a password sign-in gives.
 */
@Component
public class NewAccountSignIn {

    private final AccountUserDetailsService users;
    private final SecurityContextRepository contexts;
    private final AuditTrail audit;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    NewAccountSignIn(AccountUserDetailsService users, SecurityContextRepository contexts, AuditTrail audit) {
        this.users = users;
        this.contexts = contexts;
        this.audit = audit;
    }

    public void signIn(UUID accountId, HttpServletRequest request, HttpServletResponse response) {
        signIn(accountId, request, response, "sign-in.sign-up.succeeded");
    }

    /** The same for another one-time way in (a link by mail), recorded in the audit trail as {@code auditAction}. */
    public void signIn(UUID accountId, HttpServletRequest request, HttpServletResponse response, String auditAction) {
        MachiUser user = users.loadUserByUsername(Account.reference(accountId));
        user.eraseCredentials();
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        holder.setContext(context);
        contexts.saveContext(context, request, response);
        audit.record(AuditRecord.of(user.getUsername(), auditAction));
    }
}
