#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds Tessera and runs the whole test suite: the dev build,
# then the same suite under ThreadSanitizer. TESSERA_PRESETS="dev asan tsan" picks others.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
for preset in ${TESSERA_PRESETS:-dev tsan}; do
    echo "=== $preset ==="
    cmake --preset "$preset" > /dev/null
    cmake --build --preset "$preset"
    ctest --preset "$preset" --output-on-failure -j 2
done
