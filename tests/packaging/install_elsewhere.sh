#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A build configured for /usr (the packages' build), installed under another prefix: the
# app finds its library and its plugins relative to itself, with no LD_LIBRARY_PATH.
# usage: install_elsewhere.sh <build dir> <scratch dir>
set -euo pipefail
build=$1 work=$2
rm -rf "$work" && mkdir -p "$work"
work=$(cd "$work" && pwd)
fail() { echo "FAIL: $*"; exit 1; }

cmake --install "$build" --prefix "$work/opt/tessera" > "$work/install.log"
tessera="$work/opt/tessera/bin/tessera"
env -u LD_LIBRARY_PATH "$tessera" --version > "$work/version.txt" 2>&1 || { cat "$work/version.txt"; fail "--version"; }
env -u LD_LIBRARY_PATH "$tessera" --list > "$work/list.txt" 2>&1 || { cat "$work/list.txt"; fail "--list"; }
grep -q '^gallery ' "$work/list.txt" || { cat "$work/list.txt"; fail "--list does not show the installed gallery"; }
env -u LD_LIBRARY_PATH "$tessera" --once gallery-widgets > "$work/once.log" 2>&1 || { cat "$work/once.log"; fail "--once"; }
echo "installed under $work/opt/tessera: $(head -n 1 "$work/version.txt"), --list and --once work without LD_LIBRARY_PATH"
