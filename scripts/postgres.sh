#!/usr/bin/env bash
# A throw-away PostgreSQL server for the tests, from Debian's packages.
#   scripts/postgres.sh start   install if needed, start on 127.0.0.1:${SHELFWISE_PG_PORT:-55432}, print the env
#   scripts/postgres.sh stop    stop it and delete its data
# The tests use it when SHELFWISE_PG_URL, SHELFWISE_PG_USER and SHELFWISE_PG_PASSWORD are exported.
set -euo pipefail
PORT="${SHELFWISE_PG_PORT:-55432}"
DATA="${SHELFWISE_PG_DATA:-/tmp/shelfwise-pg-$PORT}"
SUDO=""; [[ "$(id -u)" != 0 ]] && SUDO="sudo"

bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

case "${1:-}" in
start)
    if [[ -z "$(bindir)" ]]; then
        echo "Installing PostgreSQL from Debian..." >&2
        $SUDO apt-get update -qq >&2
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
    fi
    BIN="$(bindir)"
    RUN_AS=()
    if [[ "$(id -u)" == 0 ]]; then RUN_AS=(runuser -u postgres --); fi
    if [[ ! -f "$DATA/PG_VERSION" ]]; then
        mkdir -p "$DATA"
        [[ "$(id -u)" == 0 ]] && chown postgres:postgres "$DATA"
        "${RUN_AS[@]}" "$BIN/initdb" -D "$DATA" -U postgres --auth=trust >/dev/null
    fi
    if ! "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
        "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w \
            -o "-p $PORT -k /tmp -c listen_addresses=127.0.0.1" start >/dev/null
    fi
    "${RUN_AS[@]}" "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -tAc \
        "SELECT 1 FROM pg_roles WHERE rolname='shelfwise'" | grep -q 1 || \
        { "${RUN_AS[@]}" "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -qc \
              "CREATE ROLE shelfwise LOGIN PASSWORD 'shelfwise'" && \
          "${RUN_AS[@]}" "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -qc \
              "CREATE DATABASE shelfwise OWNER shelfwise"; }
    echo "export SHELFWISE_PG_URL=jdbc:postgresql://127.0.0.1:$PORT/shelfwise"
    echo "export SHELFWISE_PG_USER=shelfwise"
    echo "export SHELFWISE_PG_PASSWORD=shelfwise"
    ;;
stop)
    BIN="$(bindir)"
    RUN_AS=(); [[ "$(id -u)" == 0 ]] && RUN_AS=(runuser -u postgres --)
    [[ -n "$BIN" && -f "$DATA/PG_VERSION" ]] && "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DATA" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$DATA"
    ;;
*)
    echo "usage: scripts/postgres.sh start|stop" >&2; exit 2 ;;
esac
