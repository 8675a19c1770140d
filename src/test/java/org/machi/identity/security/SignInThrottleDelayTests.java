package org.machi.identity.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.machi.audit.AuditTrail;
import org.machi.shared.DataProtection;
import org.machi.shared.RateLimits;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The delay grows the longer one client guesses at a name: first a few at once, then one per
 * short interval, and once the day's allowance is spent, one per much longer interval. No step is
 * a hard lock, and the administrator's unlock clears every step.
 */
class SignInThrottleDelayTests {

    private final SignInThrottle throttle = new SignInThrottle(1000, 2, 1000, 4, Duration.ofSeconds(3),
            RateLimits.inMemory(new Hmac()), mock(AuditTrail.class));

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

    /** Lookup hashes of a fixed length, as the real ones; nothing else of the data protection is used. */
    private static final class Hmac implements DataProtection {
        @Override
        public String lookupHash(String value) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String seal(String plaintext, String context) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String open(String sealed, String context) {
            throw new UnsupportedOperationException();
        }

        @Override
        public byte[] tag(byte[] data) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean verifyTag(byte[] tag, byte[] data) {
            throw new UnsupportedOperationException();
        }
    }
}
