// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/cache.h>

#include <QString>
#include <functional>
#include <memory>
#include <typeindex>

namespace tessera::detail {

/// The process-wide store behind cacheData() and cacheResource(): per name, an LRU map from
/// hashed arguments to an immutable value, and at most one computation per key at a time.
class TESSERA_CORE_EXPORT CacheStore {
public:
    using Value = std::shared_ptr<const void>;

    static CacheStore& data();
    static CacheStore& resources();

    /// The value for (name, args); computed by `compute` when missing or expired. Callers
    /// that ask while it is being computed wait for that computation (and get its exception
    /// too; failures are not cached). A waiter inside a run stops waiting when the run is
    /// superseded.
    Value getOrCompute(const QString& name, const QByteArray& args, const CacheOptions& options,
                       std::type_index type, const std::function<Value()>& compute);
    void clear();
    /// How many values were computed since start (for tests and benchmarks).
    quint64 computations() const;
    /// How many callers are waiting for a computation in flight (for tests).
    int waiters() const;
    int size() const;

    CacheStore();
    ~CacheStore();

private:
    struct State;
    std::unique_ptr<State> d;
};

}  // namespace tessera::detail
