-- Claiming takes the first due deliveries in (priority, next_attempt_at, item, subscription)
-- order. With an index in that order after the state, the database reads just the batch it hands
-- out; with the former index (state, next_attempt_at, priority) it sorted every pending delivery at
-- every claim (about a second per claim for 250,000 pending rows).
DROP INDEX alerts.delivery_due;
CREATE INDEX delivery_claim ON alerts.delivery (state, priority, next_attempt_at, item_id, subscription_id);
