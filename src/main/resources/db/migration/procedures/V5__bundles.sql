-- A life-event bundle (connected one-stop): the online procedures of a resident's plan done in one
-- sitting. The shared facts (move date, addresses, children) are asked once, sealed bound to the
-- bundle's id, and flow into one ordinary draft per procedure. procedures and skipped hold slugs,
-- one per line (skipped as slug:REASON); the owner is an identity account (no foreign key across modules).
CREATE TABLE procedures.bundle (
    id            UUID          PRIMARY KEY,
    owner         UUID          NOT NULL,
    life_event    VARCHAR(20)   NOT NULL,
    procedures    VARCHAR(2000) NOT NULL,
    skipped       VARCHAR(2000) NOT NULL DEFAULT '',
    facts_sealed  VARCHAR(200000),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX bundle_owner ON procedures.bundle (owner);

-- The drafts a bundle started, in the bundle's order. from_bundle lists the field ids of the draft
-- that the shared facts filled (one per line; not personal). No foreign key to the application: a
-- draft deleted or expired leaves its row, and the bundle page says the draft is gone.
CREATE TABLE procedures.bundle_draft (
    bundle_id      UUID          NOT NULL REFERENCES procedures.bundle (id) ON DELETE CASCADE,
    item_order     INTEGER       NOT NULL CHECK (item_order >= 0),
    procedure_slug VARCHAR(60)   NOT NULL,
    application_id UUID          NOT NULL UNIQUE,
    from_bundle    VARCHAR(4000) NOT NULL DEFAULT '',
    PRIMARY KEY (bundle_id, item_order)
);
