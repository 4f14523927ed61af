// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridgeserver.h"

#include "gate.h"

#include <tessera/host/sessionhandle.h>
#include <tessera/version.h>

#include <QWebSocket>

namespace tessera::bridge {

namespace {
/// How many largest uploads the server holds at once, all connections together.
constexpr qint64 kUploadsAtOnce = 4;

QString peerKey(const QHostAddress& address, quint16 port) {
    return address.toString() + QLatin1Char('|') + QString::number(port);
}
}  // namespace

BridgeServer::BridgeServer(QVector<Dashboard> dashboards, const BridgeOptions& options,
                           QObject* parent)
    : QObject(parent),
      m_options(options),
      m_access(options.address, options.token, options.allowedOrigins),
      m_sessionHost(options.sessionHost ? options.sessionHost()
                                        : std::make_unique<LocalSessionHost>()),
      m_registry({std::move(dashboards), m_sessionHost.get(), options.defaultDashboard,
                  options.resumeTtlSeconds * 1000, options.maxSessions, options.maxWaitingSessions,
                  options.allowClearCache,
                  // A live browser answers every ping: silent for two, it has gone.
                  2 * options.pingIntervalSeconds * 1000},
                 this),
      m_limits{options.maxMessageBytes, options.maxUploadBytes, options.messagesPerSecond,
               options.pingIntervalSeconds * 1000, options.helloTimeoutSeconds * 1000,
               options.maxOutputBytes, options.slowReaderSeconds * 1000,
               options.uploadIdleSeconds * 1000,
               // Uploads of all connections together hold at most a few uploads' bytes.
               std::make_shared<UploadBudget>(kUploadsAtOnce * options.maxUploadBytes)},
      m_sockets(QStringLiteral("Tessera/%1").arg(QLatin1String(kVersion)),
                QWebSocketServer::NonSecureMode, this),
      m_gate(new Gate(m_access,
                      {options.maxConnectionsPerAddress, options.maxPendingHeads,
                       options.maxPendingHeadsPerAddress},
                      {options.maxHeadBytes, options.headTimeoutSeconds * 1000,
                       options.idleTimeoutSeconds * 1000},
                      this)) {
    m_sockets.setMaxPendingConnections(64);
    m_sockets.setHandshakeTimeout(std::chrono::seconds(options.headTimeoutSeconds));
    connect(&m_sockets, &QWebSocketServer::newConnection, this, &BridgeServer::onWebSocket);
    connect(m_gate, &Gate::webSocketRequest, this, [this](QTcpSocket* socket) {
        // The WebSocket server keeps the sockets it is given until it is destroyed; the
        // connection a socket becomes takes it instead (onWebSocket), and one whose handshake
        // fails is freed when it closes. Either way its address gets its share back.
        const QString peer = peerKey(socket->peerAddress(), socket->peerPort());
        m_handshakes.insert(peer, socket);
        connect(socket, &QTcpSocket::disconnected, this, [this, peer, socket] {
            if (m_handshakes.value(peer) != socket) return;
            m_handshakes.remove(peer);
            socket->deleteLater();
        });
        m_sockets.handleConnection(socket);
        emit socket->readyRead();  // the handshake is already buffered
    });
    const auto countsChange = [this] { emit countsChanged(m_connections, m_registry.count()); };
    connect(&m_registry, &SessionRegistry::sessionOpened, this, countsChange);
    connect(&m_registry, &SessionRegistry::sessionEnded, this, countsChange);
}

BridgeServer::~BridgeServer() {
    // Connections first: they detach from the sessions the registry then ends.
    for (Connection* c : findChildren<Connection*>(QString(), Qt::FindDirectChildrenOnly)) delete c;
}

quint16 BridgeServer::listen(QString* error) {
    if (!m_gate->listen(m_options.address, m_options.port)) {
        *error = m_gate->errorString();
        return 0;
    }
    m_access.setPort(m_gate->serverPort());
    return m_gate->serverPort();
}

void BridgeServer::onWebSocket() {
    // Connections are bounded per address by the gate and by the hello deadline; only a
    // session counts against --max-sessions.
    while (QWebSocket* socket = m_sockets.nextPendingConnection()) {
        auto* connection = new Connection(socket, m_limits, m_registry, this);
        if (QPointer<QTcpSocket> tcp =
                m_handshakes.take(peerKey(socket->peerAddress(), socket->peerPort()))) {
            disconnect(tcp, &QTcpSocket::disconnected, this, nullptr);
            tcp->setParent(connection);  // after the WebSocket, so destroyed after it
        }
        ++m_connections;
        connect(connection, &Connection::closed, this, [this] {
            --m_connections;
            emit countsChanged(m_connections, m_registry.count());
        });
        emit countsChanged(m_connections, m_registry.count());
    }
}

}  // namespace tessera::bridge
