-- A deleted account is disabled at once and erased after the retention period.
ALTER TABLE identity.account ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;
