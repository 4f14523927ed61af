#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Renders the README screenshots with the app itself (offscreen, clean settings).
# usage: scripts/screenshot.sh [build dir]   (default build/dev)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/dev}
settings=$(mktemp -d)
trap 'rm -rf "$settings"' EXIT
shoot() {
    local out=$1; shift
    XDG_CONFIG_HOME=$settings XDG_STATE_HOME=$settings QT_QPA_PLATFORM=offscreen \
        "$build/app/tessera" --log-level warn --screenshot "$out" "$@"
}
shoot docs/screenshot-gallery.png gallery
shoot docs/screenshot-layout-dark.png --dark gallery-layout
shoot docs/screenshot-growth.png growth
# The chart grammar: every mark, light and dark.
shoot docs/screenshot-charts.png gallery-grammar
shoot docs/screenshot-charts-dark.png --dark --screenshot-at "Latency histogram" gallery-grammar
# Editable and selectable data, with edits and a selection given as --set values.
shoot docs/screenshot-data-editor.png --screenshot-at "Editable data" \
    --set 'Shopping list={"edited":{"2":{"qty":10}},"added":[{"item":"Tea","kind":"pantry","qty":2,"price (€)":3.5}]}' \
    --set 'picked orders={"rows":[1,3,4]}' gallery-charts
# The viewer page in Chromium (the browser tests' harness serves and drives it).
TESSERA_BIN=$PWD/$build/app/tessera TESSERA_PLUGINS=$PWD/$build/plugins \
    node "$build/tests/e2e/screenshots.mjs" docs
