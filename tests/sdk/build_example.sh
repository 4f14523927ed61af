#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# usage: build_example.sh <tessera build dir> <example source dir> <scratch dir>
set -euo pipefail
build=$1 source=$2 work=$3
rm -rf "$work" && mkdir -p "$work"

cmake --install "$build" --prefix "$work/prefix" > "$work/install.log"
cmake -S "$source" -B "$work/build" -G Ninja -DCMAKE_PREFIX_PATH="$work/prefix" -DCMAKE_BUILD_TYPE=Release > "$work/configure.log"
cmake --build "$work/build" > "$work/build.log"

plugin=$(find "$work/build" -name 'hello_sdk*.so' | head -n 1)
[ -n "$plugin" ] || { echo "the example plugin was not built"; exit 1; }

# The installed app, with its default plugin folder (the installed gallery) and ours.
"$work/prefix/bin/tessera" --list --plugin-dir "$(dirname "$plugin")" > "$work/list.txt"
grep -q '^gallery ' "$work/list.txt" || { echo "installed gallery not found:"; cat "$work/list.txt"; exit 1; }
grep -q '^sdk-hello ' "$work/list.txt" || { echo "example plugin not listed:"; cat "$work/list.txt"; exit 1; }

"$work/prefix/bin/tessera" --plugin-dir "$(dirname "$plugin")" --once --json --set "Name=SDK" sdk-hello > "$work/run.json"
grep -q '"text": "Hello, SDK!"' "$work/run.json" || { echo "unexpected output:"; cat "$work/run.json"; exit 1; }
grep -q '"mark": "arc"' "$work/run.json" || { echo "no grammar chart in the output:"; cat "$work/run.json"; exit 1; }
echo "out-of-tree plugin built against the installed SDK and loaded"
