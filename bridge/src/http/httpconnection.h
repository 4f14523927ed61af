// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QObject>

class QTcpSocket;
class QTimer;

namespace tessera::bridge {

class Access;
class PageServer;
struct HttpHead;

/// One TCP connection until it becomes a WebSocket: it reads request heads within a size
/// and a time limit, answers page requests (kept alive between them, within an idle
/// limit), and hands a checked WebSocket upgrade on with its handshake still unread. A
/// request body is never read: such a request is answered and the connection closed, its
/// remaining bytes drained and dropped for a moment so that the answer reaches the client.
class HttpConnection : public QObject {
    Q_OBJECT
public:
    struct Settings {
        qint64 maxHeadBytes = 16 * 1024;
        int headTimeoutMs = 10'000;  ///< a head must be complete within this once begun
        int idleTimeoutMs = 30'000;  ///< a kept-alive connection waits this for its next head
        int lingerMs = 2'000;        ///< a closing connection drains its client's bytes this long
    };
    static inline const QString kSocketPath = QStringLiteral("/ws");

    HttpConnection(QTcpSocket* socket, const Settings& settings, const Access& access,
                   const PageServer& pages, QObject* parent = nullptr);
    ~HttpConnection() override;

signals:
    /// The first request head is complete, or the connection ended before it was.
    void firstHeadEnded();
    /// A checked WebSocket upgrade; its handshake is still unread in `socket`, which is no
    /// longer this object's.
    void webSocketRequest(QTcpSocket* socket);

private:
    void onReadyRead();
    void onTimeout();
    void handle(const HttpHead& head);
    void upgrade(const HttpHead& head);
    void respond(const QByteArray& bytes, bool close);
    void refuse(int status, const QString& reason);
    void endFirstHead();
    void linger();
    void finish();

    QTcpSocket* m_socket;  ///< a child until handed on
    Settings m_settings;
    const Access& m_access;
    const PageServer& m_pages;
    QTimer* m_timer;
    QString m_peer;
    bool m_firstHeadEnded = false;
    bool m_closing = false;    ///< answered for the last time; waits for the answer to go out
    bool m_lingering = false;  ///< write side shut; dropping what the client still sends
};

}  // namespace tessera::bridge
