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

-- Start-up work done once for the whole deployment (the first administrator, the demo content):
-- the node that inserts a row does the work in the same transaction; a node starting at the same
-- moment waits on that row and, once the work is committed, does nothing.
CREATE TABLE shared.done_once (
    name    VARCHAR(100) PRIMARY KEY,
    done_at TIMESTAMP WITH TIME ZONE NOT NULL
);
