// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sessioncore.h"

#include <QTimer>
#include <functional>
#include <map>
#include <memory>

namespace tessera::detail {

/// The fragments the page has, with what rerunning each needs (its function and captures,
/// its options) and its runEvery timer. Lives in the session's thread; timers are children
/// of the owner given at construction.
class FragmentRegistry {
public:
    struct Fragment {
        std::function<void(Ui&)> fn;
        FragmentOptions options;
        quint64 activeRun = 0;  ///< its current run, 0 when none
        std::unique_ptr<QTimer> timer;
    };

    /// `onTick(scope)` is called when a fragment's runEvery period is due.
    FragmentRegistry(QObject* owner, std::function<void(const ScopeId&)> onTick);

    /// Registers (or updates) the fragment a run just called; returns its previous run, 0 if
    /// none.
    quint64 registerCall(const FragmentCall& call);
    Fragment* find(const ScopeId& scope);
    /// By its public id (ScopeId::toString()).
    const ScopeId* findById(const QString& id) const;
    /// The fragments with FragmentOptions::key `key`.
    QVector<ScopeId> findByKey(const QString& key) const;
    bool contains(const ScopeId& scope) const { return m_fragments.count(scope) != 0; }
    QSet<ScopeId> scopes() const;
    /// Forgets fragments not in `keep` (their timers go with them); returns their runs.
    QVector<quint64> retainOnly(const QSet<ScopeId>& keep);
    void clearActiveRuns();
    void clear() { m_fragments.clear(); }

private:
    void setupTimer(const ScopeId& scope, Fragment& f);

    QObject* m_owner;
    std::function<void(const ScopeId&)> m_onTick;
    std::map<ScopeId, Fragment> m_fragments;
};

}  // namespace tessera::detail
