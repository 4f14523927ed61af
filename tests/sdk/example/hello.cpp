// SPDX-License-Identifier: GPL-3.0-or-later
// A plugin declared with one macro: tessera_add_dashboard_plugin(... DECLARED_BY_MACRO)
// generates the plugin class.
#include <tessera/dashboard.h>
#include <tessera/ui.h>

namespace {

void hello(tessera::Ui& ui) {
    const QString name = ui.textInput(QStringLiteral("Name"), QStringLiteral("world"));
    ui.header(QStringLiteral("Hello, %1!").arg(name));
    // A chart of the grammar, from the installed headers.
    using namespace tessera;
    const DataFrame visits =
        DataFrame()
            .add(Column::categories(QStringLiteral("page"),
                                    {QStringLiteral("home"), QStringLiteral("docs")}))
            .add(QStringLiteral("visits"), std::vector<double>{30, 12});
    ui.chart(visits,
             Chart(Layer(Mark::Arc).theta(QStringLiteral("visits")).color(QStringLiteral("page"))));
}

}  // namespace

TESSERA_PLUGIN({{QStringLiteral("sdk-hello"), QStringLiteral("Hello from the SDK"), {}, hello}})
