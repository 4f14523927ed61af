// SPDX-License-Identifier: GPL-3.0-or-later
#include "serve.h"

#include "isolation.h"

#include <tessera/bridge/bridge.h>

#include <QCoreApplication>
#include <cstdio>

namespace tessera::app {

void printServerUrl(const QUrl& url, const QUrl& mirrorUrl) {
    std::printf("Tessera is serving dashboards to browsers. Open this URL:\n\n    %s\n\n",
                qPrintable(url.toString()));
    if (!mirrorUrl.isEmpty())
        std::printf("or follow the window read-only:\n\n    %s\n\n",
                    qPrintable(mirrorUrl.toString()));
    std::fflush(stdout);
}

int runServer(const PluginCatalog& catalog, const Options& options, PluginWatcher* watcher) {
    bridge::BridgeOptions bridgeOptions = options.bridge;
    bridgeOptions.sessionHost = workerHosts(catalog, options, watcher != nullptr);
    bridge::Bridge server(catalog.dashboards(), bridgeOptions);
    if (watcher) {
        QObject::connect(
            watcher, &PluginWatcher::reloaded, &server,
            [&server](const PluginInfo& plugin) { server.reloadDashboards(plugin.dashboards); });
        QObject::connect(watcher, &PluginWatcher::reloadFailed, &server,
                         [&server](const PluginInfo& plugin) {
                             QStringList ids;
                             for (const Dashboard& d : plugin.dashboards) ids << d.id;
                             server.reportReloadFailure(
                                 ids, QStringLiteral("The new build of %1 could not be loaded, so "
                                                     "the one before keeps running: %2")
                                          .arg(plugin.name, plugin.reloadError));
                         });
    }
    QObject::connect(&server, &bridge::Bridge::listening, &server,
                     [](const QUrl& url) { printServerUrl(url); });
    QObject::connect(&server, &bridge::Bridge::failed, &server, [](const QString& reason) {
        std::fprintf(stderr, "tessera: %s\n", qPrintable(reason));
        QCoreApplication::exit(1);
    });
    server.start();
    return QCoreApplication::exec();
}

}  // namespace tessera::app
