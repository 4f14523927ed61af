// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "frames.h"

#include <tessera/dashboard.h>
#include <tessera/host/codec.h>

#include <QJsonObject>
#include <QLocalSocket>
#include <QObject>
#include <map>
#include <memory>

namespace tessera {
class Session;
}

namespace tessera::workers {

class RemoteLimits;

/// A worker process's side of the link: the Sessions of one plugin's dashboards, opened,
/// driven and closed by the host, their page batches and run events sent back.
class WorkerServer : public QObject {
    Q_OBJECT
public:
    explicit WorkerServer(QVector<Dashboard> dashboards, QObject* parent = nullptr);
    ~WorkerServer() override;

    /// Connects to the host's socket `name` and says it is ready; false when it cannot.
    bool connectToHost(const QString& name);
    /// Where the host's answers about limit() places go.
    void setLimits(RemoteLimits* limits) { m_limits = limits; }
    /// A message for the host itself (not for a session).
    void sendControl(const QJsonObject& message);

private:
    struct Hosted;

    void onReadyRead();
    void onFrame(const Frame& frame);
    void open(quint32 id, const QJsonObject& message);
    void onMessage(Hosted& hosted, quint32 id, const QByteArray& text);
    /// A file uploader's files, their bytes received before as buffer frames.
    void setFiles(Hosted& hosted, quint32 id, const QJsonObject& message);
    const Dashboard* find(const QString& id) const;
    void send(quint32 session, const QByteArray& text);
    void sendBuffer(quint32 session, const QByteArray& frame);

    QVector<Dashboard> m_dashboards;
    QLocalSocket m_socket;
    FrameReader m_reader;
    std::map<quint32, std::unique_ptr<Hosted>> m_sessions;
    std::map<quint32, BufferTable> m_opening;  ///< buffers of sessions not opened yet
    RemoteLimits* m_limits = nullptr;
};

}  // namespace tessera::workers
