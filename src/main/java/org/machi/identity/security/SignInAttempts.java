package org.machi.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import org.machi.audit.AuditRecord;
import org.machi.identity.account.Account;
import org.machi.identity.account.Accounts;
import org.machi.identity.account.LoginNames;
import org.machi.shared.DataProtection;
import org.springframework.stereotype.Component;

/**
 * The audit record of a sign-in that failed or was held back: whose account it was aimed at (its
 * reference, when the name belongs to an account; otherwise the keyed hash of the name, as the
 * throttle counts it, so that attempts on one unknown name can be told apart without keeping the
 * name) and the client address it came from. The actor stays anonymous: nobody was signed in.
 */
@Component
class SignInAttempts {

    private final Accounts accounts;
    private final DataProtection protection;

    SignInAttempts(Accounts accounts, DataProtection protection) {
        this.accounts = accounts;
        this.protection = protection;
    }

    /** The record of {@code action} for this request, whose sign-in name is in {@code nameParameter}; {@code reason} is technical. */
    AuditRecord record(String action, HttpServletRequest request, String nameParameter, String reason) {
        String name = request.getParameter(nameParameter);
        // the same lookup whether or not the name has an account, so the answer takes as long either way
        String client = "client " + request.getRemoteAddr();
        String detail = reason == null ? client : reason + ", " + client;
        if (name == null || name.isBlank()) {
            return AuditRecord.of("anonymous", action).withDetail(detail + ", no name");
        }
        return accounts.findIdByLogin(name).map(Account::reference)
                .map(reference -> AuditRecord.of("anonymous", action).about(reference, "identity.account").withDetail(detail))
                .orElseGet(() -> AuditRecord.of("anonymous", action)
                        .withDetail(detail + ", unknown name " + protection.lookupHash(LoginNames.normalize(name))));
    }
}
