// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/export.h>

#include <QByteArray>
#include <QDate>
#include <QString>
#include <QStringList>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <tuple>
#include <type_traits>
#include <typeindex>
#include <vector>

namespace tessera {

/// Options of a cache: how long entries live, and how many are kept.
struct CacheOptions {
    std::chrono::milliseconds ttl{0};  ///< entries older than this are recomputed; 0 = kept
    int maxEntries = 0;  ///< per cache name, least recently used go first; 0 = no limit
};

namespace detail {

enum class CacheKind { Data, Resources };
using CachedValue = std::shared_ptr<const void>;

/// The value for (name, args) in the process-wide cache `kind`, computed by `compute` when
/// missing or expired; callers that ask meanwhile wait for that one computation.
TESSERA_CORE_EXPORT CachedValue cachedValue(CacheKind kind, const QString& name,
                                            const QByteArray& args, const CacheOptions& options,
                                            std::type_index type,
                                            const std::function<CachedValue()>& compute);

inline void appendKey(QByteArray& key, const QString& v) {
    key += v.toUtf8() + '\x1f';
}
inline void appendKey(QByteArray& key, const char* v) {
    key += QByteArray(v) + '\x1f';
}
inline void appendKey(QByteArray& key, const std::string& v) {
    key += QByteArray::fromStdString(v) + '\x1f';
}
inline void appendKey(QByteArray& key, const QByteArray& v) {
    key += QByteArray::number(v.size()) + ':' + v + '\x1f';
}
inline void appendKey(QByteArray& key, const QDate& v) {
    key += v.toString(Qt::ISODate).toLatin1() + '\x1f';
}
inline void appendKey(QByteArray& key, const QStringList& v) {
    key += QByteArray::number(v.size()) + '[';
    for (const QString& s : v) appendKey(key, s);
    key += ']';
}
template <typename T>
std::enable_if_t<std::is_arithmetic_v<T> || std::is_enum_v<T>> appendKey(QByteArray& key,
                                                                         const T& v) {
    key += QByteArray(typeid(T).name()) + '=' +
           QByteArray(reinterpret_cast<const char*>(&v), sizeof(T)) + '\x1f';
}
template <typename T>
void appendKey(QByteArray& key, const std::vector<T>& v) {
    key += QByteArray::number(qsizetype(v.size())) + '[';
    for (const T& item : v) appendKey(key, item);
    key += ']';
}

template <typename Tuple, size_t... I>
QByteArray argumentKey(const Tuple& all, std::index_sequence<I...>) {
    QByteArray key;
    (appendKey(key, std::get<I>(all)), ...);
    return key;
}

}  // namespace detail

/// Process-wide cache of a computed value, keyed by `name` and the arguments:
///
///     DataFrame sales = tessera::cacheData<DataFrame>("sales", region, year,
///         [](const QString& r, int y) { return loadSales(r, y); }, {.ttl = 10min});
///
/// Arguments come first, then the function (called with the arguments), then optionally
/// CacheOptions. Concurrent callers with the same key share one computation; an exception
/// reaches all of them and is not cached. Returns a copy of the cached value, so T should
/// be cheap to copy (DataFrame is). "Clear cache" in the app empties it.
template <typename T, typename... Rest>
T cacheData(const QString& name, Rest&&... rest) {
    auto all = std::forward_as_tuple(std::forward<Rest>(rest)...);
    constexpr size_t n = sizeof...(Rest);
    using Last = std::decay_t<std::tuple_element_t<n - 1, std::tuple<Rest...>>>;
    constexpr bool hasOptions = std::is_same_v<Last, CacheOptions>;
    constexpr size_t argCount = n - 1 - (hasOptions ? 1 : 0);
    CacheOptions options;
    if constexpr (hasOptions) options = std::get<n - 1>(all);
    auto& fn = std::get<argCount>(all);
    const QByteArray key = detail::argumentKey(all, std::make_index_sequence<argCount>{});
    auto value =
        detail::cachedValue(detail::CacheKind::Data, name, key, options, std::type_index(typeid(T)),
                            [&]() -> detail::CachedValue {
                                return [&]<size_t... I>(std::index_sequence<I...>) {
                                    return std::make_shared<const T>(fn(std::get<I>(all)...));
                                }
                                (std::make_index_sequence<argCount>{});
                            });
    return *std::static_pointer_cast<const T>(value);
}

/// Process-wide shared resource (a connection pool, a model), created once by `factory`
/// and shared by every session, not copied. Concurrent first callers share one creation.
template <typename T, typename Factory>
std::shared_ptr<T> cacheResource(const QString& name, Factory&& factory,
                                 const CacheOptions& options = {}) {
    auto value =
        detail::cachedValue(detail::CacheKind::Resources, name, QByteArray(), options,
                            std::type_index(typeid(T)), [&]() -> detail::CachedValue {
                                using Made = std::invoke_result_t<Factory&>;
                                std::shared_ptr<T> made;
                                if constexpr (std::is_convertible_v<Made, std::shared_ptr<T>>)
                                    made = factory();
                                else
                                    made = std::make_shared<T>(factory());
                                return made;
                            });
    return std::const_pointer_cast<T>(std::static_pointer_cast<const T>(value));
}

}  // namespace tessera
