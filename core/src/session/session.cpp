// SPDX-License-Identifier: GPL-3.0-or-later
#include <tessera/schema.h>

#include "log.h"
#include "runlauncher.h"
#include "session_p.h"

namespace tessera {

Session::Session(QObject* parent) : QObject(parent), d(std::make_unique<Private>(this)) {}

Session::~Session() {
    d->core->detach();
    d->groups.interruptAll();
}

void Session::setDashboard(const Dashboard& dashboard) {
    d->supersedeAll();
    d->fragments.clear();
    d->dashboard = dashboard;
    d->page.clear();
    d->page.flush();
    rerun();
}

void Session::reloadDashboard(const Dashboard& dashboard) {
    if (dashboard.id != d->dashboard.id) return;
    d->dashboard = dashboard;
    // Widgets changed before the reload may have queued fragment reruns of the old code: the
    // full run replaces every fragment.
    d->pendingFragments.clear();
    rerun();
}

const Dashboard& Session::dashboard() const {
    return d->dashboard;
}

void Session::rerun() {
    d->rerunPending = true;
    if (d->mainRun) {
        d->groups.interruptAll();
        if (!d->graceTimer->isActive()) d->graceTimer->start();
        return;
    }
    d->startTimer->start();
}

void Session::rerunFragments(const QStringList& ids) {
    QVector<ScopeId> scopes;
    for (const QString& id : ids)
        if (const ScopeId* scope = d->fragments.findById(id)) scopes << *scope;
    if (!scopes.isEmpty()) d->rerunScopes(scopes);
}

bool Session::rerunFragment(const QString& key) {
    const QVector<ScopeId> scopes = d->fragments.findByKey(key);
    if (!scopes.isEmpty()) d->rerunScopes(scopes);
    return !scopes.isEmpty();
}

void Session::stop() {
    d->rerunPending = false;
    d->startTimer->stop();
    d->pendingFragments.clear();
    d->fragmentTimer->stop();
    d->groups.interruptAll();
    if (d->mainRun && !d->graceTimer->isActive()) d->graceTimer->start();
}

bool Session::isRunning() const {
    return !d->groups.empty();
}
bool Session::isIdle() const {
    return d->idle();
}

QString Session::setWidgetValue(const QString& id, const QVariant& value, bool rerunAfter) {
    const detail::WidgetChange change = d->core->widgets->set(id, value);
    if (!change.error.isEmpty()) {
        detail::logger("session")->warn("rejected widget value: {}", change.error.toStdString());
        return change.error;
    }
    if (change.held) {
        // A form widget: nothing reruns before the form is submitted; every viewer shows it.
        d->page.showWidgetValue(id, d->core->widgets->displayValue(id));
        d->page.flush();
        return {};
    }
    // As in Streamlit, a value the widget has already reruns nothing.
    if (rerunAfter && !change.unchanged) rerunDependents({id});
    return {};
}

void Session::rerunDependents(const QStringList& widgetIds) {
    // Rerun exactly what depends on the widgets; the main body reading one (or nobody reading
    // it) means the whole dashboard.
    const QStringList committed = d->core->widgets->committedBy(widgetIds);
    if (committed.isEmpty()) return;  // values held by a form until it is submitted
    QVector<ScopeId> scopes;
    bool full = false;
    for (const QString& id : committed) {
        const QSet<ScopeId> dependents = d->core->widgets->dependents(id);
        if (dependents.isEmpty()) full = true;
        for (const ScopeId& scope : dependents) {
            if (scope.isMain() || !d->fragments.contains(scope)) full = true;
            scopes << scope;
        }
    }
    if (full) {
        rerun();
        return;
    }
    // The body that drew the widgets does not rerun: show their new values now.
    for (const QString& id : committed)
        d->page.showWidgetValue(id, d->core->widgets->displayValue(id));
    d->page.flush();
    d->rerunScopes(scopes);
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
    return d->page.tree();
}
quint64 Session::pageSequence() const {
    return d->page.sequence();
}

QMetaObject::Connection Session::subscribe(QObject* receiver,
                                           std::function<void(const PageBatch&)> onBatch) {
    auto deliver = std::make_shared<std::function<void(const PageBatch&)>>(std::move(onBatch));
    // Queued to the receiver's thread when it is another one; posted before any later batch,
    // so the snapshot always comes first.
    QMetaObject::invokeMethod(receiver,
                              [deliver, snapshot = d->page.snapshot()] { (*deliver)(snapshot); });
    return connect(this, &Session::pageBatch, receiver,
                   [deliver](const PageBatch& batch) { (*deliver)(batch); });
}

const GroupRecord& Session::lastGroup() const {
    return d->lastGroup;
}
int Session::runsStarted() const {
    return d->runsStarted;
}
void Session::setStaleDelay(int ms) {
    d->staleTimer->setInterval(ms);
}

QStringList Session::fragments() const {
    QStringList ids;
    for (const ScopeId& scope : d->fragments.scopes()) ids << scope.toString();
    return ids;
}

void Session::drainInbox() {
    for (Message& m : d->core->takeAll()) {
        switch (m.type) {
            case Message::Type::Delta:
                if (d->groups.contains(m.delta.runId)) d->page.apply(d->withCurrentValue(m.delta));
                break;
            case Message::Type::FragmentCalled:
                d->onFragmentCalled(*m.fragment);
                break;
            case Message::Type::RunEnded:
                d->onRunEnded(m);
                break;
            case Message::Type::AsyncLoaded:
                d->onAsyncLoaded(m.scopes, m.refreshInMs);
                break;
            case Message::Type::FragmentRerunsRequested:
                // From a run: only while it is current. From a FragmentTrigger: always.
                if (m.runId != 0 && !d->groups.contains(m.runId)) break;
                for (const QString& key : m.keys) rerunFragment(key);
                break;
            case Message::Type::RerunRequested:
                if (!d->groups.contains(m.runId)) break;
                if (m.rerunTarget == RerunTarget::Fragment && !m.scope.isMain())
                    d->rerunScopes({m.scope});
                else
                    rerun();
                break;
        }
    }
    d->page.flush();
}

}  // namespace tessera
