#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds Tessera and runs the whole test suite: the dev build,
# then the same suite under AddressSanitizer + UBSan (leak detection on) and under
# ThreadSanitizer, then the Debian packages: built, checked (lintian, desktop-file-validate,
# appstreamcli) and unpacked into a scratch root that a new plugin project is built
# against. TESSERA_PRESETS="dev tsan" picks other presets; TESSERA_PACKAGES=0 skips the
# packages.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
for preset in ${TESSERA_PRESETS:-dev asan tsan}; do
    echo "=== $preset ==="
    cmake --preset "$preset" > /dev/null
    cmake --build --preset "$preset"
    # Under ASan a failed test runs once more (see docs/development.md, "Sanitizers"): a
    # failure that repeats still fails the suite.
    retry=()
    [ "$preset" = asan ] && retry=(--repeat until-pass:2)
    ctest --preset "$preset" --output-on-failure -j 2 "${retry[@]}"
done
if [ "${TESSERA_PACKAGES:-1}" != 0 ]; then
    echo "=== packages"
    scripts/package.sh --test
fi
