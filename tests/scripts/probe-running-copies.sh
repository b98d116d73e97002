#!/usr/bin/env bash
# Tries issue 9's reported defects again against running copies of the app, on SQLite and on
# PostgreSQL, the way a tester would (tests/scripts/probe_reported_defects.py says what is checked).
#
#   bash tests/scripts/probe-running-copies.sh            # after a Release build of the solution
#
# For each database it seeds the demo data (Development environment), then restarts the copy in the
# Production environment behind a pretend TLS-terminating proxy (127.0.0.1 listed as a known proxy;
# every probe request carries X-Forwarded-For/-Proto), and runs the probe. The PostgreSQL copy uses a
# throwaway cluster from tests/pg-cluster.sh (or LR_TEST_POSTGRES when set). Needs pdftotext.
# Prints each check and ends non-zero when any failed. Not part of the test suite: it takes minutes
# and waits for rate-limit windows to pass.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
REPO_ROOT="$(pwd)"
WEB_DLL="$REPO_ROOT/src/LearningReviews.Web/bin/Release/net10.0/LearningReviews.Web.dll"
PASSWORD="heron-lantern-quilt-42"
CLIENT_ADDRESS="203.0.113.7"
WORK="$(mktemp -d /tmp/lr-probe.XXXXXX)"
[[ -f "$WEB_DLL" ]] || { echo "Build first: dotnet build -c Release LearningReviews.sln" >&2; exit 1; }

APP_PID=""
stop_app() { if [[ -n "$APP_PID" ]]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; APP_PID=""; fi; }
cleanup() { stop_app; if [[ "${STARTED_CLUSTER:-}" == 1 ]]; then pg_cluster_stop || true; fi; }
trap cleanup EXIT

# start_app <folder> <environment> <port> [extra VAR=value...]
start_app() {
    local folder="$1" environment="$2" port="$3"; shift 3
    env ASPNETCORE_ENVIRONMENT="$environment" LR_DEMO_PASSWORD="$PASSWORD" \
        Authentication__RequireTwoFactorForRoles__0="" \
        Email__PickupFolder="$folder/mail" LogSinks__Folder="$folder/logs" \
        ForwardedHeaders__KnownProxies__0=127.0.0.1 \
        "$@" dotnet "$WEB_DLL" --contentRoot "$REPO_ROOT/src/LearningReviews.Web" --urls "http://127.0.0.1:$port" \
        ${SEED:+--seed-demo} >>"$folder/app.log" 2>&1 &
    APP_PID=$!
    for _ in $(seq 1 120); do
        if curl -fsS -o /dev/null -H "X-Forwarded-Proto: https" "http://127.0.0.1:$port/health" 2>/dev/null; then return 0; fi
        if ! kill -0 "$APP_PID" 2>/dev/null; then echo "The app stopped; see $folder/app.log" >&2; tail -20 "$folder/app.log" >&2; return 1; fi
        sleep 1
    done
    echo "The app did not answer on port $port; see $folder/app.log" >&2
    return 1
}

# probe <name> <port> VAR=value... (the database settings)
probe() {
    local name="$1" port="$2"; shift 2
    local folder="$WORK/$name"
    mkdir -p "$folder"
    echo "==> $name: seeding the demo data"
    SEED=1 start_app "$folder" Development "$port" "$@"
    stop_app
    echo "==> $name: running in Production behind the proxy"
    start_app "$folder" Production "$port" "$@"
    local rc=0
    python3 "$REPO_ROOT/tests/scripts/probe_reported_defects.py" "http://127.0.0.1:$port" --password "$PASSWORD" \
        --proxy-address "$CLIENT_ADDRESS" --pickup-folder "$folder/mail" || rc=$?
    stop_app
    return $rc
}

FAILED=0
probe sqlite 5191 Database__Provider=Sqlite "ConnectionStrings__Default=Data Source=$WORK/sqlite/learningreviews.db" || FAILED=1

ADMIN_CONNECTION="${LR_TEST_POSTGRES:-}"
if [[ -z "$ADMIN_CONNECTION" ]]; then
    # shellcheck source=tests/pg-cluster.sh
    source "$REPO_ROOT/tests/pg-cluster.sh"
    LR_PG_PORT_START=57000 pg_cluster_start
    STARTED_CLUSTER=1
    ADMIN_CONNECTION="Host=127.0.0.1;Port=$PG_CLUSTER_PORT;Username=postgres;Password=unused;Database=postgres"
fi
PG_DATABASE="lr_probe_$(date +%s)"
probe postgresql 5192 Database__Provider=PostgreSQL "ConnectionStrings__Default=${ADMIN_CONNECTION/Database=postgres/Database=$PG_DATABASE}" || FAILED=1

echo "Logs and mail of both copies: $WORK"
exit $FAILED
