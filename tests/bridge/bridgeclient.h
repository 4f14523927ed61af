// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clientpage.h"

#include <tessera/host/codec.h>

#include <QJsonObject>
#include <QUrl>
#include <QWebSocket>

namespace tessera::bridge::testing {

/// A protocol client as a browser page would be: it says hello, keeps the page from the
/// snapshot and the ops it receives, and records everything else the server sends.
class BridgeClient : public QObject {
    Q_OBJECT
public:
    explicit BridgeClient(const QString& origin = {});

    /// Opens ws://host:port/ws (with `token` when given); true once connected.
    bool open(const QUrl& server, const QString& token = {});
    void hello(const QJsonObject& extra = {});
    void send(const QJsonObject& message);
    void sendRaw(const QByteArray& text);
    void close();

    QWebSocket& socket() { return m_socket; }
    bool connected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    const QJsonObject& welcome() const { return m_welcome; }
    const ClientPage& page() const { return m_page; }
    bool running() const { return m_running; }
    /// Snapshots and op batches received; every op's path, in order.
    int snapshots() const { return m_snapshots; }
    const QVector<Path>& opPaths() const { return m_opPaths; }
    const QVector<QJsonObject>& errors() const { return m_errors; }
    const QVector<QJsonObject>& messages() const { return m_messages; }
    int pongs() const { return m_pongs; }
    int runsFinished() const { return m_runsFinished; }
    qint64 bytesReceived() const { return m_bytes; }
    QString problem() const { return m_problem; }
    void clearRecords();

    /// The id of the widget labelled `label`, searching the page; empty when none.
    QString widgetId(const QString& label) const;
    /// Paths of the nodes of `kind`, in page order.
    QVector<Path> pathsOf(const QString& kind) const;
    /// The prop `prop` of the first node of `kind`, in page order; empty when none.
    QString firstProp(const QString& kind, const QString& prop) const;

private:
    void onText(const QString& text);

    QWebSocket m_socket;
    BufferTable m_buffers;
    ClientPage m_page;
    QJsonObject m_welcome;
    bool m_running = false;
    int m_snapshots = 0;
    int m_pongs = 0;
    int m_runsFinished = 0;
    qint64 m_bytes = 0;
    QVector<Path> m_opPaths;
    QVector<QJsonObject> m_errors;
    QVector<QJsonObject> m_messages;
    QString m_problem;  ///< the first thing the client could not understand
};

}  // namespace tessera::bridge::testing
