// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/dashboard.h>

#include <QObject>

/// Dashboards the bridge benchmark serves: the seed's shape without its sleeps, and a chart
/// of a million points.
class BenchDashboardsPlugin : public QObject, public tessera::DashboardPlugin {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID TesseraDashboardPlugin_iid FILE "tessera_plugin.json")
    Q_INTERFACES(tessera::DashboardPlugin)
public:
    QVector<tessera::Dashboard> dashboards() const override;
};
