// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/host/sessionhandle.h>

#include <QHash>
#include <QStringList>
#include <memory>

namespace tessera {
class PluginCatalog;
}

namespace tessera::workers {

class WorkerProcess;

/// How workers are started and supervised (`tessera --help`: --isolate and its options).
struct WorkerSettings {
    QString program;  ///< the `tessera` executable, started as `tessera --worker SOCKET PLUGIN`
    /// A worker's address space limit in bytes (RLIMIT_AS); 0: none.
    qint64 memoryBytes = 0;
    /// A worker that stops this many times within crashWindowMs is not restarted again.
    int crashLimit = 3;
    int crashWindowMs = 60'000;
    int firstBackoffMs = 100;  ///< wait before the first restart; doubled for each next one
    int stderrLines = 40;      ///< last lines of its stderr shown with a stop
    /// A session running longer than this without a pause (a run stuck in user code, which
    /// an in-process session can only abandon, leaking its thread) ends the worker, which
    /// is restarted as after a crash. 0: no limit.
    int runTimeoutMs = 0;
};

/// Sessions of plugins' dashboards in worker processes, one per plugin file, started when
/// its first session opens; dashboards built into the host run in this process. Create,
/// use and destroy it in one thread: its workers live there.
class WorkerSessionHost : public SessionHost {
public:
    /// One plugin file and the ids of its dashboards.
    struct Plugin {
        QString file;
        QStringList dashboards;
    };
    WorkerSessionHost(WorkerSettings settings, QVector<Plugin> plugins);
    /// The plugin files of `catalog` that loaded, with their dashboards.
    static QVector<Plugin> pluginsOf(const PluginCatalog& catalog);
    ~WorkerSessionHost() override;

    SessionHandle* open(const Dashboard& dashboard, QObject* parent,
                        const QVariantMap& presets = {}) override;
    void clearCaches() override;
    /// A new build of a plugin: its worker starts again from the plugin file, and its
    /// sessions move over with their widget values; a worker given up on tries again.
    void reloadDashboards(const QVector<Dashboard>& changed) override;
    /// The worker of the plugin file `file`, when one was started.
    WorkerProcess* worker(const QString& file) const;

private:
    WorkerSettings m_settings;
    QVector<Plugin> m_plugins;
    std::unique_ptr<QObject> m_workers;  ///< parent of the workers
    QHash<QString, WorkerProcess*> m_byFile;
};

/// `tessera --worker SOCKET PLUGIN`: loads the plugin file and serves its dashboards to
/// the host on the local socket SOCKET until the host goes. Returns the exit code.
int runWorker(const QString& socketName, const QString& pluginFile);

}  // namespace tessera::workers
