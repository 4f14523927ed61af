// SPDX-License-Identifier: GPL-3.0-or-later
#include "connection.h"

#include "servermessage.h"
#include "sessionregistry.h"
#include "viewersession.h"

#include <spdlog/spdlog.h>
#include <QTimer>
#include <QWebSocket>
#include <utility>
#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace tessera::bridge {

namespace {

/// Refusals in a row (rate limit) after which a connection is taken for hostile.
constexpr int kMaxRefusedInARow = 200;

}  // namespace

Connection::Connection(QWebSocket* socket, const Limits& limits, SessionRegistry& registry,
                       QObject* parent)
    : QObject(parent),
      m_socket(socket),
      m_limits(limits),
      m_registry(registry),
      m_peer(QStringLiteral("%1:%2").arg(socket->peerAddress().toString()).arg(socket->peerPort())),
      m_pingTimer(new QTimer(this)),
      m_deadline(new QTimer(this)),
      m_uploadIdle(new QTimer(this)),
      m_tokens(limits.messagesPerSecond),
      m_upload(limits.maxUploadBytes, limits.uploadBudget) {
    m_socket->setParent(this);
    // Qt's defaults allow 2 GiB; a browser never needs more than the limit.
    m_socket->setMaxAllowedIncomingFrameSize(quint64(limits.maxMessageBytes));
    m_socket->setMaxAllowedIncomingMessageSize(quint64(limits.maxMessageBytes));
    connect(m_socket, &QWebSocket::textMessageReceived, this, &Connection::onText);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray& frame) {
        m_lastHeard.start();
        // The bytes of an upload: bounded by the sizes its `upload` message announced.
        if (m_upload.active()) {
            m_uploadIdle->start();
            if (const auto error = m_upload.receive(frame)) {
                m_uploadIdle->stop();
                refuse(*error);
            }
            return;
        }
        if (admit())
            refuse({errors::binaryRefused,
                    QStringLiteral("binary frames are taken only during an upload"),
                    {}});
    });
    connect(m_socket, &QWebSocket::pong, this, [this] { m_lastHeard.start(); });
    connect(m_socket, &QWebSocket::disconnected, this, &Connection::onDisconnected);
    connect(m_socket, &QWebSocket::bytesWritten, this, &Connection::onBytesWritten);
    connect(m_pingTimer, &QTimer::timeout, this, &Connection::checkAlive);
    m_pingTimer->start(limits.pingIntervalMs);
    // Until the hello, the deadline is the hello's: a socket that says nothing holds no place.
    m_deadline->setSingleShot(true);
    connect(m_deadline, &QTimer::timeout, this, [this] {
        if (!m_session)
            abort(QStringLiteral("no hello within %1 ms").arg(m_limits.helloTimeoutMs));
        else if (m_overBudget)
            abort(QStringLiteral("the browser read nothing of %1 queued bytes for %2 ms")
                      .arg(m_socket->bytesToWrite())
                      .arg(m_limits.slowReaderMs));
    });
    m_deadline->start(limits.helloTimeoutMs);
    m_uploadIdle->setSingleShot(true);
    m_uploadIdle->setInterval(limits.uploadIdleMs);
    connect(m_uploadIdle, &QTimer::timeout, this, [this] {
        if (!m_upload.active()) return;
        m_upload.cancel();
        refuse({errors::uploadCutOff,
                QStringLiteral("the upload brought nothing for %1 s and was dropped; nothing "
                               "was changed")
                    .arg(m_limits.uploadIdleMs / 1000),
                {}});
    });
    m_lastHeard.start();
    m_refill.start();
    spdlog::info("bridge: connected {}", m_peer.toStdString());
    // A browser may have gone between the handshake and now: its disconnected() came before
    // anyone listened.
    if (m_socket->state() != QAbstractSocket::ConnectedState)
        QMetaObject::invokeMethod(this, &Connection::onDisconnected, Qt::QueuedConnection);
}

Connection::~Connection() {
    if (m_session) m_session->detach(this);
}

void Connection::sendText(const QByteArray& message) {
    if (mayQueue(message.size())) m_socket->sendTextMessage(QString::fromUtf8(message));
}

void Connection::sendBinary(const QByteArray& frame) {
    if (mayQueue(frame.size())) m_socket->sendBinaryMessage(frame);
}

bool Connection::mayQueue(qint64 bytes) {
    if (m_overBudget) return false;
    const qint64 queued = m_socket->bytesToWrite();
    if (queued == 0 || queued + bytes <= m_limits.maxOutputBytes) return true;
    m_overBudget = true;
    spdlog::warn(
        "bridge: {} reads too slowly ({} bytes wait); it gets a snapshot once it has "
        "caught up, or is cut off in {} ms",
        m_peer.toStdString(), queued, m_limits.slowReaderMs);
    m_deadline->start(m_limits.slowReaderMs);
    return false;
}

void Connection::onBytesWritten() {
    // Caught up: what was not sent is superseded by the page as it is now.
    if (!m_overBudget || m_socket->bytesToWrite() > m_limits.maxOutputBytes / 2) return;
    m_overBudget = false;
    m_deadline->stop();
    if (m_session) m_session->resync(this);
}

void Connection::closeSink(const QString& reason) {
    m_session = nullptr;  // already detached by the session
    // Only a connection silent past the liveness limit loses its session: it is not waited for.
    abort(reason);
}

void Connection::onText(const QString& text) {
    m_lastHeard.start();
    if (!admit()) return;
    auto decoded = decodeClientMessage(text.toUtf8());
    if (auto* error = std::get_if<ProtocolError>(&decoded)) {
        refuse(*error);
        return;
    }
    const ClientMessage& message = std::get<ClientMessage>(decoded);
    if (!m_session) {
        if (message.type == ClientMessage::Type::Hello)
            onHello(message);
        else
            refuse({errors::helloFirst, QStringLiteral("the first message must be a hello"),
                    message.ref});
        return;
    }
    if (message.type == ClientMessage::Type::Upload) {
        if (m_session->isMirror())
            refuse({errors::readOnly, QStringLiteral("a mirror takes no input"), message.ref});
        else if (auto error = m_session->checkUpload(message))
            refuse(*error);
        else if (const auto error = m_upload.start(message))
            refuse(*error);
        else
            m_uploadIdle->start();
        return;
    }
    if (message.type == ClientMessage::Type::UploadDone) {
        m_uploadIdle->stop();
        auto finished = m_upload.finish(message);
        if (auto* error = std::get_if<ProtocolError>(&finished))
            refuse(*error);
        else
            m_session->handle(std::get<ClientMessage>(finished));
        return;
    }
    m_session->handle(message);
}

void Connection::onHello(const ClientMessage& hello) {
    auto opened = m_registry.open(hello);
    if (auto* error = std::get_if<ProtocolError>(&opened)) {
        refuse(*error);
        if (error->code == errors::sessionLimit || error->code == errors::sessionInUse)
            close(QWebSocketProtocol::CloseCode(kCloseTryAgainLater), error->message);
        return;
    }
    const auto [session, resumed] = std::get<SessionRegistry::Opened>(opened);
    m_deadline->stop();
    const SessionRegistry::Settings& settings = m_registry.settings();
    server::Welcome welcome{
        session->resumeToken(), resumed, session->isMirror(),      settings.resumeTtlMs / 1000,
        session->dashboardId(), {},      m_limits.maxMessageBytes, m_limits.messagesPerSecond,
        m_limits.maxUploadBytes};
    for (const Dashboard& d : settings.dashboards) welcome.dashboards.append({d.id, d.title});
    if (settings.allowClearCache && !session->isMirror())
        welcome.processActions << QStringLiteral("clearCache");
    sendText(server::welcome(welcome));
    m_session = session;
    if (session->isMirror())
        spdlog::info("bridge: {} {} a mirror of the window's session", m_peer.toStdString(),
                     resumed ? "resumed" : "opened");
    else
        spdlog::info("bridge: {} {} browser session of '{}'", m_peer.toStdString(),
                     resumed ? "resumed its" : "opened a", session->dashboardId().toStdString());
    session->attach(this);
    // A build that failed to load before this browser came is news to it too.
    if (const QString failure = m_registry.reloadFailure(session->dashboardId());
        !failure.isEmpty() && !session->isMirror())
        session->reportReloadFailure(failure);
}

bool Connection::admit() {
    const double elapsed = double(m_refill.restart()) / 1000.0;
    m_tokens = std::min<double>(m_limits.messagesPerSecond,
                                m_tokens + elapsed * m_limits.messagesPerSecond);
    if (m_tokens >= 1.0) {
        m_tokens -= 1.0;
        m_refusedInARow = 0;
        return true;
    }
    if (++m_refusedInARow == 1)
        refuse({errors::rateLimited,
                QStringLiteral("more than %1 messages per second; messages are dropped")
                    .arg(m_limits.messagesPerSecond),
                {}});
    if (m_refusedInARow >= kMaxRefusedInARow)
        close(QWebSocketProtocol::CloseCodePolicyViolated,
              QStringLiteral("kept sending over the message rate"));
    return false;
}

void Connection::refuse(const ProtocolError& error) {
    spdlog::warn("bridge: {}: {}: {}", m_peer.toStdString(), error.code.toStdString(),
                 error.message.left(200).toStdString());
    sendText(server::error(error.code, error.message, error.ref));
}

void Connection::checkAlive() {
    if (m_lastHeard.elapsed() > 3 * m_limits.pingIntervalMs) {
        close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("no answer to pings"));
        return;
    }
    m_socket->ping();
}

void Connection::close(int code, const QString& reason) {
    if (m_closeReason.isEmpty()) m_closeReason = reason;
    m_socket->close(QWebSocketProtocol::CloseCode(code), reason);
    // A peer that does not read the close frame does not keep the socket either.
    QTimer::singleShot(m_limits.slowReaderMs, m_socket, &QWebSocket::abort);
}

void Connection::abort(const QString& reason) {
    if (m_closeReason.isEmpty()) m_closeReason = reason;
    spdlog::warn("bridge: cut off {}: {}", m_peer.toStdString(), reason.toStdString());
    const bool heldMuch = m_socket->bytesToWrite() > m_limits.maxOutputBytes / 2;
    m_socket->abort();  // drops what was queued for it
    // A socket that was no longer connected says nothing more: end here.
    if (m_socket->state() == QAbstractSocket::UnconnectedState) onDisconnected();
#ifdef __GLIBC__
    // glibc keeps large freed blocks for reuse once it has raised its mmap threshold; a
    // slow reader's tens of MiB go back to the system at once instead.
    if (heldMuch) malloc_trim(0);
#else
    Q_UNUSED(heldMuch);
#endif
}

void Connection::onDisconnected() {
    if (std::exchange(m_ended, true)) return;
    QString reason = m_closeReason;
    if (reason.isEmpty()) {
        reason = m_socket->closeReason().isEmpty()
                     ? QStringLiteral("closed by the browser (code %1)").arg(m_socket->closeCode())
                     : m_socket->closeReason();
        if (m_socket->closeCode() == QWebSocketProtocol::CloseCodeTooMuchData)
            reason = QStringLiteral("message over %1 bytes").arg(m_limits.maxMessageBytes);
    }
    spdlog::info("bridge: disconnected {}: {}", m_peer.toStdString(), reason.toStdString());
    if (m_session) {
        m_session->detach(this);
        m_registry.park(m_session);
        m_session = nullptr;
    }
    m_pingTimer->stop();
    m_deadline->stop();
    m_uploadIdle->stop();
    m_upload.cancel();  // its bytes are free for others now, not when this object goes
    emit closed();
    deleteLater();
}

}  // namespace tessera::bridge
