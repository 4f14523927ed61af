// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionregistry.h"

#include <tessera/host/sessionhandle.h>

#include "access.h"
#include "browsersession.h"
#include "mirrorsession.h"

#include <spdlog/spdlog.h>
#include <limits>

namespace tessera::bridge {

SessionRegistry::SessionRegistry(Settings settings, QObject* parent)
    : QObject(parent), m_settings(std::move(settings)) {}

SessionRegistry::~SessionRegistry() = default;

std::variant<SessionRegistry::Opened, ProtocolError> SessionRegistry::open(
    const ClientMessage& hello) {
    if (!hello.versions.contains(kProtocolVersion))
        return ProtocolError{
            errors::version,
            QStringLiteral("this server speaks protocol version %1").arg(kProtocolVersion),
            hello.ref};
    if (!hello.resume.isEmpty()) {
        ViewerSession* session = m_sessions.value(hello.resume);
        if (session && session->isMirror() == hello.mirror) {
            if (session->isAttached() && session->sinkSilentMs() < m_settings.takeOverAfterSilentMs)
                return ProtocolError{errors::sessionInUse,
                                     QStringLiteral("this session is open in another connection"),
                                     hello.ref};
            delete m_expiry.take(hello.resume);
            // A new token for every resume: one seen before is worth nothing from now on.
            m_sessions.remove(hello.resume);
            session->setResumeToken(Access::generateToken());
            m_sessions.insert(session->resumeToken(), session);
            return Opened{session, true};
        }
    }
    if (count() >= m_settings.maxSessions) endOldestWaiting();
    if (count() >= m_settings.maxSessions)
        return ProtocolError{errors::sessionLimit,
                             QStringLiteral("this server has its %1 sessions; try again later")
                                 .arg(m_settings.maxSessions),
                             hello.ref};
    const QString token = Access::generateToken();
    ViewerSession* session = nullptr;
    if (hello.mirror) {
        if (!m_mirrorSource)
            return ProtocolError{errors::unknownDashboard,
                                 QStringLiteral("this server has no window to mirror"), hello.ref};
        session = new MirrorSession(token, m_mirrorSource, this);
    } else {
        const Dashboard* dashboard = findDashboard(
            hello.dashboard.isEmpty() ? m_settings.defaultDashboard : hello.dashboard);
        if (!dashboard && hello.dashboard.isEmpty() && !m_settings.dashboards.isEmpty())
            dashboard = &m_settings.dashboards.first();
        if (!dashboard)
            return ProtocolError{errors::unknownDashboard,
                                 QStringLiteral("no dashboard '%1'").arg(hello.dashboard.left(100)),
                                 hello.ref};
        session = new BrowserSession(
            token, m_settings.dashboards, *dashboard, m_settings.sessionHost,
            {m_settings.allowClearCache, [this](const QString& id) { return reloadFailure(id); }},
            this);
    }
    m_sessions.insert(token, session);
    emit sessionOpened();
    return Opened{session, false};
}

void SessionRegistry::park(ViewerSession* session) {
    const QString token = session->resumeToken();
    if (!m_sessions.contains(token) || m_expiry.contains(token)) return;
    auto* timer = new QTimer(this);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [this, token] { end(token); });
    timer->start(m_settings.resumeTtlMs);
    m_expiry.insert(token, timer);
    if (parkedCount() > m_settings.maxWaitingSessions) endOldestWaiting();
}

bool SessionRegistry::endOldestWaiting() {
    // Every wait is as long, so the one with the least time left has waited longest.
    QString oldest;
    int least = std::numeric_limits<int>::max();
    for (auto it = m_expiry.cbegin(); it != m_expiry.cend(); ++it) {
        if (it.value()->remainingTime() < least) {
            least = it.value()->remainingTime();
            oldest = it.key();
        }
    }
    if (oldest.isEmpty()) return false;
    spdlog::info("bridge: the session that waited longest for its browser ends to make room");
    end(oldest);
    return true;
}

void SessionRegistry::end(const QString& token) {
    delete m_expiry.take(token);
    if (ViewerSession* session = m_sessions.take(token)) {
        spdlog::info("bridge: a waiting session ended ({} left)", count());
        delete session;
        emit sessionEnded(token);
    }
}

void SessionRegistry::reloadDashboards(const QVector<Dashboard>& changed) {
    replaceDashboards(m_settings.dashboards, changed);
    for (const Dashboard& d : changed) m_reloadFailures.remove(d.id);
    // Workers of the plugin start again with the new build, before its sessions hear of it.
    if (m_settings.sessionHost) m_settings.sessionHost->reloadDashboards(changed);
    for (ViewerSession* session : std::as_const(m_sessions)) session->reloadDashboards(changed);
}

void SessionRegistry::reportReloadFailure(const QStringList& dashboardIds, const QString& reason) {
    for (const QString& id : dashboardIds) m_reloadFailures.insert(id, reason);
    for (ViewerSession* session : std::as_const(m_sessions))
        if (!session->isMirror() && dashboardIds.contains(session->dashboardId()))
            session->reportReloadFailure(reason);
}

const Dashboard* SessionRegistry::findDashboard(const QString& id) const {
    for (const Dashboard& d : m_settings.dashboards)
        if (d.id == id) return &d;
    return nullptr;
}

}  // namespace tessera::bridge
