package org.machi.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.machi.alerts.PushProperties;
import org.machi.shared.SigningKey;

/** VAPID on top of the city's shared signing key: what is signed, for whom, and how often. */
class PushIdentityTests {

    private static final Instant NOW = Instant.parse("2026-12-01T03:00:00Z");

    private final List<String> signed = new ArrayList<>();

    private final SigningKey key = new SigningKey() {
        @Override
        public byte[] publicPoint() {
            byte[] point = new byte[65];
            point[0] = 4;
            point[64] = 1;
            return point;
        }

        @Override
        public String signedJwt(String audience, String subject, Instant expires) {
            String token = "jwt(" + audience + "," + subject + "," + expires + ")";
            signed.add(token);
            return token;
        }
    };

    private final PushIdentity identity = new PushIdentity(key, new PushProperties("mailto:bousai@city.example.jp"), null,
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void theHeaderCarriesATokenForThePushServiceAndThePublicKey() {
        assertThat(identity.publicKey()).hasSize(87).startsWith("BAAA").endsWith("AAE");
        assertThat(identity.authorization("https://fcm.googleapis.com")).isEqualTo("vapid t=jwt(https://fcm.googleapis.com,"
                + "mailto:bousai@city.example.jp," + NOW.plus(Duration.ofHours(12)) + "), k=" + identity.publicKey());
    }

    @Test
    void aFanOutSignsOncePerPushService() {
        for (int i = 0; i < 100; i++) {
            identity.authorization("https://fcm.googleapis.com");
            identity.authorization("https://updates.push.services.mozilla.com");
        }
        assertThat(signed).hasSize(2);
    }
}
