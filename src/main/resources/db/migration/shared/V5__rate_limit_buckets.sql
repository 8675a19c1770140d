-- Rate-limit budgets that every node shares on PostgreSQL (Bucket4j's table; the embedded database
-- keeps them in memory and leaves this table empty). The id is a limit's name and keyed hashes of
-- what it counts (client address, sign-in name, mail address): never the values themselves.
-- expires_at (epoch milliseconds) is when the bucket is full again; a background task deletes
-- such rows.
CREATE TABLE shared.rate_limit_bucket (
    id         VARCHAR(400) PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
CREATE INDEX rate_limit_bucket_expires_at ON shared.rate_limit_bucket (expires_at);
