// The @TITLE@ dashboard. It reruns top to bottom whenever a widget changes; save, rebuild,
// and a running `tessera --plugin-dir build` shows the new version with the widgets as
// they were.
#include <tessera/dashboard.h>
#include <tessera/ui.h>

#include <cmath>
#include <vector>

namespace {

tessera::DataFrame wave(int points, double frequency) {
    std::vector<double> y(points);
    for (int i = 0; i < points; ++i) y[i] = std::sin(i * frequency / points * 6.283185307179586);
    return tessera::DataFrame().add(QStringLiteral("wave"), std::move(y));
}

void @TARGET@(tessera::Ui& ui) {
    ui.title(QStringLiteral("@TITLE@"));
    const QString name = ui.textInput(QStringLiteral("Name"), QStringLiteral("world"));
    ui.markdown(QStringLiteral("Hello, **%1**!").arg(name));

    const int points = ui.slider(QStringLiteral("Points"), 10, 1000, 200);
    const double frequency = ui.slider(QStringLiteral("Frequency"), 0.5, 10.0, 2.0, 0.5);
    ui.metric(QStringLiteral("Points drawn"), QString::number(points));
    ui.lineChart(wave(points, frequency), {.title = QStringLiteral("A wave")});
}

}  // namespace

TESSERA_PLUGIN({{QStringLiteral("@ID@"), QStringLiteral("@TITLE@"), {}, @TARGET@}})
