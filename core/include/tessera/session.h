// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/dashboard.h>
#include <tessera/export.h>
#include <tessera/pagetree.h>
#include <tessera/runrecord.h>

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <memory>

namespace tessera {

namespace detail {
class SessionCore;
class RunContext;
}  // namespace detail

/// One viewer's session: owns the page, the widget values, session state and the run
/// bookkeeping. Lives in one thread (normally the GUI thread); runs execute on the script
/// pool and only post to it. Superseded runs are interrupted and whatever they still produce
/// is dropped, so the latest input always wins.
class TESSERA_CORE_EXPORT Session : public QObject {
    Q_OBJECT
public:
    explicit Session(QObject* parent = nullptr);
    ~Session() override;

    /// Switches to `dashboard` (same session state), clears the page and runs it.
    void setDashboard(const Dashboard& dashboard);
    const Dashboard& dashboard() const { return m_dashboard; }

    /// Requests a full run. Requests that arrive while a run is going interrupt it and are
    /// coalesced into one new run with the latest widget values.
    void rerun();
    /// Interrupts the current run without starting another.
    void stop();
    bool isRunning() const { return m_active != nullptr; }
    bool isIdle() const { return !m_active && !m_rerunPending; }

    /// Sets a widget's value as if the user had changed it, and reruns. Returns an error
    /// message (and changes nothing) when the widget is unknown or the value is not valid.
    QString setWidgetValue(const QString& id, const QVariant& value, bool rerun = true);
    /// Finds a widget by key, or else by label; empty when there is none or several.
    QString findWidget(const QString& keyOrLabel) const;

    SessionState& state();
    const PageTree& page() const { return m_page; }
    const RunRecord& lastRun() const { return m_lastRun; }
    int runsStarted() const { return m_runsStarted; }

    /// How long a run must go before the elements it has not re-emitted are faded.
    void setStaleDelay(int ms) { m_staleTimer.setInterval(ms); }

signals:
    void pageChanged(const QVector<tessera::PageOp>& ops);
    void runStarted(quint64 runId);
    void runFinished(const tessera::RunRecord& record);
    void idle();

private:
    Q_INVOKABLE void drainInbox();
    void startRun();
    void finishRun(quint64 runId, RunStatus status, const QStringList& exceptions, double startedMs,
                   double finishedMs);
    void abandonRun();
    void publish(QVector<PageOp> ops);

    std::shared_ptr<detail::SessionCore> m_core;
    std::shared_ptr<detail::RunContext> m_active;
    Dashboard m_dashboard;
    PageTree m_page;
    RunRecord m_current;
    RunRecord m_lastRun;
    QElapsedTimer m_runClock;
    QTimer m_staleTimer;
    QTimer m_graceTimer;
    QTimer m_startTimer;
    quint64 m_triggerSeqAtStart = 0;
    bool m_rerunPending = false;
    int m_runsStarted = 0;
};

}  // namespace tessera
