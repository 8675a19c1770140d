package org.machi.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.machi.identity.IdentityProperties;
import org.machi.shared.RateLimits;
import org.machi.testing.BoundSettings;
import org.machi.testing.HashingOnly;

/** The administrator's unlock gives the account its second-factor guesses back; a spent session stays spent. */
class SecondFactorUnlockTests {

    private final SecondFactorThrottle throttle = new SecondFactorThrottle(
            BoundSettings.of(IdentityProperties.class, "machi.identity.second-factor.attempts=3"), RateLimits.inMemory(new HashingOnly()));

    @Test
    void anUnlockedAccountMayTryAgainInANewSession() {
        UUID account = UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.allow(account, "first session")).isTrue();
        }
        assertThat(throttle.allow(account, "second session")).as("the account's guesses are spent, whatever the session").isFalse();

        throttle.unlock(account);

        assertThat(throttle.allow(account, "third session")).isTrue();
        assertThat(throttle.allow(account, "first session")).as("the guessing session gets nothing back").isFalse();
    }
}
