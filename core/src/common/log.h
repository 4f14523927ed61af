// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <spdlog/spdlog.h>

#include <memory>

namespace tessera::detail {

/// The named logger of one component ("core", "session", "plugins", ...). It shares the
/// sinks of spdlog's default logger, which the application configures at start.
std::shared_ptr<spdlog::logger> logger(const char* component);

}  // namespace tessera::detail
