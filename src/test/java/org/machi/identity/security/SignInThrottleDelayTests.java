package org.machi.identity.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import org.junit.jupiter.api.Test;
import org.machi.audit.AuditTrail;
import org.machi.identity.IdentityProperties;
import org.machi.identity.account.Accounts;
import org.machi.shared.RateLimits;
import org.machi.testing.BoundSettings;
import org.machi.testing.HashingOnly;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The delay grows the longer one client guesses at a name: first a few at once, then one per
 * short interval, and once the day's allowance is spent, one per much longer interval. No step is
 * a hard lock, and the administrator's unlock clears every step.
 */
class SignInThrottleDelayTests {

    private final SignInThrottle throttle = new SignInThrottle(BoundSettings.of(IdentityProperties.class,
            "machi.identity.throttle.attempts-per-address=1000", "machi.identity.throttle.attempts-per-account=2",
            "machi.identity.throttle.attempts-per-account-from-anywhere=1000", "machi.identity.throttle.attempts-per-account-per-day=4",
            "machi.identity.throttle.window=3s"), RateLimits.inMemory(new HashingOnly()), mock(AuditTrail.class),
            new SignInAttempts(mock(Accounts.class), new HashingOnly()));

    @Test
    void theWaitGrowsAsGuessingGoesOnAndAnUnlockClearsIt() throws Exception {
        assertThat(attempt()).isTrue();
        assertThat(attempt()).isTrue();
        assertThat(attempt()).as("the window's two are spent").isFalse();

        Thread.sleep(3100);
        assertThat(attempt()).as("the window refilled").isTrue();
        assertThat(attempt()).as("the fourth of the day").isTrue();
        Thread.sleep(3100);
        assertThat(attempt()).as("the window refilled, but the day's four are spent: now one per six hours").isFalse();

        throttle.unlock("Suzuki.Hanako");
        assertThat(attempt()).as("unlocked, whatever form of the name was used").isTrue();
    }

    private boolean attempt() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/sign-in");
        request.setServletPath("/sign-in");
        request.setRemoteAddr("203.0.113.50");
        request.setParameter("login", "suzuki.hanako");
        MockFilterChain chain = new MockFilterChain();
        throttle.doFilter(request, new MockHttpServletResponse(), chain);
        return chain.getRequest() != null;
    }
}
