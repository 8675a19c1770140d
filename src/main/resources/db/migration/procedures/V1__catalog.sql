CREATE SCHEMA IF NOT EXISTS procedures;

-- The departments that handle procedures, with how residents reach them.
CREATE TABLE procedures.department (
    code     VARCHAR(40)  PRIMARY KEY,
    position INTEGER      NOT NULL,
    phone    VARCHAR(20)  NOT NULL
);

CREATE TABLE procedures.department_text (
    department_code VARCHAR(40)  NOT NULL REFERENCES procedures.department (code) ON DELETE CASCADE,
    language        VARCHAR(10)  NOT NULL,
    name            VARCHAR(200) NOT NULL,
    counter         VARCHAR(400) NOT NULL,
    PRIMARY KEY (department_code, language)
);

-- The catalog (手続一覧): one row per procedure. A counter-only procedure has no online
-- assurance level (the counter checks identity in person) and says why in its texts.
CREATE TABLE procedures.procedure (
    slug            VARCHAR(60)   PRIMARY KEY,
    position        INTEGER       NOT NULL,
    department_code VARCHAR(40)   NOT NULL REFERENCES procedures.department (code),
    reading         VARCHAR(400)  NOT NULL,
    keywords        VARCHAR(2000) NOT NULL,
    fee_kind        VARCHAR(10)   NOT NULL CHECK (fee_kind IN ('NONE', 'FIXED', 'VARIES')),
    fee_yen         INTEGER       CHECK (fee_yen IS NULL OR fee_yen > 0),
    target_days     INTEGER       CHECK (target_days IS NULL OR target_days >= 0),
    channel         VARCHAR(20)   NOT NULL CHECK (channel IN ('ONLINE', 'COUNTER_ONLY')),
    assurance       VARCHAR(20)   CHECK (assurance IN ('SELF_ASSERTED', 'CARD_VERIFIED')),
    CHECK ((fee_kind = 'FIXED') = (fee_yen IS NOT NULL)),
    CHECK ((channel = 'ONLINE') = (assurance IS NOT NULL))
);

CREATE TABLE procedures.procedure_life_event (
    slug       VARCHAR(60) NOT NULL REFERENCES procedures.procedure (slug) ON DELETE CASCADE,
    life_event VARCHAR(20) NOT NULL,
    PRIMARY KEY (slug, life_event)
);

-- Procedures that go together (an おくやみ bundle lists what the bereaved family may need).
CREATE TABLE procedures.procedure_related (
    slug         VARCHAR(60) NOT NULL REFERENCES procedures.procedure (slug) ON DELETE CASCADE,
    position     INTEGER     NOT NULL,
    related_slug VARCHAR(60) NOT NULL REFERENCES procedures.procedure (slug),
    PRIMARY KEY (slug, position)
);

-- A procedure's texts in one language; documents are one per line.
CREATE TABLE procedures.procedure_text (
    slug                VARCHAR(60)   NOT NULL REFERENCES procedures.procedure (slug) ON DELETE CASCADE,
    language            VARCHAR(10)   NOT NULL,
    title               VARCHAR(200)  NOT NULL,
    summary             VARCHAR(2000) NOT NULL,
    who_may_apply       VARCHAR(2000) NOT NULL,
    proxies             VARCHAR(2000) NOT NULL,
    documents           VARCHAR(4000) NOT NULL,
    fee_note            VARCHAR(1000),
    processing_note     VARCHAR(1000),
    counter_only_reason VARCHAR(1000),
    PRIMARY KEY (slug, language)
);
