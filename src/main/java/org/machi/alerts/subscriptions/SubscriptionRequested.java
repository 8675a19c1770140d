package org.machi.alerts.subscriptions;

import java.util.UUID;

/** A resident asked to subscribe; the confirmation mail goes out after the request is stored. */
record SubscriptionRequested(UUID subscriptionId) {
}
