package org.machi.identity.totp;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.spec.SecretKeySpec;

/** RFC 6238 codes as authenticator apps make them: HMAC-SHA1, six digits, 30-second steps. */
final class TotpCodes {

    static final Duration STEP = Duration.ofSeconds(30);
    private static final TimeBasedOneTimePasswordGenerator GENERATOR = new TimeBasedOneTimePasswordGenerator(STEP, 6);

    private TotpCodes() {
    }

    static long step(Instant time) {
        return time.getEpochSecond() / STEP.getSeconds();
    }

    static String code(byte[] secret, long step) {
        try {
            int value = GENERATOR.generateOneTimePassword(new SecretKeySpec(secret, GENERATOR.getAlgorithm()),
                    Instant.ofEpochSecond(step * STEP.getSeconds()));
            return String.format(Locale.ROOT, "%06d", value);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("A TOTP secret is unusable", e);
        }
    }
}
