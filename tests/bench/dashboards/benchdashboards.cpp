// SPDX-License-Identifier: GPL-3.0-or-later
#include "benchdashboards.h"
#include "../chartdata.h"

#include <tessera/cache.h>

#include <chrono>
#include <cmath>
#include <random>

using tessera::DataFrame;
using tessera::Ui;
using namespace benchcharts;

namespace {

DataFrame randomWalk(unsigned seed, const std::function<double(double)>& f) {
    std::mt19937 rng(seed);
    std::normal_distribution<double> randn;
    std::vector<double> a(100), b(100);
    for (size_t i = 0; i < 100; ++i) a[i] = f(randn(rng)), b[i] = f(randn(rng));
    return DataFrame()
        .add(QStringLiteral("0"), std::move(a))
        .add(QStringLiteral("1"), std::move(b));
}

/// growth without its sleeps; each chart's caption names the value it was drawn for, so a
/// client can tell when a change has reached it.
void fastGrowth(Ui& ui) {
    ui.title(QStringLiteral("Growth, fast"));
    auto slider1 = ui.slider(QStringLiteral("Pick a number"), 0, 1000, 123);
    auto slider2 = ui.slider(QStringLiteral("Pick a second number"), 0, 1000, 456);
    ui.fragment(QStringLiteral("user growth"), [slider1](Ui& f) {
        const int x = slider1;
        f.lineChart(randomWalk(1, [x](double v) { return v + x; }));
        f.caption(QStringLiteral("users at %1").arg(x));
    });
    ui.fragment(QStringLiteral("revenue growth"), [slider2](Ui& f) {
        const int x = slider2;
        f.lineChart(randomWalk(2, [x](double v) { return v - x; }));
        f.caption(QStringLiteral("revenue at %1").arg(x));
    });
    ui.fragment(QStringLiteral("expenses growth"), [slider2](Ui& f) {
        const int x = slider2;
        f.lineChart(randomWalk(3, [x](double v) { return v * x; }));
        f.caption(QStringLiteral("expenses at %1").arg(x));
    });
}

/// Rows `from` to `from + count` of the million-point signal.
DataFrame signalRows(qsizetype from, qsizetype count) {
    std::vector<double> x(static_cast<size_t>(count)), y(static_cast<size_t>(count));
    for (qsizetype i = 0; i < count; ++i) {
        x[size_t(i)] = double(from + i);
        y[size_t(i)] = std::sin(double(from + i) * 1e-4) + 1e-3 * double((from + i) % 97);
    }
    return DataFrame()
        .add(QStringLiteral("x"), std::move(x))
        .add(QStringLiteral("y"), std::move(y));
}

DataFrame millionPointFrame() {
    return tessera::cacheData<DataFrame>(QStringLiteral("bench.million"),
                                         [] { return signalRows(0, 1'000'000); });
}

void millionPoints(Ui& ui) {
    ui.title(QStringLiteral("A million points"));
    ui.lineChart(millionPointFrame(), {.x = QStringLiteral("x")});
}

/// The million points, then 1,000 rows more every 300 ms, five times (DataHandle::addRows).
void millionPointsStreaming(Ui& ui) {
    ui.title(QStringLiteral("A million points, streaming"));
    auto chart = ui.lineChart(millionPointFrame(), {.x = QStringLiteral("x")});
    for (int round = 0; round < 5; ++round) {
        ui.sleep(std::chrono::milliseconds(300));  // the next readings arrive
        chart.addRows(signalRows(1'000'000 + round * 1000, 1000));
    }
}

/// A grammar line of a million timestamps, one a second.
void timeSeries(Ui& ui) {
    ui.title(QStringLiteral("A million-point time series"));
    const DataFrame data = tessera::cacheData<DataFrame>(QStringLiteral("bench.timeseries"),
                                                         [] { return benchTimeSeries(1'000'000); });
    ui.chart(data, tessera::Chart(tessera::Layer(tessera::Mark::Line)
                                      .x(QStringLiteral("time"))
                                      .y(QStringLiteral("value"))));
}

void heatmap(Ui& ui) {
    ui.title(QStringLiteral("A 1,000 × 1,000 heatmap"));
    const DataFrame data = tessera::cacheData<DataFrame>(QStringLiteral("bench.heatmap"),
                                                         [] { return benchHeatmapCells(1000); });
    ui.chart(data, benchHeatmapChart());
}

void chartStream(Ui& ui) {
    ui.title(QStringLiteral("Streaming into a rolling chart"));
    streamChart(ui, benchStreamSeconds());
}

/// A dataframe of a million rows, for the viewer page's virtualised table.
void millionRows(Ui& ui) {
    ui.title(QStringLiteral("A million rows"));
    const DataFrame data = tessera::cacheData<DataFrame>(QStringLiteral("bench.rows"), [] {
        constexpr int kRows = 1'000'000;
        std::vector<double> id(kRows), value(kRows);
        for (int i = 0; i < kRows; ++i)
            id[i] = 100'000 + i, value[i] = double(qint64(i) * 7919 % 10'007) / 100.0;
        return DataFrame()
            .add(QStringLiteral("id"), std::move(id))
            .add(QStringLiteral("value"), std::move(value));
    });
    ui.dataframe(data);
}

/// Ten thousand text elements, as bench_rerun's page: the browser's DOM size and the cost
/// of a rerun that changes nothing.
void tenThousand(Ui& ui) {
    for (int i = 0; i < 10'000; ++i) ui.text(QStringLiteral("element %1").arg(i));
}

/// Markup in every string a page shows, for the viewer page's text-safety test: all of it
/// must arrive as text.
void hostileText(Ui& ui) {
    const QString evil =
        QStringLiteral("<img src=x onerror=\"window.pwned=1\"><script>window.pwned=1</script>");
    ui.title(evil);
    ui.text(evil);
    ui.caption(evil);
    ui.code(evil);
    ui.markdown(QStringLiteral("**bold** ") + evil);
    ui.info(evil);
    ui.exception(evil, evil);
    ui.metric(evil, evil, evil);
    ui.textInput(evil, evil);
    ui.selectbox(evil, {evil, QStringLiteral("plain")});
    ui.radio(QStringLiteral("Radio ") + evil, {evil, QStringLiteral("plain")});
    ui.dataframe(DataFrame()
                     .add(QStringLiteral("name"), QStringList{evil, evil})
                     .add(evil, std::vector<double>{1, 2}));
    ui.lineChart(DataFrame().add(evil, std::vector<double>{1, 2}), {.title = evil});
    ui.expander(evil, true).text(evil);
    ui.tabs({evil, QStringLiteral("plain")})[0].text(evil);
}

}  // namespace

QVector<tessera::Dashboard> BenchDashboardsPlugin::dashboards() const {
    return {
        {QStringLiteral("bench-growth"), QStringLiteral("Growth, fast"), {}, fastGrowth},
        {QStringLiteral("bench-million"), QStringLiteral("A million points"), {}, millionPoints},
        {QStringLiteral("bench-stream"),
         QStringLiteral("A million points, streaming"),
         {},
         millionPointsStreaming},
        {QStringLiteral("bench-rows"), QStringLiteral("A million rows"), {}, millionRows},
        {QStringLiteral("bench-timeseries"),
         QStringLiteral("A million-point time series"),
         {},
         timeSeries},
        {QStringLiteral("bench-heatmap"), QStringLiteral("A 1,000 × 1,000 heatmap"), {}, heatmap},
        {QStringLiteral("bench-chart-stream"),
         QStringLiteral("Streaming into a rolling chart"),
         {},
         chartStream},
        {QStringLiteral("bench-10k"), QStringLiteral("Ten thousand elements"), {}, tenThousand},
        {QStringLiteral("hostile-text"), QStringLiteral("Markup as text"), {}, hostileText}};
}
