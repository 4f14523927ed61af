// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clientmessage.h"

#include <tessera/dashboard.h>

#include <QHash>
#include <QObject>
#include <QTimer>
#include <variant>

namespace tessera {
class SessionHandle;
class SessionHost;
}  // namespace tessera

namespace tessera::bridge {

class ViewerSession;

/// Every viewer session of one bridge, by resume token. A session whose connection ends
/// is kept for the resume TTL, then ended (its runs and background work interrupted).
class SessionRegistry : public QObject {
    Q_OBJECT
public:
    struct Settings {
        QVector<Dashboard> dashboards;
        SessionHost* sessionHost = nullptr;  ///< opens the browsers' sessions
        QString defaultDashboard;            ///< the first one when empty
        int resumeTtlMs = 120'000;
        int maxSessions = 200;         ///< connected and waiting together
        int maxWaitingSessions = 50;   ///< waiting for their browser to resume
        bool allowClearCache = false;  ///< browsers may clear the process's caches
        /// A session's connection silent this long may lose it to a resume from another.
        int takeOverAfterSilentMs = 30'000;
    };
    struct Opened {
        ViewerSession* session = nullptr;
        bool resumed = false;
    };

    SessionRegistry(Settings settings, QObject* parent = nullptr);
    ~SessionRegistry() override;

    /// The window's session, which browsers may follow read-only; it must outlive this.
    void setMirrorSource(SessionHandle* source) { m_mirrorSource = source; }
    bool hasMirror() const { return m_mirrorSource != nullptr; }

    /// The session a hello asks for: resumed by its token within the TTL (its token then
    /// changes), else a new one. A session whose connection is open and heard from is not
    /// resumed; one silent past the limit is taken from its connection. When the sessions
    /// are at their cap, the one that has waited longest for its browser ends to make room.
    std::variant<Opened, ProtocolError> open(const ClientMessage& hello);
    /// The connection of `session` ended: keep it for the TTL (the oldest waiting session
    /// ends when too many wait).
    void park(ViewerSession* session);
    /// New builds of `changed` dashboards (hot reload): new sessions get them, and open
    /// sessions showing one rerun it with their state kept.
    void reloadDashboards(const QVector<Dashboard>& changed);
    /// Tells the browsers showing one of `dashboardIds` that its new build failed to load,
    /// and every browser that comes to one of them later, until a good build loads.
    void reportReloadFailure(const QStringList& dashboardIds, const QString& reason);
    /// Why the newest build of `dashboardId` failed to load; empty when it did not.
    QString reloadFailure(const QString& dashboardId) const {
        return m_reloadFailures.value(dashboardId);
    }
    int count() const { return int(m_sessions.size()); }
    int parkedCount() const { return int(m_expiry.size()); }
    const Settings& settings() const { return m_settings; }

signals:
    void sessionOpened();
    void sessionEnded(const QString& resumeToken);

private:
    void end(const QString& token);
    /// Ends the session that has waited longest for its browser; false when none waits.
    bool endOldestWaiting();
    const Dashboard* findDashboard(const QString& id) const;

    Settings m_settings;
    SessionHandle* m_mirrorSource = nullptr;
    QHash<QString, ViewerSession*> m_sessions;  ///< children of this registry
    QHash<QString, QTimer*> m_expiry;           ///< parked sessions' TTL timers
    QHash<QString, QString> m_reloadFailures;   ///< by dashboard id, until a good build
};

}  // namespace tessera::bridge
