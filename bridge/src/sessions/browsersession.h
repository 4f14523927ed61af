// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "viewersession.h"

#include <tessera/dashboard.h>
#include <tessera/host/sessionhandle.h>

#include <functional>
#include <memory>

namespace tessera::bridge {

/// A browser's own session of a dashboard: its own state, widget values, fragments and
/// runs, living in the bridge thread that created it.
class BrowserSession : public ViewerSession {
    Q_OBJECT
public:
    struct Settings {
        /// Its browser may clear every cache of the process (a `clearCache` message);
        /// refused as `forbidden` otherwise.
        bool mayClearCaches = false;
        /// Why the newest build of a dashboard failed to load (empty when it did not): told
        /// to the browser when it switches to that dashboard.
        std::function<QString(const QString& dashboardId)> reloadFailure;
    };
    /// A session of `first`, opened by `host` (in this process or in a worker).
    BrowserSession(QString resumeToken, QVector<Dashboard> dashboards, const Dashboard& first,
                   SessionHost* host, Settings settings, QObject* parent = nullptr);
    ~BrowserSession() override;

    bool isMirror() const override { return false; }
    QString dashboardId() const override;
    void handle(const ClientMessage& message) override;
    void reloadDashboards(const QVector<Dashboard>& changed) override;
    SessionHandle& session() { return *m_session; }

protected:
    void subscribe(const std::shared_ptr<QObject>& relay) override;

private:
    void open(const Dashboard& dashboard);
    /// Puts `notice` of the session to the browser.
    void onNotice(const QString& code, const QString& message);

    QVector<Dashboard> m_dashboards;
    SessionHost* m_host;
    Settings m_settings;
    SessionHandle* m_session = nullptr;  // a child: destroyed with this, which ends its runs
};

}  // namespace tessera::bridge
