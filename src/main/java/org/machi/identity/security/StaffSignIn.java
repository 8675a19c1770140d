package org.machi.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.machi.audit.AuditRecord;
import org.machi.audit.AuditTrail;
import org.machi.identity.account.Account;
import org.machi.identity.account.Accounts;
import org.machi.identity.totp.TotpCredentials;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.stereotype.Service;

/** The steps of a staff sign-in after the password, each recorded in the audit trail. */
@Service
public class StaffSignIn {

    private final Accounts accounts;
    private final TotpCredentials totp;
    private final SecondFactorGate gate;
    private final AuditTrail audit;
    private final SecondFactorThrottle throttle;

    StaffSignIn(Accounts accounts, TotpCredentials totp, SecondFactorGate gate, AuditTrail audit, SecondFactorThrottle throttle) {
        this.accounts = accounts;
        this.totp = totp;
        this.gate = gate;
        this.audit = audit;
        this.throttle = throttle;
    }

    /** How a second-factor attempt ended. */
    public enum SecondFactorCheck { PASSED, WRONG, THROTTLED }

    /** Checks an app or recovery code, unless the account or the session has used up its attempts for now. */
    public SecondFactorCheck checkSecondFactor(UUID accountId, HttpServletRequest request, String code) {
        String actor = Account.reference(accountId);
        if (!throttle.allow(accountId, request.getSession().getId())) {
            audit.record(AuditRecord.of(actor, "sign-in.second-factor.throttled"));
            return SecondFactorCheck.THROTTLED;
        }
        boolean passed = totp.verify(accountId, code);
        audit.record(AuditRecord.of(actor, passed ? "sign-in.second-factor.succeeded" : "sign-in.second-factor.failed"));
        return passed ? SecondFactorCheck.PASSED : SecondFactorCheck.WRONG;
    }

    public void secondFactorPassed(HttpServletRequest request, HttpServletResponse response) {
        gate.passed(request, response);
    }

    /** After a password change: the session gets the account's full permissions (still without the second factor). */
    public void reload(UUID accountId, HttpServletRequest request, HttpServletResponse response) {
        Account account = accounts.findById(accountId).orElseThrow();
        MachiUser user = new MachiUser(account, AccountUserDetailsService.authorities(account));
        user.eraseCredentials();
        gate.replace(request, response, UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }
}
