// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace tessera::app {

/// Rotating file logging under the XDG state folder at `level`, and console (stderr)
/// logging at `consoleLevel` or above, with Qt's own messages routed in. Returns the log
/// file's path.
QString setupLogging(const QString& level, const QString& consoleLevel);

}  // namespace tessera::app
