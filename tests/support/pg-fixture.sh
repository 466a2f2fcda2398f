#!/usr/bin/env bash
# A private PostgreSQL server on loopback for the test run (a CTest fixture: see cmake/CwPostgresFixture.cmake).
#   pg-fixture.sh start DIR   initdb a throw-away cluster under /tmp, start it on a free port, and write
#                             DIR/url (postgresql://postgres@127.0.0.1:PORT/postgres) for the tests to read
#   pg-fixture.sh stop DIR    stop that server and remove its files
# As root the server runs as the "postgres" user (runuser/su); otherwise as the current user. It never
# touches the machine's own clusters. Exits non-zero, with the server log, when PostgreSQL cannot start:
# the database tests then fail (they are never skipped).
set -euo pipefail

command="${1:-}"
dir="${2:-}"
if [ -z "$command" ] || [ -z "$dir" ]; then
  echo "usage: $0 start|stop DIR" >&2
  exit 2
fi
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"

find_bin() {
  local found=""
  if [ -n "${CW_PG_BIN:-}" ]; then
    found="$CW_PG_BIN"
  else
    # The newest installed version: /usr/lib/postgresql/<version>/bin (Debian/Ubuntu).
    found="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    if [ -z "$found" ] && command -v pg_ctl >/dev/null 2>&1; then
      found="$(dirname "$(command -v pg_ctl)")"
    fi
  fi
  if [ -z "$found" ] || [ ! -x "$found/initdb" ] || [ ! -x "$found/pg_ctl" ]; then
    echo "pg-fixture: no PostgreSQL server binaries found (initdb, pg_ctl); install the 'postgresql' package" >&2
    exit 1
  fi
  echo "$found"
}

as_owner() {
  # Runs a command as the owner of the cluster: postgres when we are root, else ourselves.
  if [ "$(id -u)" = 0 ]; then
    if command -v runuser >/dev/null 2>&1; then
      runuser -u postgres -- "$@"
    else
      su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
    fi
  else
    "$@"
  fi
}

stop_cluster() {
  if [ -f "$dir/workdir" ]; then
    local work bin
    work="$(cat "$dir/workdir")"
    bin="$(cat "$dir/bindir" 2>/dev/null || find_bin)"
    if [ -d "$work/data" ]; then
      as_owner "$bin/pg_ctl" -D "$work/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    case "$work" in
      /tmp/cwpg.*) rm -rf "$work" ;;
    esac
  fi
  rm -f "$dir/url" "$dir/workdir" "$dir/bindir"
}

case "$command" in
start)
  stop_cluster
  bin="$(find_bin)"
  work="$(mktemp -d /tmp/cwpg.XXXXXX)"
  chmod 755 "$work"
  if [ "$(id -u)" = 0 ]; then
    if ! id postgres >/dev/null 2>&1; then
      echo "pg-fixture: running as root but there is no 'postgres' user to run the server" >&2
      exit 1
    fi
    chown postgres: "$work"
  fi
  echo "$work" >"$dir/workdir"
  echo "$bin" >"$dir/bindir"
  locale=C.UTF-8
  if ! locale -a 2>/dev/null | grep -qi '^c\.utf-\?8$'; then locale=C; fi
  if ! as_owner "$bin/initdb" -D "$work/data" -U postgres --auth=trust -E UTF8 --locale="$locale" \
      >"$work/initdb.log" 2>&1; then
    echo "pg-fixture: initdb failed:" >&2
    cat "$work/initdb.log" >&2
    exit 1
  fi
  # A free port: try random ones until the server binds (it refuses a port in use).
  for attempt in $(seq 1 20); do
    port=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
    if as_owner "$bin/pg_ctl" -D "$work/data" -l "$work/server.log" -w -t 60 start \
        -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$work -c fsync=off" \
        >/dev/null 2>&1; then
      echo "postgresql://postgres@127.0.0.1:$port/postgres" >"$dir/url"
      echo "pg-fixture: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($work)"
      exit 0
    fi
    echo "pg-fixture: attempt $attempt on port $port failed" >&2
  done
  echo "pg-fixture: PostgreSQL did not start; its log:" >&2
  cat "$work/server.log" >&2 || true
  exit 1
  ;;
stop)
  stop_cluster
  echo "pg-fixture: stopped"
  ;;
*)
  echo "usage: $0 start|stop DIR" >&2
  exit 2
  ;;
esac
