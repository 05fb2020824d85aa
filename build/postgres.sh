#!/usr/bin/env bash
# Starts and stops a throw-away PostgreSQL server for tests and benchmarks.
#
# Sourced:   source build/postgres.sh; pg_start; ...; pg_stop
#            pg_start exports SEQANOMALY_TEST_POSTGRES, a superuser connection string.
# Executed:  build/postgres.sh start   prints the connection string and leaves the server running;
#            build/postgres.sh stop DIR stops the server whose data folder is under DIR and removes DIR.
#
# The server listens on 127.0.0.1 only, on a free port, with a password made for this run (scram-sha-256),
# and its data folder is a new temporary folder. When run as root, the server runs as user postgres,
# because initdb refuses to run as root.

pg_find_bin() {
    local dir
    if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        PG_BIN="$(dirname "$(readlink -f "$(command -v pg_ctl)")")"
        return 0
    fi
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then
            PG_BIN="$dir"
            return 0
        fi
    done
    return 1
}

pg_install() {
    if pg_find_bin; then
        return 0
    fi
    if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
        echo "PostgreSQL was not found; installing it with apt-get." >&2
        apt-get update >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2
        pg_find_bin && return 0
    fi
    echo "PostgreSQL (initdb and pg_ctl) was not found in PATH or /usr/lib/postgresql/*/bin." >&2
    echo "Install it, for example with 'sudo apt-get install postgresql' on Debian or Ubuntu," >&2
    echo "or 'brew install postgresql' on macOS, and run this command again." >&2
    return 1
}

pg_free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Runs a command as the server's owner: user postgres when we are root, otherwise ourselves.
pg_as_owner() {
    if [[ "$(id -u)" -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

pg_start() {
    pg_install || return 1
    local parent="${TMPDIR:-/tmp}"
    if [[ "$(id -u)" -eq 0 ]] && ! runuser -u postgres -- test -x "$parent"; then
        # The server runs as postgres, which cannot enter a private temporary folder of root's.
        echo "The postgres user cannot enter $parent, so the data folder goes in /tmp instead." >&2
        parent=/tmp
    fi
    PG_DIR="$(mktemp -d "$parent/seqanomaly-pg.XXXXXX")" || return 1
    local password port
    password="$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')"
    port="$(pg_free_port)" || return 1
    printf '%s\n' "$password" > "$PG_DIR/password"
    chmod 600 "$PG_DIR/password"
    if [[ "$(id -u)" -eq 0 ]]; then
        chown -R postgres "$PG_DIR"
    fi

    pg_as_owner "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --pwfile="$PG_DIR/password" \
        --auth=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 || {
        echo "initdb failed; its output follows." >&2
        cat "$PG_DIR/initdb.log" >&2
        return 1
    }
    pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$PG_DIR -c fsync=off" \
        start >/dev/null || {
        echo "PostgreSQL did not start; its log follows." >&2
        cat "$PG_DIR/server.log" >&2
        return 1
    }
    export SEQANOMALY_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Password=$password;Database=postgres"
}

pg_stop() {
    if [[ -n "${PG_DIR:-}" && -d "$PG_DIR" ]]; then
        if [[ -f "$PG_DIR/data/postmaster.pid" ]]; then
            pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
        fi
        rm -rf "$PG_DIR"
    fi
    PG_DIR=""
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    set -euo pipefail
    case "${1:-}" in
        start)
            pg_start
            echo "Data folder: $PG_DIR" >&2
            echo "Stop with: build/postgres.sh stop $PG_DIR" >&2
            echo "$SEQANOMALY_TEST_POSTGRES"
            ;;
        stop)
            PG_DIR="${2:?usage: build/postgres.sh stop DATA_FOLDER}"
            [[ -f "$PG_DIR/password" ]] || { echo "'$PG_DIR' is not a folder made by build/postgres.sh start." >&2; exit 2; }
            pg_find_bin
            pg_stop
            ;;
        *)
            echo "usage: build/postgres.sh start | stop DATA_FOLDER" >&2
            exit 2
            ;;
    esac
fi
