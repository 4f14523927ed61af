#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The author's loop, timed: installs the SDK from the dev build, writes a project with
# `tessera new`, builds it once (ccache warm), then edits and rebuilds it ROUNDS times
# while a window and a browser show it (tests/bench/bench_reload.cpp).
# usage: scripts/bench-reload.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
work=${TMPDIR:-/tmp}/tessera-bench-reload
rm -rf "$work" && mkdir -p "$work"
cmake --build --preset dev --target tessera bench_reload > /dev/null
cmake --install build/dev --prefix "$work/prefix" > /dev/null
(cd "$work" && "$work/prefix/bin/tessera" new sales-report > /dev/null)
cmake -S "$work/sales-report" -B "$work/sales-report/build" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_PREFIX_PATH="$work/prefix" -DCMAKE_CXX_COMPILER_LAUNCHER=ccache > /dev/null
cmake --build "$work/sales-report/build" > /dev/null
QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} build/dev/tests/bench/bench_reload \
    "$work/sales-report" sales-report "${1:-5}" 2> "$work/bench.log" || { cat "$work/bench.log"; exit 1; }
