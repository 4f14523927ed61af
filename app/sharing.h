// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "isolation.h"

#include <tessera/bridge/bridge.h>

#include <QObject>
#include <memory>

namespace tessera::app {

/// A window's bridge to remote browsers (File ▸ Share…, or --bridge): started and stopped
/// from the GUI thread, with its state for the dialog and the status bar.
class Sharing : public QObject {
    Q_OBJECT
public:
    enum class State { Off, Starting, On, Failed };

    /// `mirrorSource` is the window's session, which must outlive this. `hosts` makes the
    /// host of the browsers' sessions in the bridge's thread (null: in this process).
    Sharing(QVector<Dashboard> dashboards, SessionHandle* mirrorSource,
            SessionHostFactory hosts = {}, QObject* parent = nullptr);
    ~Sharing() override;

    void start(const bridge::BridgeOptions& options);
    /// Ends every browser session of this bridge and closes its port.
    void stop();
    /// New builds of `changed` dashboards: browsers showing one rerun it (see Bridge).
    void reloadDashboards(const QVector<Dashboard>& changed);
    void reportReloadFailure(const QStringList& dashboardIds, const QString& reason);

    State state() const { return m_state; }
    /// The URL to open (with the token when one is needed), and the one that follows the
    /// window read-only.
    QUrl url() const;
    QUrl mirrorUrl() const;
    QString error() const { return m_error; }
    int connections() const { return m_connections; }
    int sessions() const { return m_sessions; }
    /// What the last start() was given (the dialog starts from it).
    const bridge::BridgeOptions& options() const { return m_options; }

signals:
    void changed();
    void listening(const QUrl& url);
    void failed(const QString& reason);

private:
    QVector<Dashboard> m_dashboards;
    SessionHandle* m_mirrorSource;
    SessionHostFactory m_hosts;
    bridge::BridgeOptions m_options;
    std::unique_ptr<bridge::Bridge> m_bridge;
    State m_state = State::Off;
    QString m_error;
    int m_connections = 0;
    int m_sessions = 0;
};

}  // namespace tessera::app
