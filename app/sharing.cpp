// SPDX-License-Identifier: GPL-3.0-or-later
#include "sharing.h"

#include <QUrlQuery>

namespace tessera::app {

Sharing::Sharing(QVector<Dashboard> dashboards, SessionHandle* mirrorSource,
                 SessionHostFactory hosts, QObject* parent)
    : QObject(parent),
      m_dashboards(std::move(dashboards)),
      m_mirrorSource(mirrorSource),
      m_hosts(std::move(hosts)) {}

Sharing::~Sharing() = default;

void Sharing::start(const bridge::BridgeOptions& options) {
    m_bridge.reset();
    m_options = options;
    bridge::BridgeOptions withHosts = options;
    if (!withHosts.sessionHost) withHosts.sessionHost = m_hosts;
    m_bridge = std::make_unique<bridge::Bridge>(m_dashboards, withHosts);
    m_bridge->setMirrorSource(m_mirrorSource);
    bridge::Bridge* started = m_bridge.get();
    connect(started, &bridge::Bridge::listening, this, [this](const QUrl& url) {
        m_state = State::On;
        emit changed();
        emit listening(url);
    });
    connect(started, &bridge::Bridge::failed, this, [this, started](const QString& reason) {
        m_state = State::Failed;
        m_error = reason;
        // The bridge is still emitting this signal: it is let go now and deleted later, so a
        // start() that follows at once can never be mistaken for it.
        if (m_bridge.get() == started) {
            started->disconnect(this);
            started->setParent(this);  // still ended with this object if no event loop follows
            m_bridge.release()->deleteLater();
        }
        emit changed();
        emit failed(reason);
    });
    connect(started, &bridge::Bridge::countsChanged, this, [this](int connections, int sessions) {
        m_connections = connections;
        m_sessions = sessions;
        emit changed();
    });
    m_state = State::Starting;
    m_error.clear();
    m_connections = m_sessions = 0;
    emit changed();
    started->start();
}

void Sharing::reloadDashboards(const QVector<Dashboard>& changed) {
    replaceDashboards(m_dashboards, changed);
    if (m_bridge) m_bridge->reloadDashboards(changed);
}

void Sharing::reportReloadFailure(const QStringList& dashboardIds, const QString& reason) {
    if (m_bridge) m_bridge->reportReloadFailure(dashboardIds, reason);
}

void Sharing::stop() {
    m_bridge.reset();
    m_state = State::Off;
    m_connections = m_sessions = 0;
    emit changed();
}

QUrl Sharing::url() const {
    return m_state == State::On && m_bridge ? m_bridge->url() : QUrl();
}

QUrl Sharing::mirrorUrl() const {
    QUrl mirror = url();
    if (mirror.isEmpty()) return mirror;
    QUrlQuery query(mirror);
    query.addQueryItem(QStringLiteral("mirror"), QString());
    mirror.setQuery(query);
    return mirror;
}

}  // namespace tessera::app
