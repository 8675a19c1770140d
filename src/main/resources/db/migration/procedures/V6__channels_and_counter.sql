-- Applications filed at the counter (書かない窓口): a clerk fills a draft for a resident who came in,
-- and the resident need not have an account. channel tells the two apart; a counter application
-- has no applicant account but the clerk's account reference, the resident's register number
-- (an internal number, never the My Number) and the counter session it was filed in; return_path
-- is the counter's page that the last step page of a counter draft leads back to.
ALTER TABLE procedures.application ADD COLUMN channel VARCHAR(10) DEFAULT 'ONLINE' NOT NULL;
ALTER TABLE procedures.application ADD COLUMN clerk VARCHAR(80);
ALTER TABLE procedures.application ADD COLUMN register_number VARCHAR(20);
ALTER TABLE procedures.application ADD COLUMN counter_session UUID;
ALTER TABLE procedures.application ADD COLUMN return_path VARCHAR(500);
ALTER TABLE procedures.application ALTER COLUMN applicant DROP NOT NULL;
ALTER TABLE procedures.application ADD CONSTRAINT application_channel CHECK (channel IN ('ONLINE', 'COUNTER'));
ALTER TABLE procedures.application ADD CONSTRAINT application_channel_applicant CHECK ((channel = 'ONLINE') = (applicant IS NOT NULL));
ALTER TABLE procedures.application ADD CONSTRAINT application_counter_clerk
    CHECK ((channel = 'COUNTER') = (clerk IS NOT NULL AND counter_session IS NOT NULL));

CREATE INDEX application_by_counter_session ON procedures.application (counter_session);

-- Files a resident sends with a reply to a case's request for information. The content is an
-- attachment like any other (procedures.attachment: encrypted, outside the database); the
-- attachment belongs to itself (application_id = its own id) so that the clean-up of unattached
-- uploads leaves it alone, and this row marks it as a reply file of that owner.
CREATE TABLE procedures.reply_file (
    id          UUID PRIMARY KEY,
    owner_id    UUID NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
