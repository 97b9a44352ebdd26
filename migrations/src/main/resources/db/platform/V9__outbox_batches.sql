-- Sends in batches (issue 17 goal 5, ADR 048): a send job reserves up to 16 more due rows of its company besides its own.
-- claimed_with names the row whose job reserved this one (and, once claimed, keeps it holding its chat back while that
-- job lives: OutboxSender.EARLIER_IN_CHAT); reserved_until keeps other batches off it; both NULL for a row its own job claimed.
ALTER TABLE outbox ADD COLUMN claimed_with bigint, ADD COLUMN reserved_until timestamptz;

-- A company's due rows in order, without reading the other companies' queue.
CREATE INDEX outbox_tenant_due_idx ON outbox (tenant_id, next_attempt_at) WHERE status = 'PENDING';
