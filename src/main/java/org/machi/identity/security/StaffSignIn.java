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

    StaffSignIn(Accounts accounts, TotpCredentials totp, SecondFactorGate gate, AuditTrail audit) {
        this.accounts = accounts;
        this.totp = totp;
        this.gate = gate;
        this.audit = audit;
    }

    public boolean checkSecondFactor(UUID accountId, String code) {
        boolean passed = totp.verify(accountId, code);
        audit.record(AuditRecord.of(Account.reference(accountId), passed ? "sign-in.second-factor.succeeded" : "sign-in.second-factor.failed"));
        return passed;
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
