-- Assignment rules (issue 14 §4): how a lead gets its manager when it reaches a moment (call requested, handed
-- off by the AI, created), the round-robin cursor, and idle re-assignment. One row per tenant schema.
CREATE TABLE assignment_settings (
    id                      boolean      PRIMARY KEY DEFAULT true CHECK (id),
    mode                    varchar(14)  NOT NULL DEFAULT 'MANUAL'
                            CHECK (mode IN ('MANUAL', 'ROUND_ROBIN', 'LEAST_LOADED')),
    -- the moments the rule applies at, comma-separated: CALL_REQUESTED, HANDOFF, CREATED
    moments                 varchar(100) NOT NULL DEFAULT 'CALL_REQUESTED,HANDOFF',
    -- user ids in rotation order, comma-separated; empty = every active manager (by id)
    rotation                text         NOT NULL DEFAULT '',
    -- re-assign a lead assigned by the rule when its assignee did nothing for this many minutes; NULL = off
    reassign_after_minutes  integer      CHECK (reassign_after_minutes BETWEEN 5 AND 1440),
    -- the round-robin cursor: the user the rule chose last (the next turn starts after this one)
    last_assigned_user_id   bigint,
    updated_at              timestamptz  NOT NULL DEFAULT now()
);
INSERT INTO assignment_settings DEFAULT VALUES;

-- whether the current assignee was chosen by the rule (SYSTEM): only those are re-assigned when idle;
-- an assignment made by a person (PATCH, take-over) is never undone by the timer
ALTER TABLE leads ADD COLUMN assigned_by_rule boolean NOT NULL DEFAULT false;
CREATE INDEX leads_assigned_by_rule_idx ON leads (assigned_at) WHERE assigned_by_rule;
