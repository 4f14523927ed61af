// SPDX-License-Identifier: GPL-3.0-or-later
#include "gate.h"

#include "httpresponse.h"

#include <spdlog/spdlog.h>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <functional>

namespace tessera::bridge {

namespace {

/// A child of a socket that gives its address's share back when the socket is destroyed,
/// whoever destroys it: the signals of a socket handed to Qt's WebSocket server may be
/// disconnected by it, but its children go with it.
class AddressShare : public QObject {
public:
    AddressShare(QObject* socket, std::function<void()> release)
        : QObject(socket), m_release(std::move(release)) {}
    ~AddressShare() override { m_release(); }

private:
    std::function<void()> m_release;
};

}  // namespace

Gate::Gate(const Access& access, const PeerCounts::Limits& limits,
           const HttpConnection::Settings& settings, QObject* parent)
    : QTcpServer(parent),
      m_access(access),
      m_pages(access),
      m_counts(limits),
      m_settings(settings) {}

void Gate::incomingConnection(qintptr handle) {
    auto* socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(handle)) {
        delete socket;
        return;
    }
    // Ops go out as a few small frames at a time: without this, Nagle's algorithm holds each
    // one back until the browser acknowledges the last (up to 40 ms of delayed ACK).
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    const QByteArray key = PeerCounts::keyOf(socket->peerAddress());
    if (!m_counts.openConnection(key)) {
        turnAway(socket, QStringLiteral("too many connections from this address"));
        return;
    }
    // Counted for as long as the socket lives, whoever owns it by then.
    new AddressShare(socket, [gate = QPointer<Gate>(this), key] {
        if (gate) gate->m_counts.closeConnection(key);
    });
    if (!m_counts.startPending(key)) {
        turnAway(socket, QStringLiteral("too many connections still sending their request"));
        return;
    }
    auto* connection = new HttpConnection(socket, m_settings, m_access, m_pages, this);
    connect(connection, &HttpConnection::firstHeadEnded, this,
            [this, key] { m_counts.endPending(key); });
    connect(connection, &HttpConnection::webSocketRequest, this, &Gate::webSocketRequest);
}

void Gate::turnAway(QTcpSocket* socket, const QString& reason) {
    spdlog::warn("bridge: turned away {}: {}", socket->peerAddress().toString().toStdString(),
                 reason.toStdString());
    socket->write(HttpResponse::text(503, reason).serialize(false));
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    socket->disconnectFromHost();
    // A client that does not read even this is not waited for.
    QTimer::singleShot(1000, socket, [socket] { socket->abort(); });
}

}  // namespace tessera::bridge
