// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "options.h"

#include <tessera/dashboard.h>

namespace tessera::app {

/// Runs `dashboard` once without a window, applies --set values, prints the page (as text,
/// or as JSON with --json) and returns the exit code: 0, 1 when the dashboard raised, 2 when
/// a --set value was rejected, 3 on timeout.
int runHeadless(const Dashboard& dashboard, const Options& options);

}  // namespace tessera::app
