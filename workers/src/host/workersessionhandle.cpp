// SPDX-License-Identifier: GPL-3.0-or-later
#include "workersessionhandle.h"

#include "grouprecordjson.h"
#include "servermessage.h"
#include "workerprocess.h"

#include <tessera/value.h>

#include <QJsonArray>
#include <QJsonDocument>

namespace tessera::workers {

namespace server = bridge::server;

namespace {

const QString kFailed = QStringLiteral("dashboard-failed");

/// Why a worker is not restarted, for its viewers; `why` names its stops and the last one.
QString failedMessage(const QString& why) {
    return QStringLiteral(
               "This dashboard stopped and is not restarted: %1. A new build of its "
               "plugin starts it again.")
        .arg(why);
}

}  // namespace

WorkerSessionHandle::WorkerSessionHandle(WorkerProcess* worker, const Dashboard& dashboard,
                                         QObject* parent, const QVariantMap& presets)
    : SessionHandle(parent),
      m_worker(worker),
      m_dashboard(dashboard.id),
      m_values(QJsonObject::fromVariantMap(presets)),
      m_reportPresets(!presets.isEmpty()) {
    m_session = worker->attach(this);
    m_watchdog.setSingleShot(true);
    connect(&m_watchdog, &QTimer::timeout, this, [this] {
        if (m_worker)
            m_worker->kill(QStringLiteral("a run went on for more than %1 s")
                               .arg(m_worker->settings().runTimeoutMs / 1000.0));
    });
    connect(worker, &WorkerProcess::ready, this, &WorkerSessionHandle::open);
    open();
    // A viewer who comes after the worker was given up on is told why, once it listens.
    if (worker->gaveUp())
        QMetaObject::invokeMethod(
            this, [this] { emit notice(kFailed, failedMessage(m_worker->gaveUpReason())); },
            Qt::QueuedConnection);
}

WorkerSessionHandle::~WorkerSessionHandle() {
    if (m_worker) m_worker->detach(m_session);
}

void WorkerSessionHandle::open() {
    if (!m_worker) return;
    m_open = true;
    // The uploaders' files: their bytes first, as buffer frames, then the message naming them.
    QJsonObject files;
    int buffers = 0;
    for (const auto& [id, list] : m_files) {
        QJsonArray named;
        for (const UploadedFile& file : list) {
            const QString buffer = QStringLiteral("p%1").arg(buffers++);
            m_worker->sendBuffer(m_session, server::bufferFrame({buffer, file.bytes}));
            named.append(QJsonObject{{QStringLiteral("name"), file.name},
                                     {QStringLiteral("type"), file.type},
                                     {QStringLiteral("buffer"), buffer}});
        }
        files.insert(id, named);
    }
    send({{QStringLiteral("type"), QStringLiteral("open")},
          {QStringLiteral("dashboard"), m_dashboard},
          {QStringLiteral("values"), m_values},
          {QStringLiteral("files"), files},
          {QStringLiteral("report"), m_reportPresets}});
    if (m_worker->isReady()) m_reportPresets = false;
}

bool WorkerSessionHandle::setDashboard(const Dashboard& dashboard) {
    if (!m_worker || !m_worker->hasDashboard(dashboard.id)) return false;
    m_dashboard = dashboard.id;
    m_values = {};
    m_files.clear();
    send({{QStringLiteral("type"), QStringLiteral("dashboard")},
          {QStringLiteral("id"), dashboard.id}});
    return true;
}

void WorkerSessionHandle::reloadDashboard(const Dashboard&) {
    // A worker runs the build it loaded; a new build gets a new worker.
}

void WorkerSessionHandle::rerun() {
    send({{QStringLiteral("type"), QStringLiteral("rerun")}});
}

void WorkerSessionHandle::stop() {
    send({{QStringLiteral("type"), QStringLiteral("stop")}});
}

void WorkerSessionHandle::setWidgetValue(const QString& id, const QVariant& value,
                                         std::function<void(const QString& problem)> refused) {
    const ElementPtr widget = m_page.findWidget(id);
    const qint64 ref = ++m_nextRef;
    if (refused) m_refusals.emplace(ref, std::move(refused));
    if (widget && widget->kind == ElementKind::FileUploader) {
        const auto files = detail::fromVariant<UploadedFiles>(value, {});
        if (!files.isEmpty()) {
            m_files[id] = files;  // replayed after a restart, as the other values
            sendFiles(id, files, ref);
            return;
        }
        m_files.erase(id);
    }
    const QJsonValue json = QJsonValue::fromVariant(value);
    // A press is not replayed: the run it caused may be what stopped the worker.
    if (widget && !isTriggerKind(widget->kind)) m_values.insert(id, json);
    send({{QStringLiteral("type"), QStringLiteral("widget")},
          {QStringLiteral("id"), id},
          {QStringLiteral("value"), json},
          {QStringLiteral("ref"), ref}});
}

QMetaObject::Connection WorkerSessionHandle::subscribe(
    QObject* receiver, std::function<void(const PageBatch&)> onBatch) {
    auto deliver = std::make_shared<std::function<void(const PageBatch&)>>(std::move(onBatch));
    QMetaObject::invokeMethod(
        receiver,
        [deliver, snapshot = PageBatch{m_sequence, m_page.snapshot()}] { (*deliver)(snapshot); });
    return connect(this, &WorkerSessionHandle::pageBatch, receiver,
                   [deliver](const PageBatch& batch) { (*deliver)(batch); });
}

void WorkerSessionHandle::onFrame(const Frame& frame) {
    if (frame.kind == Frame::Kind::Buffer) {
        if (const auto buffer = server::decodeBufferFrame(frame.payload))
            m_buffers.insert(buffer->id, buffer->bytes);
        return;
    }
    if (frame.kind == Frame::Kind::Text) onText(frame.payload);
}

void WorkerSessionHandle::onText(const QByteArray& text) {
    const QJsonObject m = QJsonDocument::fromJson(text).object();
    const QString type = m.value(QLatin1String("type")).toString();
    if (type == QLatin1String("ops")) {
        QString error;
        const auto ops =
            server::decodeOps(m.value(QLatin1String("ops")).toArray(), m_buffers, &error);
        m_buffers = BufferTable();  // each message brings its own
        if (ops) publish(*ops);
    } else if (type == QLatin1String("groupStarted")) {
        if (!m_running && m_worker && m_worker->settings().runTimeoutMs > 0)
            m_watchdog.start(m_worker->settings().runTimeoutMs);
        m_running = true;
        emit groupStarted(m.value(QLatin1String("group")).toString().toULongLong());
    } else if (type == QLatin1String("presetProblems")) {
        QStringList problems;
        for (const QJsonValue& p : m.value(QLatin1String("problems")).toArray())
            problems << p.toString();
        emit presetProblems(problems);
    } else if (type == QLatin1String("groupFinished")) {
        emit groupFinished(groupRecordFromJson(m.value(QLatin1String("record")).toObject()));
    } else if (type == QLatin1String("status")) {
        const bool running = m.value(QLatin1String("running")).toBool();
        const QString dashboard = m.value(QLatin1String("dashboard")).toString();
        if (!dashboard.isEmpty()) m_dashboard = dashboard;
        if (m_running && !running) {
            m_running = false;
            m_watchdog.stop();
            emit idle();
        }
        m_running = running;
    } else if (type == QLatin1String("error")) {
        const QString message = m.value(QLatin1String("message")).toString();
        const auto refused = m_refusals.find(m.value(QLatin1String("ref")).toInteger());
        if (refused != m_refusals.end()) {
            const auto callback = std::move(refused->second);
            m_refusals.erase(refused);
            callback(message);
        } else {
            emit notice(m.value(QLatin1String("code")).toString(), message);
        }
    }
    // Values the worker took are never answered: forget the oldest beyond a few hundred.
    while (m_refusals.size() > 256) m_refusals.erase(m_refusals.begin());
}

void WorkerSessionHandle::publish(const QVector<PageOp>& ops) {
    if (std::exchange(m_replacePage, false)) {
        // The new worker's first ops build its page from nothing: empty this one in the
        // same batch, so that viewers never show a page in between.
        QVector<PageOp> replaced = m_page.clearOps();
        replaced += ops;
        m_page.clear();
        m_page.apply(ops);
        emit pageBatch(PageBatch{++m_sequence, replaced});
        return;
    }
    m_page.apply(ops);
    emit pageBatch(PageBatch{++m_sequence, ops});
}

void WorkerSessionHandle::workerRenewed() {
    m_open = false;
    m_refusals.clear();
    m_buffers = BufferTable();
    m_replacePage = true;
}

void WorkerSessionHandle::workerStopped(const QString& reason, const QStringList& stderrTail,
                                        const QString& gaveUp) {
    m_open = false;
    m_watchdog.stop();
    m_refusals.clear();
    m_buffers = BufferTable();
    const QVector<PageOp> clear = m_page.clearOps();
    m_page.clear();
    if (!clear.isEmpty()) emit pageBatch(PageBatch{++m_sequence, clear});
    if (m_running) {
        m_running = false;
        emit idle();
    }
    QString message = gaveUp.isEmpty()
                          ? QStringLiteral(
                                "This dashboard stopped (%1) and was restarted. Its widget values "
                                "were kept; its session state was lost.")
                                .arg(reason)
                          : failedMessage(gaveUp);
    if (!stderrTail.isEmpty())
        message +=
            QStringLiteral("\n\nThe last lines it wrote:\n") + stderrTail.join(QLatin1Char('\n'));
    emit notice(gaveUp.isEmpty() ? QStringLiteral("dashboard-stopped") : kFailed, message);
}

void WorkerSessionHandle::sendFiles(const QString& id, const UploadedFiles& files, qint64 ref) {
    if (!m_worker || !m_open) return;
    // Each file's bytes as a buffer frame, then the message that names them.
    QJsonArray named;
    for (qsizetype i = 0; i < files.size(); ++i) {
        const QString buffer = QStringLiteral("f%1").arg(i);
        m_worker->sendBuffer(m_session, server::bufferFrame({buffer, files[i].bytes}));
        named.append(QJsonObject{{QStringLiteral("name"), files[i].name},
                                 {QStringLiteral("type"), files[i].type},
                                 {QStringLiteral("buffer"), buffer}});
    }
    send({{QStringLiteral("type"), QStringLiteral("files")},
          {QStringLiteral("id"), id},
          {QStringLiteral("files"), named},
          {QStringLiteral("ref"), ref}});
}

void WorkerSessionHandle::send(const QJsonObject& message) {
    if (m_worker && m_open)
        m_worker->send(m_session, QJsonDocument(message).toJson(QJsonDocument::Compact));
}

}  // namespace tessera::workers
