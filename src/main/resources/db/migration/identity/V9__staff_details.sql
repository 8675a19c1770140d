-- What colleagues see of a staff member: a display name and a work mail address, sealed because
-- they identify a person (ADR 0002), and the department, plain because it names a unit, not a person.
CREATE TABLE identity.staff_details (
    account_id          UUID          PRIMARY KEY REFERENCES identity.account (id) ON DELETE CASCADE,
    display_name_sealed VARCHAR(1000) NOT NULL,
    department          VARCHAR(100),
    email_sealed        VARCHAR(1000)
);
