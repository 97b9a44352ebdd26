-- A lead's situation (the next-action planner's input, read for every lead on the board, the list, «Сейчас» and the
-- team's queues) takes, per lead, the newest lead event, the newest finished follow-up run, whether a call of the
-- lead was done and whether a task was created after its follow-ups ran out (ADR 052). With only (lead_id, id) on
-- the events and only open tasks indexed, each took an aggregate over the lead's whole event history and a read of
-- every done task of the company. These make each a step on an index, however long the history.
CREATE INDEX lead_events_lead_created_idx ON lead_events (lead_id, created_at);
-- one row per finished follow-up run
CREATE INDEX lead_events_followup_finished_idx ON lead_events (lead_id, created_at) WHERE type = 'followup.finished';
CREATE INDEX lead_tasks_lead_created_idx ON lead_tasks (lead_id, created_at);
