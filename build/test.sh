#!/usr/bin/env bash
# Runs every test project of the solution against a PostgreSQL server started for this run and removed after it.
# The last line of output is the totals, "N passed, N failed" (", N skipped" when any were skipped).
# Exits non-zero when a test failed, the build failed, or no test ran.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# shellcheck source=build/postgres.sh
source build/postgres.sh

results="$(mktemp -d "${TMPDIR:-/tmp}/seqanomaly-results.XXXXXX")"
cleanup() {
    pg_stop
    rm -rf "$results"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

pg_start

set +e
dotnet test SeqAnomaly.Db.sln --logger trx --results-directory "$results" "$@"
test_status=$?
set -e

# Sum the counters of every TRX file; the skipped count is "notExecuted".
totals="$(python3 - "$results" <<'PY'
import glob, sys
import xml.etree.ElementTree as ET

ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for path in glob.glob(f"{sys.argv[1]}/**/*.trx", recursive=True):
    counters = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    if counters is None:
        continue
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0))
    skipped += int(counters.get("notExecuted", 0))
line = f"{passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
print(line)
PY
)"

status=0
read -r passed _ failed _ <<<"${totals//,/}"
if [[ "$test_status" -ne 0 || "$failed" -ne 0 || "$passed" -eq 0 ]]; then
    status=1
fi
if [[ "$passed" -eq 0 && "$failed" -eq 0 ]]; then
    echo "No test ran; see the build output above." >&2
fi
echo "$totals"
exit "$status"
