#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Unpacks Tessera's Debian packages into a scratch root, checks where their files land, and
# does what a new author does with them: `tessera new`, build against the SDK from the
# packages, --list, --once and the project's own tests.
# usage: unpack_and_build.sh <folder with the .deb files> <scratch dir>
set -euo pipefail
debs=$(cd "$1" && pwd) work=$2
rm -rf "$work" && mkdir -p "$work/root"
work=$(cd "$work" && pwd)
root=$work/root
fail() { echo "FAIL: $*"; exit 1; }

for name in tessera libtessera-core1 libtessera-dev; do
    deb=$(ls "$debs"/${name}_*.deb 2>/dev/null | head -n 1)
    [ -n "$deb" ] || fail "no $name package in $debs"
    dpkg-deb -x "$deb" "$root"
done

triplet=$(dpkg-architecture -qDEB_HOST_MULTIARCH)
for file in usr/bin/tessera \
    "usr/lib/$triplet/libtessera-core.so.1" "usr/lib/$triplet/libtessera-core.so" \
    "usr/lib/$triplet/tessera/plugins/gallery.so" "usr/lib/$triplet/cmake/Tessera/TesseraConfig.cmake" \
    usr/include/tessera/ui.h usr/share/tessera/scaffold/CMakeLists.txt \
    usr/share/man/man1/tessera.1.gz usr/share/applications/org.tessera.Tessera.desktop \
    usr/share/metainfo/org.tessera.Tessera.metainfo.xml usr/share/doc/tessera/copyright; do
    [ -e "$root/$file" ] || fail "$file is in no package"
done
echo "files at their Debian places (libraries in usr/lib/$triplet)"

# The library runs ldconfig by trigger and has no maintainer scripts, so `apt-get remove`
# removes it whole (no "rc" state).
runtime=$(ls "$debs"/libtessera-core1_*.deb | head -n 1)
mkdir -p "$work/control" && dpkg-deb -e "$runtime" "$work/control"
[ ! -e "$work/control/postinst" ] && [ ! -e "$work/control/postrm" ] ||
    fail "libtessera-core1 has maintainer scripts: $(ls "$work/control")"
grep -qx 'activate-noawait ldconfig' "$work/control/triggers" || fail "libtessera-core1 has no ldconfig trigger"
echo "libtessera-core1: ldconfig by trigger, no maintainer scripts"

# The unpacked app finds its library, its plugins and its template relative to itself.
unset LD_LIBRARY_PATH
tessera="$root/usr/bin/tessera"
"$tessera" --version

cd "$work"
"$tessera" new first-board > new.log || fail "tessera new: $(cat new.log)"
cd first-board
cmake -S . -B build -G Ninja -DCMAKE_PREFIX_PATH="$root/usr" > ../configure.log 2>&1 || { cat ../configure.log; fail "configure"; }
cmake --build build > ../build.log 2>&1 || { cat ../build.log; fail "build"; }
"$tessera" --plugin-dir build --list > ../list.txt
grep -q '^first-board ' ../list.txt || { cat ../list.txt; fail "--list does not show first-board"; }
grep -q '^gallery ' ../list.txt || { cat ../list.txt; fail "--list does not show the packaged gallery"; }
"$tessera" --plugin-dir build --once first-board > ../once.log 2>&1 || { cat ../once.log; fail "--once"; }
ctest --test-dir build --output-on-failure > ../ctest.log 2>&1 || { cat ../ctest.log; fail "the project's tests"; }
echo "packages unpacked; tessera new → build → --list → --once → its tests: all passed"
