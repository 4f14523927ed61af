#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs the whole test suite N times in one build and counts the failures, to find tests that
# depend on timing. usage: scripts/soak-tests.sh N [preset]   (default preset: dev)
# Exits non-zero when any run failed; the failing tests' output is kept in build/<preset>/soak.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:?usage: scripts/soak-tests.sh N [preset]}
preset=${2:-dev}
cmake --preset "$preset" > /dev/null
cmake --build --preset "$preset"
logs=build/$preset/soak
rm -rf "$logs" && mkdir -p "$logs"
failed_runs=0
declare -A failures=()
for ((i = 1; i <= runs; i++)); do
    if ctest --preset "$preset" -j 2 --output-on-failure > "$logs/run-$i.log" 2>&1; then
        echo "run $i/$runs: passed"
        rm "$logs/run-$i.log"
    else
        failed_runs=$((failed_runs + 1))
        names=$(sed -n 's/^ *[0-9]* - \(.*\) (.*$/\1/p' "$logs/run-$i.log" | sort -u | tr '\n' ' ')
        echo "run $i/$runs: FAILED: $names(log: $logs/run-$i.log)"
        for n in $names; do failures[$n]=$((${failures[$n]:-0} + 1)); done
    fi
done
echo "soak $preset: $((runs - failed_runs)) passed, $failed_runs failed"
for n in "${!failures[@]}"; do echo "  $n failed ${failures[$n]} time(s)"; done
[ "$failed_runs" -eq 0 ]
