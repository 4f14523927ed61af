#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the client-message fuzz target (clang, libFuzzer, ASan + UBSan; the `fuzz` preset)
# and runs it from the seed corpus. usage: scripts/fuzz.sh [INPUTS]   (default 1000000)
# Inputs that find new paths go to build/fuzz/corpus; a crash leaves its input in
# build/fuzz/ (replay it: build/fuzz/tests/fuzz/fuzz_messages FILE) and fails the script.
set -euo pipefail
cd "$(dirname "$0")/.."
inputs=${1:-1000000}
missing=()
for p in clang libclang-rt-14-dev; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi
cmake --preset fuzz > /dev/null
cmake --build --preset fuzz
mkdir -p build/fuzz/corpus
export QT_QPA_PLATFORM=offscreen ASAN_OPTIONS=detect_leaks=0
exec build/fuzz/tests/fuzz/fuzz_messages -runs="$inputs" -dict=tests/fuzz/messages.dict \
    -max_len=4096 -timeout=30 -print_final_stats=1 -artifact_prefix=build/fuzz/ \
    build/fuzz/corpus tests/fuzz/corpus
