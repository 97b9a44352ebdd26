-- Follow-ups: one row per step of a silence. A silence starts with the bot message that armed it; a client
-- message, a take-over, AI switched off or a closed lead cancels what is pending. The unique key makes every
-- step happen at most once per silence, whatever the number of instances or crashes.
CREATE TABLE followups (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    lead_id           bigint       NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
    armed_message_id  bigint       NOT NULL,
    armed_at          timestamptz  NOT NULL,
    -- index into the policy's steps; the row after the last step (step = number of steps) is the final check
    step              integer      NOT NULL CHECK (step >= 0),
    due_at            timestamptz  NOT NULL,
    status            varchar(10)  NOT NULL DEFAULT 'PENDING'
                      CHECK (status IN ('PENDING', 'SENT', 'SKIPPED', 'CANCELLED', 'FINISHED')),
    text              text,
    message_id        bigint,
    reason            text,
    created_at        timestamptz  NOT NULL DEFAULT now(),
    updated_at        timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (lead_id, armed_message_id, step)
);
CREATE INDEX followups_pending_idx ON followups (lead_id) WHERE status = 'PENDING';
