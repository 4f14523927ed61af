// SPDX-License-Identifier: GPL-3.0-or-later
#include <tessera/sessionstate.h>

namespace tessera {

QVariant SessionState::value(const QString& key, const QVariant& fallback) const {
    std::lock_guard lock(m_mutex);
    return m_values.value(key, fallback);
}

void SessionState::set(const QString& key, const QVariant& value) {
    std::lock_guard lock(m_mutex);
    m_values.insert(key, value);
}

bool SessionState::contains(const QString& key) const {
    std::lock_guard lock(m_mutex);
    return m_values.contains(key);
}

void SessionState::remove(const QString& key) {
    std::lock_guard lock(m_mutex);
    m_values.remove(key);
}

QStringList SessionState::keys() const {
    std::lock_guard lock(m_mutex);
    return m_values.keys();
}

void SessionState::clear() {
    std::lock_guard lock(m_mutex);
    m_values.clear();
}

QVariant SessionState::update(const QString& key,
                              const std::function<QVariant(const QVariant&)>& fn) {
    std::lock_guard lock(m_mutex);
    QVariant next = fn(m_values.value(key));
    m_values.insert(key, next);
    return next;
}

}  // namespace tessera
