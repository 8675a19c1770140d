-- Files residents attach to applications. The content is outside the database (a FileStore, by
-- storage_key), encrypted with a key of its own that is sealed here (key_sealed): without the row
-- the stored bytes cannot be read. application_id stays NULL until an application (or its draft)
-- takes the file; unattached files are deleted after a while.
CREATE TABLE procedures.attachment (
    id              UUID          PRIMARY KEY,
    owner_id        UUID          NOT NULL,
    application_id  UUID,
    filename_sealed VARCHAR(2000) NOT NULL,
    media_type      VARCHAR(40)   NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    size_bytes      BIGINT        NOT NULL CHECK (size_bytes > 0),
    sha256          CHAR(64)      NOT NULL,
    storage_key     VARCHAR(100)  NOT NULL UNIQUE,
    key_sealed      VARCHAR(1000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX attachment_application ON procedures.attachment (application_id);
CREATE INDEX attachment_owner ON procedures.attachment (owner_id);
CREATE INDEX attachment_unattached_age ON procedures.attachment (created_at);
