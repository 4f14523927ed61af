#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds a fuzz target (clang, libFuzzer, ASan + UBSan; the `fuzz` preset) and runs it from
# its seed corpus: fuzz_messages (client messages, the default) or fuzz_http (request heads).
# usage: [TESSERA_FUZZ_TARGET=fuzz_http] scripts/fuzz.sh [INPUTS [JOBS [MAX_LEN]]]
#   (default: 1000000 inputs, one job per core, inputs of up to 4096 bytes; shorter inputs
#   hold fewer frames and run faster)
# Inputs that find new paths go to build/fuzz/corpus-TARGET; a crash leaves its input in
# build/fuzz/ (replay it: build/fuzz/tests/fuzz/TARGET FILE) and fails the script.
set -euo pipefail
cd "$(dirname "$0")/.."
inputs=${1:-1000000}
jobs=${2:-$(nproc)}
max_len=${3:-4096}
target=${TESSERA_FUZZ_TARGET:-fuzz_messages}
case "$target" in
    fuzz_messages) seeds=tests/fuzz/corpus; dict=(-dict="$PWD/tests/fuzz/messages.dict") ;;
    fuzz_http) seeds=tests/fuzz/corpus-http; dict=() ;;
    *) echo "unknown fuzz target '$target' (fuzz_messages, fuzz_http)" >&2; exit 2 ;;
esac
missing=()
for p in clang libclang-rt-14-dev; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi
cmake --preset fuzz > /dev/null
cmake --build --preset fuzz
root=$PWD
cd build/fuzz
mkdir -p "corpus-$target"
rm -f fuzz-*.log
# A smaller quarantine and shorter allocation stacks keep ASan's memory in bounds over a long run.
export QT_QPA_PLATFORM=offscreen ASAN_OPTIONS=detect_leaks=0:malloc_context_size=5:quarantine_size_mb=64
start=$(date +%s)
# Coverage from the session's worker threads varies from run to run, which makes the
# entropic schedule cost more than it brings: it is off.
status=0
"tests/fuzz/$target" -jobs="$jobs" -workers="$jobs" -runs=$(((inputs + jobs - 1) / jobs)) \
    -entropic=0 "${dict[@]}" -max_len="$max_len" -timeout=30 -rss_limit_mb=4096 \
    -print_final_stats=1 -artifact_prefix="$PWD/" "corpus-$target" "$root/$seeds" || status=$?
seconds=$(($(date +%s) - start))
done_inputs=$(awk '/^Done [0-9]+ runs/ {n += $2} END {print n + 0}' fuzz-*.log)
crashes=$(find . -maxdepth 1 \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' \
    -o -name 'oom-*' \) | wc -l)
echo "$target: $done_inputs inputs in ${seconds} s with $jobs jobs," \
    "$(ls "corpus-$target" | wc -l) corpus inputs, $crashes crashes (logs: build/fuzz/fuzz-*.log)"
[ "$status" -eq 0 ] && [ "$crashes" -eq 0 ]
