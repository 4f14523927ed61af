#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds Tessera and opens the gallery. Without a display the app
# runs headless, prints the page and says so. Extra arguments go to tessera.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset release -DTESSERA_BUILD_TESTS=OFF > /dev/null
cmake --build --preset release
exec build/release/app/tessera "$@"
