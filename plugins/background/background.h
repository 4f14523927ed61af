// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/dashboard.h>

#include <QObject>

/// asyncLoad and the single-flight cache: a refreshing table, a shared slow loader, an error.
class BackgroundPlugin : public QObject, public tessera::DashboardPlugin {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID TesseraDashboardPlugin_iid FILE "tessera_plugin.json")
    Q_INTERFACES(tessera::DashboardPlugin)
public:
    QVector<tessera::Dashboard> dashboards() const override;
};
