-- Scratch tables for the pgbench comparison (bench/webhook-ingest.sh). Dropped by teardown.sql.
DROP TABLE IF EXISTS bench_ins, bench_jobs, bench_channel;
CREATE TABLE bench_ins (id bigserial PRIMARY KEY, payload jsonb);
-- for inbox-like.sql: the same three statements the webhook transaction runs
CREATE TABLE bench_jobs (name text NOT NULL, id text NOT NULL, at timestamptz NOT NULL, PRIMARY KEY (name, id));
CREATE TABLE bench_channel (tenant_id bigint PRIMARY KEY, last_inbound_at timestamptz);
INSERT INTO bench_channel VALUES (1, NULL);
