-- A pending sign-up: the address and the link's token are sealed; token_hash finds the request
-- when the link is opened. Rows go when the account is created or the link expires.
CREATE TABLE identity.sign_up_request (
    id           UUID          PRIMARY KEY,
    token_hash   VARCHAR(64)   NOT NULL UNIQUE,
    token_sealed VARCHAR(1000) NOT NULL,
    email_sealed VARCHAR(1000) NOT NULL,
    language     VARCHAR(10)   NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
