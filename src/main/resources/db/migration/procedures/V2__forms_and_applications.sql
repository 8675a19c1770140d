-- Versions of each procedure's form (forms as data). A published version is never changed:
-- applications keep the version they were made with. A procedure has at most one draft version
-- at a time (draft_of holds its slug while it is a draft, so the unique constraint allows one).
CREATE TABLE procedures.form_version (
    procedure_slug VARCHAR(60)     NOT NULL REFERENCES procedures.procedure (slug),
    version        INTEGER         NOT NULL CHECK (version > 0),
    status         VARCHAR(10)     NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED')),
    draft_of       VARCHAR(60)     UNIQUE,
    definition     VARCHAR(1000000) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by     VARCHAR(80)     NOT NULL,
    published_at   TIMESTAMP WITH TIME ZONE,
    published_by   VARCHAR(80),
    PRIMARY KEY (procedure_slug, version),
    CHECK ((status = 'DRAFT') = (draft_of IS NOT NULL)),
    CHECK (draft_of IS NULL OR draft_of = procedure_slug),
    CHECK ((status = 'PUBLISHED') = (published_at IS NOT NULL AND published_by IS NOT NULL))
);

-- A resident's application: a draft while they fill it in, then submitted with a receipt number.
-- The answers are one sealed document bound to the application id; which fields were prefilled
-- (field ids, one per line) is not personal. The statuses after SUBMITTED are the staff casework's.
-- submit_key is the key of the check-your-answers page last shown, so that a repeated submit is
-- recognised; the applicant is an identity account (no foreign key across modules).
CREATE TABLE procedures.application (
    id               UUID          PRIMARY KEY,
    procedure_slug   VARCHAR(60)   NOT NULL,
    form_version     INTEGER       NOT NULL,
    applicant        UUID          NOT NULL,
    status           VARCHAR(20)   NOT NULL
                     CHECK (status IN ('DRAFT', 'SUBMITTED', 'WITHDRAWN', 'RECEIVED', 'IN_PROGRESS', 'DECIDED')),
    answers_sealed   VARCHAR(1000000) NOT NULL,
    prefilled        VARCHAR(4000) NOT NULL DEFAULT '',
    receipt_number   VARCHAR(32)   UNIQUE,
    submit_key       VARCHAR(64)   UNIQUE,
    fee_due_yen      INTEGER       CHECK (fee_due_yen IS NULL OR fee_due_yen >= 0),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    submitted_at     TIMESTAMP WITH TIME ZONE,
    withdrawn_at     TIMESTAMP WITH TIME ZONE,
    draft_expires_at TIMESTAMP WITH TIME ZONE,
    FOREIGN KEY (procedure_slug, form_version) REFERENCES procedures.form_version (procedure_slug, version),
    CHECK ((status = 'DRAFT') = (receipt_number IS NULL)),
    CHECK ((status = 'DRAFT') = (submitted_at IS NULL)),
    CHECK ((status = 'DRAFT') = (draft_expires_at IS NOT NULL)),
    CHECK ((status = 'WITHDRAWN') = (withdrawn_at IS NOT NULL))
);

CREATE INDEX application_by_applicant ON procedures.application (applicant, status);
CREATE INDEX application_draft_expiry ON procedures.application (draft_expires_at);

-- Receipt numbers (受付番号) are drawn from here when an application is submitted.
CREATE SEQUENCE procedures.receipt_number_seq START WITH 1 INCREMENT BY 1;
