// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/bridge/bridge.h>

#include <QThread>
#include <functional>
#include <mutex>

namespace tessera::bridge {

class BridgeServer;

/// The bridge's thread. Its server is created, run and destroyed inside run(), so that
/// everything the server owns belongs to this thread from the start; what it needs is
/// handed over when the thread starts, and its one result under a lock.
class BridgeThread : public QThread {
    Q_OBJECT
public:
    struct Started {
        bool done = false;
        quint16 port = 0;
        QString error;
    };

    /// `owner` gets "onServerStarted" queued once the server listens or failed to, and
    /// its countsChanged signal follows the server's.
    BridgeThread(QVector<Dashboard> dashboards, BridgeOptions options, SessionHandle* mirrorSource,
                 Bridge* owner);
    Started started() const;
    /// Runs `f` on the server in the bridge thread, if it is serving.
    void post(std::function<void(BridgeServer&)> f);
    /// New builds of `changed` dashboards, for the server now or when it starts.
    void reloadDashboards(const QVector<Dashboard>& changed);
    /// Stops the server and waits until everything it owned is gone.
    void stopAndWait();

protected:
    void run() override;

private:
    void serve();

    QVector<Dashboard> m_dashboards;  ///< guarded by m_mutex
    const BridgeOptions m_options;
    SessionHandle* const m_mirrorSource;
    Bridge* const m_owner;
    mutable std::mutex m_mutex;
    Started m_started;
    BridgeServer* m_server = nullptr;  ///< while serving; guarded by m_mutex
    bool m_finished = false;           ///< set last in run(), under the lock (see stopAndWait())
};

}  // namespace tessera::bridge
