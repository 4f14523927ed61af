// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "access.h"
#include "connection.h"
#include "sessionregistry.h"

#include <tessera/bridge/bridge.h>

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTcpSocket>
#include <QWebSocketServer>

namespace tessera::bridge {

class Gate;

/// Everything of a bridge that lives in its thread: the gate on the port, the page server,
/// the WebSocket handshakes, the connections and the sessions.
class BridgeServer : public QObject {
    Q_OBJECT
public:
    BridgeServer(QVector<Dashboard> dashboards, const BridgeOptions& options,
                 QObject* parent = nullptr);
    ~BridgeServer() override;

    void setMirrorSource(SessionHandle* source) { m_registry.setMirrorSource(source); }
    /// Listens; returns the port, or 0 with `error` set.
    quint16 listen(QString* error);
    const Access& access() const { return m_access; }
    SessionRegistry& registry() { return m_registry; }
    int connectionCount() const { return m_connections; }

signals:
    void countsChanged(int connections, int sessions);

private:
    void onWebSocket();

    BridgeOptions m_options;
    Access m_access;
    std::unique_ptr<SessionHost> m_sessionHost;  ///< before the sessions it opens
    SessionRegistry m_registry;
    Connection::Limits m_limits;
    QWebSocketServer m_sockets;
    Gate* m_gate;
    /// Sockets handed to the WebSocket server, by peer, until their connection takes them.
    QHash<QString, QPointer<QTcpSocket>> m_handshakes;
    int m_connections = 0;
};

}  // namespace tessera::bridge
