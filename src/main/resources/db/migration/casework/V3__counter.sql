-- The no-writing counter (書かない窓口): one row per visit of a resident, served by one clerk.
-- Measures: time from start to submit, fields prefilled from the register against fields typed.
CREATE SCHEMA IF NOT EXISTS casework;

CREATE TABLE casework.counter_session (
    id               UUID PRIMARY KEY,
    clerk            VARCHAR(80) NOT NULL,
    register_number  VARCHAR(20) NOT NULL,
    started_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    submitted_at     TIMESTAMP WITH TIME ZONE,
    closed_at        TIMESTAMP WITH TIME ZONE,
    fields_prefilled INTEGER NOT NULL DEFAULT 0,
    fields_typed     INTEGER NOT NULL DEFAULT 0,
    procedures       VARCHAR(2000) NOT NULL DEFAULT ''   -- slugs, one per line
);
CREATE INDEX counter_session_by_clerk ON casework.counter_session (clerk, started_at);

-- Why the clerk reads this resident's data (the purpose chosen at the look-up); every later read
-- of the register in the session is audited with it.
CREATE TABLE casework.counter_session_purpose (
    session_id UUID PRIMARY KEY REFERENCES casework.counter_session (id),
    purpose    VARCHAR(40) NOT NULL
);

-- The applications started in a session (drafts owned by the clerk until submitted), so that the
-- session page and the summary find them after submitting too.
CREATE TABLE casework.counter_application (
    application_id UUID PRIMARY KEY,
    session_id     UUID NOT NULL REFERENCES casework.counter_session (id),
    procedure_slug VARCHAR(60) NOT NULL,
    started_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX counter_application_by_session ON casework.counter_application (session_id, started_at);
