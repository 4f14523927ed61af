// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/export.h>

#include <functional>

namespace tessera {

/// Process-wide caches register a clear function here so that "Clear cache" in the host
/// reaches all of them. Returns a token for unregisterCache().
TESSERA_CORE_EXPORT int registerCache(std::function<void()> clear);
TESSERA_CORE_EXPORT void unregisterCache(int token);
/// Clears every registered cache; returns how many there were.
TESSERA_CORE_EXPORT int clearCaches();

}  // namespace tessera
