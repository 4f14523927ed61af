// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "runcontext.h"

#include <tessera/grouprecord.h>

#include <QElapsedTimer>
#include <QSet>
#include <QTimer>
#include <functional>
#include <map>
#include <memory>

namespace tessera::detail {

/// The runs a session is waiting for, by group. A *run* is one scope's run; a *group* is what
/// one cause started: a full run (the main body and the fragments it calls), or the fragment
/// reruns of one change or tick. A run is current while it is here; output of any other run
/// is dropped. Each group builds the GroupRecord its viewers get when it finishes.
class RunGroups {
public:
    struct Run {
        std::shared_ptr<RunContext> context;
        quint64 group = 0;
        int timing = 0;  ///< index in the group's record
        std::unique_ptr<QTimer> timeout;
    };
    struct Group {
        GroupRecord record;
        QElapsedTimer clock;
        QSet<quint64> runIds;
        int outstanding = 0;
        bool bodyDone = false;
        std::shared_ptr<WidgetClaims> claims = std::make_shared<WidgetClaims>();
        quint64 triggerSeq = 0;
        QSet<ScopeId> fragmentsCalled;
        QSet<ScopeId> fragmentsFinished;  ///< fragments whose run here finished normally
    };

    Group& open(bool full, quint64 triggerSeq);
    Group* group(quint64 id);
    /// Makes `context` a current run of group `g`, timed from `queuedMs`.
    void add(Group& g, const std::shared_ptr<RunContext>& context, double queuedMs);
    /// Turns a run that takes longer than `limit` into `onTimeout()`; the timer is a child of
    /// `owner`, so it lives in the session's thread.
    void setTimeout(quint64 runId, std::chrono::milliseconds limit, QObject* owner,
                    std::function<void()> onTimeout);

    const Run* run(quint64 runId) const;
    bool contains(quint64 runId) const { return m_runs.count(runId) != 0; }
    bool empty() const { return m_runs.empty(); }
    const std::map<quint64, Run>& runs() const { return m_runs; }

    /// Records how a run ended and forgets it; returns its group, 0 when it was not current.
    quint64 end(quint64 runId, RunStatus status, double startedMs, double finishedMs,
                const QStringList& exceptions, const QStringList& problems);
    /// Interrupts a run and forgets it with `status`: what it still produces is dropped.
    /// Returns its group, 0 when it was not current.
    quint64 forget(quint64 runId, RunStatus status);
    /// True when group `id` has no run left (and, for a full run, its body is done).
    bool complete(quint64 id) const;
    Group take(quint64 id);

    void interruptAll();
    /// Interrupts and forgets every run and group.
    void clear();

private:
    std::map<quint64, Run> m_runs;
    std::map<quint64, Group> m_groups;
};

}  // namespace tessera::detail
