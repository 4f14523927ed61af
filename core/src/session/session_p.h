// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/host/session.h>

#include "fragmentregistry.h"
#include "pagebatcher.h"
#include "rungroups.h"
#include "runlauncher.h"

#include <QTimer>

namespace tessera {

// The session's two sources use the runtime's names unqualified.
using detail::Message;
using detail::RunContext;
using detail::RunGroups;
using detail::RunLauncher;
using detail::ScopeId;

/// The session's decisions: when runs start, what their end means for the page, the widget
/// values and the fragments, and when the session is idle. The bookkeeping lives in the
/// classes it holds: RunGroups (runs and their records), FragmentRegistry (fragments and
/// their timers), PageBatcher (page, batches, stale policy); RunLauncher starts every run.
struct Session::Private {
    explicit Private(Session* session);

    Session* q;
    std::shared_ptr<detail::SessionCore> core;
    Dashboard dashboard;
    detail::RunGroups groups;
    detail::FragmentRegistry fragments;
    detail::PageBatcher page;
    GroupRecord lastGroup;
    int runsStarted = 0;
    std::shared_ptr<detail::RunContext> mainRun;  ///< the current full run's body, until it ends

    bool rerunPending = false;
    QSet<detail::ScopeId> pendingFragments;
    QVector<detail::ScopeId> skeletonCandidates;
    // Children of the session, so that they live (and move) with it.
    QTimer* startTimer;
    QTimer* fragmentTimer;
    QTimer* staleTimer;
    QTimer* graceTimer;
    QTimer* skeletonTimer;
    QTimer* idleTimer;

    QTimer* singleShot(int ms, std::function<void()> fn);
    bool idle() const;
    /// Idle is announced on the next event-loop turn, and only if still idle then: a run
    /// may end in the middle of starting others (a rerun dropping its predecessor).
    void emitIdleIfIdle();

    // -- starting -------------------------------------------------------------------------

    void startFullRun();

    void startFragmentRuns();

    void watchTimeout(const std::shared_ptr<detail::RunContext>& context,
                      std::chrono::milliseconds limit);

    /// A widget as drawn by a run shows the value it had then; the user may have changed it
    /// since (a change only fragments depend on does not rerun the body that drew it).
    Delta withCurrentValue(const Delta& delta) const;

    // -- messages from runs ---------------------------------------------------------------

    void onFragmentCalled(const detail::FragmentCall& call);

    void onRunEnded(const detail::Message& m);

    /// A background load finished: rerun the scopes that asked for it (and again when its
    /// refresh is due).
    void onAsyncLoaded(const QVector<detail::ScopeId>& askers, qint64 refreshInMs);

    /// Reruns `scopes`: the fragments among them, or everything when one is the main body
    /// (or a fragment the page no longer has).
    void rerunScopes(const QVector<detail::ScopeId>& scopes);

    /// Parallel fragments still running a moment after they were called, with nothing in
    /// their container yet, show a skeleton until their first output (fast ones never do,
    /// so nothing flashes).
    void showSkeletons();

    void onTimeout(quint64 runId);

    // -- ending ---------------------------------------------------------------------------

    void dropRun(quint64 runId);

    /// Interrupts and forgets every run (a full run starts, the dashboard changes).
    void supersedeAll();

    void maybeFinishGroup(quint64 id);

    void finishGroup(quint64 id, bool superseded);

    void onTick(const detail::ScopeId& scope);

    void onStaleTimer();

    /// A superseded or stopped run that did not unwind in time is abandoned: it can no
    /// longer write anything, and the new run does not wait for it.
    void onGrace();

    void finishStopped(const detail::RunGroups::Group& g);
};

}  // namespace tessera
