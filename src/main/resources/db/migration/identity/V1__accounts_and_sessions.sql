CREATE SCHEMA IF NOT EXISTS identity;

-- Residents and staff. The sign-in name (an email address, or a staff ID) is kept encrypted;
-- login_hash, a keyed hash of its normalised form, finds the account without decrypting anything.
CREATE TABLE identity.account (
    id                   UUID         PRIMARY KEY,
    kind                 VARCHAR(16)  NOT NULL CHECK (kind IN ('RESIDENT', 'STAFF')),
    login_hash           VARCHAR(64)  NOT NULL UNIQUE,
    login_sealed         VARCHAR(1000) NOT NULL,
    password_hash        VARCHAR(200),
    password_must_change BOOLEAN      NOT NULL,
    assurance            VARCHAR(20)  NOT NULL CHECK (assurance IN ('SELF_ASSERTED', 'CARD_VERIFIED')),
    status               VARCHAR(16)  NOT NULL CHECK (status IN ('ACTIVE', 'DISABLED')),
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    version              BIGINT       NOT NULL
);

CREATE TABLE identity.staff_role (
    account_id UUID        NOT NULL REFERENCES identity.account (id) ON DELETE CASCADE,
    role       VARCHAR(40) NOT NULL,
    PRIMARY KEY (account_id, role)
);

-- A staff member's TOTP (RFC 6238) secret, encrypted; last_step stops a code being used twice.
CREATE TABLE identity.totp_credential (
    account_id    UUID          PRIMARY KEY REFERENCES identity.account (id) ON DELETE CASCADE,
    secret_sealed VARCHAR(1000) NOT NULL,
    confirmed_at  TIMESTAMP WITH TIME ZONE,
    last_step     BIGINT        NOT NULL
);

CREATE TABLE identity.recovery_code (
    account_id UUID        NOT NULL REFERENCES identity.account (id) ON DELETE CASCADE,
    code_hash  VARCHAR(64) NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (account_id, code_hash)
);

-- Spring Session's tables, so that a session works on every node. The principal name is the
-- account id, never an email address.
CREATE TABLE identity.web_session (
    primary_id            CHAR(36)     NOT NULL PRIMARY KEY,
    session_id            CHAR(36)     NOT NULL,
    creation_time         BIGINT       NOT NULL,
    last_access_time      BIGINT       NOT NULL,
    max_inactive_interval INT          NOT NULL,
    expiry_time           BIGINT       NOT NULL,
    principal_name        VARCHAR(100)
);
CREATE UNIQUE INDEX web_session_id ON identity.web_session (session_id);
CREATE INDEX web_session_expiry ON identity.web_session (expiry_time);
CREATE INDEX web_session_principal ON identity.web_session (principal_name);

CREATE TABLE identity.web_session_attributes (
    session_primary_id CHAR(36)     NOT NULL REFERENCES identity.web_session (primary_id) ON DELETE CASCADE,
    attribute_name     VARCHAR(200) NOT NULL,
    attribute_bytes    BYTEA        NOT NULL,
    PRIMARY KEY (session_primary_id, attribute_name)
);
