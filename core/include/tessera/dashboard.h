// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/ui.h>
#include <tessera/version.h>

#include <QVector>
#include <QtPlugin>
#include <algorithm>
#include <functional>

namespace tessera {

/// One page: a function that describes what to show, rerun top to bottom on every input.
struct Dashboard {
    QString id;                   ///< stable, unique across plugins (used on the command line)
    QString title;                ///< shown in the sidebar
    QString icon;                 ///< optional theme icon name
    std::function<void(Ui&)> fn;  ///< the dashboard: run top to bottom on every rerun
};

/// Puts each of `changed` in place of the dashboard of the same id in `dashboards`, or
/// appends it (new builds of plugins, see tessera::PluginWatcher).
inline void replaceDashboards(QVector<Dashboard>& dashboards, const QVector<Dashboard>& changed) {
    for (const Dashboard& next : changed) {
        auto known = std::find_if(dashboards.begin(), dashboards.end(),
                                  [&](const Dashboard& d) { return d.id == next.id; });
        if (known != dashboards.end())
            *known = next;
        else
            dashboards.append(next);
    }
}

/// A cheap check that a plugin was built against the same SDK layout as the host (the idea
/// of IMGUI_CHECKVERSION): the API version and the sizes of the public types a plugin hands
/// to the host or gets from it. A change to any of them changes the stamp.
inline constexpr quint64 kAbiStamp =
    quint64(kApiVersion) << 48 ^ quint64(sizeof(Dashboard)) << 36 ^ quint64(sizeof(Ui)) << 28 ^
    quint64(sizeof(Element)) << 20 ^ quint64(sizeof(FragmentOptions)) << 14 ^
    quint64(sizeof(WidgetOptions)) << 8 ^ quint64(sizeof(ChartOptions)) << 2 ^
    quint64(sizeof(AsyncLoadOptions));

/// Implemented by a dashboard plugin's root object. The plugin's metadata JSON carries
/// `id`, `name`, `version` and `apiVersion` (= tessera::kApiVersion of the SDK it was built
/// with); tessera_add_dashboard_plugin() in CMake writes it for you.
class DashboardPlugin {
public:
    virtual ~DashboardPlugin() = default;
    /// The SDK layout the plugin was compiled with; the host refuses another. First in the
    /// vtable so that the host can always call it. Do not override.
    virtual quint64 abiStamp() const { return kAbiStamp; }
    /// The dashboards the plugin offers.
    virtual QVector<Dashboard> dashboards() const = 0;
};

}  // namespace tessera

/// The plugin in one line, instead of a plugin class: in one source file of a plugin built
/// with tessera_add_dashboard_plugin(... DECLARED_BY_MACRO), list its dashboards:
///     TESSERA_PLUGIN({{"hello", "Hello", {}, hello}})
/// The helper generates the Qt plugin class that returns them. Hidden, so that plugins
/// loaded together never share the symbol.
#define TESSERA_PLUGIN(...)                                               \
    Q_DECL_HIDDEN QVector<tessera::Dashboard> tesseraPluginDashboards() { \
        return __VA_ARGS__;                                               \
    }

#define TesseraDashboardPlugin_iid "org.tessera.DashboardPlugin/1"
Q_DECLARE_INTERFACE(tessera::DashboardPlugin, TesseraDashboardPlugin_iid)
