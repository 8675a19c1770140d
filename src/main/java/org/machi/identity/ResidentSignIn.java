package org.machi.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.machi.audit.AuditRecord;
import org.machi.audit.AuditTrail;
import org.machi.identity.account.Account;
import org.machi.identity.account.Accounts;
import org.machi.identity.security.NewAccountSignIn;
import org.springframework.stereotype.Service;

/**
 * Signing a resident in from another module's one-time link (a link by mail that continues a draft
 * application): the module checks its own link, and this signs the account in for the browser
 * session as identity's own links do, with a new session id, and records it in the audit trail.
 */
@Service
public class ResidentSignIn {

    private final Accounts accounts;
    private final NewAccountSignIn signIn;
    private final AuditTrail audit;

    ResidentSignIn(Accounts accounts, NewAccountSignIn signIn, AuditTrail audit) {
        this.accounts = accounts;
        this.signIn = signIn;
        this.audit = audit;
    }

    /** Signs in the holder of this active resident account by a resume link; false (nobody signed in) for staff, disabled or unknown accounts. */
    public boolean byResumeLink(UUID account, HttpServletRequest request, HttpServletResponse response) {
        if (accounts.findById(account).filter(a -> !a.isStaff() && a.active()).isEmpty()) {
            return false;
        }
        signIn.signIn(account, request, response, "sign-in.resume-link.succeeded");
        return true;
    }

    /** Records a resume link that was refused (unknown, used or expired), with the client address only: the token is not kept. */
    public void resumeLinkRefused(HttpServletRequest request, UUID accountIfKnown) {
        AuditRecord record = AuditRecord.of("anonymous", "sign-in.resume-link.refused").withDetail("client " + request.getRemoteAddr());
        audit.record(accountIfKnown == null ? record : record.about(Account.reference(accountIfKnown), "identity.account"));
    }
}
