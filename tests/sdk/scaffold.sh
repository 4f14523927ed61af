#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A new author's first minutes: `tessera new` → build against the installed SDK → --list
# shows the dashboard → --once runs it → the project's own AppTest passes.
# usage: scaffold.sh <tessera build dir> <scratch dir>
set -euo pipefail
build=$1 work=$2
rm -rf "$work" && mkdir -p "$work"
fail() { echo "FAIL: $*"; exit 1; }

cmake --install "$build" --prefix "$work/prefix" > "$work/install.log"
tessera="$work/prefix/bin/tessera"
# The SDK holds what a dashboard and its tests include, not the host's API.
[ -f "$work/prefix/include/tessera/ui.h" ] || fail "the SDK's headers are not installed"
[ ! -e "$work/prefix/include/tessera/host" ] || fail "the host's headers are installed with the SDK"

cd "$work"
"$tessera" new sales-report > new.log || fail "tessera new: $(cat new.log)"
cd sales-report
for file in CMakeLists.txt README.md src/sales_report.cpp tests/tst_sales_report.cpp; do
    [ -f "$file" ] || fail "tessera new wrote no $file"
done
grep -q 'find_package(Tessera' CMakeLists.txt || fail "CMakeLists.txt does not find Tessera"
# The README's three commands, as written there.
grep -q 'cmake -S . -B build -G Ninja && cmake --build build' README.md || fail "README: no build command"
grep -q 'tessera --plugin-dir build sales-report' README.md || fail "README: no run command"
grep -q 'ctest --test-dir build' README.md || fail "README: no test command"

cmake -S . -B build -G Ninja -DCMAKE_PREFIX_PATH="$work/prefix" \
    -DCMAKE_CXX_FLAGS="${SCAFFOLD_CXX_FLAGS:-}" -DCMAKE_EXE_LINKER_FLAGS="${SCAFFOLD_LINKER_FLAGS:-}" \
    -DCMAKE_MODULE_LINKER_FLAGS="${SCAFFOLD_LINKER_FLAGS:-}" > ../configure.log 2>&1 || { cat ../configure.log; fail "configure"; }
cmake --build build > ../build.log 2>&1 || { cat ../build.log; fail "build"; }

"$tessera" --plugin-dir build --list > ../list.txt
grep -q '^sales-report  *Sales Report' ../list.txt || { cat ../list.txt; fail "--list does not show sales-report"; }

"$tessera" --plugin-dir build --once --json --set Name=Ada sales-report > ../run.json
grep -q '"text": "Hello, \*\*Ada\*\*!"' ../run.json || { cat ../run.json; fail "--once did not show the dashboard"; }

ctest --test-dir build --output-on-failure > ../ctest.log 2>&1 || { cat ../ctest.log; fail "the project's tests"; }
grep -q '100% tests passed' ../ctest.log || { cat ../ctest.log; fail "the project's tests did not run"; }
echo "tessera new → build → --list → --once → its tests: all passed"
