#!/usr/bin/env bash
# The list load benchmark (issue 12 item 8): a partnership of N reviews (ten actions and twenty chronology
# entries each) in SQLite and PostgreSQL, and the median and p99 of the busy pages measured with `hey` from
# 127.0.0.1, each beside a bare endpoint (/health/live: no database, no sign-in) measured in the same run.
#
#   bash tests/scripts/load-benchmark.sh                      # SQLite, 1,000 and 10,000 reviews
#   LR_LOAD_SIZES="1000" LR_LOAD_ENGINES="sqlite postgresql" bash tests/scripts/load-benchmark.sh
#   LR_LOAD_REQUESTS=200 LR_LOAD_CONCURRENCY="1 10" ...       # requests per page; concurrent clients (each in turn)
#
# For each engine and size: the app seeds the demo data (Development, --seed-demo), stops, and
# tests/scripts/seed_large_partnership.py copies the demo reviews' rows under new ids up to N reviews (a
# minute or so for 10,000). Then the app starts in Production behind a pretend TLS proxy (as
# probe-running-copies.sh does), signs in as the business manager (sees every review) and the Head of
# Locality (and the administrator, for the audit log), and each page is requested LR_LOAD_REQUESTS times by each number of clients in LR_LOAD_CONCURRENCY after a
# short warm-up. Also prints the cold start (process start to first answer of /health/live), the size
# of My work's HTML and the server's resident memory at the end.
# Needs a Release build (dotnet build -c Release src/LearningReviews.Web), hey (apt-get install hey),
# sqlite3 and, for PostgreSQL, psql and tests/pg-cluster.sh (or LR_TEST_POSTGRES). Not part of the
# test suite. docs/performance.md records the figures.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
REPO_ROOT="$(pwd)"
WEB_DLL="${LR_WEB_DLL:-$REPO_ROOT/src/LearningReviews.Web/bin/Release/net10.0/LearningReviews.Web.dll}"
PASSWORD="heron-lantern-quilt-42"
SIZES="${LR_LOAD_SIZES:-1000 10000}"
ENGINES="${LR_LOAD_ENGINES:-sqlite}"
REQUESTS="${LR_LOAD_REQUESTS:-200}"
# One client alone gives each page's own time; ten at once, what a busy office meets on a 2-core server.
CONCURRENCY="${LR_LOAD_CONCURRENCY:-1 10}"
PORT="${LR_LOAD_PORT:-5291}"
BASE="http://127.0.0.1:$PORT"
WORK="$(mktemp -d /tmp/lr-load.XXXXXX)"
[[ -f "$WEB_DLL" ]] || { echo "Build first: dotnet build -c Release src/LearningReviews.Web" >&2; exit 1; }
command -v hey >/dev/null || { echo "Needs hey: apt-get install hey" >&2; exit 1; }

APP_PID=""
stop_app() { if [[ -n "$APP_PID" ]]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; APP_PID=""; fi; }
cleanup() { stop_app; if [[ "${STARTED_CLUSTER:-}" == 1 ]]; then pg_cluster_stop || true; fi; }
trap cleanup EXIT

# start_app <folder> <environment> [VAR=value...]; sets COLD_START_MS
start_app() {
    local folder="$1" environment="$2"; shift 2
    local started; started=$(date +%s%N)
    env ASPNETCORE_ENVIRONMENT="$environment" LR_DEMO_PASSWORD="$PASSWORD" \
        Authentication__RequireTwoFactorForRoles__0="" \
        Email__PickupFolder="$folder/mail" LogSinks__Folder="$folder/logs" \
        ForwardedHeaders__KnownProxies__0=127.0.0.1 \
        "$@" dotnet "$WEB_DLL" --contentRoot "$REPO_ROOT/src/LearningReviews.Web" --urls "$BASE" \
        ${SEED:+--seed-demo} >>"$folder/app.log" 2>&1 &
    APP_PID=$!
    for _ in $(seq 1 1200); do
        if curl -fsS -o /dev/null "$BASE/health/live" 2>/dev/null; then
            COLD_START_MS=$(( ($(date +%s%N) - started) / 1000000 ))
            return 0
        fi
        if ! kill -0 "$APP_PID" 2>/dev/null; then echo "The app stopped; see $folder/app.log" >&2; tail -20 "$folder/app.log" >&2; return 1; fi
        sleep 0.05
    done
    echo "The app did not answer; see $folder/app.log" >&2
    return 1
}

# measure <label> <path> [cookie]: prints median and p99 in milliseconds
measure() {
    local label="$1" path="$2" cookie="${3:-}"
    local args=(-H "X-Forwarded-Proto: https")
    [[ -n "$cookie" ]] && args+=(-H "Cookie: $cookie")
    hey -t 120 -n 4 -c 2 "${args[@]}" "$BASE$path" >/dev/null
    local out; out=$(hey -t 120 -n "$REQUESTS" -c "$CLIENTS" "${args[@]}" "$BASE$path")
    local median p99 codes
    median=$(awk '/ 50% in/ {printf "%.1f", $3*1000}' <<<"$out")
    p99=$(awk '/ 99% in/ {printf "%.1f", $3*1000}' <<<"$out")
    # With few requests hey prints no 99% line: the slowest request stands in for it.
    [[ -n "$p99" ]] || p99=$(awk '/Slowest:/ {printf "%.1f", $2*1000}' <<<"$out")
    codes=$(awk '/^  \[[0-9]+\]/ {printf "%s%s", sep, $1$2; sep=" "}' <<<"$out")
    printf "  %-34s median %8s ms   p99 %8s ms   %s\n" "$label" "$median" "$p99" "$codes"
}

run() {
    local engine="$1" size="$2"; shift 2
    local folder="$WORK/$engine-$size"
    mkdir -p "$folder"
    SEED=1 start_app "$folder" Development "$@"
    stop_app
    local seeded; seeded=$(date +%s)
    if [[ "$engine" == sqlite ]]; then
        sqlite3 "$folder/lr.db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
        /usr/bin/python3 "$REPO_ROOT/tests/scripts/seed_large_partnership.py" sqlite "$folder/lr.db" "$size" >"$folder/seed.log"
    else
        /usr/bin/python3 "$REPO_ROOT/tests/scripts/seed_large_partnership.py" postgresql "$PG_URI" "$size" >"$folder/seed.log"
    fi
    echo "== $engine, $size reviews (seeded in $(( $(date +%s) - seeded )) s)"
    start_app "$folder" Production "$@"
    echo "  cold start ${COLD_START_MS} ms"
    local bm hol admin review
    bm=$(/usr/bin/python3 "$REPO_ROOT/tests/scripts/load_sign_in.py" "$BASE" "bm@demo.example" "$PASSWORD")
    hol=$(/usr/bin/python3 "$REPO_ROOT/tests/scripts/load_sign_in.py" "$BASE" "hol@demo.example" "$PASSWORD")
    admin=$(/usr/bin/python3 "$REPO_ROOT/tests/scripts/load_sign_in.py" "$BASE" "admin@demo.example" "$PASSWORD")
    curl -fsS -o "$folder/my-work.html" -H "X-Forwarded-Proto: https" -H "Cookie: $bm" "$BASE/"
    review=$(grep -o 'href="/reviews/[0-9a-fA-F-]\{36\}"' "$folder/my-work.html" | head -1 | cut -d'"' -f2 || true)
    echo "  My work HTML for the business manager: $(wc -c <"$folder/my-work.html") bytes"
    for CLIENTS in $CONCURRENCY; do
        echo "  -- $REQUESTS requests a page, $CLIENTS at once"
        measure "bare endpoint (/health/live)" /health/live
        measure "My work, business manager" / "$bm"
        measure "My work, Head of Locality" / "$hol"
        measure "exports page" /exports "$bm"
        measure "exports page, theme filter" "/exports?Theme=Neglect" "$bm"
        measure "one review page" "$review" "$bm"
        measure "action plans list" /action-plans "$bm"
        measure "themes dashboard" /themes "$bm"
        measure "audit log, administrator" /admin/audit "$admin"
        for extra in ${LR_LOAD_EXTRA_PAGES:-}; do measure "$extra" "$extra" "$bm"; done
        measure "bare endpoint again" /health/live
    done
    echo "  server memory (RSS) $(( $(awk '/VmRSS/ {print $2}' "/proc/$APP_PID/status") / 1024 )) MB"
    stop_app
}

for engine in $ENGINES; do
    for size in $SIZES; do
        if [[ "$engine" == sqlite ]]; then
            run sqlite "$size" Database__Provider=Sqlite "ConnectionStrings__Default=Data Source=$WORK/sqlite-$size/lr.db"
        else
            if [[ -z "${ADMIN_CONNECTION:-}" ]]; then
                ADMIN_CONNECTION="${LR_TEST_POSTGRES:-}"
                if [[ -z "$ADMIN_CONNECTION" ]]; then
                    # shellcheck source=tests/pg-cluster.sh
                    source "$REPO_ROOT/tests/pg-cluster.sh"
                    LR_PG_PORT_START=57100 pg_cluster_start
                    STARTED_CLUSTER=1
                    ADMIN_CONNECTION="Host=127.0.0.1;Port=$PG_CLUSTER_PORT;Username=postgres;Password=unused;Database=postgres"
                fi
            fi
            database="lr_load_${size}_$(date +%s)"
            connection="${ADMIN_CONNECTION/Database=postgres/Database=$database}"
            # The app pools its connections as it would in service (a test cluster's string may turn pooling off, which
            # would add a new server process to every request).
            connection="${connection/;Pooling=false/}"
            # psql wants a libpq string: the same settings, spelt its way (Npgsql-only ones such as Pooling dropped).
            PG_URI=$(sed -e 's/Pooling=[^;]*;\{0,1\}//; s/Host=/host=/; s/Port=/port=/; s/Username=/user=/; s/Password=/password=/; s/Database=/dbname=/; s/;/ /g' <<<"$connection")
            run postgresql "$size" Database__Provider=PostgreSQL "ConnectionStrings__Default=$connection"
            # The cluster is shared: the load database goes once measured.
            psql "${PG_URI/dbname=$database/dbname=postgres}" -qc "DROP DATABASE \"$database\" WITH (FORCE)" || true
        fi
    done
done
echo "Logs: $WORK"
