-- When the one-time password an account must change was issued (NULL once a password of the
-- person's own is set): a one-time password is valid for machi.identity.one-time-password-lifetime.
-- Those issued before this column existed count from the account's creation.
ALTER TABLE identity.account ADD COLUMN one_time_password_issued_at TIMESTAMP WITH TIME ZONE;
UPDATE identity.account SET one_time_password_issued_at = created_at WHERE password_must_change;
