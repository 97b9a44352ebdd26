-- Due follow-ups in batches (issue 17 goal 5, ADR 048): a follow-up job takes up to 50 more of its company's due rows,
-- oldest first, with their leads locked SKIP LOCKED. This index hands them over in due order without reading the
-- company's whole follow-up history (every step ever sent stays in the table).
CREATE INDEX followups_due_idx ON followups (due_at) WHERE status = 'PENDING';
