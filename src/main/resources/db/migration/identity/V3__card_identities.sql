-- Accounts signed in with the My Number Card: the provider's subject is kept only as a keyed hash.
CREATE TABLE identity.card_identity (
    issuer       VARCHAR(500) NOT NULL,
    subject_hash VARCHAR(64)  NOT NULL,
    account_id   UUID         NOT NULL REFERENCES identity.account (id) ON DELETE CASCADE,
    linked_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (issuer, subject_hash)
);
