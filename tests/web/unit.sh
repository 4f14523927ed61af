#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The page's rules ported from C++ (decimation, data editor cells, uploads, the protocol's
# values), tested with Node's test runner beside the packages the page is built with.
# usage: unit.sh <the page's build folder, with node_modules> <resources/web>
set -euo pipefail
build=$1 source=$2
# The palette test compares the page's palettes with the window's.
export TESSERA_SOURCE_DIR=$(cd "$source/../.." && pwd)
rm -rf "$build/src" "$build/test" "$build/unit"
cp -r "$source/src" "$source/test" "$build/"
cp "$source/package.json" "$build/"
cd "$build"
npm run --silent unit
