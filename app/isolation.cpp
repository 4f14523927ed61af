// SPDX-License-Identifier: GPL-3.0-or-later
#include "isolation.h"

#include <tessera/workers/workerhost.h>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace tessera::app {

namespace {

/// True when `file` is in one of `dirs` (or below).
bool isUnder(const QString& file, const QStringList& dirs) {
    const QString path = QFileInfo(file).absoluteFilePath();
    return std::any_of(dirs.cbegin(), dirs.cend(), [&](const QString& dir) {
        const QString root = QDir(dir).absolutePath() + QLatin1Char('/');
        return path.startsWith(root);
    });
}

}  // namespace

SessionHostFactory workerHosts(const PluginCatalog& catalog, const Options& options, bool watching,
                               const QString& program) {
    using Isolation = Options::Isolation;
    if (options.isolation == Isolation::Off) return {};
    auto plugins = workers::WorkerSessionHost::pluginsOf(catalog);
    const bool all = options.isolation == Isolation::On || options.share == Options::Share::Serve;
    if (!all) {
        // The window, by default: the plugins an author is building, which crash the most.
        const QStringList watched = watching ? options.pluginDirs : QStringList();
        plugins.erase(std::remove_if(plugins.begin(), plugins.end(),
                                     [&](const auto& p) { return !isUnder(p.file, watched); }),
                      plugins.end());
    }
    if (plugins.isEmpty()) return {};
    workers::WorkerSettings settings;
    settings.program = program.isEmpty() ? QCoreApplication::applicationFilePath() : program;
    settings.memoryBytes = options.workerMemoryMb << 20;
    settings.runTimeoutMs = options.runTimeoutSeconds * 1000;
    return [settings, plugins] {
        return std::make_unique<workers::WorkerSessionHost>(settings, plugins);
    };
}

}  // namespace tessera::app
