package org.machi.identity.security;

import java.util.UUID;
import org.machi.identity.IdentityProperties;
import org.machi.shared.RateLimits;
import org.machi.shared.RateLimits.Limit;
import org.springframework.stereotype.Component;

/**
 * Limits guesses of the second factor (app codes and recovery codes alike) per account and per
 * session: with a million codes and a few guesses a quarter of an hour, a stolen password alone
 * no longer gets in. A throttled attempt is not checked at all. The budgets are the shared
 * {@link RateLimits}, so a second node gives no second set of guesses.
 */
@Component
class SecondFactorThrottle {

    private final RateLimits rates;
    private final Limit perAccount;
    private final Limit perSession;

    SecondFactorThrottle(IdentityProperties properties, RateLimits rates) {
        IdentityProperties.SecondFactor guesses = properties.secondFactor();
        this.rates = rates;
        this.perAccount = new Limit("identity.second-factor.per-account", guesses.attempts(), guesses.window());
        this.perSession = new Limit("identity.second-factor.per-session", guesses.attempts(), guesses.window());
    }

    /** Takes one attempt for the account and the session; false when either has none left. */
    boolean allow(UUID account, String session) {
        boolean accountAllowed = rates.tryTake(perAccount, account.toString());
        boolean sessionAllowed = rates.tryTake(perSession, session);
        return accountAllowed && sessionAllowed;
    }

    /** Gives the account its whole budget back (an administrator's unlock). */
    void unlock(UUID account) {
        rates.reset(perAccount, account.toString());
    }
}
