-- Daily notices (お知らせ): published by department staff without a second person, by category,
-- for the whole city or some districts. They travel through the same delivery outbox as alerts,
-- after them, and only to subscribers who chose their category.
CREATE TABLE alerts.notice (
    id           UUID          PRIMARY KEY,
    category     VARCHAR(30)   NOT NULL,
    whole_city   BOOLEAN       NOT NULL,
    link         VARCHAR(2000),
    author       VARCHAR(60)   NOT NULL,
    state        VARCHAR(12)   NOT NULL CHECK (state IN ('PUBLISHED', 'WITHDRAWN')),
    published_at TIMESTAMP WITH TIME ZONE NOT NULL,
    withdrawn_by VARCHAR(60),
    withdrawn_at TIMESTAMP WITH TIME ZONE
);

CREATE INDEX notice_published ON alerts.notice (state, category, published_at);

CREATE TABLE alerts.notice_text (
    notice_id UUID           NOT NULL REFERENCES alerts.notice (id) ON DELETE CASCADE,
    language  VARCHAR(10)    NOT NULL,
    title     VARCHAR(600)   NOT NULL,
    body      VARCHAR(16000) NOT NULL,
    PRIMARY KEY (notice_id, language)
);

CREATE TABLE alerts.notice_district (
    notice_id UUID        NOT NULL REFERENCES alerts.notice (id) ON DELETE CASCADE,
    district  VARCHAR(60) NOT NULL,
    PRIMARY KEY (notice_id, district)
);

-- The notice categories a subscriber chose. Emergency alerts reach every subscriber of a
-- district whatever they chose here.
CREATE TABLE alerts.subscription_category (
    subscription_id UUID        NOT NULL REFERENCES alerts.subscription (id) ON DELETE CASCADE,
    category        VARCHAR(30) NOT NULL,
    PRIMARY KEY (subscription_id, category)
);

CREATE INDEX subscription_category_by_category ON alerts.subscription_category (category, subscription_id);

-- Web Push (RFC 8030, VAPID): a browser's push endpoint and its encryption keys (RFC 8291),
-- sealed like an address. A subscription made in the browser has no mail address; the browser's
-- permission prompt is its opt-in.
ALTER TABLE alerts.subscription ALTER COLUMN email_hash DROP NOT NULL;
ALTER TABLE alerts.subscription ALTER COLUMN email_sealed DROP NOT NULL;
ALTER TABLE alerts.subscription ADD COLUMN push_endpoint_hash VARCHAR(64);
ALTER TABLE alerts.subscription ADD COLUMN push_endpoint_sealed VARCHAR(4000);
ALTER TABLE alerts.subscription ADD COLUMN push_keys_sealed VARCHAR(1000);
CREATE INDEX subscription_push_endpoint ON alerts.subscription (push_endpoint_hash);

-- The outbox now carries alerts and notices, and Web Push beside mail and webhooks. The item is
-- an alert or a notice (item_kind), so the column refers to neither table; the table is made anew
-- because H2 and PostgreSQL name the old foreign key differently.
CREATE TABLE alerts.delivery_v4 (
    item_kind       VARCHAR(10)  NOT NULL CHECK (item_kind IN ('ALERT', 'NOTICE')),
    item_id         UUID         NOT NULL,
    subscription_id UUID         NOT NULL REFERENCES alerts.subscription (id) ON DELETE CASCADE,
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

INSERT INTO alerts.delivery_v4 (item_kind, item_id, subscription_id, channel, priority, state, attempts, next_attempt_at,
                                last_error, sent_at, claimed_by, claimed_until)
SELECT 'ALERT', alert_id, subscription_id, channel, priority, state, attempts, next_attempt_at, last_error, sent_at,
       claimed_by, claimed_until
FROM alerts.delivery;

DROP TABLE alerts.delivery;
ALTER TABLE alerts.delivery_v4 RENAME TO delivery;

CREATE INDEX delivery_due ON alerts.delivery (state, next_attempt_at, priority);
CREATE INDEX delivery_by_item ON alerts.delivery (item_id, channel, state);

-- An alert's area beyond the districts, as CAP writes it: a polygon ("lat,lon" pairs, the first
-- repeated last) and/or a circle ("lat,lon radius-km"), WGS 84; and a link to more information.
ALTER TABLE alerts.alert ADD COLUMN area_polygon VARCHAR(4000);
ALTER TABLE alerts.alert ADD COLUMN area_circle VARCHAR(100);
ALTER TABLE alerts.alert ADD COLUMN link VARCHAR(2000);
