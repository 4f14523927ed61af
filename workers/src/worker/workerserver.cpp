// SPDX-License-Identifier: GPL-3.0-or-later
#include "workerserver.h"

#include "clientmessage.h"
#include "crashreport.h"
#include "remotelimits.h"
#include "servermessage.h"

#include <tessera/cacheregistry.h>
#include <tessera/host/plugincatalog.h>
#include <tessera/host/session.h>
#include <tessera/value.h>
#include <tessera/workers/workerhost.h>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <cstdio>

namespace tessera::workers {

using bridge::ClientMessage;
namespace server = bridge::server;

struct WorkerServer::Hosted {
    Session* session = nullptr;
    BufferTable received;  ///< bytes of files the next `files` message names
};

namespace {

/// Files named by `named` ({name, type, buffer}), their bytes among `received`.
UploadedFiles filesFrom(const QJsonArray& named, const BufferTable& received) {
    UploadedFiles files;
    for (const QJsonValue& v : named) {
        const QJsonObject f = v.toObject();
        const QByteArray* bytes = received.find(f.value(QLatin1String("buffer")).toString());
        files.append({f.value(QLatin1String("name")).toString(),
                      f.value(QLatin1String("type")).toString(), bytes ? *bytes : QByteArray()});
    }
    return files;
}

}  // namespace

WorkerServer::WorkerServer(QVector<Dashboard> dashboards, QObject* parent)
    : QObject(parent), m_dashboards(std::move(dashboards)) {
    connect(&m_socket, &QLocalSocket::readyRead, this, &WorkerServer::onReadyRead);
    // The host went (it ended, or it ends this worker): so does the worker.
    connect(&m_socket, &QLocalSocket::disconnected, qApp, [] { QCoreApplication::exit(0); });
}

WorkerServer::~WorkerServer() {
    for (auto& [id, hosted] : m_sessions) delete hosted->session;
}

bool WorkerServer::connectToHost(const QString& name) {
    m_socket.connectToServer(name);
    if (!m_socket.waitForConnected(10'000)) return false;
    QJsonArray ids;
    for (const Dashboard& d : m_dashboards) ids.append(d.id);
    send(0, QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("ready")},
                                      {QStringLiteral("pid"), QCoreApplication::applicationPid()},
                                      {QStringLiteral("dashboards"), ids}})
                .toJson(QJsonDocument::Compact));
    return true;
}

void WorkerServer::sendControl(const QJsonObject& message) {
    send(0, QJsonDocument(message).toJson(QJsonDocument::Compact));
}

void WorkerServer::onReadyRead() {
    m_reader.append(m_socket.readAll());
    QString error;
    while (auto frame = m_reader.next(&error)) onFrame(*frame);
    if (!error.isEmpty()) {
        std::fprintf(stderr, "tessera worker: %s from the host\n", qPrintable(error));
        QCoreApplication::exit(3);
    }
}

void WorkerServer::onFrame(const Frame& frame) {
    if (frame.kind == Frame::Kind::Close) {
        m_opening.erase(frame.session);
        auto it = m_sessions.find(frame.session);
        if (it == m_sessions.end()) return;
        delete it->second->session;  // interrupts its runs
        m_sessions.erase(it);
        return;
    }
    if (frame.kind == Frame::Kind::Buffer) {
        auto it = m_sessions.find(frame.session);
        const auto buffer = server::decodeBufferFrame(frame.payload);
        // Before its `open`: an uploader's files the session is opened with.
        BufferTable& into =
            it != m_sessions.end() ? it->second->received : m_opening[frame.session];
        if (buffer) into.insert(buffer->id, buffer->bytes);
        return;
    }
    const QJsonObject message = QJsonDocument::fromJson(frame.payload).object();
    const QString type = message.value(QLatin1String("type")).toString();
    if (frame.session == 0) {
        if (type == QLatin1String("clearCache")) clearCaches();
        if (type == QLatin1String("limit") && m_limits) m_limits->answer(message);
        return;
    }
    if (type == QLatin1String("open")) {
        open(frame.session, message);
        return;
    }
    auto it = m_sessions.find(frame.session);
    if (it == m_sessions.end()) return;
    if (type == QLatin1String("files"))
        setFiles(*it->second, frame.session, message);
    else
        onMessage(*it->second, frame.session, frame.payload);
}

void WorkerServer::open(quint32 id, const QJsonObject& message) {
    const QString dashboardId = message.value(QLatin1String("dashboard")).toString();
    const Dashboard* dashboard = find(dashboardId);
    if (m_sessions.count(id)) return;
    if (!dashboard) {  // a new build without it
        send(id, server::error(bridge::errors::unknownDashboard,
                               QStringLiteral("this build of the plugin has no dashboard '%1'")
                                   .arg(dashboardId.left(100))));
        return;
    }
    auto hosted = std::make_unique<Hosted>();
    auto* session = new Session(this);
    hosted->session = session;
    // Values the session's widgets had before (a restart): taken when first drawn.
    const QJsonObject values = message.value(QLatin1String("values")).toObject();
    for (auto v = values.begin(); v != values.end(); ++v)
        session->presetWidgetValue(v.key(), v.value().toVariant());
    // And its uploaders' files, their bytes sent before this message.
    const BufferTable received = std::move(m_opening[id]);
    m_opening.erase(id);
    const QJsonObject files = message.value(QLatin1String("files")).toObject();
    for (auto f = files.begin(); f != files.end(); ++f)
        session->presetWidgetValue(f.key(),
                                   uploaderValue(filesFrom(f.value().toArray(), received)));
    session->subscribe(this, [this, id](const PageBatch& batch) {
        if (batch.ops.isEmpty()) return;
        // Every batch carries its own buffers: the host decodes them into its own page.
        BufferTable buffers;
        const QByteArray text = server::page(false, batch.sequence, batch.ops, &buffers);
        for (const BufferTable::Buffer& buffer : buffers.takeNew())
            sendBuffer(id, server::bufferFrame(buffer));
        send(id, text);
    });
    connect(session, &Session::groupStarted, this, [this, id, session](quint64 group) {
        send(id, server::groupStarted(group));
        send(id, server::status(true, session->dashboard().id));
    });
    connect(session, &Session::groupFinished, this,
            [this, id](const GroupRecord& record) { send(id, server::groupFinished(record)); });
    connect(session, &Session::idle, this,
            [this, id, session] { send(id, server::status(false, session->dashboard().id)); });
    // Values a user gave (not a restart's): what they could not set is told after the run.
    if (message.value(QLatin1String("report")).toBool() && !values.isEmpty()) {
        auto once = std::make_shared<QMetaObject::Connection>();
        *once = connect(session, &Session::idle, this, [this, id, session, once] {
            disconnect(*once);
            const QStringList problems = session->presetProblems();
            if (problems.isEmpty()) return;
            send(id, QJsonDocument(
                         QJsonObject{
                             {QStringLiteral("type"), QStringLiteral("presetProblems")},
                             {QStringLiteral("problems"), QJsonArray::fromStringList(problems)}})
                         .toJson(QJsonDocument::Compact));
        });
    }
    m_sessions[id] = std::move(hosted);
    session->setDashboard(*dashboard);
}

void WorkerServer::onMessage(Hosted& hosted, quint32 id, const QByteArray& text) {
    const auto decoded = bridge::decodeClientMessage(text);
    if (!std::holds_alternative<ClientMessage>(decoded)) return;  // the host checked it
    const ClientMessage& m = std::get<ClientMessage>(decoded);
    Session& session = *hosted.session;
    switch (m.type) {
        case ClientMessage::Type::Widget:
            if (const QString problem = session.setWidgetValue(m.widget, m.value.toVariant());
                !problem.isEmpty())
                send(id, server::error(bridge::errors::badValue, problem, m.ref));
            break;
        case ClientMessage::Type::Rerun:
            session.rerun();
            break;
        case ClientMessage::Type::Stop:
            session.stop();
            break;
        case ClientMessage::Type::Dashboard:
            if (const Dashboard* dashboard = find(m.dashboard)) session.setDashboard(*dashboard);
            break;
        default:
            break;
    }
}

void WorkerServer::setFiles(Hosted& hosted, quint32 id, const QJsonObject& message) {
    const UploadedFiles files =
        filesFrom(message.value(QLatin1String("files")).toArray(), hosted.received);
    hosted.received = BufferTable();
    const QString problem = hosted.session->setWidgetValue(
        message.value(QLatin1String("id")).toString(), uploaderValue(files));
    if (!problem.isEmpty())
        send(id,
             server::error(bridge::errors::badValue, problem, message.value(QLatin1String("ref"))));
}

const Dashboard* WorkerServer::find(const QString& id) const {
    for (const Dashboard& d : m_dashboards)
        if (d.id == id) return &d;
    return nullptr;
}

void WorkerServer::send(quint32 session, const QByteArray& text) {
    m_socket.write(encodeFrame({session, Frame::Kind::Text, text}));
}

void WorkerServer::sendBuffer(quint32 session, const QByteArray& frame) {
    m_socket.write(encodeFrame({session, Frame::Kind::Buffer, frame}));
}

int runWorker(const QString& socketName, const QString& pluginFile) {
    installCrashReport();
    PluginCatalog catalog;
    const PluginInfo& plugin = catalog.loadFile(pluginFile);
    if (!plugin.ok()) {
        std::fprintf(stderr, "tessera worker: %s: %s\n", qPrintable(pluginFile),
                     qPrintable(plugin.error));
        return 2;
    }
    WorkerServer server(plugin.dashboards);
    if (!server.connectToHost(socketName)) {
        std::fprintf(stderr, "tessera worker: cannot reach the host at %s\n",
                     qPrintable(socketName));
        return 2;
    }
    // The places of limit() groups are the host's, so that every worker's runs queue
    // together. The broker stays for the process's lifetime (an abandoned run may outlive
    // the server); what it sends goes through the main thread to the server while it lives.
    static WorkerServer* live = nullptr;  // main thread only
    live = &server;
    auto* limits = new RemoteLimits([](const QJsonObject& message) {
        QMetaObject::invokeMethod(
            qApp,
            [message] {
                if (live) live->sendControl(message);
            },
            Qt::QueuedConnection);
    });
    server.setLimits(limits);
    setLimitBroker(limits);
    const int code = QCoreApplication::exec();
    live = nullptr;
    return code;
}

}  // namespace tessera::workers
