-- The manager's day: tasks and reminders on a lead, when a lead was assigned, a snoozed next action, and the
-- tenant's defaults the next-action planner and the call-time parser use.

-- A task on a lead. due_at NULL means "as soon as possible" (the client's words could not be read as a time:
-- they stay in due_text). An AI call task is created when the lead reaches CALL_REQUESTED: at most one open.
CREATE TABLE lead_tasks (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    lead_id        bigint       NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
    kind           varchar(10)  NOT NULL DEFAULT 'TODO' CHECK (kind IN ('CALL', 'TODO')),
    title          varchar(200) NOT NULL CHECK (length(btrim(title)) > 0),
    note           text,
    due_at         timestamptz,
    -- the client's own words for the time ("завтра после обеда"), kept as said
    due_text       varchar(200),
    assignee_id    bigint       REFERENCES users (id),
    source         varchar(4)   NOT NULL CHECK (source IN ('AI', 'USER')),
    created_by     bigint       REFERENCES users (id),
    done_at        timestamptz,
    done_by        bigint       REFERENCES users (id),
    -- "remind me later" from the Now queue: the task is not due again before this moment
    snoozed_until  timestamptz,
    created_at     timestamptz  NOT NULL DEFAULT now(),
    updated_at     timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX lead_tasks_lead_open_idx ON lead_tasks (lead_id, due_at) WHERE done_at IS NULL;
CREATE INDEX lead_tasks_assignee_open_idx ON lead_tasks (assignee_id, due_at) WHERE done_at IS NULL;
CREATE UNIQUE INDEX lead_tasks_ai_call_uq ON lead_tasks (lead_id)
    WHERE source = 'AI' AND kind = 'CALL' AND done_at IS NULL;

-- when the current assignee got the lead (re-assignment after M idle minutes counts from here)
ALTER TABLE leads ADD COLUMN assigned_at timestamptz;
-- a next action snoozed from the Now queue does not show before this moment
ALTER TABLE leads ADD COLUMN next_action_snoozed_until timestamptz;

-- a lead with no activity for this many days in a non-final stage is "stale"
ALTER TABLE crm_settings ADD COLUMN stale_after_days integer NOT NULL DEFAULT 3
    CHECK (stale_after_days BETWEEN 1 AND 365);
-- working hours in the tenant's time zone: what "утром", "после обеда", "as soon as possible" fall into
ALTER TABLE crm_settings ADD COLUMN work_day_start time NOT NULL DEFAULT '09:00';
ALTER TABLE crm_settings ADD COLUMN work_day_end time NOT NULL DEFAULT '18:00';
