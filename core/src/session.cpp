// SPDX-License-Identifier: GPL-3.0-or-later
#include <tessera/session.h>

#include "log.h"
#include "runcontext.h"
#include "threadpools.h"

#include <cxxabi.h>
#include <atomic>
#include <typeinfo>

namespace tessera {

namespace {

const QString kMainScope = QStringLiteral("main");

quint64 nextRunId() {
    static std::atomic<quint64> counter{0};
    return ++counter;
}

QString exceptionType(const std::exception& e) {
    int status = 0;
    char* readable = abi::__cxa_demangle(typeid(e).name(), nullptr, nullptr, &status);
    QString result = QString::fromLatin1(status == 0 && readable ? readable : typeid(e).name());
    std::free(readable);
    return result;
}

double msSince(const QElapsedTimer& clock) {
    return double(clock.nsecsElapsed()) / 1e6;
}

/// Body of a full run, on a script-pool thread. Everything it produces goes through the
/// session core's inbox; it never touches the Session object.
void executeRun(const std::shared_ptr<detail::RunContext>& ctx, const std::function<void(Ui&)>& fn,
                QElapsedTimer clock) {
    detail::Message end;
    end.type = detail::Message::Type::RunEnded;
    end.runId = ctx->runId;
    end.startedMs = msSince(clock);
    Ui ui(ctx, Path{MainRoot}, false);
    try {
        fn(ui);
        end.status = RunStatus::Finished;
    } catch (const Interrupted&) {
        end.status = RunStatus::Interrupted;
    } catch (const std::exception& e) {
        end.status = RunStatus::Failed;
        const QString type = exceptionType(e);
        end.exceptions << QStringLiteral("%1: %2").arg(type, QString::fromUtf8(e.what()));
        detail::logger("session")->error("dashboard raised {}: {}", type.toStdString(), e.what());
        try {
            ui.exception(type, QString::fromUtf8(e.what()));
        } catch (...) {
        }
    } catch (...) {
        end.status = RunStatus::Failed;
        end.exceptions << QStringLiteral("unknown exception");
        detail::logger("session")->error("dashboard raised an exception of unknown type");
        try {
            ui.exception(QStringLiteral("unknown"),
                         QStringLiteral("a non-standard exception was thrown"));
        } catch (...) {
        }
    }
    ctx->end();
    end.finishedMs = msSince(clock);
    ctx->core->post(std::move(end));
}

}  // namespace

Session::Session(QObject* parent)
    : QObject(parent), m_core(std::make_shared<detail::SessionCore>(this)) {
    m_staleTimer.setSingleShot(true);
    m_staleTimer.setInterval(250);
    connect(&m_staleTimer, &QTimer::timeout, this, [this] {
        if (m_active) publish(m_page.fadeStale(kMainScope, m_active->runId));
    });
    // An interrupted run normally unwinds at its next Ui call; one stuck in user code is
    // abandoned after this grace period (it can no longer write) so new input is not held up.
    m_graceTimer.setSingleShot(true);
    m_graceTimer.setInterval(300);
    connect(&m_graceTimer, &QTimer::timeout, this, &Session::abandonRun);
    m_startTimer.setSingleShot(true);
    m_startTimer.setInterval(0);
    connect(&m_startTimer, &QTimer::timeout, this, &Session::startRun);
}

Session::~Session() {
    m_core->detach();
    if (m_active) m_active->interrupt();
}

void Session::setDashboard(const Dashboard& dashboard) {
    if (m_active) {
        m_active->interrupt();
        m_active.reset();
    }
    m_dashboard = dashboard;
    publish(m_page.clear());
    rerun();
}

void Session::rerun() {
    m_rerunPending = true;
    if (m_active) {
        m_active->interrupt();
        if (!m_graceTimer.isActive()) m_graceTimer.start();
        return;
    }
    m_startTimer.start();
}

void Session::stop() {
    m_rerunPending = false;
    m_startTimer.stop();
    if (m_active) m_active->interrupt();
}

QString Session::setWidgetValue(const QString& id, const QVariant& value, bool rerunAfter) {
    const QString error = m_core->widgets->set(id, value);
    if (!error.isEmpty()) {
        detail::logger("session")->warn("rejected widget value: {}", error.toStdString());
        return error;
    }
    if (rerunAfter) rerun();
    return {};
}

QString Session::findWidget(const QString& keyOrLabel) const {
    return m_core->widgets->findByKeyOrLabel(keyOrLabel);
}

SessionState& Session::state() {
    return m_core->state;
}

void Session::startRun() {
    m_startTimer.stop();
    if (m_active || !m_dashboard.fn) {
        m_rerunPending = m_rerunPending && m_active;
        if (!m_active) emit idle();
        return;
    }
    m_rerunPending = false;
    auto ctx = std::make_shared<detail::RunContext>(m_core, nextRunId(), kMainScope);
    m_active = ctx;
    ++m_runsStarted;
    m_triggerSeqAtStart = m_core->widgets->triggerSequence();
    m_current = RunRecord{};
    m_current.runId = ctx->runId;
    m_current.scopes.append(ScopeTiming{kMainScope, 0, 0, 0, RunStatus::Running});
    m_runClock.start();
    emit runStarted(ctx->runId);
    m_staleTimer.start();
    detail::scriptPool().start(
        [ctx, fn = m_dashboard.fn, clock = m_runClock] { executeRun(ctx, fn, clock); });
}

void Session::drainInbox() {
    QVector<PageOp> ops;
    for (detail::Message& m : m_core->takeAll()) {
        const quint64 runId = m.type == detail::Message::Type::Delta ? m.delta.runId : m.runId;
        if (!m_active || runId != m_active->runId) continue;  // a superseded generation
        if (m.type == detail::Message::Type::Delta) {
            ops += m_page.apply(m.delta);
            continue;
        }
        publish(std::exchange(ops, {}));
        finishRun(runId, m.status, m.exceptions, m.startedMs, m.finishedMs);
    }
    publish(std::move(ops));
}

void Session::finishRun(quint64 runId, RunStatus status, const QStringList& exceptions,
                        double startedMs, double finishedMs) {
    m_staleTimer.stop();
    m_graceTimer.stop();
    if (status != RunStatus::Interrupted) {
        publish(m_page.finishScope(kMainScope, runId));
        m_core->widgets->retainOnly(m_active->widgetIds());
        m_core->widgets->resetTriggers(m_triggerSeqAtStart);
    } else if (!m_rerunPending) {
        publish(m_page.unfade(kMainScope));  // stopped: the page stays as it is, not faded
    }
    ScopeTiming& main = m_current.scopes.first();
    main.startedMs = startedMs;
    main.finishedMs = finishedMs;
    main.status = status;
    m_current.exceptions = exceptions;
    m_lastRun = m_current;
    m_active.reset();
    emit runFinished(m_lastRun);
    if (m_rerunPending)
        startRun();
    else
        emit idle();
}

void Session::abandonRun() {
    if (!m_active || !m_active->isInterrupted()) return;
    detail::logger("session")->warn("run {} did not stop within {} ms; abandoning it",
                                    m_active->runId, m_graceTimer.interval());
    m_current.scopes.first().status = RunStatus::Interrupted;
    m_current.scopes.first().finishedMs = msSince(m_runClock);
    m_lastRun = m_current;
    m_active.reset();
    m_staleTimer.stop();
    emit runFinished(m_lastRun);
    if (m_rerunPending)
        startRun();
    else
        emit idle();
}

void Session::publish(QVector<PageOp> ops) {
    if (!ops.isEmpty()) emit pageChanged(ops);
}

}  // namespace tessera
