// SPDX-License-Identifier: GPL-3.0-or-later
#include "rungroups.h"

#include "runlauncher.h"

namespace tessera::detail {

RunGroups::Group& RunGroups::open(bool full, quint64 triggerSeq) {
    const quint64 id = nextRunId();
    Group& g = m_groups[id];
    g.record.groupId = id;
    g.record.full = full;
    g.clock.start();
    g.triggerSeq = triggerSeq;
    return g;
}

RunGroups::Group* RunGroups::group(quint64 id) {
    auto it = m_groups.find(id);
    return it == m_groups.end() ? nullptr : &it->second;
}

void RunGroups::add(Group& g, const std::shared_ptr<RunContext>& context, double queuedMs) {
    Run run;
    run.context = context;
    run.group = g.record.groupId;
    run.timing = int(g.record.runs.size());
    g.record.runs.append(RunTiming{context->scope.name, context->scope.toString(), queuedMs, 0, 0,
                                   RunStatus::Running});
    g.runIds.insert(context->runId);
    ++g.outstanding;
    m_runs[context->runId] = std::move(run);
}

void RunGroups::setTimeout(quint64 runId, std::chrono::milliseconds limit, QObject* owner,
                           std::function<void()> onTimeout) {
    auto it = m_runs.find(runId);
    if (limit.count() <= 0 || it == m_runs.end()) return;
    auto timer = std::make_unique<QTimer>(owner);
    timer->setSingleShot(true);
    QObject::connect(timer.get(), &QTimer::timeout, owner, std::move(onTimeout));
    timer->start(limit);
    it->second.timeout = std::move(timer);
}

const RunGroups::Run* RunGroups::run(quint64 runId) const {
    auto it = m_runs.find(runId);
    return it == m_runs.end() ? nullptr : &it->second;
}

quint64 RunGroups::end(quint64 runId, RunStatus status, double startedMs, double finishedMs,
                       const QStringList& exceptions, const QStringList& problems) {
    auto it = m_runs.find(runId);
    if (it == m_runs.end()) return 0;
    const quint64 id = it->second.group;
    Group& g = m_groups[id];
    RunTiming& timing = g.record.runs[it->second.timing];
    timing.startedMs = startedMs;
    timing.finishedMs = finishedMs;
    timing.status = status;
    g.record.exceptions += exceptions;
    g.record.problems += problems;
    if (status == RunStatus::Finished && it->second.context->isFragment())
        g.fragmentsFinished.insert(it->second.context->scope);
    --g.outstanding;
    m_runs.erase(it);
    return id;
}

quint64 RunGroups::forget(quint64 runId, RunStatus status) {
    auto it = m_runs.find(runId);
    if (it == m_runs.end()) return 0;
    it->second.context->interrupt();
    const quint64 id = it->second.group;
    Group& g = m_groups[id];
    RunTiming& timing = g.record.runs[it->second.timing];
    timing.status = status;
    timing.finishedMs = double(g.clock.nsecsElapsed()) / 1e6;
    --g.outstanding;
    m_runs.erase(it);
    return id;
}

bool RunGroups::complete(quint64 id) const {
    auto it = m_groups.find(id);
    if (it == m_groups.end()) return false;
    const Group& g = it->second;
    return g.outstanding == 0 && (!g.record.full || g.bodyDone);
}

RunGroups::Group RunGroups::take(quint64 id) {
    auto it = m_groups.find(id);
    Group g = std::move(it->second);
    m_groups.erase(it);
    return g;
}

void RunGroups::interruptAll() {
    for (auto& [id, run] : m_runs) run.context->interrupt();
}

void RunGroups::clear() {
    interruptAll();
    m_runs.clear();
    m_groups.clear();
}

}  // namespace tessera::detail
