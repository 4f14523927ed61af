// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QProcess>
#include <QStringList>
#include <QTcpSocket>
#include <QUrl>
#include <memory>

namespace tessera::bridge::testing {

/// A real `tessera --serve` on a free loopback port, with the hostile tests' dashboards and
/// the flags given; its memory is read from /proc.
class ServerProcess {
public:
    explicit ServerProcess(const QStringList& flags, const QString& dashboard = {});
    ~ServerProcess();

    /// Starts it and waits for the URL it prints; false when it did not start.
    bool start();
    const QUrl& url() const { return m_url; }
    quint16 port() const { return quint16(m_url.port()); }
    /// Resident memory in MiB (VmRSS).
    double rssMiB() const;
    /// What it has written to its terminal so far.
    QString output();
    bool running() const { return m_process.state() == QProcess::Running; }

private:
    QStringList m_flags;
    QString m_dashboard;
    QProcess m_process;
    QByteArray m_output;
    QUrl m_url;
};

/// An HTTP client that writes exactly the bytes it is given, from a chosen loopback address.
class RawClient {
public:
    explicit RawClient(const QHostAddress& from = QHostAddress(QStringLiteral("127.0.0.1")));

    bool connectTo(quint16 port, int timeoutMs = 5'000);
    void write(const QByteArray& bytes);
    /// Reads until a whole response head (and its Content-Length of body) has arrived, or
    /// the time is up or the server closed; returns the response, or what arrived.
    QByteArray readResponse(int timeoutMs = 5'000);
    /// Whether the server closed the connection (waits up to `timeoutMs`).
    bool closedByServer(int timeoutMs);
    QTcpSocket& socket() { return *m_socket; }

    static int statusOf(const QByteArray& response);
    /// The value of header `name` in `response`, or a null QByteArray when absent.
    static QByteArray headerOf(const QByteArray& response, const QByteArray& name);

private:
    std::unique_ptr<QTcpSocket> m_socket;
    QHostAddress m_from;
    QByteArray m_buffer;
};

/// A WebSocket client written by hand: it never answers pings on its own, reads only when
/// asked (or never), and masks its frames as a browser does.
class RawWebSocket {
public:
    explicit RawWebSocket(const QHostAddress& from = QHostAddress(QStringLiteral("127.0.0.1")));

    /// Opens the socket with the handshake; `readBufferBytes` bounds what is read from the
    /// kernel (a small one makes a reader that stalls once the server sends much).
    bool open(quint16 port, qint64 readBufferBytes = 0, int timeoutMs = 5'000);
    void sendText(const QByteArray& text);
    void sendBinary(const QByteArray& bytes);
    /// Reads frames for up to `timeoutMs` until a text message containing `needle` came;
    /// returns that message (empty when none came).
    QByteArray waitForText(const QByteArray& needle, int timeoutMs = 5'000);
    /// Every text message received so far, one a line, and each binary frame (a buffer) as
    /// a line "#buffer ID" in its place among them.
    const QByteArray& received() const { return m_received; }
    bool connected() const { return m_socket->state() == QAbstractSocket::ConnectedState; }
    QTcpSocket& socket() { return *m_socket; }

private:
    void sendFrame(quint8 opcode, const QByteArray& payload);
    /// Takes whole frames out of the buffer, noting each in received(); the text payloads in
    /// order.
    QList<QByteArray> takeTextFrames();

    std::unique_ptr<QTcpSocket> m_socket;
    QHostAddress m_from;
    QByteArray m_buffer;
    QByteArray m_received;
};

/// A hello message of protocol version 1, with `extra` members ("dashboard", "resume").
QByteArray helloMessage(const QByteArray& extra = {});

}  // namespace tessera::bridge::testing
