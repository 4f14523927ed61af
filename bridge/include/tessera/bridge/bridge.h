// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/dashboard.h>

#include <QHostAddress>
#include <QObject>
#include <QUrl>
#include <functional>
#include <memory>

namespace tessera {
class SessionHandle;
class SessionHost;
}  // namespace tessera

namespace tessera::bridge {

class BridgeThread;

/// BridgeOptions::token that asks for a new random token (`--token auto`).
inline const QString kAutoToken = QStringLiteral("auto");

/// How a bridge listens and what it allows (`tessera --help` lists the options).
struct BridgeOptions {
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 0;  ///< 0: any free port
    /// Clients must show it (in the URL, or the cookie the page sets). Generated when it is
    /// kAutoToken, or empty and the address is not loopback; a loopback server without one
    /// asks for none.
    QString token;
    QStringList allowedOrigins;  ///< besides the server's own origin
    QString defaultDashboard;    ///< for browsers that ask for none; else the first
    int resumeTtlSeconds = 120;
    int maxSessions = 200;
    qint64 maxMessageBytes = 1 << 20;
    /// The most bytes one file upload may bring (its files together); they arrive in binary
    /// frames of at most maxMessageBytes.
    qint64 maxUploadBytes = 200LL << 20;
    int messagesPerSecond = 60;
    int pingIntervalSeconds = 15;
    /// Browsers may clear every cache of the process (`clearCache`), everyone's: off by
    /// default, as it is one click's denial of service on a shared server. The window's
    /// *Clear cache* is not affected.
    bool allowClearCache = false;

    // What one client may hold of the server, before and after its access is checked
    // (docs/user-guide.md, "Limits").
    int headTimeoutSeconds = 10;         ///< a request head must be complete within this
    qint64 maxHeadBytes = 16 * 1024;     ///< the largest request head taken
    int maxPendingHeads = 256;           ///< connections still sending their first head
    int maxPendingHeadsPerAddress = 16;  ///< of those, from one address (an IPv6 /64)
    int maxConnectionsPerAddress = 128;  ///< open sockets of one address, HTTP and WebSocket
    int idleTimeoutSeconds = 30;         ///< a kept-alive HTTP connection waits this long
    int helloTimeoutSeconds = 5;         ///< a WebSocket must say hello within this
    int maxWaitingSessions = 50;         ///< sessions waiting for their browser to resume
    qint64 maxOutputBytes = 32LL << 20;  ///< queued for one connection, text and binary
    int slowReaderSeconds = 5;           ///< over maxOutputBytes this long: cut off
    int uploadIdleSeconds = 30;          ///< an upload that brings no bytes this long ends

    /// Where browsers' sessions run: made once in the bridge's thread, which then owns it.
    /// Unset: every session in this process.
    std::function<std::unique_ptr<SessionHost>()> sessionHost;
};

/// Remote browsers' way in: serves the viewer page and a WebSocket on one port, gives every
/// connection a session of its own (or a read-only mirror of the window's), all in a bridge
/// thread of their own. Create, configure and destroy it in one thread (the GUI thread in
/// the app); it never blocks that thread except to stop.
class Bridge : public QObject {
    Q_OBJECT
public:
    Bridge(QVector<Dashboard> dashboards, BridgeOptions options, QObject* parent = nullptr);
    ~Bridge() override;

    /// The window's session, which browsers may follow read-only (`?mirror`). It must
    /// outlive the bridge. Call before start().
    void setMirrorSource(SessionHandle* session);
    /// Starts listening; listening() or failed() follows.
    void start();
    bool isListening() const { return m_url.isValid(); }
    /// The URL to open, with the token when one is needed.
    QUrl url() const { return m_url; }
    const BridgeOptions& options() const { return m_options; }
    /// New builds of `changed` dashboards (hot reload, see tessera::PluginWatcher): browsers
    /// showing one rerun it with their session state and widget values kept.
    void reloadDashboards(const QVector<Dashboard>& changed);
    /// Tells browsers showing one of `dashboardIds` that a new build failed to load, and why.
    void reportReloadFailure(const QStringList& dashboardIds, const QString& reason);

signals:
    void listening(const QUrl& url);
    void failed(const QString& reason);
    /// Open connections and sessions (connected or waiting for their browser to resume).
    void countsChanged(int connections, int sessions);

private:
    Q_INVOKABLE void onServerStarted();

    QVector<Dashboard> m_dashboards;
    BridgeOptions m_options;
    SessionHandle* m_mirrorSource = nullptr;
    std::unique_ptr<BridgeThread> m_thread;  ///< runs the server
    QUrl m_url;
};

/// Parses "[HOST:]PORT" ("8501", "0.0.0.0:8501", "[::1]:8501", "localhost:8501").
bool parseListenAddress(const QString& text, QHostAddress* address, quint16* port, QString* error);

}  // namespace tessera::bridge
