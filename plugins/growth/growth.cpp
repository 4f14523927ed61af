// SPDX-License-Identifier: GPL-3.0-or-later
// The seed dashboard, line for line: two sliders, then three independent load/transform/
// chart paths. As parallel fragments the page takes 2 s instead of 6 s, and moving a slider
// reruns only the charts that read it.
#include "growth.h"

#include <functional>
#include <random>

using namespace std::chrono_literals;
using tessera::DataFrame;
using tessera::Ui;

namespace {

/// np.random.randn(100, 2), one column per region.
DataFrame randomWalk(unsigned seed) {
    std::mt19937 rng(seed);
    std::normal_distribution<double> randn;
    std::vector<double> a(100), b(100);
    for (size_t i = 0; i < 100; ++i) a[i] = randn(rng), b[i] = randn(rng);
    return DataFrame()
        .add(QStringLiteral("north"), std::move(a))
        .add(QStringLiteral("south"), std::move(b));
}

DataFrame load(Ui& ui, unsigned seed) {
    ui.sleep(1s);  // the slow query
    return randomWalk(seed);
}

DataFrame transform(Ui& ui, const DataFrame& data, const std::function<double(double)>& f) {
    ui.sleep(1s);  // the slow computation
    DataFrame out;
    for (const tessera::Column& c : data.columns()) {
        std::vector<double> v = c.numbers();
        for (double& x : v) x = f(x);
        out.add(c.name(), std::move(v));
    }
    return out;
}

void growth(Ui& ui) {
    ui.title(QStringLiteral("Growth"));
    const bool sequential = ui.sidebar().toggle(QStringLiteral("Run sequentially"));
    ui.sidebar().caption(sequential ? QStringLiteral("One chart after another: about 6 s.")
                                    : QStringLiteral("Charts load in parallel: about 2 s."));
    auto slider1 = ui.slider(QStringLiteral("Pick a number"), 0, 1000, 123);
    auto slider2 = ui.slider(QStringLiteral("Pick a second number"), 0, 1000, 456);
    const tessera::FragmentOptions options{.parallel = !sequential};

    ui.fragment(QStringLiteral("user growth"), options, [slider1](Ui& f) {
        const DataFrame arr = load(f, 1);
        const int x = slider1;
        f.lineChart(transform(f, arr, [x](double v) { return v + x; }),
                    {.title = QStringLiteral("User growth")});
    });
    ui.fragment(QStringLiteral("revenue growth"), options, [slider2](Ui& f) {
        const DataFrame arr = load(f, 2);
        const int x = slider2;
        f.lineChart(transform(f, arr, [x](double v) { return v - x; }),
                    {.title = QStringLiteral("Revenue growth")});
    });
    ui.fragment(QStringLiteral("expenses growth"), options, [slider2](Ui& f) {
        const DataFrame arr = load(f, 3);
        const int x = slider2;
        f.lineChart(transform(f, arr, [x](double v) { return v * x; }),
                    {.title = QStringLiteral("Expenses growth")});
    });
}

}  // namespace

QVector<tessera::Dashboard> GrowthPlugin::dashboards() const {
    return {{QStringLiteral("growth"), QStringLiteral("Growth (parallel fragments)"), {}, growth}};
}
