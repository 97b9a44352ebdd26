#!/usr/bin/env bash
# Issue 17, goal 7: the application server's own start on this machine, the floor under ours.
#
#   bench/payara-floor.sh [runs] [server jar]      defaults: 3, platform/server/target/buildcrm.jar
#
# Starts Payara Micro (the version in the parent pom, from the local Maven repository) with the smallest WAR
# (bench/payara-floor/src: one JAX-RS resource, nothing else) exactly as our jar starts (--nohazelcast), and times
# the command to the first 200 of GET /api/ping. Then, alternating with it, the same for our jar (a restart on
# its data dir, to /health/ready; its first start also generates keys and hashes passwords). Prints one line per
# start and the machine's load. Needs: a JDK, curl, the Maven repository filled by one build (./mvnw install).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
JAR=${2:-platform/server/target/buildcrm.jar}
JAR=$(readlink -f "$JAR")
REPO=${MAVEN_REPO:-$HOME/.m2/repository}
PAYARA_VERSION=$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' pom.xml | head -1)
MICRO=$REPO/fish/payara/extras/payara-micro/$PAYARA_VERSION/payara-micro-$PAYARA_VERSION.jar
API=$(ls "$REPO"/jakarta/ws/rs/jakarta.ws.rs-api/*/jakarta.ws.rs-api-*.jar | grep -v sources | sort -V | tail -1)
WORK=$(mktemp -d /tmp/payara-floor.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

mkdir -p "$WORK/war/WEB-INF/classes"
javac -d "$WORK/war/WEB-INF/classes" -cp "$API" bench/payara-floor/src/floor/Hello.java
(cd "$WORK/war" && jar cf "$WORK/hello.war" .)

# the seconds from the command to the first 200 of $2 (the server started by "$@" after the first two args)
time_to_ready() {
  local log=$1 url=$2; shift 2
  local t0; t0=$(date +%s.%N)
  "$@" > "$log" 2>&1 &
  local pid=$!
  until curl -fs -o /dev/null "$url"; do
    kill -0 $pid 2>/dev/null || { echo "server died: $log" >&2; tail -20 "$log" >&2; exit 1; }
    sleep 0.1
  done
  local t1; t1=$(date +%s.%N)
  kill $pid; wait $pid 2>/dev/null || true
  echo "$t1 - $t0" | bc
}

echo "== $(date -u +%FT%TZ) $(nproc) cores, Payara Micro $PAYARA_VERSION; load: $(cut -d' ' -f1-3 /proc/loadavg)"
PORT=$((20000 + RANDOM % 20000))
export BUILDCRM_DATA_DIR=$WORK/data BUILDCRM_PORT=$PORT BUILDCRM_OPERATOR_PASSWORD=floor-pass-12345
# each time is assigned before it is printed, so a server that dies stops the script (set -e)
t=$(time_to_ready "$WORK/ours-0.log" "http://127.0.0.1:$PORT/health/ready" \
  java -jar "$JAR" --port $PORT --rootdir "$WORK/ours-root")
echo "our jar, first start (keys, password hashes, demo company): $t s"
for i in $(seq 1 "$RUNS"); do
  t=$(time_to_ready "$WORK/hello-$i.log" "http://127.0.0.1:$PORT/hello/api/ping" \
    java -jar "$MICRO" --nohazelcast --port $PORT --rootdir "$WORK/hello-root-$i" --deploy "$WORK/hello.war")
  echo "Payara Micro, the smallest WAR, start $i: $t s"
  t=$(time_to_ready "$WORK/ours-$i.log" "http://127.0.0.1:$PORT/health/ready" \
    java -jar "$JAR" --port $PORT --rootdir "$WORK/ours-root")
  echo "our jar, restart $i: $t s"
done
echo "== load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
