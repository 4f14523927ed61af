// SPDX-License-Identifier: GPL-3.0-or-later
#include <tessera/cacheregistry.h>
#include <tessera/host/session.h>
#include <tessera/host/sessionhandle.h>

namespace tessera {

LocalSessionHandle::LocalSessionHandle(QObject* parent)
    : SessionHandle(parent), m_session(new Session(this)) {
    connect(m_session, &Session::groupStarted, this, &SessionHandle::groupStarted);
    connect(m_session, &Session::groupFinished, this, &SessionHandle::groupFinished);
    connect(m_session, &Session::idle, this, &SessionHandle::idle);
}

LocalSessionHandle::LocalSessionHandle(const Dashboard& dashboard, QObject* parent)
    : LocalSessionHandle(parent) {
    m_session->setDashboard(dashboard);
}

LocalSessionHandle::~LocalSessionHandle() = default;

QString LocalSessionHandle::dashboardId() const {
    return m_session->dashboard().id;
}

bool LocalSessionHandle::setDashboard(const Dashboard& dashboard) {
    m_session->setDashboard(dashboard);
    return true;
}

void LocalSessionHandle::reloadDashboard(const Dashboard& dashboard) {
    m_session->reloadDashboard(dashboard);
}

void LocalSessionHandle::rerun() {
    m_session->rerun();
}

void LocalSessionHandle::stop() {
    m_session->stop();
}

bool LocalSessionHandle::isRunning() const {
    return m_session->isRunning();
}

void LocalSessionHandle::setWidgetValue(const QString& id, const QVariant& value,
                                        std::function<void(const QString& problem)> refused) {
    const QString problem = m_session->setWidgetValue(id, value);
    if (!problem.isEmpty() && refused) refused(problem);
}

QMetaObject::Connection LocalSessionHandle::subscribe(
    QObject* receiver, std::function<void(const PageBatch&)> onBatch) {
    return m_session->subscribe(receiver, std::move(onBatch));
}

void SessionHost::clearCaches() {
    tessera::clearCaches();
}

SessionHandle* LocalSessionHost::open(const Dashboard& dashboard, QObject* parent) {
    return new LocalSessionHandle(dashboard, parent);
}

}  // namespace tessera
