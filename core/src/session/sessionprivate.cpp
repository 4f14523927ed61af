// SPDX-License-Identifier: GPL-3.0-or-later
// The session's decisions (Session::Private, see session_p.h).
#include <tessera/schema.h>

#include "log.h"
#include "runlauncher.h"
#include "session_p.h"

namespace tessera {

Session::Private::Private(Session* session)
    : q(session),
      core(std::make_shared<detail::SessionCore>(session)),
      fragments(session, [this](const ScopeId& scope) { onTick(scope); }),
      page([session](const PageBatch& batch) {
          emit session->pageChanged(batch.ops);
          emit session->pageBatch(batch);
      }),
      startTimer(singleShot(0, [this] { startFullRun(); })),
      fragmentTimer(singleShot(0, [this] { startFragmentRuns(); })),
      staleTimer(singleShot(250, [this] { onStaleTimer(); })),
      graceTimer(singleShot(300, [this] { onGrace(); })),
      skeletonTimer(singleShot(60, [this] { showSkeletons(); })),
      idleTimer(singleShot(0, [this] {
          if (idle()) emit q->idle();
      })) {}

QTimer* Session::Private::singleShot(int ms, std::function<void()> fn) {
    auto* timer = new QTimer(q);
    timer->setSingleShot(true);
    timer->setInterval(ms);
    QObject::connect(timer, &QTimer::timeout, q, std::move(fn));
    return timer;
}

bool Session::Private::idle() const {
    return groups.empty() && !rerunPending && pendingFragments.isEmpty() &&
           !startTimer->isActive() && core->tasks.running() == 0 && !core->hasMail();
}

void Session::Private::emitIdleIfIdle() {
    page.flush();
    if (idle()) idleTimer->start();
}

void Session::Private::startFullRun() {
    startTimer->stop();
    if (mainRun) return;  // the superseded body is still unwinding; see graceTimer
    rerunPending = false;
    if (!dashboard.fn) {
        emitIdleIfIdle();
        return;
    }
    supersedeAll();
    RunGroups::Group& g = groups.open(true, core->widgets->triggerSequence());
    mainRun = RunLauncher::newRun(core, ScopeId::main(), nullptr, g.claims, g.clock);
    groups.add(g, mainRun, 0);
    ++runsStarted;
    emit q->groupStarted(g.record.groupId);
    staleTimer->start();
    RunLauncher::start(mainRun, dashboard.fn, RunLauncher::Pool::Script);
}

void Session::Private::startFragmentRuns() {
    if (pendingFragments.isEmpty()) return;
    if (rerunPending || startTimer->isActive()) {
        pendingFragments.clear();  // a full run is coming: it runs every fragment
        return;
    }
    const quint64 groupId = groups.open(false, core->widgets->triggerSequence()).record.groupId;
    for (const ScopeId& scope : std::exchange(pendingFragments, {})) {
        auto* f = fragments.find(scope);
        if (!f) continue;
        if (f->activeRun) dropRun(f->activeRun);
        RunGroups::Group& g = *groups.group(groupId);
        auto context = RunLauncher::newRun(core, scope, nullptr, g.claims, g.clock);
        groups.add(g, context, double(g.clock.nsecsElapsed()) / 1e6);
        f->activeRun = context->runId;
        watchTimeout(context, f->options.timeout);
        RunLauncher::start(
            context, f->fn,
            f->options.parallel ? RunLauncher::Pool::Fragment : RunLauncher::Pool::Script);
    }
    if (groups.group(groupId)->outstanding == 0) {
        groups.take(groupId);
        emitIdleIfIdle();
        return;
    }
    emit q->groupStarted(groupId);
    staleTimer->start();
}

void Session::Private::watchTimeout(const std::shared_ptr<RunContext>& context,
                                    std::chrono::milliseconds limit) {
    const quint64 runId = context->runId;
    groups.setTimeout(runId, limit, q, [this, runId] { onTimeout(runId); });
}

Delta Session::Private::withCurrentValue(const Delta& delta) const {
    const Element& e = *delta.element;
    if (!e.isWidget() || isTriggerKind(e.kind)) return delta;
    const QVariant current = core->widgets->displayValue(e.id);
    if (!current.isValid() || current == e.props.value(prop::value)) return delta;
    auto updated = std::make_shared<Element>(e);
    updated->props.insert(prop::value, current);
    return Delta{delta.path, updated, delta.runId, delta.scope};
}

void Session::Private::onFragmentCalled(const detail::FragmentCall& call) {
    const RunGroups::Run* caller = groups.run(call.callerRunId);
    if (!caller) {
        call.context->interrupt();  // called by a superseded run
        return;
    }
    RunGroups::Group& g = *groups.group(caller->group);
    if (const quint64 previous = fragments.registerCall(call)) dropRun(previous);
    g.fragmentsCalled.insert(call.scope);
    groups.add(g, call.context, call.queuedMs);
    watchTimeout(call.context, call.options.timeout);
    if (!call.options.parallel) return;  // inline: already running on the caller's thread
    skeletonCandidates.append(call.scope);
    if (!skeletonTimer->isActive()) skeletonTimer->start();
    RunLauncher::start(call.context, call.fn, RunLauncher::Pool::Fragment);
}

void Session::Private::onRunEnded(const Message& m) {
    const RunGroups::Run* run = groups.run(m.runId);
    if (!run) return;  // superseded, timed out or dropped
    const auto context = run->context;
    const quint64 group =
        groups.end(m.runId, m.status, m.startedMs, m.finishedMs, m.exceptions, m.problems);
    if (context->isFragment()) {
        auto* f = fragments.find(context->scope);
        if (f && f->activeRun == m.runId) f->activeRun = 0;
        if (page.hasContainer(context->scope)) {
            if (m.status == RunStatus::Interrupted || m.status == RunStatus::Rerun)
                page.unfade(context->territory);
            else
                page.removeStale(context->territory, {m.runId});
        }
    }
    if (context == mainRun) {
        mainRun.reset();
        groups.group(group)->bodyDone = true;
        graceTimer->stop();
        if (rerunPending) {
            // The superseded body is done; its fragments need not be waited for.
            finishGroup(group, /*superseded=*/true);
            return;
        }
    }
    maybeFinishGroup(group);
}

void Session::Private::onAsyncLoaded(const QVector<ScopeId>& askers, qint64 refreshInMs) {
    rerunScopes(askers);
    if (refreshInMs >= 0)
        QTimer::singleShot(std::chrono::milliseconds(refreshInMs), q,
                           [this, askers] { rerunScopes(askers); });
}

void Session::Private::rerunScopes(const QVector<ScopeId>& scopes) {
    for (const ScopeId& scope : scopes) {
        if (scope.isMain() || !fragments.contains(scope)) {
            q->rerun();
            return;
        }
    }
    for (const ScopeId& scope : scopes) pendingFragments.insert(scope);
    if (!pendingFragments.isEmpty()) fragmentTimer->start();
}

void Session::Private::showSkeletons() {
    for (const ScopeId& scope : std::exchange(skeletonCandidates, {})) {
        const auto* f = fragments.find(scope);
        if (f && f->activeRun && groups.contains(f->activeRun)) page.showSkeleton(scope);
    }
    page.flush();
}

void Session::Private::onTimeout(quint64 runId) {
    const RunGroups::Run* run = groups.run(runId);
    if (!run) return;
    const auto context = run->context;
    const quint64 group = groups.forget(runId, RunStatus::TimedOut);  // late output dropped
    auto* f = fragments.find(context->scope);
    const qint64 limit = f ? qint64(f->options.timeout.count()) : 0;
    const QString message = QStringLiteral("fragment '%1' did not finish within %2 ms")
                                .arg(context->scope.name)
                                .arg(limit);
    groups.group(group)->record.exceptions << QStringLiteral("Timeout: ") + message;
    detail::logger("session")->warn("{}", message.toStdString());
    if (f && f->activeRun == runId) f->activeRun = 0;
    if (page.hasContainer(context->scope)) {
        auto e = std::make_shared<Element>();
        e->kind = ElementKind::Exception;
        e->props = {{prop::type, QStringLiteral("Timeout")}, {prop::text, message}};
        page.apply(Delta{Path(context->territory) << PageTree::kAppend, e, runId,
                         context->scope.toString()});
        page.removeStale(context->territory, {runId});
    }
    maybeFinishGroup(group);
}

void Session::Private::dropRun(quint64 runId) {
    if (const quint64 group = groups.forget(runId, RunStatus::Interrupted)) maybeFinishGroup(group);
}

void Session::Private::supersedeAll() {
    groups.clear();
    mainRun.reset();
    pendingFragments.clear();
    fragmentTimer->stop();
    graceTimer->stop();
    fragments.clearActiveRuns();
}

void Session::Private::maybeFinishGroup(quint64 id) {
    if (groups.complete(id)) finishGroup(id, false);
}

void Session::Private::finishGroup(quint64 id, bool superseded) {
    if (!groups.group(id)) return;
    RunGroups::Group g = groups.take(id);
    const QSet<QString> drawn = g.claims->ids();
    if (g.record.full) {
        const RunStatus body = g.record.runs.first().status;
        if (body == RunStatus::Finished || body == RunStatus::Failed) {
            page.removeStale({}, g.runIds);
            for (quint64 run : fragments.retainOnly(g.fragmentsCalled)) dropRun(run);
            // Widgets of live fragments stay even if this run's call of the fragment was
            // superseded by a rerun of its own before drawing them.
            core->widgets->retainOnly(drawn, fragments.scopes());
            core->tasks.retainAskedBy(g.runIds);
            core->widgets->resetTriggers(g.triggerSeq);
        } else if (body == RunStatus::Rerun) {
            // A run that asked for a rerun counts as completed for its triggers (a button
            // that asked for it is released, so the rerun settles); its page and widgets stay
            // until the rerun replaces them.
            core->widgets->resetTriggers(g.triggerSeq);
        } else if (!rerunPending) {
            page.unfade({});  // stopped: the page stays as it is
        }
    } else {
        core->widgets->resetTriggers(g.triggerSeq);
    }
    // A fragment that finished forgets the widgets it no longer draws, and only its own.
    for (const ScopeId& scope : g.fragmentsFinished) core->widgets->forgetUndrawn(scope, drawn);
    if (groups.empty()) staleTimer->stop();
    lastGroup = g.record;
    page.flush();
    emit q->groupFinished(lastGroup);
    if (superseded || (g.record.full && rerunPending))
        startFullRun();
    else
        emitIdleIfIdle();
}

void Session::Private::onTick(const ScopeId& scope) {
    const auto* f = fragments.find(scope);
    // No pile-up: a tick while the previous run is still going is skipped.
    if (!f || (f->activeRun && groups.contains(f->activeRun))) return;
    pendingFragments.insert(scope);
    fragmentTimer->start();
}

void Session::Private::onStaleTimer() {
    for (const auto& [runId, run] : groups.runs()) {
        if (run.context == mainRun) {
            page.fadeStale({}, groups.group(run.group)->runIds);
        } else if (page.hasContainer(run.context->scope)) {
            page.fadeStale(run.context->territory, {runId});
        }
    }
    page.flush();
}

void Session::Private::onGrace() {
    if (!mainRun || !mainRun->isInterrupted()) return;
    detail::logger("session")->warn("run did not stop within {} ms; abandoning it",
                                    graceTimer->interval());
    const quint64 group = groups.forget(mainRun->runId, RunStatus::Interrupted);
    if (auto* g = groups.group(group)) g->bodyDone = true;
    mainRun.reset();
    if (rerunPending) {
        finishGroup(group, true);
        return;
    }
    // Stopped: forget the fragments of that run too.
    RunGroups::Group* g = groups.group(group);
    const RunGroups::Group kept = g ? groups.take(group) : RunGroups::Group{};
    groups.clear();
    if (g) finishStopped(kept);
}

void Session::Private::finishStopped(const RunGroups::Group& g) {
    page.unfade({});
    lastGroup = g.record;
    page.flush();
    emit q->groupFinished(lastGroup);
    emitIdleIfIdle();
}

}  // namespace tessera
