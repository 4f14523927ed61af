// SPDX-License-Identifier: GPL-3.0-or-later
#include "browsersession.h"

#include <tessera/cacheregistry.h>
#include <tessera/host/session.h>

#include <QPointer>

namespace tessera::bridge {

BrowserSession::BrowserSession(QString resumeToken, QVector<Dashboard> dashboards,
                               const Dashboard& first, SessionHost* host, Settings settings,
                               QObject* parent)
    : ViewerSession(std::move(resumeToken), parent),
      m_dashboards(std::move(dashboards)),
      m_host(host),
      m_settings(std::move(settings)) {
    open(first);
}

void BrowserSession::open(const Dashboard& dashboard) {
    delete m_session;
    m_session = m_host->open(dashboard, this);
    connect(m_session, &SessionHandle::notice, this, &BrowserSession::onNotice);
    // A session of another worker: an attached browser gets its page afresh.
    if (isAttached()) resync(currentSink());
}

void BrowserSession::onNotice(const QString& code, const QString& message) {
    refuse(code, message, QJsonValue());
}

BrowserSession::~BrowserSession() = default;

QString BrowserSession::dashboardId() const {
    return m_session->dashboardId();
}

void BrowserSession::subscribe(const std::shared_ptr<QObject>& relay) {
    QObject* r = relay.get();
    m_session->subscribe(r, whileCurrent(this, r, [](BrowserSession* self, const PageBatch& batch) {
                             self->sendBatch(batch);
                         }));
    connectRunEvents(m_session, r, runEventHandlers(r));
    sendStatus(m_session->isRunning());
}

void BrowserSession::reloadDashboards(const QVector<Dashboard>& changed) {
    replaceDashboards(m_dashboards, changed);
    // Only the session's own dashboard reruns.
    for (const Dashboard& next : changed) {
        if (next.id != dashboardId()) continue;
        m_session->reloadDashboard(next);
        reportReloaded(next.id);
    }
}

void BrowserSession::handle(const ClientMessage& message) {
    if (handleCommon(message)) return;
    using Type = ClientMessage::Type;
    switch (message.type) {
        case Type::Widget:
            m_session->setWidgetValue(
                message.widget,
                message.uploaded.isValid() ? message.uploaded : message.value.toVariant(),
                [this, guard = QPointer<BrowserSession>(this),
                 ref = message.ref](const QString& problem) {
                    if (guard) refuse(errors::badValue, problem, ref);
                });
            break;
        case Type::Rerun:
            m_session->rerun();
            break;
        case Type::Stop:
            m_session->stop();
            break;
        case Type::ClearCache:
            // Every dashboard's and every viewer's caches: not one viewer's to drop.
            if (m_settings.mayClearCaches)
                m_host->clearCaches();
            else
                refuse(errors::forbidden,
                       QStringLiteral("clearing the caches of every session is not allowed on "
                                      "this server (tessera --allow-clear-cache allows it)"),
                       message.ref);
            break;
        case Type::Dashboard: {
            const auto found =
                std::find_if(m_dashboards.cbegin(), m_dashboards.cend(),
                             [&](const Dashboard& d) { return d.id == message.dashboard; });
            if (found == m_dashboards.cend()) {
                refuse(errors::unknownDashboard,
                       QStringLiteral("no dashboard '%1'").arg(message.dashboard.left(100)),
                       message.ref);
                break;
            }
            if (!m_session->setDashboard(*found)) open(*found);
            if (m_settings.reloadFailure) {
                if (const QString failure = m_settings.reloadFailure(found->id); !failure.isEmpty())
                    reportReloadFailure(failure);
            }
            break;
        }
        case Type::Hello:
        case Type::Ping:
            break;  // handled above
        case Type::Upload:
        case Type::UploadDone:
            break;  // gathered by the connection, which sends the files as a widget value
    }
}

}  // namespace tessera::bridge
