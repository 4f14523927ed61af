// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "access.h"

#include <QTcpServer>

class QTcpSocket;

namespace tessera::bridge {

/// The listening port. The first request head of every connection is read here, within a
/// size and a time limit: a WebSocket upgrade is checked (path, Host, Origin, token) and
/// handed on, or refused with an HTTP status before any handshake; any other request goes
/// on to the page server (which checks its own requests), with its bytes still unread.
class Gate : public QTcpServer {
    Q_OBJECT
public:
    static constexpr qsizetype kMaxHeadBytes = 16 * 1024;
    static constexpr int kHeadTimeoutMs = 10'000;
    static constexpr int kMaxUninspected = 256;
    static inline const QByteArray kSocketPath = QByteArrayLiteral("/ws");

    Gate(const Access& access, QObject* parent = nullptr);

signals:
    /// A checked WebSocket upgrade; its handshake is still unread in `socket`.
    void webSocketRequest(QTcpSocket* socket);

protected:
    void incomingConnection(qintptr handle) override;

private:
    void inspect(QTcpSocket* socket);
    void refuse(QTcpSocket* socket, int status, const QString& reason);

    const Access& m_access;
    int m_uninspected = 0;
};

}  // namespace tessera::bridge
