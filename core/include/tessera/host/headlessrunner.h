// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/dashboard.h>
#include <tessera/export.h>
#include <tessera/host/session.h>

#include <QJsonObject>
#include <memory>

namespace tessera {

/// Runs a dashboard without a window: one Session, driven by the calling thread's event loop.
/// `tessera --once` and testing::AppTest both run through it. Dashboards that draw with
/// QPainter need a QGuiApplication (the app makes one, on the offscreen platform when there
/// is no display).
class TESSERA_CORE_EXPORT HeadlessRunner {
public:
    explicit HeadlessRunner(Dashboard dashboard);
    ~HeadlessRunner();

    Session& session() { return *m_session; }
    const Session& session() const { return *m_session; }
    const Dashboard& dashboard() const { return m_dashboard; }

    /// Requests the first run, or a full rerun after it, and returns at once.
    void start();
    /// Waits until the session is idle (running the event loop); false on timeout.
    bool waitIdle(int timeoutMs);
    /// start() and waitIdle().
    bool run(int timeoutMs);

    /// The result as `tessera --once --json` prints it: dashboard, title, page (elements in
    /// the codec's form, data included), the last group record and its exceptions.
    QJsonObject report() const;

private:
    std::unique_ptr<Session> m_session;
    Dashboard m_dashboard;
    bool m_started = false;
};

}  // namespace tessera
