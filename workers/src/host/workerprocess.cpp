// SPDX-License-Identifier: GPL-3.0-or-later
#include "workerprocess.h"

#include "workersessionhandle.h"

#include <sys/resource.h>
#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>
#include <QRandomGenerator>
#include <csignal>
#include <cstdio>
#include <cstring>

namespace tessera::workers {

WorkerProcess::WorkerProcess(WorkerSettings settings, QString pluginFile, QStringList dashboardIds,
                             QObject* parent)
    : QObject(parent),
      m_settings(std::move(settings)),
      m_pluginFile(std::move(pluginFile)),
      m_dashboards(std::move(dashboardIds)),
      m_limits([this](const QJsonObject& message) {
          send(0, QJsonDocument(message).toJson(QJsonDocument::Compact));
      }) {
    m_clock.start();
    m_restart.setSingleShot(true);
    connect(&m_restart, &QTimer::timeout, this, &WorkerProcess::start);
    // Only this user may connect; the worker proves itself by its process id.
    m_server.setSocketOptions(QLocalServer::UserAccessOption);
    m_server.listen(QStringLiteral("tessera-worker-%1-%2")
                        .arg(QCoreApplication::applicationPid())
                        .arg(QRandomGenerator::system()->generate64(), 0, 16));
    connect(&m_server, &QLocalServer::newConnection, this, &WorkerProcess::onConnection);
    start();
}

WorkerProcess::~WorkerProcess() {
    end();
}

void WorkerProcess::end() {
    m_ready = false;
    m_limits.releaseAll();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        delete m_socket;
    }
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(5000);
        delete m_process;
        m_process = nullptr;
    }
}

void WorkerProcess::kill(const QString& reason) {
    if (!m_process) return;
    m_killedBecause = reason;
    m_process->kill();  // reported when it has ended, as any stop
}

void WorkerProcess::renew() {
    end();
    m_restart.stop();
    m_stops.clear();
    m_gaveUp.clear();
    m_stderrTail.clear();
    m_stderrPartial.clear();
    for (WorkerSessionHandle* handle : std::as_const(m_handles)) handle->workerRenewed();
    start();
}

quint32 WorkerProcess::attach(WorkerSessionHandle* handle) {
    const quint32 session = m_nextSession++;
    m_handles.insert(session, handle);
    return session;
}

void WorkerProcess::detach(quint32 session) {
    m_handles.remove(session);
    if (m_ready) write({session, Frame::Kind::Close, {}});
}

void WorkerProcess::send(quint32 session, const QByteArray& text) {
    // While the worker is down nothing reaches it: its sessions open again when it is back.
    if (m_ready) write({session, Frame::Kind::Text, text});
}

void WorkerProcess::sendBuffer(quint32 session, const QByteArray& frame) {
    if (m_ready) write({session, Frame::Kind::Buffer, frame});
}

void WorkerProcess::clearCaches() {
    send(0, QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("clearCache")}})
                .toJson(QJsonDocument::Compact));
}

void WorkerProcess::start() {
    m_process = new QProcess(this);
    m_process->setProgram(m_settings.program);
    m_process->setArguments({QStringLiteral("--worker"), m_server.fullServerName(), m_pluginFile});
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    m_process->setProcessEnvironment(env);
    if (const qint64 limit = m_settings.memoryBytes; limit > 0) {
        m_process->setChildProcessModifier([limit] {
            const rlimit bytes{rlim_t(limit), rlim_t(limit)};
            setrlimit(RLIMIT_AS, &bytes);
        });
    }
    connect(m_process, &QProcess::finished, this, &WorkerProcess::onFinished);
    connect(m_process, &QProcess::readyReadStandardError, this, &WorkerProcess::onStderr);
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) onFinished(-1, QProcess::CrashExit);
    });
    m_process->start();
}

void WorkerProcess::onConnection() {
    while (QLocalSocket* socket = m_server.nextPendingConnection()) {
        if (m_socket) {  // one worker at a time
            socket->abort();
            socket->deleteLater();
            continue;
        }
        m_socket = socket;
        m_reader = FrameReader();
        connect(socket, &QLocalSocket::readyRead, this, &WorkerProcess::onReadyRead);
    }
}

void WorkerProcess::onReadyRead() {
    QLocalSocket* socket = m_socket;
    if (!socket) return;
    const QByteArray bytes = socket->readAll();
    m_bytesReceived += bytes.size();
    m_reader.append(bytes);
    QString error;
    while (auto frame = m_reader.next(&error)) {
        if (frame->session == 0) {
            const QJsonObject m = QJsonDocument::fromJson(frame->payload).object();
            const QString type = m.value(QLatin1String("type")).toString();
            if (!m_ready) {  // the first message names the process it comes from
                const bool ours =
                    m_process && type == QLatin1String("ready") &&
                    m.value(QLatin1String("pid")).toInteger() == m_process->processId();
                if (!ours) {
                    error = QStringLiteral("a connection that is not the worker's");
                    break;
                }
                m_ready = true;
                emit ready();
            } else if (type == QLatin1String("limit")) {
                m_limits.onMessage(m);
            }
            continue;
        }
        if (WorkerSessionHandle* handle = m_handles.value(frame->session)) handle->onFrame(*frame);
    }
    if (!error.isEmpty()) {
        std::fprintf(stderr, "tessera: worker of %s: %s; it is ended\n", qPrintable(m_pluginFile),
                     qPrintable(error));
        if (m_process) m_process->kill();
    }
}

void WorkerProcess::onStderr() {
    if (!m_process) return;
    const QByteArray bytes = m_process->readAllStandardError();
    // The host's log shows what the worker wrote, as it would in one process.
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    m_stderrPartial.append(bytes);
    qsizetype end;
    while ((end = m_stderrPartial.indexOf('\n')) >= 0) {
        m_stderrTail << QString::fromUtf8(m_stderrPartial.left(end));
        m_stderrPartial.remove(0, end + 1);
        while (m_stderrTail.size() > m_settings.stderrLines) m_stderrTail.removeFirst();
    }
}

QString WorkerProcess::describeStop(int exitCode, QProcess::ExitStatus status) const {
    if (exitCode == -1) return QStringLiteral("it could not be started");
    if (status == QProcess::CrashExit) {
        const char* name = sigabbrev_np(exitCode);
        return name ? QStringLiteral("SIG%1").arg(QLatin1String(name))
                    : QStringLiteral("signal %1").arg(exitCode);
    }
    return QStringLiteral("exit code %1").arg(exitCode);
}

void WorkerProcess::onFinished(int exitCode, QProcess::ExitStatus status) {
    if (!m_process) return;
    onStderr();
    if (!m_stderrPartial.isEmpty()) m_stderrTail << QString::fromUtf8(m_stderrPartial);
    m_stderrPartial.clear();
    QString reason = describeStop(exitCode, status);
    if (!m_killedBecause.isEmpty()) reason = std::exchange(m_killedBecause, {});
    m_process->disconnect(this);
    m_process->deleteLater();
    m_process = nullptr;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
    }
    m_ready = false;
    m_limits.releaseAll();  // what a dead worker held or waited for is the others'

    const qint64 now = m_clock.elapsed();
    m_stops.append(now);
    while (!m_stops.isEmpty() && now - m_stops.first() > m_settings.crashWindowMs)
        m_stops.removeFirst();
    const bool restart = m_stops.size() < m_settings.crashLimit;
    if (!restart)
        m_gaveUp = QStringLiteral("it stopped %1 times within %2 s (last: %3)")
                       .arg(m_stops.size())
                       .arg(m_settings.crashWindowMs / 1000)
                       .arg(reason);
    const QStringList tail = std::exchange(m_stderrTail, {});
    for (WorkerSessionHandle* handle : std::as_const(m_handles))
        handle->workerStopped(reason, tail, restart ? QString() : m_gaveUp);
    if (restart) m_restart.start(m_settings.firstBackoffMs << (m_stops.size() - 1));
}

void WorkerProcess::write(const Frame& frame) {
    if (m_socket) m_socket->write(encodeFrame(frame));
}

}  // namespace tessera::workers
