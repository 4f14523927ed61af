// SPDX-License-Identifier: GPL-3.0-or-later
#include "mirrorsession.h"

namespace tessera::bridge {

MirrorSession::MirrorSession(QString resumeToken, SessionHandle* source, QObject* parent)
    : ViewerSession(std::move(resumeToken), parent), m_source(source) {}

void MirrorSession::subscribe(const std::shared_ptr<QObject>& relay) {
    // The handlers are made here, in this thread; the source's thread only connects them,
    // holding the relay alive while it does. Every delivery comes back queued to the relay.
    QObject* r = relay.get();
    auto onBatch = whileCurrent(
        this, r, [](MirrorSession* self, const PageBatch& batch) { self->sendBatch(batch); });
    const RunEventHandlers runEvents = runEventHandlers(r);
    auto onDashboard =
        whileCurrent(this, r, [](MirrorSession* self, const QString& dashboard, bool running) {
            self->m_dashboardId = dashboard;
            self->sendStatus(running);
        });
    SessionHandle* source = m_source;
    std::weak_ptr<QObject> weakRelay = relay;
    QMetaObject::invokeMethod(source, [=] {
        const std::shared_ptr<QObject> target = weakRelay.lock();
        if (!target) return;
        const QString dashboard = source->dashboardId();
        const bool running = source->isRunning();
        QMetaObject::invokeMethod(target.get(), [=] { onDashboard(dashboard, running); });
        source->subscribe(target.get(), onBatch);
        connectRunEvents(source, target.get(), runEvents);
    });
}

void MirrorSession::handle(const ClientMessage& message) {
    if (handleCommon(message)) return;
    refuse(errors::readOnly, QStringLiteral("this is a read-only view of the window's session"),
           message.ref);
}

}  // namespace tessera::bridge
