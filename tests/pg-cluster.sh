# shellcheck shell=bash disable=SC2034  # PG_CLUSTER_* are read by the sourcing script
# Throwaway PostgreSQL cluster for the test run. Sourced by tests/run-all.sh; not run on its own.
#
#   pg_cluster_start   initdb + start a cluster in a new temp dir on a free loopback port.
#                      Sets PG_CLUSTER_DIR, PG_CLUSTER_PORT and PG_CLUSTER_BIN (the initdb/pg_ctl dir).
#   pg_cluster_stop    stops it (-m immediate) and removes the dir; safe to call more than once,
#                      or when the start failed half way.
#
# The server binaries come from Debian's postgresql package (/usr/lib/postgresql/*/bin, the newest
# version found); PATH is not used. As root, initdb/pg_ctl run as the `postgres` system user the
# package creates (the server refuses to run as root); otherwise as the current user.
# The cluster trusts every local connection (-A trust), listens only on 127.0.0.1 and on a unix
# socket inside its own dir, and has durability switched off (fsync etc.): it is for tests only.
# Encoding UTF8 with the C.UTF-8 locale (built into Debian 12 glibc): code-point ordering, the same
# on every machine whatever LANG says.

PG_CLUSTER_DIR=""
PG_CLUSTER_PORT=""
PG_CLUSTER_BIN=""

# Prints the newest /usr/lib/postgresql/<version>/bin that has initdb and pg_ctl; fails if none.
pg_cluster_bindir() {
    local dir
    while IFS= read -r dir; do
        if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
            printf '%s\n' "$dir"
            return 0
        fi
    done < <(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -type d -name bin 2>/dev/null | sort -V -r)
    return 1
}

# Runs a command as the cluster's owner, from inside the cluster dir (so the server user never
# needs access to the caller's working directory).
_pg_cluster_as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        (cd "$PG_CLUSTER_DIR" && runuser -u postgres -- "$@")
    else
        (cd "$PG_CLUSTER_DIR" && "$@")
    fi
}

# True when something accepts TCP connections on 127.0.0.1:$1 (pure bash, no ss/python needed).
_pg_cluster_port_in_use() {
    timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

pg_cluster_start() {
    local first_port="${LR_PG_PORT_START:-55432}" port tries=0

    PG_CLUSTER_BIN="$(pg_cluster_bindir)" || {
        echo "pg-cluster: no PostgreSQL server binaries under /usr/lib/postgresql/*/bin (apt-get install postgresql)" >&2
        return 1
    }
    if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
        echo "pg-cluster: running as root but there is no 'postgres' system user to own the cluster" >&2
        return 1
    fi

    PG_CLUSTER_DIR="$(mktemp -d /tmp/lr-pg.XXXXXX)"
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres: "$PG_CLUSTER_DIR"
    fi
    chmod 700 "$PG_CLUSTER_DIR"

    if ! _pg_cluster_as_owner "$PG_CLUSTER_BIN/initdb" -D "$PG_CLUSTER_DIR/data" -A trust -U postgres \
            --no-sync -E UTF8 --locale=C.UTF-8 --no-instructions >"$PG_CLUSTER_DIR/initdb.log" 2>&1; then
        echo "pg-cluster: initdb failed:" >&2
        cat "$PG_CLUSTER_DIR/initdb.log" >&2
        return 1
    fi

    # Try ports upwards from $first_port; a port someone grabs between the check and the start
    # only makes pg_ctl fail, and then the next port is tried.
    port="$first_port"
    while [ "$tries" -lt 100 ]; do
        if ! _pg_cluster_port_in_use "$port"; then
            if _pg_cluster_as_owner "$PG_CLUSTER_BIN/pg_ctl" -w -t 60 -D "$PG_CLUSTER_DIR/data" \
                    -o "-k $PG_CLUSTER_DIR -h 127.0.0.1 -p $port -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
                    -l "$PG_CLUSTER_DIR/log" start >/dev/null; then
                PG_CLUSTER_PORT="$port"
                echo "pg-cluster: PostgreSQL $("$PG_CLUSTER_BIN/postgres" --version | awk '{print $3}') running on 127.0.0.1:$port (dir $PG_CLUSTER_DIR)"
                return 0
            fi
            echo "pg-cluster: could not start on port $port, trying the next one" >&2
            # make sure a half-started server is gone before the next try
            _pg_cluster_as_owner "$PG_CLUSTER_BIN/pg_ctl" -D "$PG_CLUSTER_DIR/data" -m immediate stop >/dev/null 2>&1 || true
        fi
        port=$((port + 1))
        tries=$((tries + 1))
    done
    echo "pg-cluster: no port from $first_port to $((first_port + 99)) worked; server log:" >&2
    cat "$PG_CLUSTER_DIR/log" >&2 2>/dev/null || true
    return 1
}

pg_cluster_stop() {
    local pid=""
    [ -n "$PG_CLUSTER_DIR" ] || return 0
    if [ -d "$PG_CLUSTER_DIR" ]; then
        if [ -f "$PG_CLUSTER_DIR/data/postmaster.pid" ]; then
            pid="$(head -n 1 "$PG_CLUSTER_DIR/data/postmaster.pid" 2>/dev/null || true)"
            _pg_cluster_as_owner "$PG_CLUSTER_BIN/pg_ctl" -D "$PG_CLUSTER_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
            # pg_ctl failed to stop it: end that one postmaster (ours, by its pid) the hard way.
            if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
                kill -KILL "$pid" 2>/dev/null || true
            fi
        fi
        rm -rf "$PG_CLUSTER_DIR"
    fi
    PG_CLUSTER_DIR=""
    PG_CLUSTER_PORT=""
}
