package org.machi.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.machi.testing.HashingOnly;

/** Browser subscriptions need no confirmation, so each client address gets only so many a day. */
class PushSubscriptionLimitsTests {

    private final PushSubscriptionLimits limits = new PushSubscriptionLimits(20, Duration.ofDays(1), new HashingOnly());

    @Test
    void aClientMakesAtMostTwentyBrowserSubscriptionsADayAndOthersAreNotHeldUp() {
        int allowed = 0;
        for (int i = 0; i < 100; i++) {
            allowed += limits.allowSubscription("203.0.113.9") ? 1 : 0;
        }
        assertThat(allowed).isEqualTo(20);
        assertThat(limits.allowSubscription("198.51.100.7")).as("another client").isTrue();
    }
}
