-- The handoff summary (ADR 034): the rule-built summary of a lead as it was when it passed to people (taken over,
-- handed off by the AI, or CALL_REQUESTED), one row per lead (the latest handoff replaces it). `version` counts
-- the snapshots, so the LLM's wording (added later by a job) lands only on the snapshot it was asked for.
CREATE TABLE lead_summaries (
    lead_id   bigint      PRIMARY KEY REFERENCES leads (id) ON DELETE CASCADE,
    trigger   varchar(20) NOT NULL CHECK (trigger IN ('TAKEN_OVER', 'HANDED_OFF', 'CALL_REQUESTED')),
    taken_at  timestamptz NOT NULL,
    summary   jsonb       NOT NULL,
    version   integer     NOT NULL DEFAULT 1
);
