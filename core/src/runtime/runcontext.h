// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scopeid.h"
#include "sessioncore.h"

#include <tessera/element.h>

#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>

namespace tessera::detail {

/// Widget identities used by one full run (its body and the fragments it calls), to find
/// duplicates and to know which widgets the page still has when the run ends.
class WidgetClaims {
public:
    bool claim(const QString& id);
    QSet<QString> ids() const;

private:
    mutable std::mutex m_mutex;
    QSet<QString> m_ids;
};

/// One run of one scope (the main body, or a fragment): where its Ui calls write, whether it
/// has been superseded. Shared by the run thread, threads bound to the run, and the session.
class RunContext {
public:
    RunContext(std::shared_ptr<SessionCore> core, quint64 runId, ScopeId scope,
               std::shared_ptr<RunContext> parent, std::shared_ptr<WidgetClaims> claims,
               QElapsedTimer clock);

    const std::shared_ptr<SessionCore> core;
    const quint64 runId;
    const ScopeId scope;
    const Path& territory = scope.container;     ///< where the run writes; empty for the main body
    const QString scopeText = scope.toString();  ///< made once, not per delta
    /// The full run an inline fragment runs within: it shares that run's place in containers
    /// outside the fragment, so output keeps code order.
    const std::shared_ptr<RunContext> parent;
    const std::shared_ptr<WidgetClaims> claims;
    const QElapsedTimer clock;  ///< started when the run's group was requested

    bool isFragment() const { return !territory.isEmpty(); }
    /// True when `container` lies within this run's own territory.
    bool owns(const Path& container) const;

    /// Throws ContextExpired after end(), Interrupted after interrupt() (of this run or the
    /// run it is inlined in).
    void check() const;
    bool isInterrupted() const;
    void interrupt();
    void end() { m_ended.store(true, std::memory_order_release); }

    /// The next place in `container`, as a full path. Containers outside the territory are
    /// appended to (last index PageTree::kAppend), unless a parent run places them.
    Path nextPath(const Path& container);
    /// Posts `element` for `path`; with `addRows`, rows to add below the data element there.
    void post(const Path& path, ElementPtr element, bool addRows = false);
    /// Sleeps up to `duration`; returns false when woken by interrupt().
    bool sleepFor(std::chrono::milliseconds duration);
    double elapsedMs() const { return double(clock.nsecsElapsed()) / 1e6; }
    /// A misuse the run showed on the page in place of an element (Ui::usageError), for its
    /// group record.
    void reportProblem(const QString& problem);
    QStringList takeProblems();

    /// Keeps the spec and data of the grammar chart at `path`, for rows added to it.
    void keepChart(const Path& path, QVariantMap spec, DataFrame data);
    /// The chart at `path`'s data with `rows` below it, cut to its rolling window, kept as its
    /// data from now on; its spec in `spec`. On a problem (no such chart, columns that do not
    /// fit) it sets `problem` and keeps the data as it was.
    DataFrame addChartRows(const Path& path, const DataFrame& rows, QVariantMap* spec,
                           QString* problem);

    /// The run the calling thread works for (set while a run or a bound function executes).
    static const std::shared_ptr<RunContext>& current();
    static void setCurrent(std::shared_ptr<RunContext> context);

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    QHash<Path, int> m_cursors;
    QStringList m_problems;
    struct ChartSource {
        QVariantMap spec;
        DataFrame data;
    };
    QHash<Path, ChartSource> m_charts;  ///< grammar charts drawn by this run, by path
    std::atomic<bool> m_interrupted{false};
    std::atomic<bool> m_ended{false};
};

/// Makes `context` the current run of this thread while alive.
class CurrentRun {
public:
    explicit CurrentRun(std::shared_ptr<RunContext> context);
    ~CurrentRun();
    CurrentRun(const CurrentRun&) = delete;
    CurrentRun& operator=(const CurrentRun&) = delete;

private:
    std::shared_ptr<RunContext> m_previous;
};

}  // namespace tessera::detail
