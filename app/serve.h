// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "options.h"

#include <tessera/dashboard.h>
#include <tessera/host/plugincatalog.h>
#include <tessera/host/pluginwatcher.h>

namespace tessera::app {

/// `tessera --serve`: serves the catalog's dashboards to browsers until the process is stopped.
/// Prints the URL to open (with its token) once listening; returns the exit code. With `watcher`,
/// new builds of plugins reach the browsers' sessions. With --isolate, each plugin's dashboards run
/// in a worker process of their own.
int runServer(const PluginCatalog& catalog, const Options& options,
              PluginWatcher* watcher = nullptr);

/// Prints where browsers connect, the way `--serve` and `--bridge` both say it.
/// `mirrorUrl`, when given, is the link that follows the window read-only.
void printServerUrl(const QUrl& url, const QUrl& mirrorUrl = {});

}  // namespace tessera::app
