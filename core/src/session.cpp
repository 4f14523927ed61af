// SPDX-License-Identifier: GPL-3.0-or-later
#include <tessera/session.h>
#include <tessera/schema.h>

#include "log.h"
#include "runcontext.h"
#include "scoperunner.h"
#include "threadpools.h"

#include <QTimer>
#include <map>

namespace tessera {

using detail::Message;
using detail::RunContext;

namespace {
double msSince(const QElapsedTimer& clock) {
    return double(clock.nsecsElapsed()) / 1e6;
}
}  // namespace

/// Bookkeeping of runs. A *group* is what one cause started: a full run (the main body and
/// the fragments it calls), or the fragment reruns of one change or tick. Every run of a
/// scope is in `runs` while it is current; output of any other run id is dropped.
struct Session::Private {
    struct ActiveRun {
        std::shared_ptr<RunContext> context;
        quint64 group = 0;
        int timing = 0;  ///< index in the group's record
        std::unique_ptr<QTimer> timeout;
    };
    struct Group {
        RunRecord record;
        QElapsedTimer clock;
        QSet<quint64> runIds;
        int outstanding = 0;
        bool bodyDone = false;
        std::shared_ptr<detail::WidgetClaims> claims = std::make_shared<detail::WidgetClaims>();
        quint64 triggerSeq = 0;
        QSet<QString> fragmentsCalled;
    };
    struct Fragment {
        QString name;
        std::function<void(Ui&)> fn;
        FragmentOptions options;
        Path container;
        quint64 activeRun = 0;
        std::unique_ptr<QTimer> timer;  ///< runEvery
    };

    explicit Private(Session* session)
        : q(session), core(std::make_shared<detail::SessionCore>(session)) {}

    Session* q;
    std::shared_ptr<detail::SessionCore> core;
    Dashboard dashboard;
    PageTree page;
    RunRecord lastRun;
    int runsStarted = 0;

    std::map<quint64, ActiveRun> runs;
    std::map<quint64, Group> groups;
    std::map<QString, Fragment> fragments;
    std::shared_ptr<RunContext> mainRun;  ///< the body of the current full run, until it ends
    quint64 fullGroup = 0;

    bool rerunPending = false;
    QSet<QString> pendingFragments;
    QVector<PageOp> pendingOps;
    QTimer startTimer, fragmentTimer, staleTimer, graceTimer, idleTimer, skeletonTimer;
    QVector<quint64> skeletonCandidates;

    void flush() {
        if (!pendingOps.isEmpty()) emit q->pageChanged(std::exchange(pendingOps, {}));
    }
    bool idle() const {
        return runs.empty() && !rerunPending && pendingFragments.isEmpty() &&
               !startTimer.isActive() && core->tasks.running() == 0;
    }
    /// Idle is announced on the next event-loop turn, and only if still idle then: a run
    /// may end in the middle of starting others (a rerun dropping its predecessor).
    void emitIdleIfIdle() {
        flush();
        if (idle()) idleTimer.start();
    }

    // -- starting -------------------------------------------------------------------------

    Group& newGroup(bool full) {
        const quint64 id = detail::nextRunId();
        Group& g = groups[id];
        g.record.runId = id;
        g.record.full = full;
        g.clock.start();
        g.triggerSeq = core->widgets->triggerSequence();
        return g;
    }

    void addRun(Group& g, const std::shared_ptr<RunContext>& context, const QString& name,
                double queuedMs) {
        ActiveRun run;
        run.context = context;
        run.group = g.record.runId;
        run.timing = int(g.record.scopes.size());
        g.record.scopes.append(
            ScopeTiming{name, context->scope, queuedMs, 0, 0, RunStatus::Running});
        g.runIds.insert(context->runId);
        ++g.outstanding;
        runs[context->runId] = std::move(run);
    }

    void startFullRun() {
        startTimer.stop();
        if (mainRun) return;  // the superseded body is still unwinding; see graceTimer
        if (!dashboard.fn) {
            rerunPending = false;
            emitIdleIfIdle();
            return;
        }
        rerunPending = false;
        supersedeAll();
        Group& g = newGroup(true);
        auto context = std::make_shared<RunContext>(
            core, detail::nextRunId(), RunContext::kMainScope, Path{}, nullptr, g.claims, g.clock);
        addRun(g, context, RunContext::kMainScope, 0);
        mainRun = context;
        fullGroup = g.record.runId;
        ++runsStarted;
        emit q->runStarted(g.record.runId);
        staleTimer.start();
        detail::scriptPool().start(
            [context, fn = dashboard.fn] { detail::executeScope(context, fn); });
    }

    void startFragmentRuns() {
        if (pendingFragments.isEmpty()) return;
        if (rerunPending || startTimer.isActive()) {
            pendingFragments.clear();  // a full run is coming: it runs every fragment
            return;
        }
        Group& g = newGroup(false);
        const quint64 groupId = g.record.runId;
        for (const QString& id : std::exchange(pendingFragments, {})) {
            auto f = fragments.find(id);
            if (f == fragments.end()) continue;
            if (f->second.activeRun) dropRun(f->second.activeRun);
            Group& group = groups[groupId];
            auto context =
                std::make_shared<RunContext>(core, detail::nextRunId(), id, f->second.container,
                                             nullptr, group.claims, group.clock);
            addRun(group, context, f->second.name, msSince(group.clock));
            f->second.activeRun = context->runId;
            startTimeout(context->runId, f->second.options.timeout);
            auto& pool = f->second.options.parallel ? detail::fragmentPool() : detail::scriptPool();
            pool.start([context, fn = f->second.fn] { detail::executeScope(context, fn); });
        }
        if (groups[groupId].outstanding == 0) {
            groups.erase(groupId);
            emitIdleIfIdle();
            return;
        }
        emit q->runStarted(groupId);
        staleTimer.start();
    }

    void startTimeout(quint64 runId, std::chrono::milliseconds timeout) {
        if (timeout.count() <= 0) return;
        auto timer = std::make_unique<QTimer>();
        timer->setSingleShot(true);
        QObject::connect(timer.get(), &QTimer::timeout, q, [this, runId] { onTimeout(runId); });
        timer->start(int(timeout.count()));
        runs[runId].timeout = std::move(timer);
    }

    /// A widget as drawn by a run shows the value it had then; the user may have changed it
    /// since (a change only fragments depend on does not rerun the body that drew it).
    Delta withCurrentValue(const Delta& delta) const {
        const Element& e = *delta.element;
        if (!e.isWidget() || e.kind == ElementKind::Button) return delta;
        const QVariant current = core->widgets->value(e.id);
        if (!current.isValid() || current == e.props.value(prop::value)) return delta;
        auto updated = std::make_shared<Element>(e);
        updated->props.insert(prop::value, current);
        return Delta{delta.path, updated, delta.runId, delta.scope};
    }

    /// Puts a widget's current value on the page without rerunning the scope that drew it.
    void showWidgetValue(const QString& id) {
        Path path;
        std::function<const PageTree::Node*(const PageTree::Node&)> find =
            [&](const PageTree::Node& n) -> const PageTree::Node* {
            for (size_t i = 0; i < n.children.size(); ++i) {
                path.append(int(i));
                if (n.children[i]->element->id == id) return n.children[i].get();
                if (const PageTree::Node* found = find(*n.children[i])) return found;
                path.removeLast();
            }
            return nullptr;
        };
        for (Root r : {MainRoot, SidebarRoot}) {
            path = {r};
            const PageTree::Node* node = find(page.root(r));
            if (!node || node->element->kind == ElementKind::Button) continue;
            auto updated = std::make_shared<Element>(*node->element);
            updated->props.insert(prop::value, core->widgets->value(id));
            pendingOps += page.apply(Delta{path, updated, node->runId, node->scope});
            flush();
            return;
        }
    }

    // -- messages from runs ---------------------------------------------------------------

    void onFragmentCalled(const std::shared_ptr<detail::FragmentCall>& call) {
        auto caller = runs.find(call->callerRunId);
        if (caller == runs.end()) {
            call->context->interrupt();  // called by a superseded run
            return;
        }
        Group& g = groups[caller->second.group];
        Fragment& f = fragments[call->id];
        if (f.activeRun) dropRun(f.activeRun);
        f.name = call->name;
        f.fn = call->fn;
        f.options = call->options;
        f.container = call->container;
        g.fragmentsCalled.insert(call->id);
        setupTimer(call->id, f);
        addRun(g, call->context, call->name, call->queuedMs);
        f.activeRun = call->context->runId;
        startTimeout(call->context->runId, call->options.timeout);
        if (!call->options.parallel) return;  // inline: already running on the caller's thread
        skeletonCandidates.append(call->context->runId);
        if (!skeletonTimer.isActive()) skeletonTimer.start();
        detail::fragmentPool().start(
            [context = call->context, fn = call->fn] { detail::executeScope(context, fn); });
    }

    void onRunEnded(const Message& m) {
        auto it = runs.find(m.runId);
        if (it == runs.end()) return;  // superseded, timed out or dropped
        ActiveRun run = std::move(it->second);
        runs.erase(it);
        Group& g = groups[run.group];
        ScopeTiming& timing = g.record.scopes[run.timing];
        timing.startedMs = m.startedMs;
        timing.finishedMs = m.finishedMs;
        timing.status = m.status;
        g.record.exceptions += m.exceptions;
        --g.outstanding;
        if (run.context->isFragment()) {
            auto f = fragments.find(run.context->scope);
            if (f != fragments.end() && f->second.activeRun == m.runId) f->second.activeRun = 0;
            if (isFragmentContainer(run.context->territory, run.context->scope))
                pendingOps += m.status == RunStatus::Interrupted
                                  ? page.unfade(run.context->territory)
                                  : page.removeStale(run.context->territory, {m.runId});
        }
        if (run.context == mainRun) {
            mainRun.reset();
            g.bodyDone = true;
            graceTimer.stop();
            if (rerunPending) {
                // The superseded body is done; its fragments need not be waited for.
                finishGroup(run.group, /*superseded=*/true);
                return;
            }
        }
        maybeFinishGroup(run.group);
    }

    /// A background load finished: rerun the scopes that asked for it (and again when its
    /// refresh is due).
    void onAsyncLoaded(const QStringList& askers, qint64 refreshInMs) {
        rerunScopes(askers);
        if (refreshInMs >= 0)
            QTimer::singleShot(std::chrono::milliseconds(refreshInMs), q,
                               [this, askers] { rerunScopes(askers); });
    }

    void rerunScopes(const QStringList& scopes) {
        QStringList targets;
        for (const QString& scope : scopes) {
            if (scope == RunContext::kMainScope || !fragments.count(scope)) {
                q->rerun();
                return;
            }
            targets << scope;
        }
        q->rerunFragments(targets);
    }

    bool isFragmentContainer(const Path& path, const QString& scopeId) const {
        const PageTree::Node* n = page.node(path);
        return n && n->element->kind == ElementKind::Fragment &&
               scopeId.startsWith(n->element->props.value(prop::id).toString() +
                                  QLatin1Char('@'));
    }

    /// Parallel fragments still running a moment after they were called, with nothing in
    /// their container yet, show a skeleton until their first output (fast ones never do,
    /// so nothing flashes). The skeleton belongs to no run: the fragment's end removes it if
    /// nothing replaced it.
    void showSkeletons() {
        for (quint64 runId : std::exchange(skeletonCandidates, {})) {
            auto it = runs.find(runId);
            if (it == runs.end()) continue;
            const auto& context = it->second.context;
            const PageTree::Node* container = page.node(context->territory);
            if (!container || !container->children.empty() ||
                !isFragmentContainer(context->territory, context->scope))
                continue;
            auto skeleton = std::make_shared<Element>();
            skeleton->kind = ElementKind::Skeleton;
            skeleton->props.insert(prop::height, 120);
            pendingOps +=
                page.apply(Delta{Path(context->territory) << 0, skeleton, 0, context->scope});
        }
        flush();
    }

    void onTimeout(quint64 runId) {
        auto it = runs.find(runId);
        if (it == runs.end()) return;
        const auto context = it->second.context;
        const quint64 group = forgetRun(it, RunStatus::TimedOut);  // late output is dropped
        Group& g = groups[group];
        const auto f = fragments.find(context->scope);
        const QString name = f != fragments.end() ? f->second.name : context->scope;
        const qint64 limit = f != fragments.end() ? qint64(f->second.options.timeout.count()) : 0;
        const QString message =
            QStringLiteral("fragment '%1' did not finish within %2 ms").arg(name).arg(limit);
        g.record.exceptions << QStringLiteral("Timeout: ") + message;
        detail::logger("session")->warn("{}", message.toStdString());
        if (f != fragments.end() && f->second.activeRun == runId) f->second.activeRun = 0;
        if (isFragmentContainer(context->territory, context->scope)) {
            auto e = std::make_shared<Element>();
            e->kind = ElementKind::Exception;
            e->props = {{prop::type, QStringLiteral("Timeout")},
                        {prop::text, message}};
            pendingOps += page.apply(
                Delta{Path(context->territory) << PageTree::kAppend, e, runId, context->scope});
            pendingOps += page.removeStale(context->territory, {runId});
        }
        maybeFinishGroup(group);
    }

    // -- ending ---------------------------------------------------------------------------

    /// Interrupts a run and forgets it, recording how it ended: whatever it still produces
    /// is dropped. Returns its group.
    quint64 forgetRun(std::map<quint64, ActiveRun>::iterator it, RunStatus status) {
        it->second.context->interrupt();
        const quint64 group = it->second.group;
        Group& g = groups[group];
        ScopeTiming& timing = g.record.scopes[it->second.timing];
        timing.status = status;
        timing.finishedMs = msSince(g.clock);
        runs.erase(it);
        --g.outstanding;
        return group;
    }

    void dropRun(quint64 runId) {
        auto it = runs.find(runId);
        if (it != runs.end()) maybeFinishGroup(forgetRun(it, RunStatus::Interrupted));
    }

    /// Interrupts and forgets every run (a full run starts, the dashboard changes).
    void supersedeAll() {
        for (auto& [id, run] : runs) run.context->interrupt();
        runs.clear();
        groups.clear();
        mainRun.reset();
        fullGroup = 0;
        pendingFragments.clear();
        fragmentTimer.stop();
        graceTimer.stop();
        for (auto& [id, f] : fragments) f.activeRun = 0;
    }

    void maybeFinishGroup(quint64 id) {
        auto it = groups.find(id);
        if (it == groups.end()) return;
        const Group& g = it->second;
        if (g.outstanding > 0 || (g.record.full && !g.bodyDone)) return;
        finishGroup(id, false);
    }

    void finishGroup(quint64 id, bool superseded) {
        auto it = groups.find(id);
        if (it == groups.end()) return;
        Group g = std::move(it->second);
        groups.erase(it);
        const bool bodyInterrupted = g.record.full && !g.record.scopes.isEmpty() &&
                                     g.record.scopes.first().status == RunStatus::Interrupted;
        if (g.record.full) {
            fullGroup = 0;
            if (!bodyInterrupted) {
                pendingOps += page.removeStale({}, g.runIds);
                dropFragmentsNotCalled(g.fragmentsCalled);
                // Widgets of live fragments stay even if this run's call of the fragment was
                // superseded by a rerun of its own before drawing them.
                QSet<QString> live;
                for (const auto& [id, f] : fragments) live.insert(id);
                core->widgets->retainOnly(g.claims->ids(), live);
                core->tasks.retainAskedBy(g.runIds);
                core->widgets->resetTriggers(g.triggerSeq);
            } else if (!rerunPending) {
                pendingOps += page.unfade({});  // stopped: the page stays as it is
            }
        } else {
            core->widgets->resetTriggers(g.triggerSeq);
        }
        if (runs.empty()) staleTimer.stop();
        lastRun = g.record;
        flush();
        emit q->runFinished(lastRun);
        if (superseded || (g.record.full && rerunPending))
            startFullRun();
        else
            emitIdleIfIdle();
    }

    void dropFragmentsNotCalled(const QSet<QString>& called) {
        for (auto it = fragments.begin(); it != fragments.end();) {
            if (called.contains(it->first)) {
                ++it;
            } else {
                if (it->second.activeRun) dropRun(it->second.activeRun);
                it = fragments.erase(it);  // its runEvery timer goes with it
            }
        }
    }

    void setupTimer(const QString& id, Fragment& f) {
        const int every = int(f.options.runEvery.count());
        if (every <= 0) {
            f.timer.reset();
            return;
        }
        if (!f.timer) {
            f.timer = std::make_unique<QTimer>();
            QObject::connect(f.timer.get(), &QTimer::timeout, q, [this, id] { onTick(id); });
        }
        if (f.timer->interval() != every || !f.timer->isActive()) f.timer->start(every);
    }

    void onTick(const QString& id) {
        auto f = fragments.find(id);
        if (f == fragments.end()) return;
        // No pile-up: a tick while the previous run is still going is skipped.
        if (f->second.activeRun && runs.count(f->second.activeRun)) return;
        pendingFragments.insert(id);
        fragmentTimer.start();
    }

    void onStaleTimer() {
        for (const auto& [runId, run] : runs) {
            if (run.context == mainRun) {
                auto g = groups.find(run.group);
                if (g != groups.end()) pendingOps += page.fadeStale({}, g->second.runIds);
            } else if (isFragmentContainer(run.context->territory, run.context->scope)) {
                pendingOps += page.fadeStale(run.context->territory, {runId});
            }
        }
        flush();
    }

    /// A superseded or stopped run that did not unwind in time is abandoned: it can no
    /// longer write anything, and the new run does not wait for it.
    void onGrace() {
        if (!mainRun || !mainRun->isInterrupted()) return;
        detail::logger("session")->warn("run did not stop within {} ms; abandoning it",
                                        graceTimer.interval());
        auto it = runs.find(mainRun->runId);
        const quint64 group = it != runs.end() ? forgetRun(it, RunStatus::Interrupted) : 0;
        if (group) groups[group].bodyDone = true;
        mainRun.reset();
        if (rerunPending) {
            finishGroup(group, true);
            return;
        }
        // Stopped: forget the fragments of that run too.
        for (auto& [id, run] : runs) run.context->interrupt();
        runs.clear();
        finishGroup(group, false);
    }
};

Session::Session(QObject* parent) : QObject(parent), d(std::make_unique<Private>(this)) {
    d->staleTimer.setSingleShot(true);
    d->staleTimer.setInterval(250);
    connect(&d->staleTimer, &QTimer::timeout, this, [this] { d->onStaleTimer(); });
    d->graceTimer.setSingleShot(true);
    d->graceTimer.setInterval(300);
    connect(&d->graceTimer, &QTimer::timeout, this, [this] { d->onGrace(); });
    d->startTimer.setSingleShot(true);
    d->startTimer.setInterval(0);
    connect(&d->startTimer, &QTimer::timeout, this, [this] { d->startFullRun(); });
    d->fragmentTimer.setSingleShot(true);
    d->fragmentTimer.setInterval(0);
    d->skeletonTimer.setSingleShot(true);
    d->skeletonTimer.setInterval(60);
    connect(&d->skeletonTimer, &QTimer::timeout, this, [this] { d->showSkeletons(); });
    d->idleTimer.setSingleShot(true);
    d->idleTimer.setInterval(0);
    connect(&d->idleTimer, &QTimer::timeout, this, [this] {
        if (d->idle()) emit idle();
    });
    connect(&d->fragmentTimer, &QTimer::timeout, this, [this] { d->startFragmentRuns(); });
}

Session::~Session() {
    d->core->detach();
    for (auto& [id, run] : d->runs) run.context->interrupt();
}

void Session::setDashboard(const Dashboard& dashboard) {
    d->supersedeAll();
    d->fragments.clear();
    d->dashboard = dashboard;
    d->pendingOps += d->page.clear();
    d->flush();
    rerun();
}

const Dashboard& Session::dashboard() const {
    return d->dashboard;
}

void Session::rerun() {
    d->rerunPending = true;
    if (d->mainRun) {
        for (auto& [id, run] : d->runs) run.context->interrupt();
        if (!d->graceTimer.isActive()) d->graceTimer.start();
        return;
    }
    d->startTimer.start();
}

void Session::rerunFragments(const QStringList& ids) {
    for (const QString& id : ids)
        if (d->fragments.count(id)) d->pendingFragments.insert(id);
    if (!d->pendingFragments.isEmpty()) d->fragmentTimer.start();
}

void Session::stop() {
    d->rerunPending = false;
    d->startTimer.stop();
    d->pendingFragments.clear();
    d->fragmentTimer.stop();
    for (auto& [id, run] : d->runs) run.context->interrupt();
    if (d->mainRun && !d->graceTimer.isActive()) d->graceTimer.start();
}

bool Session::isRunning() const {
    return !d->runs.empty();
}
bool Session::isIdle() const {
    return d->idle();
}

QString Session::setWidgetValue(const QString& id, const QVariant& value, bool rerunAfter) {
    const QString error = d->core->widgets->set(id, value);
    if (!error.isEmpty()) {
        detail::logger("session")->warn("rejected widget value: {}", error.toStdString());
        return error;
    }
    if (!rerunAfter) return {};
    // Rerun exactly what depends on the widget; the main body reading it (or nobody) means
    // the whole dashboard.
    const QSet<QString> dependents = d->core->widgets->dependents(id);
    bool full = dependents.isEmpty() || dependents.contains(RunContext::kMainScope);
    QStringList fragments;
    for (const QString& scope : dependents) {
        if (scope == RunContext::kMainScope) continue;
        if (d->fragments.count(scope))
            fragments << scope;
        else
            full = true;
    }
    if (full) {
        rerun();
    } else {
        d->showWidgetValue(id);  // the body that drew it does not rerun
        rerunFragments(fragments);
    }
    return {};
}

void Session::presetWidgetValue(const QString& keyOrLabel, const QVariant& value) {
    d->core->widgets->preset(keyOrLabel, value);
}

QStringList Session::presetProblems() const {
    return d->core->widgets->presetProblems();
}

QString Session::findWidget(const QString& keyOrLabel) const {
    return d->core->widgets->findByKeyOrLabel(keyOrLabel);
}
SessionState& Session::state() {
    return d->core->state;
}
const PageTree& Session::page() const {
    return d->page;
}
const RunRecord& Session::lastRun() const {
    return d->lastRun;
}
int Session::runsStarted() const {
    return d->runsStarted;
}
void Session::setStaleDelay(int ms) {
    d->staleTimer.setInterval(ms);
}

QStringList Session::fragments() const {
    QStringList ids;
    for (const auto& [id, f] : d->fragments) ids << id;
    return ids;
}

void Session::drainInbox() {
    for (Message& m : d->core->takeAll()) {
        switch (m.type) {
            case Message::Type::Delta:
                if (d->runs.count(m.delta.runId))
                    d->pendingOps += d->page.apply(d->withCurrentValue(m.delta));
                break;
            case Message::Type::FragmentCalled:
                d->onFragmentCalled(m.fragment);
                break;
            case Message::Type::RunEnded:
                d->onRunEnded(m);
                break;
            case Message::Type::AsyncLoaded:
                d->onAsyncLoaded(m.scopes, m.refreshInMs);
                break;
            case Message::Type::RerunRequested:
                if (!d->runs.count(m.runId)) break;
                if (m.rerunScope == Scope::Fragment && m.scope != RunContext::kMainScope)
                    rerunFragments({m.scope});
                else
                    rerun();
                break;
        }
    }
    d->flush();
}

}  // namespace tessera
