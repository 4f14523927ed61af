// SPDX-License-Identifier: GPL-3.0-or-later
#include "gate.h"

#include <spdlog/spdlog.h>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

namespace tessera::bridge {

namespace {

struct RequestHead {
    QByteArray method;
    QByteArray target;
    QHash<QByteArray, QByteArray> headers;  ///< names in lower case
};

std::optional<RequestHead> parseHead(const QByteArray& head) {
    const QList<QByteArray> lines = head.split('\n');
    if (lines.isEmpty()) return std::nullopt;
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine[2].startsWith("HTTP/1.")) return std::nullopt;
    RequestHead result{requestLine[0], requestLine[1], {}};
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        if (line.isEmpty()) break;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) return std::nullopt;
        result.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
    }
    return result;
}

QByteArray reasonPhrase(int status) {
    switch (status) {
        case 400:
            return "Bad Request";
        case 401:
            return "Unauthorized";
        case 403:
            return "Forbidden";
        case 404:
            return "Not Found";
        case 408:
            return "Request Timeout";
        case 431:
            return "Request Header Fields Too Large";
        default:
            return "Service Unavailable";
    }
}

QString peerOf(const QTcpSocket* socket) {
    return QStringLiteral("%1:%2").arg(socket->peerAddress().toString()).arg(socket->peerPort());
}

}  // namespace

Gate::Gate(const Access& access, QObject* parent) : QTcpServer(parent), m_access(access) {}

void Gate::incomingConnection(qintptr handle) {
    auto* socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(handle)) {
        delete socket;
        return;
    }
    // Ops go out as a few small frames at a time: without this, Nagle's algorithm holds each
    // one back until the browser acknowledges the last (up to 40 ms of delayed ACK).
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    if (m_uninspected >= kMaxUninspected) {
        refuse(socket, 503, QStringLiteral("too many connections still sending their request"));
        return;
    }
    ++m_uninspected;
    auto* timeout = new QTimer(socket);
    timeout->setSingleShot(true);
    connect(timeout, &QTimer::timeout, socket, [this, socket] {
        refuse(socket, 408, QStringLiteral("request head not complete in time"));
    });
    timeout->start(kHeadTimeoutMs);
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { inspect(socket); });
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QObject::destroyed, this, [this] { --m_uninspected; });
}

void Gate::inspect(QTcpSocket* socket) {
    const QByteArray buffered = socket->peek(kMaxHeadBytes + 1);
    const qsizetype end = buffered.indexOf("\r\n\r\n");
    if (end < 0) {
        if (buffered.size() > kMaxHeadBytes)
            refuse(socket, 431, QStringLiteral("request head over %1 bytes").arg(kMaxHeadBytes));
        return;  // more to come
    }
    // Inspected: from here on the socket belongs to the page server or the socket server.
    socket->disconnect(this);
    qDeleteAll(socket->findChildren<QTimer*>(QString(), Qt::FindDirectChildrenOnly));
    disconnect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    --m_uninspected;

    const auto head = parseHead(buffered.left(end));
    if (!head) {
        refuse(socket, 400, QStringLiteral("malformed request head"));
        return;
    }
    const bool upgrade =
        head->headers.value("upgrade").compare("websocket", Qt::CaseInsensitive) == 0;
    if (!upgrade) {
        addPendingConnection(socket);  // the page server takes it from here
        emit newConnection();
        emit socket->readyRead();  // its request is already buffered
        return;
    }
    const QUrl url(QString::fromLatin1(head->target));
    if (url.path().toLatin1() != kSocketPath) {
        refuse(socket, 404, QStringLiteral("no WebSocket at '%1'").arg(url.path().left(100)));
        return;
    }
    const Access::Verdict verdict = m_access.check(
        {head->headers.value("host"), head->headers.value("origin"), head->headers.value("cookie"),
         QUrlQuery(url).queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded)});
    if (!verdict.ok()) {
        refuse(socket, verdict.status, verdict.reason);
        return;
    }
    socket->setParent(nullptr);
    emit webSocketRequest(socket);
}

void Gate::refuse(QTcpSocket* socket, int status, const QString& reason) {
    spdlog::warn("bridge: refused {} ({} {}): {}", peerOf(socket).toStdString(), status,
                 reasonPhrase(status).toStdString(), reason.toStdString());
    const QByteArray body = reason.toUtf8() + '\n';
    socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) +
                  "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: " +
                  QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater, Qt::UniqueConnection);
    socket->disconnectFromHost();
}

}  // namespace tessera::bridge
