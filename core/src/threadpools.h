// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QThreadPool>

namespace tessera::detail {

/// Runs full dashboard runs. Separate from QThreadPool::globalInstance() so that user code
/// using the global pool cannot starve the host, and sized for runs that are abandoned
/// (superseded while stuck in user code) and still finishing.
QThreadPool& scriptPool();

}  // namespace tessera::detail
