#!/usr/bin/env bash
# Follow-up dispatch benchmark (throughput and lateness of N follow-ups due at once), as recorded in
# bench/RESULTS.md.
#
#   bench/followup-dispatch.sh [server jar]                          [follow-ups]
#   defaults:                   platform/server/target/buildcrm.jar   100000
#
# FollowUpDispatchBench starts the jar on the embedded PostgreSQL (fresh temp data dir), creates one tenant with
# the sandbox channel and a two-step follow-up policy, seeds N silent leads with a step-0 follow-up each (and its
# db-scheduler job) due at one instant T, waits until the server has sent them all and the outbox has drained,
# and prints throughput, lateness percentiles, duplicates and the load average.
# FOLLOWUP_ARGS adds options to the Java bench (e.g. --keep keeps the data dir and server log, --due-in 90,
# --batch 5000, --timeout-minutes 60).
#
# The bench module's dependencies (tenant-provisioner, migrations) are not installed in ~/.m2, so this builds the
# bench with its reactor (-am, package only, offline) and runs the main class with java -cp.
# Build the server jar first: ./mvnw -B -o -q -pl platform/server -am -Dskip.web=true -DskipTests package
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${1:-platform/server/target/buildcrm.jar}
N=${2:-100000}
CP_FILE="$PWD/bench/target/classpath.txt"

./mvnw -B -o -q -pl bench -am -DskipTests package dependency:build-classpath -Dmdep.outputFile="$CP_FILE"
echo "== $(date -u +%FT%TZ) $(nproc) cores, $(free -g | awk '/^Mem:/{print $2}') GB; $(java -version 2>&1 | head -1); uptime: $(uptime)"
# shellcheck disable=SC2086
java -cp "bench/target/classes:$(cat "$CP_FILE")" com.buildcrm.bench.FollowUpDispatchBench \
  --jar "$JAR" --followups "$N" ${FOLLOWUP_ARGS:-}
echo "== $(date -u +%FT%TZ) uptime: $(uptime)"
