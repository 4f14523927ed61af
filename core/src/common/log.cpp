// SPDX-License-Identifier: GPL-3.0-or-later
#include "log.h"

#include <mutex>

namespace tessera::detail {

std::shared_ptr<spdlog::logger> logger(const char* component) {
    static std::mutex mutex;
    std::lock_guard lock(mutex);
    if (auto existing = spdlog::get(component)) return existing;
    auto created = spdlog::default_logger()->clone(component);
    spdlog::register_logger(created);
    return created;
}

}  // namespace tessera::detail
