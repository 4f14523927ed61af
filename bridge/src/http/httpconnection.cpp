// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpconnection.h"

#include "access.h"
#include "httphead.h"
#include "httpresponse.h"
#include "pageserver.h"

#include <spdlog/spdlog.h>
#include <sys/socket.h>
#include <QTcpSocket>
#include <QTimer>

namespace tessera::bridge {

HttpConnection::HttpConnection(QTcpSocket* socket, const Settings& settings, const Access& access,
                               const PageServer& pages, QObject* parent)
    : QObject(parent),
      m_socket(socket),
      m_settings(settings),
      m_access(access),
      m_pages(pages),
      m_timer(new QTimer(this)),
      m_peer(
          QStringLiteral("%1:%2").arg(socket->peerAddress().toString()).arg(socket->peerPort())) {
    m_socket->setParent(this);
    // Qt buffers at most a head and a little more; what lies beyond waits in the kernel.
    m_socket->setReadBufferSize(m_settings.maxHeadBytes + 1);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &HttpConnection::onTimeout);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_socket->bytesToWrite() > 0) return;
        if (m_closing)
            linger();
        else if (m_socket->bytesAvailable() > 0)
            onReadyRead();  // a pipelined request waited for this answer to go out
        else
            m_timer->start(m_settings.idleTimeoutMs);
    });
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::finish);
    m_timer->start(m_settings.headTimeoutMs);
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &HttpConnection::onReadyRead, Qt::QueuedConnection);
}

HttpConnection::~HttpConnection() {
    endFirstHead();
}

void HttpConnection::onReadyRead() {
    if (m_lingering) {
        m_socket->readAll();  // dropped
        return;
    }
    // One request at a time: the next is read once this one's answer has gone out, so a
    // client that sends and never reads cannot make the server hold its answers.
    if (m_closing || m_socket->bytesToWrite() > 0) return;
    const QByteArray buffered = m_socket->peek(m_settings.maxHeadBytes + 1);
    if (buffered.isEmpty()) return;
    const qsizetype end = headEnd(buffered);
    if (end < 0 || end > m_settings.maxHeadBytes) {
        if (buffered.size() > m_settings.maxHeadBytes)
            refuse(431, QStringLiteral("request head over %1 bytes").arg(m_settings.maxHeadBytes));
        else if (!m_timer->isActive() || m_timer->remainingTime() > m_settings.headTimeoutMs)
            m_timer->start(m_settings.headTimeoutMs);  // a head has begun: it has this long
        return;
    }
    const auto head = parseHttpHead(buffered.left(end));
    endFirstHead();
    if (!head) {
        refuse(400, QStringLiteral("malformed request head"));
        return;
    }
    if (head->isUpgradeToWebSocket()) {
        upgrade(*head);
        return;
    }
    m_socket->skip(end);
    handle(*head);
}

void HttpConnection::handle(const HttpHead& head) {
    const PageServer::Answer answer = m_pages.respond(head);
    const int status = answer.response.status();
    if (status != 200)
        spdlog::warn("bridge: {} {} {}: {}", m_peer.toStdString(), head.method.toStdString(),
                     head.path().left(100).toStdString(), status);
    const bool close = answer.close || !head.keepAlive();
    respond(answer.response.serialize(!close, head.method == "HEAD"), close);
}

void HttpConnection::upgrade(const HttpHead& head) {
    if (head.path() != kSocketPath) {
        refuse(404, QStringLiteral("no WebSocket at '%1'").arg(head.path().left(100)));
        return;
    }
    const Access::Verdict verdict =
        m_access.check({head.field("host"), head.field("origin"), head.field("cookie"),
                        head.queryItem(QStringLiteral("token"))});
    if (!verdict.ok()) {
        refuse(verdict.status, verdict.reason);
        return;
    }
    m_timer->stop();
    m_socket->disconnect(this);
    m_socket->setReadBufferSize(0);  // the WebSocket sets its own limits on messages
    QTcpSocket* socket = m_socket;
    m_socket = nullptr;
    socket->setParent(nullptr);
    emit webSocketRequest(socket);
    deleteLater();
}

void HttpConnection::respond(const QByteArray& bytes, bool close) {
    m_closing = close;
    m_socket->write(bytes);
    // The answer has this long to go out (bytesWritten restarts it as the idle wait).
    m_timer->start(m_settings.idleTimeoutMs);
}

void HttpConnection::refuse(int status, const QString& reason) {
    spdlog::warn("bridge: refused {} ({} {}): {}", m_peer.toStdString(), status,
                 reasonPhrase(status).toStdString(), reason.toStdString());
    respond(HttpResponse::text(status, reason).serialize(false), true);
}

void HttpConnection::onTimeout() {
    if (!m_socket) return;
    if (m_lingering || m_socket->bytesToWrite() > 0) {
        m_socket->abort();  // drained long enough, or the client does not read its answer
        return;
    }
    if (m_socket->bytesAvailable() > 0) {
        refuse(408, QStringLiteral("request head not complete in time"));
        return;
    }
    m_socket->abort();  // idle: nothing to say
}

void HttpConnection::endFirstHead() {
    if (m_firstHeadEnded) return;
    m_firstHeadEnded = true;
    emit firstHeadEnded();
}

void HttpConnection::linger() {
    // Close the write side and drop what the client still sends (a body never read), so
    // that the kernel does not answer it with a reset that could destroy the answer.
    m_lingering = true;
    ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
    m_socket->setReadBufferSize(64 * 1024);
    m_socket->readAll();
    m_timer->start(m_settings.lingerMs);
}

void HttpConnection::finish() {
    m_timer->stop();
    endFirstHead();
    deleteLater();
}

}  // namespace tessera::bridge
