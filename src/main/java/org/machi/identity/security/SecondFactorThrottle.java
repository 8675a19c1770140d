package org.machi.identity.security;

import java.time.Duration;
import java.util.UUID;
import org.machi.shared.RateLimits;
import org.machi.shared.RateLimits.Limit;
import org.springframework.beans.factory.annotation.Value;
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

    SecondFactorThrottle(@Value("${machi.identity.second-factor.attempts:5}") int attempts,
                         @Value("${machi.identity.second-factor.window:15m}") Duration window, RateLimits rates) {
        this.rates = rates;
        this.perAccount = new Limit("identity.second-factor.per-account", attempts, window);
        this.perSession = new Limit("identity.second-factor.per-session", attempts, window);
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
