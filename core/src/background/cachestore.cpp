// SPDX-License-Identifier: GPL-3.0-or-later
#include "cachestore.h"

#include <tessera/cacheregistry.h>
#include <tessera/errors.h>

#include "runcontext.h"

#include <QHash>
#include <condition_variable>
#include <list>
#include <mutex>

namespace tessera::detail {

namespace {

using Clock = std::chrono::steady_clock;

struct Entry {
    QByteArray args;
    CacheStore::Value value;
    std::type_index type;
    Clock::time_point expires;
};

struct Bucket {
    std::list<Entry> lru;  // most recently used first
    QHash<QByteArray, std::list<Entry>::iterator> index;
};

struct Flight {
    bool done = false;
    CacheStore::Value value;
    std::exception_ptr error;
};

}  // namespace

struct CacheStore::State {
    mutable std::mutex mutex;
    std::condition_variable landed;
    QHash<QString, Bucket> buckets;
    QHash<QByteArray, std::shared_ptr<Flight>> flights;  // name + args -> computation
    quint64 generation = 0;                              // bumped by clear()
    quint64 computations = 0;
    int waiters = 0;
    int cacheToken = 0;
};

CacheStore::CacheStore() : d(std::make_unique<State>()) {
    d->cacheToken = registerCache([this] { clear(); });
}

CacheStore::~CacheStore() {
    unregisterCache(d->cacheToken);
}

CacheStore& CacheStore::data() {
    static auto* store = new CacheStore;  // process lifetime; outlives every session
    return *store;
}

CacheStore& CacheStore::resources() {
    static auto* store = new CacheStore;
    return *store;
}

CacheStore::Value CacheStore::getOrCompute(const QString& name, const QByteArray& args,
                                           const CacheOptions& options, std::type_index type,
                                           const std::function<Value()>& compute) {
    const QByteArray flightKey = name.toUtf8() + '\x1e' + args;
    std::unique_lock lock(d->mutex);
    Bucket& bucket = d->buckets[name];
    if (auto it = bucket.index.find(args); it != bucket.index.end()) {
        auto entry = it.value();
        if (entry->type != type)
            throw std::logic_error("cache '" + name.toStdString() +
                                   "' holds values of another type for these arguments");
        if (entry->expires > Clock::now()) {
            bucket.lru.splice(bucket.lru.begin(), bucket.lru, entry);
            return entry->value;
        }
        bucket.index.erase(it);
        bucket.lru.erase(entry);
    }

    if (auto flight = d->flights.value(flightKey)) {
        // Someone is computing this value: wait for it, but not past our run's end.
        const auto& run = RunContext::current();
        ++d->waiters;
        while (!flight->done) {
            d->landed.wait_for(lock, std::chrono::milliseconds(20));
            if (run && run->isInterrupted()) {
                --d->waiters;
                throw Interrupted();
            }
        }
        --d->waiters;
        if (flight->error) std::rethrow_exception(flight->error);
        return flight->value;
    }

    auto flight = std::make_shared<Flight>();
    d->flights.insert(flightKey, flight);
    const quint64 generation = d->generation;
    ++d->computations;
    lock.unlock();
    Value value;
    try {
        value = compute();
    } catch (...) {
        lock.lock();
        flight->error = std::current_exception();
        flight->done = true;
        d->flights.remove(flightKey);
        d->landed.notify_all();
        throw;
    }
    lock.lock();
    flight->value = value;
    flight->done = true;
    d->flights.remove(flightKey);
    if (generation == d->generation) {  // not cleared meanwhile
        Bucket& b = d->buckets[name];
        const auto expires =
            options.ttl.count() > 0 ? Clock::now() + options.ttl : Clock::time_point::max();
        b.lru.push_front(Entry{args, value, type, expires});
        b.index.insert(args, b.lru.begin());
        while (options.maxEntries > 0 && int(b.lru.size()) > options.maxEntries) {
            b.index.remove(b.lru.back().args);
            b.lru.pop_back();
        }
    }
    d->landed.notify_all();
    return value;
}

CachedValue cachedValue(CacheKind kind, const QString& name, const QByteArray& args,
                        const CacheOptions& options, std::type_index type,
                        const std::function<CachedValue()>& compute) {
    CacheStore& store = kind == CacheKind::Data ? CacheStore::data() : CacheStore::resources();
    return store.getOrCompute(name, args, options, type, compute);
}

void CacheStore::clear() {
    std::lock_guard lock(d->mutex);
    d->buckets.clear();
    ++d->generation;
}

quint64 CacheStore::computations() const {
    std::lock_guard lock(d->mutex);
    return d->computations;
}

int CacheStore::waiters() const {
    std::lock_guard lock(d->mutex);
    return d->waiters;
}

int CacheStore::size() const {
    std::lock_guard lock(d->mutex);
    int total = 0;
    for (const Bucket& b : d->buckets) total += int(b.lru.size());
    return total;
}

}  // namespace tessera::detail
