-- Keyset paging of the lead list and the board (LeadService): every sort ends with id, and "last
-- activity" is COALESCE(last_message_at, created_at), written exactly as the queries write it.
CREATE INDEX leads_score_activity_idx
    ON leads (score DESC, COALESCE(last_message_at, created_at) DESC, id DESC);
CREATE INDEX leads_stage_score_activity_idx
    ON leads (stage_id, score DESC, COALESCE(last_message_at, created_at) DESC, id DESC);
CREATE INDEX leads_activity_idx ON leads (COALESCE(last_message_at, created_at) DESC, id DESC);
CREATE INDEX leads_created_idx ON leads (created_at DESC, id DESC);

-- Funnel analytics: which stages a lead ever entered.
CREATE INDEX lead_events_stage_changed_idx ON lead_events (lead_id) WHERE type = 'stage.changed';

-- Response-time analytics walk messages by lead in time order.
CREATE INDEX messages_lead_created_idx ON messages (lead_id, created_at, id);
