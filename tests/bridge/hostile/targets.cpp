// SPDX-License-Identifier: GPL-3.0-or-later
// Dashboards for the hostile-client tests, served by a real `tessera --serve`: two pages of
// about 5 MB each (a chart over new columns every run), and inputs an attacker would aim at
// (a disabled slider, a form whose submit button is disabled, a file uploader).
#include <tessera/dashboard.h>

#include <QObject>
#include <cmath>

namespace {

/// A line chart of `rows` new points: 2 float64 columns, 16 bytes a row.
void bigPage(tessera::Ui& ui, double phase) {
    constexpr qsizetype rows = 320'000;
    std::vector<double> x(rows), y(rows);
    for (qsizetype i = 0; i < rows; ++i) {
        x[i] = double(i);
        y[i] = std::sin(double(i) / 1000.0 + phase);
    }
    ui.title(QStringLiteral("Big page"));
    tessera::DataFrame frame;
    frame.add(QStringLiteral("x"), std::move(x)).add(QStringLiteral("y"), std::move(y));
    ui.lineChart(frame, {.x = QStringLiteral("x")});
}

}  // namespace

class HostileTargets : public QObject, public tessera::DashboardPlugin {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID TesseraDashboardPlugin_iid FILE "targets.json")
    Q_INTERFACES(tessera::DashboardPlugin)
public:
    QVector<tessera::Dashboard> dashboards() const override {
        return {{QStringLiteral("inputs"),
                 QStringLiteral("Inputs"),
                 {},
                 [](tessera::Ui& ui) {
                     const int open = ui.slider(QStringLiteral("Open"), 0, 1000, 1);
                     const int locked =
                         ui.slider(QStringLiteral("Locked"), 0, 1000, 7, 1, {.disabled = true});
                     tessera::Ui form = ui.form(QStringLiteral("f"));
                     const int held = form.slider(QStringLiteral("Held"), 0, 10, 3);
                     const bool submitted =
                         form.formSubmitButton(QStringLiteral("Send"), {.disabled = true});
                     const auto files =
                         ui.fileUploader(QStringLiteral("Data"),
                                         {.types = {QStringLiteral("csv")}, .maxBytes = 1 << 20});
                     ui.text(QStringLiteral("open %1 locked %2 held %3 submitted %4 files %5")
                                 .arg(open)
                                 .arg(locked)
                                 .arg(held)
                                 .arg(submitted)
                                 .arg(files.get().size()));
                 }},
                {QStringLiteral("big-a"),
                 QStringLiteral("Big A"),
                 {},
                 [](tessera::Ui& ui) { bigPage(ui, 0.0); }},
                {QStringLiteral("big-b"), QStringLiteral("Big B"), {}, [](tessera::Ui& ui) {
                     bigPage(ui, 1.0);
                 }}};
    }
};

#include "targets.moc"
