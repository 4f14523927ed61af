// SPDX-License-Identifier: GPL-3.0-or-later
#include <tessera/cacheregistry.h>

#include <map>
#include <mutex>

namespace tessera {

namespace {
struct Registry {
    std::mutex mutex;
    std::map<int, std::function<void()>> clearers;
    int next = 1;
};
Registry& registry() {
    static Registry r;
    return r;
}
}  // namespace

int registerCache(std::function<void()> clear) {
    Registry& r = registry();
    std::lock_guard lock(r.mutex);
    r.clearers.emplace(r.next, std::move(clear));
    return r.next++;
}

void unregisterCache(int token) {
    Registry& r = registry();
    std::lock_guard lock(r.mutex);
    r.clearers.erase(token);
}

int clearCaches() {
    std::map<int, std::function<void()>> copy;
    {
        Registry& r = registry();
        std::lock_guard lock(r.mutex);
        copy = r.clearers;
    }
    // Called outside the lock: a clear function may take its own cache's lock.
    for (auto& [token, clear] : copy) clear();
    return int(copy.size());
}

}  // namespace tessera
