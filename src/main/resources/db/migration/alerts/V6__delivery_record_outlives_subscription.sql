-- The record of who was warned, when and how is permanent: a delivery no longer refers to its
-- subscription by a foreign key, so that ending a subscription (or replacing it by a new one)
-- keeps its deliveries. What had not been sent yet is marked FAILED with the reason
-- 'unsubscribed' by the code that ends the subscription. The table is made anew because H2 and
-- PostgreSQL name the old foreign key differently.
CREATE TABLE alerts.delivery_v6 (
    item_kind       VARCHAR(10)  NOT NULL CHECK (item_kind IN ('ALERT', 'NOTICE')),
    item_id         UUID         NOT NULL,
    subscription_id UUID         NOT NULL,
    channel         VARCHAR(10)  NOT NULL CHECK (channel IN ('EMAIL', 'WEBHOOK', 'PUSH')),
    priority        INT          NOT NULL,
    state           VARCHAR(10)  NOT NULL CHECK (state IN ('PENDING', 'SENT', 'FAILED')),
    attempts        INT          NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error      VARCHAR(300),
    sent_at         TIMESTAMP WITH TIME ZONE,
    claimed_by      VARCHAR(60),
    claimed_until   TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (item_id, subscription_id, channel)
);

INSERT INTO alerts.delivery_v6 (item_kind, item_id, subscription_id, channel, priority, state, attempts, next_attempt_at,
                                last_error, sent_at, claimed_by, claimed_until)
SELECT item_kind, item_id, subscription_id, channel, priority, state, attempts, next_attempt_at, last_error, sent_at,
       claimed_by, claimed_until
FROM alerts.delivery;

DROP TABLE alerts.delivery;
ALTER TABLE alerts.delivery_v6 RENAME TO delivery;

CREATE INDEX delivery_claim ON alerts.delivery (state, priority, next_attempt_at, item_id, subscription_id);
CREATE INDEX delivery_by_item ON alerts.delivery (item_id, channel, state);
CREATE INDEX delivery_by_subscription ON alerts.delivery (subscription_id, state);
