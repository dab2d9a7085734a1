#!/usr/bin/env bash
# Load on loopback with wrk (Debian's package, installed here if missing) against a running store: a product page
# with its widgets, and the JSON endpoint, 30 s each at 32 connections on 2 threads. Prints requests/s, latency
# percentiles and non-2xx counts; writes artifacts/load.txt.
# usage: [WARMUP_SECONDS=15] scripts/load-test.sh [baseUrl] [seconds]   (use 127.0.0.1, not localhost: wrk does not fall back from ::1)
set -euo pipefail
cd "$(dirname "$0")/.."
BASE="${1:-http://127.0.0.1:8080}"
SECONDS_EACH="${2:-30}"
if ! command -v wrk >/dev/null 2>&1; then
    SUDO=""; [[ "$(id -u)" != 0 ]] && SUDO="sudo"
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq wrk >/dev/null
fi
mkdir -p artifacts
product_url="$(curl -s "$BASE/shelfwise/api/recommendations?placement=home-trending&limit=1" \
    | sed -n 's/.*"url":"\([^"]*\)".*/\1/p')"
product_id="$(curl -s "$BASE/shelfwise/api/recommendations?placement=home-trending&limit=1" \
    | sed -n 's/.*"id":"\([0-9]*\)".*/\1/p')"
[[ -n "$product_url" && -n "$product_id" ]] || { echo "load-test: the store at $BASE has no trained models yet" >&2; exit 1; }
# A returning shopper: the cookies a first visit gets (session, visitor id), sent with every request. Without them
# every request is a new visitor, for whom Broadleaf creates a session and an anonymous customer.
jar="$(mktemp)"; trap 'rm -f "$jar"' EXIT
curl -s -c "$jar" -o /dev/null "$BASE/"
curl -s -b "$jar" -c "$jar" -o /dev/null "$BASE$product_url"
cookies="$(awk -F'\t' '{ sub(/^#HttpOnly_/, "") } !/^#/ && NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep="; " }' "$jar")"
# Each measured run follows an unrecorded warm-up of the same URL (WARMUP_SECONDS, default 15): the JIT compiles
# the request path during the first seconds, and on 2 cores the compiler threads compete with the requests.
# Non-2xx responses are counted by wrk's summary ("Non-2xx or 3xx responses"); a line is printed only if any.
WARMUP_SECONDS="${WARMUP_SECONDS:-15}"
measure() {
    wrk -t2 -c32 -d"${WARMUP_SECONDS}s" "$@" >/dev/null
    wrk -t2 -c32 -d"${SECONDS_EACH}s" --latency "$@"
}
run() {
    echo "== $1"
    measure "$2"
}
run_as_shopper() {
    echo "== $1 (a returning shopper's cookies)"
    measure -H "Cookie: $cookies" "$2"
}
{
    echo "Machine: $(nproc) cores, $(uname -sr); load average before: $(cut -d' ' -f1-3 /proc/loadavg); store at $BASE"
    run "product page with widgets: $product_url" "$BASE$product_url"
    run_as_shopper "product page with widgets: $product_url" "$BASE$product_url"
    run "JSON endpoint (pdp-also-bought, 8 items)" \
        "$BASE/shelfwise/api/recommendations?placement=pdp-also-bought&limit=8&product=$product_id"
    run_as_shopper "JSON endpoint (pdp-also-bought, 8 items)" \
        "$BASE/shelfwise/api/recommendations?placement=pdp-also-bought&limit=8&product=$product_id"
    run "static script (baseline: no model, no page)" "$BASE/shelfwise/static/shelfwise.js"
} | tee artifacts/load.txt
