// SPDX-License-Identifier: GPL-3.0-or-later
// A plugin declared with one macro: tessera_add_dashboard_plugin(... DECLARED_BY_MACRO)
// generates the plugin class.
#include <tessera/dashboard.h>
#include <tessera/ui.h>

namespace {

void hello(tessera::Ui& ui) {
    const QString name = ui.textInput(QStringLiteral("Name"), QStringLiteral("world"));
    ui.header(QStringLiteral("Hello, %1!").arg(name));
}

}  // namespace

TESSERA_PLUGIN({{QStringLiteral("sdk-hello"), QStringLiteral("Hello from the SDK"), {}, hello}})
