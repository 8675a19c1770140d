CREATE SCHEMA IF NOT EXISTS audit;

-- Append-only: the application only inserts. Each hash is a keyed MAC over the entry and the
-- previous entry's hash, so changing, removing or inserting a row breaks the chain at that row.
CREATE TABLE audit.entry (
    seq           BIGINT        PRIMARY KEY,
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    actor         VARCHAR(100)  NOT NULL,
    action        VARCHAR(100)  NOT NULL,
    subject       VARCHAR(100),
    record        VARCHAR(200),
    purpose       VARCHAR(500),
    detail        VARCHAR(1000),
    previous_hash VARCHAR(100)  NOT NULL,
    hash          VARCHAR(100)  NOT NULL
);

CREATE INDEX entry_subject ON audit.entry (subject);

-- The end of the chain; locked by each append so that nodes never fork it, and compared with the
-- last entry so that removing entries from the end is detected too.
CREATE TABLE audit.chain_head (
    singleton BOOLEAN      PRIMARY KEY CHECK (singleton),
    last_seq  BIGINT       NOT NULL,
    last_hash VARCHAR(100) NOT NULL
);

INSERT INTO audit.chain_head (singleton, last_seq, last_hash) VALUES (TRUE, 0, '');
