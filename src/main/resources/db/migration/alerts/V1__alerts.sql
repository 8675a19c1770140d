CREATE SCHEMA IF NOT EXISTS alerts;

-- Every alert ever drafted, kept for the history: an update or cancel refers to the alert it
-- replaces (CAP references), and the replaced one stays, SUPERSEDED or CANCELLED.
CREATE TABLE alerts.alert (
    id           UUID         PRIMARY KEY,
    msg_type     VARCHAR(10)  NOT NULL CHECK (msg_type IN ('ALERT', 'UPDATE', 'CANCEL')),
    refers_to    UUID         REFERENCES alerts.alert (id),
    kind         VARCHAR(40)  NOT NULL,
    exercise     BOOLEAN      NOT NULL,
    urgency      VARCHAR(12)  NOT NULL,
    severity     VARCHAR(12)  NOT NULL,
    certainty    VARCHAR(12)  NOT NULL,
    shelters     VARCHAR(4000) NOT NULL,
    effective    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires      TIMESTAMP WITH TIME ZONE,
    author       VARCHAR(60)  NOT NULL,
    approver     VARCHAR(60),
    state        VARCHAR(20)  NOT NULL CHECK (state IN ('DRAFT', 'AWAITING_APPROVAL', 'PUBLISHED', 'SUPERSEDED', 'CANCELLED')),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    published_at TIMESTAMP WITH TIME ZONE,
    version      BIGINT       NOT NULL
);

CREATE INDEX alert_published ON alerts.alert (state, published_at);

-- The text in each language. "written" is false for text filled in from the kind's template.
CREATE TABLE alerts.alert_text (
    alert_id    UUID          NOT NULL REFERENCES alerts.alert (id) ON DELETE CASCADE,
    language    VARCHAR(10)   NOT NULL,
    headline    VARCHAR(600)  NOT NULL,
    description VARCHAR(16000) NOT NULL,
    instruction VARCHAR(16000) NOT NULL,
    PRIMARY KEY (alert_id, language)
);

CREATE TABLE alerts.alert_district (
    alert_id UUID        NOT NULL REFERENCES alerts.alert (id) ON DELETE CASCADE,
    district VARCHAR(60) NOT NULL,
    PRIMARY KEY (alert_id, district)
);
