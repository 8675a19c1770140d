-- One-time sign-in links sent by mail. The token is sealed (for the mail) and hashed (to find
-- it when the link is used); a link works once and for a few minutes.
CREATE TABLE identity.sign_in_link (
    id           UUID          PRIMARY KEY,
    token_hash   VARCHAR(64)   NOT NULL UNIQUE,
    token_sealed VARCHAR(1000) NOT NULL,
    account_id   UUID          NOT NULL REFERENCES identity.account (id) ON DELETE CASCADE,
    language     VARCHAR(10)   NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
