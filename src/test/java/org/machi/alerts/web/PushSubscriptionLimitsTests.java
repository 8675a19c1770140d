package org.machi.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.machi.alerts.AlertsProperties;
import org.machi.shared.RateLimits;
import org.machi.testing.BoundSettings;
import org.machi.testing.HashingOnly;

/** Browser subscriptions need no confirmation, so each client address gets only so many a day, counted in the shared budgets. */
class PushSubscriptionLimitsTests {

    private final RateLimits rates = RateLimits.inMemory(new HashingOnly());

    @Test
    void aClientMakesAtMostTwentyBrowserSubscriptionsADayAndOthersAreNotHeldUp() {
        PushSubscriptionLimits limits = new PushSubscriptionLimits(BoundSettings.of(AlertsProperties.class), rates);
        assertThat(subscriptions(limits, "203.0.113.9")).isEqualTo(20);
        assertThat(limits.allowSubscription("198.51.100.7")).as("another client").isTrue();
    }

    /** Two nodes share one budget: what one counted, the other sees. */
    @Test
    void everyNodeCountsAgainstTheSameBudget() {
        AlertsProperties settings = BoundSettings.of(AlertsProperties.class, "machi.alerts.push.subscriptions-per-client=5");
        PushSubscriptionLimits one = new PushSubscriptionLimits(settings, rates);
        PushSubscriptionLimits other = new PushSubscriptionLimits(settings, rates);
        assertThat(subscriptions(one, "203.0.113.9")).isEqualTo(5);
        assertThat(other.allowSubscription("203.0.113.9")).as("the other node, same client").isFalse();
    }

    private static int subscriptions(PushSubscriptionLimits limits, String client) {
        int allowed = 0;
        for (int i = 0; i < 100; i++) {
            allowed += limits.allowSubscription(client) ? 1 : 0;
        }
        return allowed;
    }
}
