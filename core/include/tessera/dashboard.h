// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/ui.h>
#include <tessera/version.h>

#include <QVector>
#include <QtPlugin>
#include <functional>

namespace tessera {

/// One page: a function that describes what to show, rerun top to bottom on every input.
struct Dashboard {
    QString id;     ///< stable, unique across plugins (used on the command line)
    QString title;  ///< shown in the sidebar
    QString icon;   ///< optional theme icon name
    std::function<void(Ui&)> fn;
};

/// Implemented by a dashboard plugin's root object. The plugin's metadata JSON carries
/// `id`, `name`, `version` and `apiVersion` (= tessera::kApiVersion of the SDK it was built
/// with); tessera_add_dashboard_plugin() in CMake writes it for you.
class DashboardPlugin {
public:
    virtual ~DashboardPlugin() = default;
    virtual QVector<Dashboard> dashboards() const = 0;
};

}  // namespace tessera

#define TesseraDashboardPlugin_iid "org.tessera.DashboardPlugin/1"
Q_DECLARE_INTERFACE(tessera::DashboardPlugin, TesseraDashboardPlugin_iid)
