#!/usr/bin/env bash
# The project's test command:   bash tests/run-all.sh [dotnet test arguments...]
#
# Works on a fresh Debian 12 machine that has only the .NET 10 SDK (as root, e.g. in CI with
# CI=true and no stdin) and for a developer who already has the tools. It:
#   1. installs what is missing, and only that, with apt-get (as root; otherwise it says what
#      to install and exits 1): PostgreSQL server (postgresql), Chromium (chromium),
#      pdftotext (poppler-utils), an SMTP test server (python3-aiosmtpd), fonts (fonts-liberation2),
#      time-zone data for Europe/London (tzdata),
#      and node/npm when absent;
#   2. runs `npm ci` in tests/LearningReviews.BrowserTests when axe-core isn't there yet;
#   3. starts a throwaway PostgreSQL cluster (tests/pg-cluster.sh) on a free 127.0.0.1 port,
#      stopped and deleted again on exit, whatever happens;
#   4. exports for the tests:
#        LR_TEST_POSTGRES  admin connection string of that cluster, e.g.
#                          Host=127.0.0.1;Port=55432;Username=postgres;Password=unused;Database=postgres;Pooling=false
#                          (tests create and drop their own databases through it)
#        LR_CHROMIUM       /usr/bin/chromium
#        LR_AXE_PATH       absolute path of node_modules/axe-core/axe.min.js
#   5. builds LearningReviews.sln in Release (warnings are errors) and runs every test project with
#      `dotnet test -c Release --no-build`, all of them even when one fails, printing each test's name;
#   6. ends with a line `N passed, N failed, N skipped` (totals over all projects) and exits non-zero
#      when a test failed, a project's run failed, or no test ran at all.
#
# Arguments are passed through to every `dotnet test`, e.g.
#   bash tests/run-all.sh --filter "FullyQualifiedName~Reviews"
#
# Environment switches:
#   LR_SKIP_DOTNET=1      do everything but the dotnet build/test (checks the installs and the cluster;
#                         prints the connection string and exits 0)
#   LR_PG_PORT_START=N    first port tried for the cluster (default 55432; the next free one is used)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO_ROOT="$(pwd)"

# shellcheck source=tests/pg-cluster.sh
source "$REPO_ROOT/tests/pg-cluster.sh"

BROWSER_TESTS_DIR="$REPO_ROOT/tests/LearningReviews.BrowserTests"
AXE_PATH="$BROWSER_TESTS_DIR/node_modules/axe-core/axe.min.js"
CHROMIUM=/usr/bin/chromium
TEST_PROJECTS=(
    tests/LearningReviews.UnitTests/LearningReviews.UnitTests.csproj
    tests/LearningReviews.IntegrationTests/LearningReviews.IntegrationTests.csproj
    tests/LearningReviews.BrowserTests/LearningReviews.BrowserTests.csproj
)

export DOTNET_CLI_TELEMETRY_OPTOUT="${DOTNET_CLI_TELEMETRY_OPTOUT:-1}"
export DOTNET_NOLOGO="${DOTNET_NOLOGO:-1}"

log() { printf '==> %s\n' "$*"; }

# ---------------------------------------------------------------- cleanup
LOG_DIR=""
# shellcheck disable=SC2317  # invoked through the trap
cleanup() {
    local rc=$?
    trap - EXIT
    pg_cluster_stop || true
    [ -z "$LOG_DIR" ] || rm -rf "$LOG_DIR"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# ---------------------------------------------------------------- 1. system packages
APT_UPDATED=0
apt_install() {
    if [ "$APT_UPDATED" -eq 0 ]; then
        log "apt-get update"
        apt-get -o DPkg::Lock::Timeout=600 update -q
        APT_UPDATED=1
    fi
    log "apt-get install $*"
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "$@"
}

have_python_module() { [ -x /usr/bin/python3 ] && /usr/bin/python3 -c "import $1" >/dev/null 2>&1; }

missing_packages() {
    local -a pkgs=()
    pg_cluster_bindir >/dev/null || pkgs+=(postgresql)
    [ -x "$CHROMIUM" ] || pkgs+=(chromium)
    command -v pdftotext >/dev/null 2>&1 || pkgs+=(poppler-utils)
    have_python_module aiosmtpd || pkgs+=(python3-aiosmtpd)
    [ -d /usr/share/fonts/truetype/liberation2 ] || pkgs+=(fonts-liberation2)
    [ -f /usr/share/zoneinfo/Europe/London ] || pkgs+=(tzdata)
    # (psql, handy for looking into the cluster, comes with the server package.)
    if [ "${#pkgs[@]}" -gt 0 ]; then printf '%s\n' "${pkgs[@]}"; fi
}

if ! command -v dotnet >/dev/null 2>&1 && [ "${LR_SKIP_DOTNET:-0}" != 1 ]; then
    echo "error: the .NET 10 SDK (dotnet) is not on PATH; install it first (https://dot.net)." >&2
    exit 1
fi

mapfile -t MISSING < <(missing_packages)
if [ "${#MISSING[@]}" -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "error: missing system packages. Install them with:" >&2
        echo "  sudo apt-get install --no-install-recommends ${MISSING[*]}" >&2
        exit 1
    fi
    apt_install "${MISSING[@]}"
    mapfile -t STILL_MISSING < <(missing_packages)
    if [ "${#STILL_MISSING[@]}" -gt 0 ]; then
        echo "error: still missing after apt-get install: ${STILL_MISSING[*]}" >&2
        exit 1
    fi
fi

# ---------------------------------------------------------------- 2. npm packages
# Node.js and npm are needed only to fetch them (the machine may have Node.js from elsewhere, with its
# own npm: install only what lacks).
if [ ! -f "$AXE_PATH" ]; then
    for tool in node npm; do
        if ! command -v "$tool" >/dev/null 2>&1; then
            pkg="$tool"
            [ "$tool" = node ] && pkg=nodejs
            if [ "$(id -u)" -ne 0 ]; then
                echo "error: '$tool' is missing. Install it with:  sudo apt-get install --no-install-recommends $pkg" >&2
                exit 1
            fi
            apt_install "$pkg"
        fi
    done
    log "npm ci in tests/LearningReviews.BrowserTests"
    (cd "$BROWSER_TESTS_DIR" && npm ci --no-audit --no-fund)
fi
if [ ! -f "$AXE_PATH" ]; then
    echo "error: $AXE_PATH is still missing after npm ci" >&2
    exit 1
fi

# ---------------------------------------------------------------- 3./4. PostgreSQL + environment
log "starting a throwaway PostgreSQL cluster"
pg_cluster_start

export LR_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_CLUSTER_PORT;Username=postgres;Password=unused;Database=postgres;Pooling=false"
export LR_CHROMIUM="$CHROMIUM"
export LR_AXE_PATH="$AXE_PATH"
log "LR_TEST_POSTGRES=$LR_TEST_POSTGRES"
log "LR_CHROMIUM=$LR_CHROMIUM"
log "LR_AXE_PATH=$LR_AXE_PATH"

if [ "${LR_SKIP_DOTNET:-0}" = 1 ]; then
    log "LR_SKIP_DOTNET=1: skipping dotnet build and tests"
    exit 0
fi

# ---------------------------------------------------------------- 5. build and test
log "dotnet build LearningReviews.sln -c Release"
dotnet build LearningReviews.sln -c Release

# Prints "failed passed skipped" summed over the VSTest summaries in the dotnet test output file $1.
# With the console logger at normal verbosity each test assembly ends with a block like
#     Test Run Failed.
#     Total tests: 13
#          Passed: 11
#          Failed: 1
#         Skipped: 1
#      Total time: 1.2 Seconds
# (a count of 0 is left out). At minimal verbosity the form is one line per assembly:
#     Failed!  - Failed:     1, Passed:    11, Skipped:     1, Total:    13, Duration: 1 s - X.dll (net10.0)
# The block form is used when present, else the one-line form.
count_results() {
    awk '
        /^Total tests: / { inblock = 1; blocks++; next }
        inblock && /^[[:space:]]*Total time:/ { inblock = 0; next }
        inblock && match($0, /^[[:space:]]*(Passed|Failed|Skipped):[[:space:]]*[0-9]+[[:space:]]*$/) {
            split($0, kv, ":"); gsub(/[[:space:]]/, "", kv[1]); gsub(/[[:space:]]/, "", kv[2])
            b[kv[1]] += kv[2]; next
        }
        /^[[:space:]]*(Passed|Failed)![[:space:]]+-[[:space:]]+Failed:/ {
            line = $0; gsub(/[[:space:]]/, "", line)
            if (match(line, /Failed:[0-9]+/))  l["Failed"]  += substr(line, RSTART + 7, RLENGTH - 7)
            if (match(line, /Passed:[0-9]+/))  l["Passed"]  += substr(line, RSTART + 7, RLENGTH - 7)
            if (match(line, /Skipped:[0-9]+/)) l["Skipped"] += substr(line, RSTART + 8, RLENGTH - 8)
        }
        END {
            if (blocks > 0) printf "%d %d %d\n", b["Failed"], b["Passed"], b["Skipped"]
            else            printf "%d %d %d\n", l["Failed"], l["Passed"], l["Skipped"]
        }' "$1"
}

LOG_DIR="$(mktemp -d /tmp/lr-testlogs.XXXXXX)"
TOTAL_PASSED=0
TOTAL_FAILED=0
TOTAL_SKIPPED=0
FAILED_PROJECTS=()

for project in "${TEST_PROJECTS[@]}"; do
    name="$(basename "$project" .csproj)"
    out="$LOG_DIR/$name.log"
    log "dotnet test $project"
    rc=0
    dotnet test "$project" -c Release --no-build --logger "console;verbosity=normal" "$@" 2>&1 | tee "$out" || rc=$?

    counts="$(count_results "$out")"
    read -r failed passed skipped <<<"$counts"
    TOTAL_FAILED=$((TOTAL_FAILED + failed))
    TOTAL_PASSED=$((TOTAL_PASSED + passed))
    TOTAL_SKIPPED=$((TOTAL_SKIPPED + skipped))
    if [ "$rc" -ne 0 ] || [ "$failed" -ne 0 ]; then
        FAILED_PROJECTS+=("$name (exit $rc)")
    fi
    log "$name: $passed passed, $failed failed, $skipped skipped (exit $rc)"
done

# ---------------------------------------------------------------- 6. summary
echo
STATUS=0
if [ "${#FAILED_PROJECTS[@]}" -gt 0 ]; then
    echo "Failing test projects: ${FAILED_PROJECTS[*]}"
    STATUS=1
fi
if [ $((TOTAL_PASSED + TOTAL_FAILED)) -eq 0 ]; then
    echo "error: no test ran"
    STATUS=1
fi
echo "$TOTAL_PASSED passed, $TOTAL_FAILED failed, $TOTAL_SKIPPED skipped"
exit "$STATUS"
