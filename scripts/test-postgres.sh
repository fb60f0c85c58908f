#!/usr/bin/env bash
# Run a command (usually the test suite) beside a throw-away PostgreSQL cluster.
#
#   scripts/test-postgres.sh .venv/bin/python -m pytest -q tests/storage
#
# The command runs with WARTA_TEST_POSTGRES set to the cluster's URL; the cluster lives in
# a temporary directory and is stopped and removed when the command ends, passes or fails.
# The command's exit status is this script's.
#
# - WARTA_TEST_POSTGRES already set: that server is used as it is; nothing is started.
# - No PostgreSQL binaries: as root, the Debian package `postgresql` is installed with
#   apt-get. When that is not possible, or the cluster does not start, the reason is
#   printed and the command runs without the URL: the PostgreSQL tests are skipped,
#   saying why, instead of failing.
# - As root, initdb and the server run as the `postgres` user (initdb refuses root).
set -uo pipefail

say() { echo "test-postgres: $*" >&2; }

if [ $# -eq 0 ]; then
    say "usage: $0 COMMAND [ARGS...]"
    exit 2
fi

COMMAND=("$@")

if [ -n "${WARTA_TEST_POSTGRES:-}" ]; then
    say "using the server in WARTA_TEST_POSTGRES"
    exec "$@"
fi

# Without PostgreSQL, run the command anyway: its PostgreSQL cases skip with the reason.
without_postgres() {
    say "$1; running without PostgreSQL (its tests are skipped)"
    if [ -n "${PGTMP:-}" ]; then cleanup; fi
    trap - EXIT
    exec "${COMMAND[@]}"
}

find_bin() {  # the newest installed server's bin directory (Debian's layout, else the PATH)
    local initdb
    initdb=$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1)
    [ -n "$initdb" ] || initdb=$(command -v initdb 2>/dev/null)
    [ -n "$initdb" ] && dirname "$(readlink -f "$initdb")"
}

PGBIN=$(find_bin)
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
    if [ "$(id -u)" -ne 0 ]; then
        without_postgres "no PostgreSQL server binaries (initdb) and not root to install them"
    fi
    if ! command -v apt-get >/dev/null 2>&1; then
        without_postgres "no PostgreSQL server binaries (initdb) and no apt-get to install them"
    fi
    say "installing the Debian package postgresql"
    export DEBIAN_FRONTEND=noninteractive
    if ! apt-get install -y -q postgresql >/dev/null 2>&1; then
        apt-get update -q >/dev/null 2>&1
        apt-get install -y -q postgresql >/dev/null 2>&1 \
            || without_postgres "apt-get install postgresql failed"
    fi
    PGBIN=$(find_bin)
    [ -n "$PGBIN" ] && [ -x "$PGBIN/initdb" ] || without_postgres "postgresql installed but no initdb found"
fi

# As root the cluster belongs to `postgres`; otherwise to whoever runs this.
if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || without_postgres "running as root but there is no postgres user"
    as_owner() { (cd / && runuser -u postgres -- "$@"); }
else
    as_owner() { "$@"; }
fi

# A free TCP port on the loopback interface (a race with other programs is unlikely).
PORT=$(python3 - <<'EOF' 2>/dev/null
import socket
with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    print(s.getsockname()[1])
EOF
) || PORT=""
[ -n "$PORT" ] || PORT=$((20000 + RANDOM % 20000))

# Under /tmp: the postgres user can reach it, and the socket path stays short.
PGTMP=$(mktemp -d /tmp/warta-pg.XXXXXX) || { PGTMP=""; without_postgres "cannot create a temporary directory"; }
[ "$(id -u)" -eq 0 ] && chown postgres: "$PGTMP"

cleanup() {
    if [ -f "$PGTMP/data/postmaster.pid" ]; then
        as_owner "$PGBIN/pg_ctl" -D "$PGTMP/data" -m immediate -w stop >/dev/null 2>&1
    fi
    rm -rf "$PGTMP"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if ! as_owner "$PGBIN/initdb" -D "$PGTMP/data" -U postgres -A trust -E UTF8 --no-locale >"$PGTMP/initdb.log" 2>&1; then
    tail -n 20 "$PGTMP/initdb.log" >&2
    without_postgres "initdb failed (its log is above)"
fi
# Durability is not needed for a cluster that lives as long as one test run.
if ! as_owner "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/server.log" -w -t 60 \
        -o "-p $PORT -k $PGTMP -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null; then
    tail -n 20 "$PGTMP/server.log" >&2
    without_postgres "the server did not start (its log is above)"
fi

export WARTA_TEST_POSTGRES="postgresql://postgres@127.0.0.1:$PORT/postgres"
say "PostgreSQL $("$PGBIN/postgres" -V | awk '{print $3}') at $WARTA_TEST_POSTGRES"
"${COMMAND[@]}"
exit $?
