-- Links by mail that continue one draft, for its owner, in any browser. The token is kept as a
-- keyed hash (to find it) and sealed (for the mail, until it is used); a used, voided or expired
-- link keeps its row for a while without the sealed token, so that its page can offer a new link
-- to the same draft (sent to the owner, never to whoever holds the old one). step_id is where the
-- resident stopped: a step id, 'check-answers', or NULL for the first step not yet answered.
CREATE TABLE procedures.draft_resume_link (
    id             UUID          PRIMARY KEY,
    application_id UUID          NOT NULL REFERENCES procedures.application (id) ON DELETE CASCADE,
    account_id     UUID          NOT NULL,
    token_hash     VARCHAR(64)   NOT NULL UNIQUE,
    token_sealed   VARCHAR(1000),
    step_id        VARCHAR(60),
    language       VARCHAR(10)   NOT NULL,
    reason         VARCHAR(10)   NOT NULL CHECK (reason IN ('ASKED', 'REMINDER')),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at        TIMESTAMP WITH TIME ZONE
);

CREATE INDEX draft_resume_link_application ON procedures.draft_resume_link (application_id);
CREATE INDEX draft_resume_link_expiry ON procedures.draft_resume_link (expires_at);

-- The reminder mailed before a draft is deleted: the expiry it warned about, so that each
-- deadline is announced once (a draft changed afterwards gets a later deadline, and a new reminder).
CREATE TABLE procedures.draft_reminder (
    application_id UUID PRIMARY KEY REFERENCES procedures.application (id) ON DELETE CASCADE,
    expiry         TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
