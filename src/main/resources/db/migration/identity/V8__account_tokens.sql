-- Links by mail that let a resident act on the account: choose a new password (PASSWORD_RESET)
-- or start using a new address (EMAIL_CHANGE; new_login_sealed holds the address to confirm).
-- The token is sealed (for the mail) and hashed (to find it); a link works once and expires.
-- The purpose is checked by the application: no CHECK constraint (H2 2.4 loses CHECK constraints when a pooled connection is retired).
CREATE TABLE identity.account_token (
    id               UUID          PRIMARY KEY,
    purpose          VARCHAR(20)   NOT NULL,
    token_hash       VARCHAR(64)   NOT NULL UNIQUE,
    token_sealed     VARCHAR(1000) NOT NULL,
    account_id       UUID          NOT NULL REFERENCES identity.account (id) ON DELETE CASCADE,
    new_login_sealed VARCHAR(1000),
    language         VARCHAR(10)   NOT NULL,
    expires_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX account_token_account ON identity.account_token (account_id);
