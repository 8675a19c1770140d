-- Readiness writes a row here and rolls it back: a node whose database takes reads but refuses
-- writes (read-only, closed, broken constraints) leaves the load balancer instead of answering 500.
-- The CHECK makes the probe go through constraint checking like the application's own writes.
CREATE TABLE shared.write_probe (
    id        UUID        PRIMARY KEY,
    outcome   VARCHAR(10) NOT NULL CHECK (outcome IN ('WRITTEN')),
    probed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
