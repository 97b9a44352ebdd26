#!/usr/bin/env bash
# Lighthouse (mobile) of the web CRM as the real server serves it (the uber jar, gzip and headers included):
# the login page without a session, and «Сейчас» (/crm/now) of the demo tenant's owner with a session; plus the
# initial JS size of the built web-crm. A bench, not a CI test (issue 15).
#
#   bench/web/lighthouse-jar.sh [--runs N] [--base http://127.0.0.1:8080]
#
#   --runs  Lighthouse runs per page (default 3); each run and the median are printed
#   --pages which pages, space-separated (default "login now")
#   --base  a server already running (its embedded default has the demo tenant); otherwise the script starts
#           platform/server/target/buildcrm.jar on a free port with a fresh data directory and stops it at the end
# Needs: java 17, node ≥ 20, `npm ci` in bench/web (done here if node_modules is missing), Debian chromium
# (CHROME_PATH, default /usr/bin/chromium), a built jar with the web apps inside. No browser is downloaded.
# The signed-in page: the script signs the demo owner in with curl before every run (the refresh token rotates on
# use) and hands Lighthouse the refresh cookie as an extra header; the app restores its session from it as a
# reopened PWA does. Reports go to bench/web/results/.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
RUNS=3; BASE=; PAGES="login now"
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift ;;
    --base) BASE="$2"; shift ;;
    --pages) PAGES="$2"; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
CHROME_FLAGS="--headless=new --no-sandbox --disable-gpu"
[ -d "$HERE/node_modules/lighthouse" ] || (cd "$HERE" && npm ci --no-audit --no-fund)

SERVER_PID=; DATA=
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  [ -n "$DATA" ] && rm -rf "$DATA" || true
}
trap cleanup EXIT
if [ -z "$BASE" ]; then
  JAR="$ROOT/platform/server/target/buildcrm.jar"
  [ -f "$JAR" ] || { echo "no $JAR — build it (README, browser tests)" >&2; exit 1; }
  PORT="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
  DATA="$(mktemp -d)"
  BUILDCRM_PORT="$PORT" BUILDCRM_DATA_DIR="$DATA" BUILDCRM_PUBLIC_URL="http://127.0.0.1:$PORT" \
    java -Xmx1g -jar "$JAR" --port "$PORT" >"$DATA/server.log" 2>&1 &
  SERVER_PID=$!
  BASE="http://127.0.0.1:$PORT"
  for _ in $(seq 360); do curl -fs -o /dev/null "$BASE/health/ready" && break; sleep 0.5; done
  curl -fs -o /dev/null "$BASE/health/ready" || { echo "server not ready; see $DATA/server.log" >&2; exit 1; }
fi

echo "== commit $(git -C "$ROOT" rev-parse --short HEAD), $(date -u +%FT%TZ), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== $("$CHROME_PATH" --version 2>/dev/null | head -1), lighthouse $(node -p "require('$HERE/node_modules/lighthouse/package.json').version"), server $BASE"
if [ -f "$ROOT/web-crm/dist/index.html" ]; then
  echo
  echo "== initial JS (web-crm/dist, the build inside the jar)"
  node "$HERE/initial-js-size.mjs" "$ROOT/web-crm/dist"
fi

# the demo owner's refresh cookie, fresh for each run. The server sets the cookie only for a browser app's login
# (the X-BuildCRM-Session header, as the apps send it); without the header it answers the tokens in the body.
session_cookie() {
  curl -fs -D - -o /dev/null -H 'Content-Type: application/json' -H 'X-BuildCRM-Session: crm' \
    -d '{"tenant":"demo","email":"owner@demo.kz","password":"demo-owner-1"}' "$BASE/api/crm/auth/login" |
    tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/p' | head -1 || true
}

# /health/ready answers before the demo seed is done (the seed runs at start-up, the banner with the demo logins is
# printed after it). A server this script started: wait (bounded) for the banner in its log. Then sign in at most
# 3 times, 5 s apart — never more: the server locks an account after 5 failed attempts in 15 minutes.
if [ -n "$DATA" ]; then
  for _ in $(seq 360); do grep -q 'demo-owner-1' "$DATA/server.log" && break; sleep 0.5; done
  grep -q 'demo-owner-1' "$DATA/server.log" || { echo "no demo seed banner in 3 minutes; see $DATA/server.log" >&2; exit 1; }
fi
for attempt in 1 2 3; do
  [ -n "$(session_cookie)" ] && break
  [ "$attempt" = 3 ] && { echo "the demo owner could not sign in at $BASE (3 attempts)" >&2; exit 1; }
  sleep 5
done

STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$HERE/results/jar-$STAMP"
mkdir -p "$OUT"
for target in $PAGES; do
  reports=()
  for i in $(seq "$RUNS"); do
    report="$OUT/lighthouse-$target-$i.json"
    extra=()
    if [ "$target" = now ]; then
      cookie="$(session_cookie)"
      [ -n "$cookie" ] || { echo "the demo owner could not sign in at $BASE" >&2; exit 1; }
      # A reopened PWA restores its session only when localStorage holds the restore hint its last sign-in left
      # (web-crm/src/lib/api.ts). Lighthouse starts from an empty profile and clears the origin's storage, so
      # each run gets a fresh profile whose localStorage holds just that hint, and keeps the storage. The hint is
      # set on a blank page of the same origin that the browser itself answers (nothing reaches the server, no
      # service worker registers, nothing is cached: the run still starts cold).
      profile="$(mktemp -d)"
      (cd "$HERE" && node -e "
        const { chromium } = require('playwright-core');
        (async () => {
          const c = await chromium.launchPersistentContext(process.argv[1], { executablePath: process.env.CHROME_PATH,
            args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
          const p = c.pages()[0] ?? (await c.newPage());
          const blank = process.argv[2] + '/__lighthouse-profile';
          await p.route(blank, (r) => r.fulfill({ contentType: 'text/html', body: '<!doctype html><title>-</title>' }));
          await p.goto(blank);
          await p.evaluate(() => localStorage.setItem('buildcrm.crm.session.restore', '1'));
          await c.close();
        })();" "$profile" "$BASE")
      extra=(--extra-headers "{\"Cookie\":\"$cookie\"}" --disable-storage-reset)
      flags="$CHROME_FLAGS --user-data-dir=$profile"
    else
      flags="$CHROME_FLAGS"
    fi
    # default config = mobile form factor (Moto G Power emulation), simulated throttling (150 ms RTT, 1.6 Mbps, 4x CPU)
    "$HERE/node_modules/.bin/lighthouse" "$BASE/crm/$target" --form-factor=mobile \
      --only-categories=performance,best-practices,accessibility,seo "${extra[@]}" \
      --chrome-flags="$flags" --output=json --output-path="$report" --quiet
    reports+=("$report")
  done
  echo
  echo "== /crm/$target ($RUNS runs, reports in ${OUT#"$ROOT"/})"
  node "$HERE/summarize.mjs" "${reports[@]}"
  # what the page ended on (a signed-in run must not have fallen back to the login page)
  node -e "const r=require('$OUT/lighthouse-$target-1.json');console.log('  final URL:', r.finalDisplayedUrl)"
done
