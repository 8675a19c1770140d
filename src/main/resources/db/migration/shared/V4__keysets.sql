-- The deployment's keysets when they are kept in the database (several nodes): each one encrypted
-- ("wrapped") with the key-encryption key from configuration, never in the clear. The first node
-- to start inserts them; version guards a change (rotation, a new key-encryption key) against
-- another node's change at the same time.
CREATE TABLE shared.keyset (
    kind       VARCHAR(40)    PRIMARY KEY,
    wrapped    VARCHAR(100000) NOT NULL,
    version    BIGINT         NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    wrapped_at TIMESTAMP WITH TIME ZONE NOT NULL
);
