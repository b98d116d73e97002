#!/usr/bin/env bash
# The chronology benchmark (issue 11): 10 agencies x 1,000 entries imported over HTTP and merged, the
# combined view (named and anonymised) and its PDF, CSV and XLSX rendered. Prints the times.
#
#   bash tests/scripts/chronology-benchmark.sh              # on SQLite
#   LR_BENCHMARK_PROVIDER=PostgreSQL LR_TEST_POSTGRES='Host=…' bash tests/scripts/chronology-benchmark.sh
#
# It is the test ChronologyBenchmark in the integration tests, which is skipped unless LR_BENCHMARK=1.
# Needs a Release build of the integration tests (dotnet build -c Release LearningReviews.sln) and pdfinfo.
# docs/chronology.md records the figures.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
OUT="$(mktemp /tmp/lr-chronology-benchmark.XXXXXX)"
export LR_BENCHMARK=1 LR_BENCHMARK_OUT="$OUT"
dotnet test tests/LearningReviews.IntegrationTests/LearningReviews.IntegrationTests.csproj -c Release --no-build \
    --filter "FullyQualifiedName~ChronologyBenchmark" >"$OUT.log" 2>&1 || { cat "$OUT.log"; exit 1; }
cat "$OUT"
rm -f "$OUT" "$OUT.log"
