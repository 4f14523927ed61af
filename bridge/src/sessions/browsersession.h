// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "viewersession.h"

#include <tessera/dashboard.h>

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
    BrowserSession(QString resumeToken, QVector<Dashboard> dashboards, const Dashboard& first,
                   Settings settings, QObject* parent = nullptr);
    ~BrowserSession() override;

    bool isMirror() const override { return false; }
    QString dashboardId() const override;
    void handle(const ClientMessage& message) override;
    void reloadDashboards(const QVector<Dashboard>& changed) override;
    Session& session() { return *m_session; }

protected:
    void subscribe(const std::shared_ptr<QObject>& relay) override;

private:
    QVector<Dashboard> m_dashboards;
    Settings m_settings;
    Session* m_session;  // a child: destroyed with this, which interrupts its runs
};

}  // namespace tessera::bridge
