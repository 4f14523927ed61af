// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/host/plugincatalog.h>

#include <QDialog>

namespace tessera::app {

/// Every plugin file the host looked at: loaded ones with their dashboards, failed ones
/// with the reason.
class PluginsDialog : public QDialog {
    Q_OBJECT
public:
    PluginsDialog(const QVector<PluginInfo>& plugins, QWidget* parent = nullptr);
};

}  // namespace tessera::app
