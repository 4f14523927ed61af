#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The viewer page's benchmark in headless Chromium: first paint, the seed dashboard, a
# million-point chart, a 10,000-element page. Prints figures (medians of 5 page loads).
# usage: scripts/bench-browser.sh [build dir]   (default build/dev, built with the benchmarks)
set -euo pipefail
cd "$(dirname "$0")/.."
build=$PWD/${1:-build/dev}
TESSERA_BIN=$build/app/tessera TESSERA_PLUGINS=$build/plugins \
    TESSERA_BENCH_PLUGINS=$build/tests/bench/plugins node "$build/tests/e2e/bench.mjs"
