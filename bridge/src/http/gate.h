// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "access.h"
#include "httpconnection.h"
#include "pageserver.h"
#include "peercounts.h"

#include <QTcpServer>

class QTcpSocket;

namespace tessera::bridge {

/// The listening port. Every connection is counted against its address's share of open
/// sockets and of the slots for connections that have not finished their first request
/// head, so that one address cannot lock the others out before anyone's access is checked.
/// Each admitted connection gets an HttpConnection, which serves the page or hands on a
/// checked WebSocket upgrade.
class Gate : public QTcpServer {
    Q_OBJECT
public:
    Gate(const Access& access, const PeerCounts::Limits& limits,
         const HttpConnection::Settings& settings, QObject* parent = nullptr);

signals:
    /// A checked WebSocket upgrade; its handshake is still unread in `socket`, which counts
    /// against its address until it is destroyed.
    void webSocketRequest(QTcpSocket* socket);

protected:
    void incomingConnection(qintptr handle) override;

private:
    void turnAway(QTcpSocket* socket, const QString& reason);

    const Access& m_access;
    PageServer m_pages;
    PeerCounts m_counts;
    HttpConnection::Settings m_settings;
};

}  // namespace tessera::bridge
