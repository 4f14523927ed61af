// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/export.h>

#include <QStringList>
#include <QVariant>
#include <functional>
#include <mutex>

namespace tessera {

/// Per-session key/value store that survives reruns and is shared by all pages of a
/// session. Every operation is atomic; update() is a read-modify-write under one lock.
class TESSERA_CORE_EXPORT SessionState {
public:
    /// The value of `key`, or `fallback` when there is none.
    QVariant value(const QString& key, const QVariant& fallback = {}) const;
    /// The value of `key` as a T, or `fallback` when there is none or it is no T.
    template <typename T>
    T get(const QString& key, const T& fallback = T()) const {
        const QVariant v = value(key);
        return v.isValid() && v.canConvert<T>() ? qvariant_cast<T>(v) : fallback;
    }
    void set(const QString& key, const QVariant& value);  ///< sets `key` to `value`
    bool contains(const QString& key) const;              ///< `key` has a value
    void remove(const QString& key);                      ///< forgets `key`
    QStringList keys() const;                             ///< every key that has a value
    void clear();                                         ///< forgets every key
    /// Atomically replaces the value with fn(old) and returns the new value. fn runs under
    /// the state's lock: keep it short and do not touch the state from inside it.
    QVariant update(const QString& key, const std::function<QVariant(const QVariant&)>& fn);

private:
    mutable std::mutex m_mutex;
    QVariantMap m_values;
};

}  // namespace tessera
