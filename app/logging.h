// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace tessera::app {

/// Console (stderr) and rotating file logging under the XDG state folder, with Qt's own
/// messages routed in. Returns the log file's path.
QString setupLogging(const QString& level);

}  // namespace tessera::app
