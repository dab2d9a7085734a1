#!/usr/bin/env bash
# Starts the demo store the way the README says (./shelfwise demo) on a fresh data folder, walks through it in
# headless Chromium (tools/browser/store-tour.js, the recommendation widgets with widget-tour.js, the admin's
# Recommendations module with admin-tour.js), saves
# screenshots under artifacts/screenshots, and stops it.
# Without Chromium (SHELFWISE_SMOKE_NO_BROWSER=1, or if it cannot be installed) it checks the pages with curl.
# usage: scripts/demo-smoke.sh [port]
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${1:-18080}"
DATA="$(mktemp -d)/store"
LOG="artifacts/demo-smoke.log"
mkdir -p artifacts/screenshots

browser=1
if [[ "${SHELFWISE_SMOKE_NO_BROWSER:-0}" == 1 ]] || ! scripts/install-browser.sh; then
    echo "demo-smoke: no browser; checking pages with curl only" >&2
    browser=0
fi

start=$(date +%s)
./shelfwise demo --port "$PORT" --data-dir "$DATA" > "$LOG" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$(dirname "$DATA")"' EXIT
for _ in $(seq 1 600); do
    grep -q "is ready after" "$LOG" && break
    kill -0 $pid 2>/dev/null || { echo "demo-smoke: the store stopped; log:" >&2; tail -50 "$LOG" >&2; exit 1; }
    sleep 1
done
grep -q "is ready after" "$LOG" || { echo "demo-smoke: the store did not start in 10 minutes" >&2; tail -50 "$LOG" >&2; exit 1; }
echo "demo-smoke: $(grep 'is ready after' "$LOG") ($(($(date +%s) - start)) s from launch, build included)"
grep -h "Seeded the store" "$LOG" || true

if [[ $browser == 1 ]]; then
    node tools/browser/store-tour.js "http://localhost:$PORT" artifacts/screenshots
    # the recommendation widgets, once the new store has trained its models (the tour waits for them)
    node tools/browser/widget-tour.js "http://localhost:$PORT" artifacts/screenshots
    # the admin console's Recommendations module: train, compare, roll back, activate, approve a price
    node tools/browser/admin-tour.js "http://localhost:$PORT" artifacts/screenshots
else
    for path in / /candles-lighting /cart /login /register /admin/login; do
        code=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$PORT$path")
        echo "$path $code"
        [[ $code == 200 ]] || { echo "demo-smoke: $path answered $code" >&2; exit 1; }
    done
fi
echo "demo-smoke: passed"
