#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks formatting: clang-format (.clang-format) for the C++ sources, Prettier
# (resources/web/.prettierrc.json) for the page's TypeScript and CSS. With --fix, formats
# them instead.
# usage: check-format.sh [--fix] <folder with the page's node_modules>
set -euo pipefail
cd "$(dirname "$0")/.."
fix=0
[ "${1:-}" = --fix ] && { fix=1; shift; }
node_modules=$(cd "${1:-build/dev/bridge/web}" && pwd)/node_modules
mapfile -t sources < <(git ls-files '*.cpp' '*.h')
if [ $fix = 1 ]; then
    clang-format -i "${sources[@]}"
    (cd resources/web && "$node_modules/.bin/prettier" --write --log-level warn src test)
    exit 0
fi
status=0
clang-format --dry-run --Werror "${sources[@]}" || { echo "C++: run scripts/check-format.sh --fix"; status=1; }
(cd resources/web && "$node_modules/.bin/prettier" --check --log-level warn src test) ||
    { echo "TypeScript: run scripts/check-format.sh --fix"; status=1; }
[ $status = 0 ] && echo "formatting: clang-format and Prettier agree"
exit $status
