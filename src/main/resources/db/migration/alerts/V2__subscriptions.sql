-- Residents who asked to be told, with or without an account. The address and the webhook URL
-- (which may carry a token) are kept sealed; the address is found by its keyed hash. A subscription is active only once its address is
-- confirmed (double opt-in). Unsubscribing deletes the row and its deliveries.
CREATE TABLE alerts.subscription (
    id                UUID          PRIMARY KEY,
    email_hash        VARCHAR(64)   NOT NULL,
    email_sealed      VARCHAR(1000) NOT NULL,
    language          VARCHAR(10)   NOT NULL,
    whole_city        BOOLEAN       NOT NULL,
    by_email          BOOLEAN       NOT NULL,
    webhook_url_sealed VARCHAR(4000),
    webhook_secret_sealed VARCHAR(1000),
    status            VARCHAR(12)   NOT NULL CHECK (status IN ('PENDING', 'ACTIVE', 'DISABLED')),
    hard_bounces      INT           NOT NULL,
    confirm_hash      VARCHAR(64),
    confirm_sealed    VARCHAR(1000),
    confirm_expires   TIMESTAMP WITH TIME ZONE,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    confirmed_at      TIMESTAMP WITH TIME ZONE
);

CREATE INDEX subscription_email ON alerts.subscription (email_hash);
CREATE INDEX subscription_confirm ON alerts.subscription (confirm_hash);

CREATE TABLE alerts.subscription_district (
    subscription_id UUID        NOT NULL REFERENCES alerts.subscription (id) ON DELETE CASCADE,
    district        VARCHAR(60) NOT NULL,
    PRIMARY KEY (subscription_id, district)
);

CREATE INDEX subscription_district_by_district ON alerts.subscription_district (district, subscription_id);
