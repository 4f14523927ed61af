// SPDX-License-Identifier: GPL-3.0-or-later
#include "workerprocess.h"
#include "workersessionhandle.h"

#include <tessera/cacheregistry.h>
#include <tessera/host/plugincatalog.h>
#include <tessera/workers/workerhost.h>

namespace tessera::workers {

WorkerSessionHost::WorkerSessionHost(WorkerSettings settings, QVector<Plugin> plugins)
    : m_settings(std::move(settings)),
      m_plugins(std::move(plugins)),
      m_workers(std::make_unique<QObject>()) {}

WorkerSessionHost::~WorkerSessionHost() = default;

QVector<WorkerSessionHost::Plugin> WorkerSessionHost::pluginsOf(const PluginCatalog& catalog) {
    QVector<Plugin> plugins;
    for (const PluginInfo& p : catalog.plugins()) {
        if (!p.ok() || p.file.isEmpty()) continue;
        Plugin plugin{p.file, {}};
        for (const Dashboard& d : p.dashboards) plugin.dashboards << d.id;
        plugins << plugin;
    }
    return plugins;
}

SessionHandle* WorkerSessionHost::open(const Dashboard& dashboard, QObject* parent,
                                       const QVariantMap& presets) {
    const auto plugin = std::find_if(m_plugins.cbegin(), m_plugins.cend(), [&](const Plugin& p) {
        return p.dashboards.contains(dashboard.id);
    });
    if (plugin == m_plugins.cend()) return new LocalSessionHandle(dashboard, parent, presets);
    WorkerProcess*& worker = m_byFile[plugin->file];
    if (!worker)
        worker = new WorkerProcess(m_settings, plugin->file, plugin->dashboards, m_workers.get());
    return new WorkerSessionHandle(worker, dashboard, parent, presets);
}

void WorkerSessionHost::clearCaches() {
    SessionHost::clearCaches();
    for (WorkerProcess* worker : std::as_const(m_byFile)) worker->clearCaches();
}

void WorkerSessionHost::reloadDashboards(const QVector<Dashboard>& changed) {
    for (const Plugin& plugin : std::as_const(m_plugins)) {
        WorkerProcess* worker = m_byFile.value(plugin.file);
        const bool rebuilt = std::any_of(changed.cbegin(), changed.cend(), [&](const Dashboard& d) {
            return plugin.dashboards.contains(d.id);
        });
        if (worker && rebuilt) worker->renew();
    }
}

WorkerProcess* WorkerSessionHost::worker(const QString& file) const {
    return m_byFile.value(file);
}

}  // namespace tessera::workers
