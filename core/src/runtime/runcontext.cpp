// SPDX-License-Identifier: GPL-3.0-or-later
#include "runcontext.h"
#include "chartwindow.h"

#include <tessera/errors.h>
#include <tessera/host/pagetree.h>
#include <tessera/ui.h>

namespace tessera::detail {

namespace {
thread_local std::shared_ptr<RunContext> t_current;
}

bool WidgetClaims::claim(const QString& id) {
    std::lock_guard lock(m_mutex);
    if (m_ids.contains(id)) return false;
    m_ids.insert(id);
    return true;
}

QSet<QString> WidgetClaims::ids() const {
    std::lock_guard lock(m_mutex);
    // A fresh set rather than a shared copy, which a later claim() would modify in place.
    QSet<QString> copy;
    copy.reserve(m_ids.size());
    for (const QString& id : m_ids) copy.insert(id);
    return copy;
}

RunContext::RunContext(std::shared_ptr<SessionCore> core, quint64 runId, ScopeId scope,
                       std::shared_ptr<RunContext> parent, std::shared_ptr<WidgetClaims> claims,
                       QElapsedTimer clock)
    : core(std::move(core)),
      runId(runId),
      scope(std::move(scope)),
      parent(std::move(parent)),
      claims(std::move(claims)),
      clock(clock) {}

bool RunContext::owns(const Path& container) const {
    if (territory.isEmpty()) return true;
    return container.size() >= territory.size() && container.first(territory.size()) == territory;
}

void RunContext::check() const {
    if (m_ended.load(std::memory_order_acquire))
        throw ContextExpired(
            "this Ui belongs to a run that has already ended; use the Ui passed to the current "
            "run (a thread started with ui.bind() must finish before its run does)");
    if (isInterrupted()) throw Interrupted();
}

bool RunContext::isInterrupted() const {
    return m_interrupted.load(std::memory_order_acquire) || (parent && parent->isInterrupted());
}

void RunContext::interrupt() {
    {
        std::lock_guard lock(m_mutex);
        m_interrupted.store(true, std::memory_order_release);
    }
    m_wake.notify_all();
}

Path RunContext::nextPath(const Path& container) {
    if (!owns(container)) {
        if (parent) return parent->nextPath(container);
        Path path = container;
        path.append(PageTree::kAppend);
        return path;
    }
    std::lock_guard lock(m_mutex);
    Path path = container;
    path.append(m_cursors[container]++);
    return path;
}

void RunContext::post(const Path& path, ElementPtr element, bool addRows) {
    Message m;
    m.type = Message::Type::Delta;
    m.delta = Delta{path, std::move(element), runId, scopeText, addRows};
    core->post(std::move(m));
}

void RunContext::keepChart(const Path& path, QVariantMap spec, DataFrame data) {
    std::lock_guard lock(m_mutex);
    m_charts.insert(path, {std::move(spec), std::move(data)});
}

DataFrame RunContext::addChartRows(const Path& path, const DataFrame& rows, QVariantMap* spec,
                                   QString* problem) {
    std::lock_guard lock(m_mutex);
    const auto it = m_charts.find(path);
    if (it == m_charts.end()) {
        *problem = QStringLiteral("this chart was not drawn by this run");
        return {};
    }
    *problem = it->data.rowsProblem(rows);
    if (!problem->isEmpty()) return it->data;
    it->data = chartwindow::keep(it->spec, it->data.withRows(rows));
    *spec = it->spec;
    return it->data;
}

bool RunContext::sleepFor(std::chrono::milliseconds duration) {
    std::unique_lock lock(m_mutex);
    const auto deadline = std::chrono::steady_clock::now() + duration;
    while (!isInterrupted()) {
        // Wake regularly: an inlined fragment is interrupted through its parent.
        const auto step =
            std::min(deadline, std::chrono::steady_clock::now() + std::chrono::milliseconds(20));
        m_wake.wait_until(lock, step);
        if (std::chrono::steady_clock::now() >= deadline) return !isInterrupted();
    }
    return false;
}

const std::shared_ptr<RunContext>& RunContext::current() {
    return t_current;
}
void RunContext::setCurrent(std::shared_ptr<RunContext> context) {
    t_current = std::move(context);
}

CurrentRun::CurrentRun(std::shared_ptr<RunContext> context) : m_previous(RunContext::current()) {
    RunContext::setCurrent(std::move(context));
}

CurrentRun::~CurrentRun() {
    RunContext::setCurrent(std::move(m_previous));
}

void RunContext::reportProblem(const QString& problem) {
    std::lock_guard lock(m_mutex);
    m_problems << problem;
}

QStringList RunContext::takeProblems() {
    std::lock_guard lock(m_mutex);
    return std::exchange(m_problems, {});
}

}  // namespace tessera::detail

namespace tessera {

RunBinding::Entered::Entered(const RunBinding& binding)
    : m_previous(detail::RunContext::current()) {
    detail::RunContext::setCurrent(binding.m_run);
}

RunBinding::Entered::~Entered() {
    detail::RunContext::setCurrent(std::move(m_previous));
}

}  // namespace tessera
