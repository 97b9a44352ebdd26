-- The AI manager's state on each lead, and the lead's history.

-- AI switched off for this lead only (the tenant switch is in platform.tenant_ai)
ALTER TABLE leads ADD COLUMN ai_enabled boolean NOT NULL DEFAULT true;
-- what the AI remembers between turns (asked field, call wanted, price asks, advice given…)
ALTER TABLE leads ADD COLUMN ai_state jsonb NOT NULL DEFAULT '{}'::jsonb;
-- a person moved the lead by hand: the AI does not move it until it is returned to the AI
ALTER TABLE leads ADD COLUMN stage_locked boolean NOT NULL DEFAULT false;
-- the first-contact chain was queued (exactly once per lead)
ALTER TABLE leads ADD COLUMN greeted_at timestamptz;
-- the AI asked for a person (the client wants one); cleared when someone takes the lead
ALTER TABLE leads ADD COLUMN needs_human boolean NOT NULL DEFAULT false;
-- the newest client message the AI has answered (a turn answers everything after it)
ALTER TABLE leads ADD COLUMN ai_answered_message_id bigint NOT NULL DEFAULT 0;

-- Everything that happened to a lead: stage moves, score changes, fields, handoffs, follow-ups, edits.
CREATE TABLE lead_events (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    lead_id     bigint       NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
    type        varchar(40)  NOT NULL,
    -- who did it: the AI, a person (actor_id), or the system (e.g. a follow-up timer)
    actor       varchar(6)   NOT NULL CHECK (actor IN ('AI', 'HUMAN', 'SYSTEM')),
    actor_id    bigint       REFERENCES users (id),
    reason      text,
    details     jsonb        NOT NULL DEFAULT '{}'::jsonb,
    created_at  timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX lead_events_lead_idx ON lead_events (lead_id, id);
