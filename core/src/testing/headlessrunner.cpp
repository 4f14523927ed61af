// SPDX-License-Identifier: GPL-3.0-or-later
#include <tessera/host/headlessrunner.h>

#include <QEventLoop>
#include <QJsonArray>
#include <QTimer>

namespace tessera {

HeadlessRunner::HeadlessRunner(Dashboard dashboard)
    : m_session(std::make_unique<Session>()), m_dashboard(std::move(dashboard)) {}

HeadlessRunner::~HeadlessRunner() = default;

void HeadlessRunner::start() {
    if (!m_started) {
        m_started = true;
        m_session->setDashboard(m_dashboard);
    } else {
        m_session->rerun();
    }
}

bool HeadlessRunner::waitIdle(int timeoutMs) {
    if (m_session->isIdle()) return true;
    // Periodic fragments may start again right after the session went idle: what counts is
    // that it did.
    bool reached = false;
    QEventLoop loop;
    QObject::connect(m_session.get(), &Session::idle, &loop, [&] {
        reached = m_session->isIdle();
        if (reached) loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return reached || m_session->isIdle();
}

bool HeadlessRunner::run(int timeoutMs) {
    start();
    return waitIdle(timeoutMs);
}

QJsonObject HeadlessRunner::report() const {
    const GroupRecord& group = m_session->lastGroup();
    return {{QStringLiteral("dashboard"), m_dashboard.id},
            {QStringLiteral("title"), m_dashboard.title},
            {QStringLiteral("page"), m_session->page().toJson()},
            {QStringLiteral("group"), group.toJson()},
            {QStringLiteral("exceptions"), QJsonArray::fromStringList(group.exceptions)},
            {QStringLiteral("problems"), QJsonArray::fromStringList(group.problems)}};
}

}  // namespace tessera
