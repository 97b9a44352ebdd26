-- Benchmark-only tenant migration: a typical small change (a column, a table, an index) that puts every
-- tenant "behind by one" so migrate-all has real work to do.
ALTER TABLE leads ADD COLUMN source varchar(40);

CREATE TABLE lead_notes (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    lead_id    bigint      NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
    author_id  bigint      REFERENCES users (id),
    body       text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX lead_notes_lead_idx ON lead_notes (lead_id, created_at DESC);
