// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clientmessage.h"
#include "upload.h"
#include "viewersink.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <memory>

class QWebSocket;
class QTimer;

namespace tessera::bridge {

class SessionRegistry;

/// WebSocket close code 1013 (RFC 6455 registry): try again later.
inline constexpr int kCloseTryAgainLater = 1013;
class ViewerSession;

/// One browser's WebSocket: it enforces the limits (message size, messages per second,
/// liveness), waits for the hello, then hands every message to its viewer session and
/// sends what the session says. Lives in the bridge thread, like its socket.
class Connection : public QObject, public ViewerSink {
    Q_OBJECT
public:
    struct Limits {
        qint64 maxMessageBytes = 1 << 20;
        qint64 maxUploadBytes = 200LL << 20;
        int messagesPerSecond = 60;
        int pingIntervalMs = 15'000;  ///< a connection silent for three of these is dropped
        int helloTimeoutMs = 5'000;   ///< a connection without a hello by then is closed
        /// What may wait to be sent, text and binary together (one message more, when nothing
        /// waits). A browser that stays over it for slowReaderMs is cut off.
        qint64 maxOutputBytes = 32LL << 20;
        int slowReaderMs = 5'000;
        int uploadIdleMs = 30'000;  ///< an upload that brings no bytes this long is dropped
        std::shared_ptr<UploadBudget> uploadBudget;  ///< shared by the server's connections
    };
    Connection(QWebSocket* socket, const Limits& limits, SessionRegistry& registry,
               QObject* parent = nullptr);
    ~Connection() override;

    QString peer() const { return m_peer; }

    void sendText(const QByteArray& message) override;
    void sendBinary(const QByteArray& frame) override;
    void closeSink(const QString& reason) override;
    qint64 silentMs() const override { return m_lastHeard.elapsed(); }

signals:
    void closed();

private:
    void onText(const QString& text);
    void onHello(const ClientMessage& hello);
    bool admit();
    void refuse(const ProtocolError& error);
    void checkAlive();
    void close(int code, const QString& reason);
    /// Closes at once, dropping whatever waits to be sent.
    void abort(const QString& reason);
    void onDisconnected();
    /// Whether `bytes` more may be queued; past the budget, nothing more is, until the
    /// browser has caught up and gets the page again as a snapshot.
    bool mayQueue(qint64 bytes);
    void onBytesWritten();

    QWebSocket* m_socket;  ///< owned
    Limits m_limits;
    SessionRegistry& m_registry;
    QPointer<ViewerSession> m_session;
    QString m_peer;
    QString m_closeReason;
    QTimer* m_pingTimer;
    QTimer* m_deadline;  ///< the hello's, then a slow reader's
    QTimer* m_uploadIdle;
    bool m_overBudget = false;
    bool m_ended = false;  ///< onDisconnected() has run
    QElapsedTimer m_lastHeard;
    // Token bucket for messages per second.
    double m_tokens;
    QElapsedTimer m_refill;
    int m_refusedInARow = 0;
    Upload m_upload;
};

}  // namespace tessera::bridge
