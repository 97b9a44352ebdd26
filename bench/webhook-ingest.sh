#!/usr/bin/env bash
# Webhook ingest benchmark + PostgreSQL single-row insert baseline, as recorded in bench/RESULTS.md.
#
#   bench/webhook-ingest.sh [server jar] [messages per level] [client levels] [pgbench seconds]
#   defaults:                /tmp/bench-buildcrm.jar  5000      1,4,16         20
#
# 1. WebhookIngestBench: starts the jar on the embedded PostgreSQL 17 (fresh temp data dir), one tenant with a
#    ChatFlow channel, posts the webhooks at each concurrency level, waits until all are processed into
#    messages, then runs pgbench (bench/pgbench/insert.sql) against that same embedded PostgreSQL.
# 2. pgbench against the machine's PostgreSQL 15 on 127.0.0.1:5432 (user postgres, trust): insert.sql (one row
#    per transaction) and inbox-like.sql (the webhook transaction's three statements), same levels.
# INGEST_ARGS adds options to the Java bench (e.g. --keep keeps the data dir and server log, --warmup 500).
# Needs: the bench module installed (./mvnw -q -o -pl bench install -DskipTests), psql and pgbench on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${1:-/tmp/bench-buildcrm.jar}
N=${2:-5000}
LEVELS=${3:-1,4,16}
SECS=${4:-20}
PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER

echo "== $(date -u +%FT%TZ) $(nproc) cores; uptime: $(uptime)"
./mvnw -q -pl bench exec:java -Dexec.mainClass=com.buildcrm.bench.WebhookIngestBench \
  -Dexec.args="--jar $JAR --messages $N --clients $LEVELS --pgbench-seconds $SECS ${INGEST_ARGS:-}"
echo "== uptime: $(uptime)"

echo "== pgbench against $(psql -tAc 'select version()' postgres | cut -d' ' -f1-2) on $PGHOST:$PGPORT, ${SECS} s per level"
psql -q -f bench/pgbench/setup.sql postgres
for script in insert.sql inbox-like.sql; do
  for c in ${LEVELS//,/ }; do
    j=$(( c < 2 ? c : 2 ))
    out=$(pgbench -n -f bench/pgbench/$script -c "$c" -j "$j" -T "$SECS" postgres 2>&1)
    echo "PGBENCH pg15 script=$script clients=$c tps=$(grep -oP 'tps = \K[0-9.]+' <<<"$out")" \
         "latency_avg_ms=$(grep -oP 'latency average = \K[0-9.]+' <<<"$out") failed=$(grep -oP 'number of failed transactions: \K[0-9]+' <<<"$out" || echo 0)"
  done
done
psql -q -f bench/pgbench/teardown.sql postgres
echo "== PG15 settings: $(psql -tAc "select string_agg(name||'='||setting, ' ') from pg_settings where name in ('synchronous_commit','fsync','wal_sync_method','shared_buffers')" postgres)"
echo "== uptime: $(uptime)"
