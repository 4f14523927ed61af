// SPDX-License-Identifier: GPL-3.0-or-later
#include "fragmentregistry.h"

#include "runcontext.h"

namespace tessera::detail {

FragmentRegistry::FragmentRegistry(QObject* owner, std::function<void(const ScopeId&)> onTick)
    : m_owner(owner), m_onTick(std::move(onTick)) {}

quint64 FragmentRegistry::registerCall(const FragmentCall& call) {
    Fragment& f = m_fragments[call.scope];
    const quint64 previous = f.activeRun;
    f.fn = call.fn;
    f.options = call.options;
    f.activeRun = call.context->runId;
    setupTimer(call.scope, f);
    return previous;
}

FragmentRegistry::Fragment* FragmentRegistry::find(const ScopeId& scope) {
    auto it = m_fragments.find(scope);
    return it == m_fragments.end() ? nullptr : &it->second;
}

const ScopeId* FragmentRegistry::findById(const QString& id) const {
    for (const auto& [scope, f] : m_fragments)
        if (scope.toString() == id) return &scope;
    return nullptr;
}

QVector<ScopeId> FragmentRegistry::findByKey(const QString& key) const {
    QVector<ScopeId> found;
    if (key.isEmpty()) return found;
    for (const auto& [scope, f] : m_fragments)
        if (f.options.key == key) found << scope;
    return found;
}

QSet<ScopeId> FragmentRegistry::scopes() const {
    QSet<ScopeId> result;
    for (const auto& [scope, f] : m_fragments) result.insert(scope);
    return result;
}

QVector<quint64> FragmentRegistry::retainOnly(const QSet<ScopeId>& keep) {
    QVector<quint64> dropped;
    for (auto it = m_fragments.begin(); it != m_fragments.end();) {
        if (keep.contains(it->first)) {
            ++it;
            continue;
        }
        if (it->second.activeRun) dropped << it->second.activeRun;
        it = m_fragments.erase(it);
    }
    return dropped;
}

void FragmentRegistry::clearActiveRuns() {
    for (auto& [scope, f] : m_fragments) f.activeRun = 0;
}

void FragmentRegistry::setupTimer(const ScopeId& scope, Fragment& f) {
    const auto every = f.options.runEvery;
    if (every.count() <= 0) {
        f.timer.reset();
        return;
    }
    if (!f.timer) {
        f.timer = std::make_unique<QTimer>(m_owner);
        QObject::connect(f.timer.get(), &QTimer::timeout, m_owner,
                         [this, scope] { m_onTick(scope); });
    }
    if (f.timer->intervalAsDuration() != every || !f.timer->isActive()) f.timer->start(every);
}

}  // namespace tessera::detail
