-- The outbox of alert deliveries: written in the transaction that publishes the alert, one row
-- per (alert, subscription, channel). The primary key is the idempotency key: a delivery can be
-- recorded only once, and its key travels with the message (webhook-id, Message-ID), so a
-- receiver can recognise the one message that a worker's crash made it resend.
CREATE TABLE alerts.delivery (
    alert_id        UUID         NOT NULL REFERENCES alerts.alert (id),
    subscription_id UUID         NOT NULL REFERENCES alerts.subscription (id) ON DELETE CASCADE,
    channel         VARCHAR(10)  NOT NULL CHECK (channel IN ('EMAIL', 'WEBHOOK')),
    priority        INT          NOT NULL,
    state           VARCHAR(10)  NOT NULL CHECK (state IN ('PENDING', 'SENT', 'FAILED')),
    attempts        INT          NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error      VARCHAR(300),
    sent_at         TIMESTAMP WITH TIME ZONE,
    -- A worker claims a batch for a while; if it dies, the claim lapses and another takes over.
    claimed_by      VARCHAR(60),
    claimed_until   TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (alert_id, subscription_id, channel)
);

CREATE INDEX delivery_due ON alerts.delivery (state, next_attempt_at, priority);
CREATE INDEX delivery_by_alert ON alerts.delivery (alert_id, channel, state);
