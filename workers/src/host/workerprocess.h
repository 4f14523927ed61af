// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "frames.h"
#include "limitplaces.h"

#include <tessera/workers/workerhost.h>

#include <QElapsedTimer>
#include <QHash>
#include <QLocalServer>
#include <QPointer>
#include <QProcess>
#include <QStringList>
#include <QTimer>
#include <atomic>

namespace tessera::workers {

class WorkerSessionHandle;

/// One plugin's worker process, seen from the host: starts it, carries its sessions' frames,
/// and when it stops, tells them why and starts it again with backoff, until it stops too
/// often. Lives in the thread of the handles it serves.
class WorkerProcess : public QObject {
    Q_OBJECT
public:
    WorkerProcess(WorkerSettings settings, QString pluginFile, QStringList dashboardIds,
                  QObject* parent = nullptr);
    ~WorkerProcess() override;

    bool hasDashboard(const QString& id) const { return m_dashboards.contains(id); }
    /// Carries `handle`'s session; returns its number on the link.
    quint32 attach(WorkerSessionHandle* handle);
    /// Ends the session `session` in the worker.
    void detach(quint32 session);
    /// Sends a message of `session` (queued until the worker is ready).
    void send(quint32 session, const QByteArray& text);
    /// Sends a buffer frame of `session` (bytes a later message of it names).
    void sendBuffer(quint32 session, const QByteArray& frame);
    /// Whether it gave up restarting, and why.
    bool gaveUp() const { return !m_gaveUp.isEmpty(); }
    /// Connected: what is sent now reaches it.
    bool isReady() const { return m_ready; }
    const QString& gaveUpReason() const { return m_gaveUp; }
    /// Ends the worker because of `reason` (a run went on too long): reported to every
    /// session as a stop, and restarted like one.
    void kill(const QString& reason);
    const WorkerSettings& settings() const { return m_settings; }
    /// Ends the worker and starts a new one from the plugin file (a new build): its sessions
    /// move over with their widget values, and one given up on tries again.
    void renew();
    /// Empties every cache of the worker.
    void clearCaches();
    qint64 processId() const { return m_process ? m_process->processId() : 0; }
    /// Its places in this process's limit() groups.
    const LimitPlaces& limitPlaces() const { return m_limits; }
    /// Bytes the worker has sent over the link so far.
    qint64 bytesReceived() const { return m_bytesReceived.load(); }

signals:
    /// The worker is ready (started or restarted); sessions open themselves again.
    void ready();

private:
    void start();
    /// Ends the worker process without reporting a stop.
    void end();
    void onConnection();
    void onReadyRead();
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onStderr();
    void write(const Frame& frame);
    QString describeStop(int exitCode, QProcess::ExitStatus status) const;

    const WorkerSettings m_settings;
    const QString m_pluginFile;
    const QStringList m_dashboards;
    QLocalServer m_server;
    QProcess* m_process = nullptr;
    QPointer<QLocalSocket> m_socket;
    FrameReader m_reader;
    std::atomic<qint64> m_bytesReceived{0};  ///< read by benchmarks from their thread
    bool m_ready = false;
    QVector<QByteArray> m_waiting;  ///< frames sent before the worker was ready
    QHash<quint32, WorkerSessionHandle*> m_handles;
    quint32 m_nextSession = 1;
    QStringList m_stderrTail;
    QByteArray m_stderrPartial;
    QVector<qint64> m_stops;  ///< when it stopped, on m_clock
    QElapsedTimer m_clock;
    QTimer m_restart;
    QString m_gaveUp;
    QString m_killedBecause;  ///< why the host ended the worker, when it did
    LimitPlaces m_limits;
};

}  // namespace tessera::workers
