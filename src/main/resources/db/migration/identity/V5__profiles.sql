-- A resident's profile (name, kana, birth date, address, district, phone, preferences), kept as
-- one encrypted document bound to its account. Deleting the account deletes it.
CREATE TABLE identity.profile (
    account_id UUID           PRIMARY KEY REFERENCES identity.account (id) ON DELETE CASCADE,
    sealed     VARCHAR(8000)  NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
