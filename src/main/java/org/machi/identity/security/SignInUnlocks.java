package org.machi.identity.security;

import org.machi.audit.AuditRecord;
import org.machi.audit.AuditTrail;
import org.machi.identity.account.Account;
import org.springframework.stereotype.Service;

/**
 * An administrator gives a staff member's sign-in its whole budget back: password attempts under
 * the staff ID from every client, and guesses of the second factor. What a client address has
 * spent on other names stays counted. On PostgreSQL the unlock holds on every node.
 */
@Service
public class SignInUnlocks {

    private final SignInThrottle signIn;
    private final SecondFactorThrottle secondFactor;
    private final AuditTrail audit;

    SignInUnlocks(SignInThrottle signIn, SecondFactorThrottle secondFactor, AuditTrail audit) {
        this.signIn = signIn;
        this.secondFactor = secondFactor;
        this.audit = audit;
    }

    public void unlock(Account account, String administrator) {
        signIn.unlock(account.login());
        secondFactor.unlock(account.id());
        audit.record(AuditRecord.of(administrator, "staff.sign-in-unlocked").about(account.reference(), "identity.sign-in-limits"));
    }
}
