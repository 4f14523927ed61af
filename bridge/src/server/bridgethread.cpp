// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridgethread.h"

#include "bridgeserver.h"

#include <QCoreApplication>

namespace tessera::bridge {

BridgeThread::BridgeThread(QVector<Dashboard> dashboards, BridgeOptions options,
                           Session* mirrorSource, Bridge* owner)
    : m_dashboards(std::move(dashboards)),
      m_options(std::move(options)),
      m_mirrorSource(mirrorSource),
      m_owner(owner) {
    setObjectName(QStringLiteral("tessera-bridge"));
}

BridgeThread::Started BridgeThread::started() const {
    std::lock_guard lock(m_mutex);
    return m_started;
}

void BridgeThread::stopAndWait() {
    quit();
    wait();
    // QThread::wait() synchronises through Qt's own futex, which ThreadSanitizer cannot
    // see; this lock, taken last in run(), orders everything the thread did before us.
    std::lock_guard lock(m_mutex);
}

void BridgeThread::run() {
    serve();
    // Viewers' relays are deleted later: delete them here, inside run(), before the end.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    std::lock_guard lock(m_mutex);
    m_finished = true;
}

void BridgeThread::serve() {
    BridgeServer server(m_dashboards, m_options);
    server.setMirrorSource(m_mirrorSource);
    connect(&server, &BridgeServer::countsChanged, m_owner, &Bridge::countsChanged);
    QString error;
    const quint16 port = server.listen(&error);
    {
        std::lock_guard lock(m_mutex);
        m_started = {true, port, error};
    }
    QMetaObject::invokeMethod(m_owner, "onServerStarted", Qt::QueuedConnection);
    if (port != 0) exec();
}

}  // namespace tessera::bridge
