// SPDX-License-Identifier: GPL-3.0-or-later
// Grammar charts: what the run computes (a histogram of 10,000,000 values, a 1,000 × 1,000
// heatmap's cells), what the window takes to draw (a million-point time series, the
// heatmap: element to painted), and the window's CPU while 1,000 rows a second stream into a
// rolling one-hour chart of four series. Prints medians; asserts nothing.
//
//     build/dev/tests/bench/bench_charts [stream seconds, default 60]
#include <tessera/host/chartplan.h>
#include <tessera/host/pagetree.h>
#include <tessera/schema.h>
#include "benchpage.h"
#include "chartdata.h"

#include <sys/resource.h>
#include <QApplication>
#include <QElapsedTimer>
#include <QScrollArea>
#include <cstdio>
#include <random>

using namespace tessera;

namespace {

double msSince(const QElapsedTimer& t) {
    return double(t.nsecsElapsed()) / 1e6;
}

double median(std::vector<double> v) {
    return percentile(std::move(v), 0.5);
}

void settle() {
    for (int i = 0; i < 4; ++i) {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }
}

/// Compiles `chart` over `data` `rounds` times; the median time.
double compileTime(const Chart& chart, const DataFrame& data, int rounds) {
    std::vector<double> times;
    for (int i = 0; i < rounds; ++i) {
        QElapsedTimer clock;
        clock.start();
        const ChartPlan plan = compileChart(chart.toMap(), data);
        times.push_back(msSince(clock));
        if (!plan.error.isEmpty()) std::printf("error: %s\n", qPrintable(plan.error));
    }
    return median(times);
}

/// The chart's element, built once, to the window painted: the median of `rounds`.
double elementToPainted(const Chart& chart, const DataFrame& data, int rounds) {
    const ChartPlan plan = compileChart(chart.toMap(), data);
    auto element = std::make_shared<Element>();
    element->kind = ElementKind::Chart;
    element->props = {{prop::spec, plan.spec}, {prop::height, plan.spec.value(chartkey::height)}};
    element->frame = plan.data;
    std::vector<double> times;
    for (int round = 0; round < rounds; ++round) {
        widgets::Renderer renderer;
        QScrollArea window;
        window.setWidgetResizable(true);
        window.setWidget(renderer.mainArea());
        window.resize(1000, 700);
        window.show();
        settle();
        QElapsedTimer clock;
        clock.start();
        renderer.apply({PageOp{PageOp::Type::Upsert, Path{MainRoot, 0}, element, false}});
        settle();
        window.grab();  // the paint, as the screen would get it
        times.push_back(msSince(clock));
    }
    return median(times);
}

double cpuSeconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int streamSeconds = argc > 1 ? std::max(1, atoi(argv[1])) : 60;
    setvbuf(stdout, nullptr, _IOLBF, 0);

    // In the run: binning and cell statistics.
    std::mt19937 rng(1);
    std::lognormal_distribution<double> latency(4.0, 0.5);
    std::vector<double> values(10'000'000);
    for (double& v : values) v = latency(rng);
    const DataFrame samples = DataFrame().add(QStringLiteral("latency"), std::move(values));
    const Chart histogram(
        Layer(Mark::Bar).x(Field(QStringLiteral("latency")).bin(50)).y(Field::count()));
    std::printf("%-62s %8.1f ms\n", "histogram of 10,000,000 values, binned in the run",
                compileTime(histogram, samples, 5));
    const DataFrame cells = benchcharts::benchHeatmapCells(1000);
    std::printf("%-62s %8.1f ms\n", "1,000 x 1,000 heatmap, cells grouped in the run",
                compileTime(benchcharts::benchHeatmapChart(), cells, 5));

    // In the window: element to painted.
    const DataFrame series = benchcharts::benchTimeSeries(1'000'000);
    const Chart line(Layer(Mark::Line).x(QStringLiteral("time")).y(QStringLiteral("value")));
    std::printf("%-62s %8.1f ms\n", "1,000,000-point time series line: element to painted",
                elementToPainted(line, series, 5));
    std::printf("%-62s %8.1f ms\n", "1,000 x 1,000 heatmap: element to painted",
                elementToPainted(benchcharts::benchHeatmapChart(), cells, 5));

    // Streaming: the whole process's CPU while the window shows the rolling chart.
    BenchPage page;
    settle();
    const double cpuBefore = cpuSeconds();
    QElapsedTimer clock;
    clock.start();
    page.session.setDashboard(Dashboard{QStringLiteral("stream"), {}, {}, [&](Ui& ui) {
                                            benchcharts::streamChart(ui, streamSeconds);
                                        }});
    page.waitIdle();
    settle();
    const double wall = msSince(clock) / 1000;
    std::printf("%-62s %7.1f %% of one core (%.1f s)\n",
                "streaming 1,000 rows/s into a rolling chart: window process CPU",
                100 * (cpuSeconds() - cpuBefore) / wall, wall);
    return 0;
}
