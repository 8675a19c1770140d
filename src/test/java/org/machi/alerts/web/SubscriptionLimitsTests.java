package org.machi.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.machi.alerts.AlertsProperties;
import org.machi.shared.DataProtection;
import org.machi.shared.RateLimits;
import org.machi.testing.BoundSettings;
import org.machi.testing.HashingOnly;

/** A stranger cannot keep the owner of an address from subscribing, and no one can flood an address. */
class SubscriptionLimitsTests {

    private final SubscriptionLimits limits = new SubscriptionLimits(BoundSettings.of(AlertsProperties.class), RateLimits.inMemory(new HashingOnly()));

    @Test
    void threeRequestsFromAStrangerDoNotBlockTheOwner() {
        for (int i = 0; i < 3; i++) {
            assertThat(limits.allowMail("hanako@example.jp", "203.0.113.9")).isTrue();
        }
        assertThat(limits.allowMail("hanako@example.jp", "203.0.113.9")).as("the stranger is stopped").isFalse();
        assertThat(limits.allowMail("Hanako@example.jp ", "198.51.100.7")).as("the owner, from home").isTrue();
    }

    @Test
    void anAddressGetsNoMoreThanTenConfirmationsADayFromAllClientsTogether() {
        int allowed = 0;
        for (int client = 0; client < 20; client++) {
            allowed += limits.allowMail("taro@example.jp", "192.0.2." + client) ? 1 : 0;
        }
        assertThat(allowed).isEqualTo(10);
    }
}
