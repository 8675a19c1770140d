package org.machi.alerts.web;

import org.machi.alerts.AlertsProperties;
import org.machi.shared.RateLimits;
import org.machi.shared.RateLimits.Limit;
import org.springframework.stereotype.Component;

/**
 * How many browser push subscriptions one client address may make in a while. They are active at
 * once, without a confirmation (the browser asked its owner), so without a bound one client could
 * fill the subscription table and the fan-out of every alert. The budget is the shared
 * {@link RateLimits}, as {@link SubscriptionLimits} uses: on PostgreSQL every node counts against
 * the same one, keyed by a hash of the address.
 */
@Component
class PushSubscriptionLimits {

    private final RateLimits rates;
    private final Limit perClient;

    PushSubscriptionLimits(AlertsProperties properties, RateLimits rates) {
        AlertsProperties.Push push = properties.push();
        this.rates = rates;
        this.perClient = new Limit("alerts.push.subscriptions-per-client", push.subscriptionsPerClient(), push.subscriptionsWindow());
    }

    /** Whether this client may subscribe one more browser now; counts it if so. */
    boolean allowSubscription(String clientAddress) {
        return rates.tryTake(perClient, clientAddress);
    }
}
