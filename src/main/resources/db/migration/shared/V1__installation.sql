CREATE SCHEMA IF NOT EXISTS shared;

-- One row: this deployment. The CHECK keeps it to one row whatever the nodes do.
CREATE TABLE shared.installation (
    singleton        BOOLEAN     PRIMARY KEY CHECK (singleton),
    installation_id  UUID        NOT NULL,
    first_started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    starts           BIGINT      NOT NULL
);
