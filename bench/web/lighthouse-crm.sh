#!/usr/bin/env bash
# Lighthouse (mobile) + PWA installability + initial JS size of the built web-crm, served under /crm/.
#
#   bench/web/lighthouse-crm.sh [--build] [--runs N] [--gzip on|off|both] [--port P]
#
#   --build   npm ci && npm run build in web-crm first (otherwise web-crm/dist must exist)
#   --runs    Lighthouse runs per server mode (default 3); each run and the median are printed
#   --gzip    on: the static server gzips text (as nginx/a CDN would); off: no compression, like the real
#             Payara server (WebAppResource, default http-listener); both (default): measure both
# Needs: node ≥ 20, `npm ci` in bench/web (done here if node_modules is missing), Debian chromium
# (CHROME_PATH, default /usr/bin/chromium). No browser is downloaded. Reports go to bench/web/results/.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
DIST="$ROOT/web-crm/dist"
BUILD=0; RUNS=3; GZIP=both; PORT=4173
while [ $# -gt 0 ]; do
  case "$1" in
    --build) BUILD=1 ;;
    --runs) RUNS="$2"; shift ;;
    --gzip) GZIP="$2"; shift ;;
    --port) PORT="$2"; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
CHROME_FLAGS="--headless=new --no-sandbox --disable-gpu"

if [ "$BUILD" = 1 ]; then
  (cd "$ROOT/web-crm" && npm ci --no-audit --no-fund && npm run build)
fi
[ -f "$DIST/index.html" ] || { echo "no $DIST/index.html — run with --build" >&2; exit 1; }
[ -d "$HERE/node_modules/lighthouse" ] || (cd "$HERE" && npm ci --no-audit --no-fund)

echo "== commit $(git -C "$ROOT" rev-parse --short HEAD), $(date -u +%FT%TZ), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== $("$CHROME_PATH" --version 2>/dev/null | head -1), lighthouse $(node -p "require('$HERE/node_modules/lighthouse/package.json').version")"
echo
echo "== initial JS"
node "$HERE/initial-js-size.mjs" "$DIST"

STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$HERE/results/$STAMP"
mkdir -p "$OUT"
SERVER_PID=
cleanup() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true; }
trap cleanup EXIT

modes=("$GZIP"); [ "$GZIP" = both ] && modes=(on off)
STATUS=0
for mode in "${modes[@]}"; do
  flag=; [ "$mode" = on ] && flag=--gzip
  node "$HERE/serve-crm.mjs" --dist "$DIST" --port "$PORT" $flag &
  SERVER_PID=$!
  for _ in $(seq 50); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/crm/" && break; sleep 0.2; done
  URL="http://127.0.0.1:$PORT/crm/"
  echo
  echo "== server gzip $mode: $URL"
  echo "-- installability (Chrome, persistent profile)"
  node "$HERE/installability.mjs" "$URL" || STATUS=1
  reports=()
  for i in $(seq "$RUNS"); do
    report="$OUT/lighthouse-gzip-$mode-$i.json"
    # default config = mobile form factor (Moto G Power emulation), simulated throttling (150 ms RTT, 1.6 Mbps, 4x CPU)
    "$HERE/node_modules/.bin/lighthouse" "$URL" --form-factor=mobile \
      --only-categories=performance,best-practices,accessibility,seo \
      --chrome-flags="$CHROME_FLAGS" --output=json --output-path="$report" --quiet
    reports+=("$report")
  done
  echo "-- lighthouse ($RUNS runs, reports in ${OUT#"$ROOT"/})"
  node "$HERE/summarize.mjs" "${reports[@]}"
  kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=
done
exit $STATUS
