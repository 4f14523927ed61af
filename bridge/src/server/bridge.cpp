// SPDX-License-Identifier: GPL-3.0-or-later
#include <tessera/bridge/bridge.h>

#include "access.h"
#include "bridgeserver.h"
#include "bridgethread.h"

#include <spdlog/spdlog.h>
#include <QHostInfo>
#include <QUrlQuery>
#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace tessera::bridge {

namespace {

/// The host to print in the URL: a wildcard address means "this machine".
QString urlHost(const QHostAddress& address) {
    const bool wildcard = address == QHostAddress(QHostAddress::Any) ||
                          address == QHostAddress(QHostAddress::AnyIPv4) ||
                          address == QHostAddress(QHostAddress::AnyIPv6);
    return wildcard ? QHostInfo::localHostName() : address.toString();
}

}  // namespace

Bridge::Bridge(QVector<Dashboard> dashboards, BridgeOptions options, QObject* parent)
    : QObject(parent), m_dashboards(std::move(dashboards)), m_options(std::move(options)) {
    if (m_options.token == kAutoToken ||
        (m_options.token.isEmpty() && !m_options.address.isLoopback()))
        m_options.token = Access::generateToken();
}

Bridge::~Bridge() {
    if (m_thread) m_thread->stopAndWait();  // the server and its sessions end in their thread
}

void Bridge::setMirrorSource(SessionHandle* session) {
    m_mirrorSource = session;
}

void Bridge::start() {
    if (m_thread) return;
#ifdef __GLIBC__
    // A server's large blocks (column buffers, what waits for a slow browser) come and go
    // with its clients. Past 1 MiB they are mapped on their own, so that freeing one gives
    // it back to the system: glibc's default threshold grows with the blocks freed, and then
    // keeps them in its heap, where a few live ones pin the memory of many dead ones.
    mallopt(M_MMAP_THRESHOLD, 1 << 20);
#endif
    m_thread = std::make_unique<BridgeThread>(m_dashboards, m_options, m_mirrorSource, this);
    m_thread->start();
}

void Bridge::reloadDashboards(const QVector<Dashboard>& changed) {
    replaceDashboards(m_dashboards, changed);
    if (m_thread) m_thread->reloadDashboards(changed);
}

void Bridge::reportReloadFailure(const QStringList& dashboardIds, const QString& reason) {
    if (m_thread)
        m_thread->post([dashboardIds, reason](BridgeServer& server) {
            server.registry().reportReloadFailure(dashboardIds, reason);
        });
}

void Bridge::onServerStarted() {
    const BridgeThread::Started started = m_thread->started();
    if (started.port == 0) {
        emit failed(QStringLiteral("cannot listen on %1:%2: %3")
                        .arg(m_options.address.toString())
                        .arg(m_options.port)
                        .arg(started.error));
        return;
    }
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(urlHost(m_options.address));
    url.setPort(started.port);
    url.setPath(QStringLiteral("/"));
    if (!m_options.token.isEmpty())
        url.setQuery(QUrlQuery{{QStringLiteral("token"), m_options.token}});
    m_url = url;
    spdlog::info("bridge: listening on {}:{}", m_options.address.toString().toStdString(),
                 started.port);
    emit listening(m_url);
}

bool parseListenAddress(const QString& text, QHostAddress* address, quint16* port, QString* error) {
    QString host = QStringLiteral("127.0.0.1");
    QString portText = text;
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon >= 0) {
        host = text.left(colon);
        portText = text.mid(colon + 1);
        if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
            host = host.mid(1, host.size() - 2);
    }
    bool ok = false;
    const uint number = portText.toUInt(&ok);
    if (!ok || number > 65535) {
        *error = QStringLiteral("'%1' is not [HOST:]PORT").arg(text);
        return false;
    }
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        host = QStringLiteral("127.0.0.1");
    const QHostAddress parsed(host);
    if (parsed.isNull()) {
        *error = QStringLiteral("'%1' is not an IP address").arg(host);
        return false;
    }
    *address = parsed;
    *port = quint16(number);
    return true;
}

}  // namespace tessera::bridge
