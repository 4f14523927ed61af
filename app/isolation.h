// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "options.h"

#include <tessera/host/plugincatalog.h>
#include <tessera/host/sessionhandle.h>

#include <functional>
#include <memory>

namespace tessera::app {

/// Makes the hosts that open sessions, one per thread that needs one.
using SessionHostFactory = std::function<std::unique_ptr<SessionHost>()>;

/// Hosts that run the isolated plugins' dashboards in workers (and the others in this
/// process), by the command line: every plugin with --isolate; by default every plugin
/// under --serve, and in the window those of a watched --plugin-dir; none with
/// --no-isolate. Null when no plugin is isolated. Workers are `program --worker …` (by
/// default this executable).
SessionHostFactory workerHosts(const PluginCatalog& catalog, const Options& options, bool watching,
                               const QString& program = {});

}  // namespace tessera::app
