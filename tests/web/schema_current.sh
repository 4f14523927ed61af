#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# resources/web/src/schema.ts is what tessera-schema-ts prints from the core's schema; when
# a kind or prop changes, `cmake --build build --target update-web-schema` writes it again.
# usage: schema_current.sh <tessera-schema-ts> <resources/web/src/schema.ts> <scratch file>
set -euo pipefail
"$1" "$3"
cmp -s "$3" "$2" || {
    echo "FAIL: $2 is stale; run: cmake --build build --target update-web-schema"
    diff -u "$2" "$3" | head -n 40
    exit 1
}
echo "schema.ts matches the element schema"
