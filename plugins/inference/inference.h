// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/dashboard.h>

#include <QObject>

/// A compute-heavy task behind a process-wide concurrency limit ("gpu", one at a time).
class InferencePlugin : public QObject, public tessera::DashboardPlugin {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID TesseraDashboardPlugin_iid FILE "tessera_plugin.json")
    Q_INTERFACES(tessera::DashboardPlugin)
public:
    QVector<tessera::Dashboard> dashboards() const override;
};
