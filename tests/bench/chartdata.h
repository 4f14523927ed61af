// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The charts the chart benchmarks draw, in the window (bench_charts) and in the browser (the
// bench dashboards): a million-point time series, a 1,000 × 1,000 heatmap, and a rolling
// per-second chart that 1,000 rows a second stream into.

#include <tessera/chart.h>
#include <tessera/dataframe.h>
#include <tessera/ui.h>

#include <chrono>
#include <cmath>

namespace benchcharts {

using tessera::DataFrame;
using tessera::Ui;

inline DataFrame benchTimeSeries(qsizetype rows) {
    std::vector<qint64> t(static_cast<size_t>(rows));
    std::vector<double> v(static_cast<size_t>(rows));
    for (qsizetype i = 0; i < rows; ++i) {
        t[size_t(i)] = 1'796'601'600'000 + i * 1000;  // one a second from 2026-12-07
        v[size_t(i)] = std::sin(double(i) * 1e-4) + 1e-3 * double(i % 97);
    }
    return DataFrame()
        .add(tessera::Column::timestamps(QStringLiteral("time"), std::move(t)))
        .add(QStringLiteral("value"), std::move(v));
}

inline DataFrame benchHeatmapCells(int side) {
    std::vector<qint64> x(size_t(side) * size_t(side)), y(x.size());
    std::vector<double> v(x.size());
    for (int i = 0; i < side; ++i)
        for (int j = 0; j < side; ++j) {
            const size_t k = size_t(i) * size_t(side) + size_t(j);
            x[k] = i;
            y[k] = j;
            v[k] = std::sin(i * 0.02) * std::cos(j * 0.03);
        }
    return DataFrame()
        .add(tessera::Column::int64s(QStringLiteral("x"), std::move(x)))
        .add(tessera::Column::int64s(QStringLiteral("y"), std::move(y)))
        .add(QStringLiteral("v"), std::move(v));
}

inline tessera::Chart benchHeatmapChart() {
    using namespace tessera;
    return Chart(Layer(Mark::Rect)
                     .x(Field(QStringLiteral("x")).type(FieldType::Ordinal))
                     .y(Field(QStringLiteral("y")).type(FieldType::Ordinal))
                     .color(QStringLiteral("v")))
        .height(500);
}

inline DataFrame benchStreamRows(qint64 startMs, int batch, int count) {
    static const QStringList kSeries{QStringLiteral("cpu"), QStringLiteral("memory"),
                                     QStringLiteral("disk"), QStringLiteral("network")};
    std::vector<qint64> t(static_cast<size_t>(count));
    QStringList series;
    std::vector<double> v(static_cast<size_t>(count));
    for (int i = 0; i < count; ++i) {
        const int s = i % 4;
        t[size_t(i)] = startMs + qint64(i) * 100 / count;
        series << kSeries[s];
        v[size_t(i)] = 20 * s + 10 * std::sin(double(batch) * 0.05 + s) + double((i * 37) % 11);
    }
    return DataFrame()
        .add(tessera::Column::timestamps(QStringLiteral("time"), std::move(t)))
        .add(tessera::Column::categories(QStringLiteral("series"), series))
        .add(QStringLiteral("value"), std::move(v));
}

inline tessera::Chart benchStreamChart() {
    using namespace tessera;
    return Chart(Layer(Mark::Line)
                     .x(Field(QStringLiteral("time")).binStep(1000))
                     .y(Field(QStringLiteral("value")).aggregate(Aggregate::Mean))
                     .color(QStringLiteral("series")))
        .keepLastSeconds(3600)
        .title(QStringLiteral("Per-second means of the last hour"));
}

inline int benchStreamSeconds() {
    const int seconds = qEnvironmentVariableIntValue("TESSERA_STREAM_SECONDS");
    return seconds > 0 ? seconds : 60;
}

inline void streamChart(Ui& ui, int seconds) {
    const qint64 start = 1'796'601'600'000;
    auto chart = ui.chart(benchStreamRows(start, 0, 100), benchStreamChart());
    for (int batch = 1; batch < seconds * 10; ++batch) {
        ui.sleep(std::chrono::milliseconds(100));  // 100 rows every 100 ms: 1,000 a second
        chart.addRows(benchStreamRows(start + qint64(batch) * 100, batch, 100));
    }
}

}  // namespace benchcharts
