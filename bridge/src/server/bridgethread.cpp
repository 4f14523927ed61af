// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridgethread.h"

#include "bridgeserver.h"

#include <QCoreApplication>

namespace tessera::bridge {

BridgeThread::BridgeThread(QVector<Dashboard> dashboards, BridgeOptions options,
                           SessionHandle* mirrorSource, Bridge* owner)
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

void BridgeThread::post(std::function<void(BridgeServer&)> f) {
    // Under the lock the server cannot be destroyed (serve() clears m_server under it first);
    // a queued call to a server destroyed later is dropped by Qt.
    std::lock_guard lock(m_mutex);
    if (BridgeServer* server = m_server)
        QMetaObject::invokeMethod(
            server, [server, f = std::move(f)] { f(*server); }, Qt::QueuedConnection);
}

void BridgeThread::reloadDashboards(const QVector<Dashboard>& changed) {
    {
        std::lock_guard lock(m_mutex);
        replaceDashboards(m_dashboards, changed);
    }
    post([changed](BridgeServer& server) { server.registry().reloadDashboards(changed); });
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
    QVector<Dashboard> dashboards;
    {
        std::lock_guard lock(m_mutex);
        dashboards = m_dashboards;
    }
    BridgeServer server(dashboards, m_options);
    server.setMirrorSource(m_mirrorSource);
    connect(&server, &BridgeServer::countsChanged, m_owner, &Bridge::countsChanged);
    QString error;
    const quint16 port = server.listen(&error);
    {
        std::lock_guard lock(m_mutex);
        m_started = {true, port, error};
        if (port != 0) m_server = &server;
    }
    QMetaObject::invokeMethod(m_owner, "onServerStarted", Qt::QueuedConnection);
    if (port != 0) exec();
    std::lock_guard lock(m_mutex);
    m_server = nullptr;
}

}  // namespace tessera::bridge
