// SPDX-License-Identifier: GPL-3.0-or-later
#include "viewersession.h"

#include "servermessage.h"

#include <tessera/host/delta.h>
#include <tessera/host/session.h>
#include <tessera/host/sessionhandle.h>
#include <tessera/schema.h>

namespace tessera::bridge {

namespace {

/// Whether applying `ops` may have dropped the last user of a buffer.
bool mayReleaseBuffers(const QVector<PageOp>& ops) {
    for (const PageOp& op : ops) {
        if (op.type == PageOp::Type::Remove || op.type == PageOp::Type::AddRows) return true;
        if (op.type == PageOp::Type::Upsert && (op.element->frame || !op.element->blob.isEmpty()))
            return true;
    }
    return false;
}

}  // namespace

ViewerSession::ViewerSession(QString resumeToken, QObject* parent)
    : QObject(parent), m_resumeToken(std::move(resumeToken)) {}

ViewerSession::~ViewerSession() = default;

void ViewerSession::attach(ViewerSink* sink) {
    if (m_sink) {
        ViewerSink* previous = m_sink;
        detach(previous);
        previous->closeSink(QStringLiteral("the session was resumed by another connection"));
    }
    m_sink = sink;
    m_snapshotNext = true;
    m_buffers = BufferTable();
    m_clientPage.clear();
    // Deleted later in this thread, after deliveries already queued to it: other threads
    // may hold it while they connect it.
    m_relay = std::shared_ptr<QObject>(new QObject, [](QObject* relay) { relay->deleteLater(); });
    subscribe(m_relay);
}

void ViewerSession::resync(ViewerSink* sink) {
    if (m_sink != sink) return;
    // The snapshot numbers its buffers anew: the client drops those of the old numbering.
    const QStringList held = m_buffers.retainOnly({});
    if (!held.isEmpty()) sink->sendText(server::release(held));
    detach(sink);
    attach(sink);  // a new subscription starts with the page as a snapshot
}

std::optional<ProtocolError> ViewerSession::checkUpload(const ClientMessage& upload) const {
    auto refused = [&](const QString& why) {
        return ProtocolError{errors::badValue, why, upload.ref};
    };
    const ElementPtr uploader = m_clientPage.findWidget(upload.widget);
    if (!uploader || uploader->kind != ElementKind::FileUploader)
        return refused(
            QStringLiteral("no file uploader '%1' on this page").arg(upload.widget.left(100)));
    const QString label = uploader->props.value(prop::label).toString();
    if (uploader->props.value(prop::disabled).toBool())
        return refused(QStringLiteral("file_uploader '%1': disabled").arg(label));
    if (upload.files.isEmpty()) return std::nullopt;  // clears the uploader
    if (upload.files.size() > 1 && !uploader->props.value(prop::multiple).toBool())
        return refused(QStringLiteral("file_uploader '%1': one file is taken here, not %2")
                           .arg(label)
                           .arg(upload.files.size()));
    for (const ClientMessage::File& file : upload.files) {
        const QString name = file.name.section(QLatin1Char('/'), -1).section(QLatin1Char('\\'), -1);
        if (const QString problem = fileUploadProblem(uploader->props, name.trimmed(), file.size);
            !problem.isEmpty())
            return refused(QStringLiteral("file_uploader '%1': %2").arg(label, problem));
    }
    return std::nullopt;
}

void ViewerSession::detach(ViewerSink* sink) {
    if (m_sink != sink) return;
    m_sink = nullptr;
    m_relay.reset();  // ends every delivery to the old sink
}

ViewerSession::RunEventHandlers ViewerSession::runEventHandlers(QObject* relay) {
    return {whileCurrent(this, relay,
                         [](ViewerSession* self, quint64 groupId) {
                             self->sendGroupStarted(groupId);
                             self->sendStatus(true);
                         }),
            whileCurrent(this, relay,
                         [](ViewerSession* self, const GroupRecord& record) {
                             self->sendGroupFinished(record);
                         }),
            whileCurrent(this, relay, [](ViewerSession* self) { self->sendStatus(false); })};
}

void ViewerSession::connectRunEvents(SessionHandle* source, QObject* relay,
                                     const RunEventHandlers& handlers) {
    connect(source, &SessionHandle::groupStarted, relay, handlers.started);
    connect(source, &SessionHandle::groupFinished, relay, handlers.finished);
    connect(source, &SessionHandle::idle, relay, handlers.idle);
}

void ViewerSession::sendBatch(const PageBatch& batch) {
    if (!m_sink) return;
    const bool snapshot = std::exchange(m_snapshotNext, false);
    if (snapshot) m_clientPage.clear();
    const QByteArray message = server::page(snapshot, batch.sequence, batch.ops, &m_buffers);
    for (const BufferTable::Buffer& buffer : m_buffers.takeNew())
        m_sink->sendBinary(server::bufferFrame(buffer));
    m_sink->sendText(message);
    m_clientPage.apply(batch.ops);
    if (m_buffers.knownCount() > 0 && (snapshot || mayReleaseBuffers(batch.ops))) {
        const QStringList released = m_buffers.retainOnly(m_clientPage.bufferIdentities());
        if (!released.isEmpty()) m_sink->sendText(server::release(released));
    }
}

void ViewerSession::sendGroupStarted(quint64 groupId) {
    send(server::groupStarted(groupId));
}

void ViewerSession::sendGroupFinished(const GroupRecord& record) {
    send(server::groupFinished(record));
}

void ViewerSession::sendStatus(bool running) {
    send(server::status(running, dashboardId()));
}

void ViewerSession::send(const QByteArray& message) {
    if (m_sink) m_sink->sendText(message);
}

void ViewerSession::refuse(const QString& code, const QString& message, const QJsonValue& ref) {
    send(server::error(code, message, ref));
}

void ViewerSession::reportReloadFailure(const QString& reason) {
    refuse(errors::pluginReload, reason, QJsonValue());
}

void ViewerSession::reportReloaded(const QString& dashboard) {
    send(server::reloaded(dashboard));
}

bool ViewerSession::handleCommon(const ClientMessage& message) {
    switch (message.type) {
        case ClientMessage::Type::Ping:
            send(server::pong(message.nonce));
            return true;
        case ClientMessage::Type::Hello:
            refuse(errors::badMessage, QStringLiteral("this connection has already said hello"),
                   message.ref);
            return true;
        default:
            return false;
    }
}

}  // namespace tessera::bridge
