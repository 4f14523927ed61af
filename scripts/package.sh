#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the Debian packages from the release preset (installed to /usr, libraries in the
# multiarch folder) into build/release/packages, and checks them: lintian with no errors,
# desktop-file-validate, appstreamcli validate. With --test, also unpacks them into a
# scratch root and builds a `tessera new` project against them (tests/packaging).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset release > /dev/null
cmake --build --preset release
out=build/release/packages
rm -rf "$out"
(cd build/release && cpack -G DEB -B "$PWD/packages" > cpack.log) || { cat build/release/cpack.log; exit 1; }
# CPack gives a package with a library in /usr/lib a postinst and a postrm that call
# ldconfig. The runtime package's trigger (packaging/triggers) does that job, as Debian
# policy prefers; and a postrm would leave the package in the "rc" state after
# `apt-get remove`. So the runtime package is rebuilt without them.
for deb in "$out"/libtessera-core*.deb; do
    unpacked=$(mktemp -d)
    dpkg-deb -R "$deb" "$unpacked"
    rm -f "$unpacked/DEBIAN/postinst" "$unpacked/DEBIAN/postrm"
    dpkg-deb --root-owner-group -Zxz -b "$unpacked" "$deb" > /dev/null
    rm -rf "$unpacked"
done
debs=("$out"/*.deb)
echo "=== packages"
for deb in "${debs[@]}"; do
    dpkg-deb --field "$deb" Package Version Architecture Depends | tr '\n' ' '
    echo
done

echo "=== lintian"
lintian --fail-on error "${debs[@]}"
echo "lintian: no errors"
echo "=== desktop-file-validate, appstreamcli validate"
desktop-file-validate packaging/org.tessera.Tessera.desktop
appstreamcli validate --no-net --explain packaging/org.tessera.Tessera.metainfo.xml

if [ "${1:-}" = --test ]; then
    echo "=== installed under another prefix"
    tests/packaging/install_elsewhere.sh build/release build/release/install-test
    echo "=== unpacked into a scratch root, a new project built against it"
    tests/packaging/unpack_and_build.sh "$out" build/release/package-test
fi
