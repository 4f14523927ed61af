// SPDX-License-Identifier: GPL-3.0-or-later
// Prints what a page costs the window beside what it costs the runtime. A page of mixed
// elements (text, markdown, metrics, widgets, a chart per 100 elements) runs once headless
// (the runtime alone: request → run on the script pool → deltas → page tree) and once in a
// window that is already shown and painted, as in the app (the same, then Qt widgets laid
// out and the visible part painted). Then the 10,000-element page is scrolled top to bottom,
// one wheel step per frame, and the frame times are printed. Last, a 1,000,000-point line
// chart. Figures are medians.
#include "benchpage.h"

#include <tessera/host/session.h>
#include <tessera/widgets/renderer.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QScrollArea>
#include <QScrollBar>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>

using namespace tessera;

namespace {

double median(std::vector<double> v) {
    return percentile(std::move(v), 0.5);
}

double msSince(const QElapsedTimer& clock) {
    return double(clock.nsecsElapsed()) / 1e6;
}

/// What the page shows: `count` elements of mixed kinds. `generation` changes every text.
struct MixedPage {
    int count = 0;
    std::atomic<int> generation{0};
    DataFrame series;

    explicit MixedPage(int n) : count(n) {
        std::vector<double> y(50);
        for (size_t i = 0; i < y.size(); ++i) y[i] = std::sin(double(i) / 5.0);
        series.add(QStringLiteral("y"), std::move(y));
    }

    Dashboard dashboard() {
        return Dashboard{QStringLiteral("bench"), {}, {}, [this](Ui& ui) {
                             const int g = generation.load();
                             for (int i = 0; i < count; ++i) element(ui, i, g);
                         }};
    }

    void element(Ui& ui, int i, int g) {
        if (i % 100 == 99) {
            ChartOptions options;
            options.height = 200;
            ui.lineChart(series, options);
            return;
        }
        const QString n = QString::number(i);
        switch (i % 10) {
            case 0:
                ui.subheader(QStringLiteral("Section %1 · %2").arg(i / 10).arg(g));
                break;
            case 1:
            case 5:
                ui.metric(QStringLiteral("metric %1").arg(i), QString::number(i * 7 + g),
                          QString::number(g % 3 - 1));
                break;
            case 2:
                ui.markdown(QStringLiteral("Some **markdown** number %1 · %2").arg(i).arg(g));
                break;
            case 3:
                ui.slider(QStringLiteral("slider %1 · %2").arg(n).arg(g), 0, 100, 50, 1,
                          {.key = QStringLiteral("s") + n});
                break;
            case 6:
                ui.checkbox(QStringLiteral("check %1 · %2").arg(n).arg(g), false,
                            {.key = QStringLiteral("c") + n});
                break;
            case 8:
                ui.caption(QStringLiteral("a caption under element %1 · %2").arg(i).arg(g));
                break;
            default:
                ui.text(QStringLiteral("element %1 · %2").arg(i).arg(g));
                break;
        }
    }
};

/// Lets the window catch up: posted layout requests, deferred deletes, then a paint of what
/// is visible. This is what the user waits for after the session's last batch.
void settle(QScrollArea& window) {
    for (int i = 0; i < 4; ++i) QCoreApplication::sendPostedEvents();
    window.viewport()->repaint();
}

void waitIdle(Session& session) {
    if (session.isIdle()) return;
    QEventLoop loop;
    QObject::connect(&session, &Session::idle, &loop, &QEventLoop::quit);
    loop.exec();
}

struct Figures {
    double first = 0, unchanged = 0, changed = 0;
};

/// One page, `rounds` first runs (each in a new session), then reruns with nothing and with
/// every element changed. With `window`, the session is shown by a renderer in a window.
Figures measure(int count, bool window, int rounds) {
    MixedPage page(count);
    std::vector<double> first, unchanged, changed;
    for (int round = 0; round < rounds; ++round) {
        page.generation = 0;
        BenchPage shown;
        if (!window) shown.renderer.attach(nullptr);
        settle(shown.window);  // shown and painted before the dashboard starts, as in the app
        QElapsedTimer clock;
        clock.start();
        shown.session.setDashboard(page.dashboard());
        waitIdle(shown.session);
        if (window) settle(shown.window);
        first.push_back(msSince(clock));
        if (round + 1 < rounds) continue;

        auto rerun = [&] {
            clock.restart();
            shown.session.rerun();
            waitIdle(shown.session);
            if (window) settle(shown.window);
            return msSince(clock);
        };
        for (int i = 0; i < 9; ++i) unchanged.push_back(rerun());
        for (int i = 0; i < 7; ++i) {
            ++page.generation;
            changed.push_back(rerun());
        }
    }
    return {median(first), median(unchanged), median(changed)};
}

void benchPage(int count, int rounds) {
    const Figures runtime = measure(count, false, rounds);
    const Figures window = measure(count, true, rounds);
    std::printf("%6d mixed elements  | runtime alone | with the window | the window's part\n",
                count);
    auto row = [](const char* name, double r, double w) {
        std::printf("  %-20s | %10.1f ms | %12.1f ms | %14.1f ms\n", name, r, w, w - r);
    };
    row("first shown", runtime.first, window.first);
    row("nothing changed", runtime.unchanged, window.unchanged);
    row("every element changed", runtime.changed, window.changed);
}

/// Scrolls a 10,000-element page from top to bottom by wheel steps (3 lines of 20 px), one
/// paint per step, and prints the frame times.
void benchScrolling(int count) {
    MixedPage page(count);
    BenchPage shown;
    settle(shown.window);
    shown.session.setDashboard(page.dashboard());
    waitIdle(shown.session);
    settle(shown.window);
    QScrollBar* bar = shown.window.verticalScrollBar();
    std::vector<double> frames;
    QElapsedTimer clock;
    for (int guard = 0; bar->value() < bar->maximum() && guard < 100000; ++guard) {
        clock.start();
        bar->setValue(bar->value() + 60);
        settle(shown.window);
        frames.push_back(msSince(clock));
    }
    std::printf(
        "scrolling %d mixed elements top to bottom | %zu frames of 60 px, page %d px | p50 %.2f "
        "ms | p99 %.2f ms | max %.2f ms\n",
        count, frames.size(), bar->maximum() + bar->pageStep(), percentile(frames, 0.5),
        percentile(frames, 0.99), percentile(frames, 1.0));
}

void benchMillionPointChart() {
    std::vector<double> y(1'000'000);
    for (size_t i = 0; i < y.size(); ++i)
        y[i] = std::sin(double(i) / 3000.0) + 0.001 * double(i % 97);
    DataFrame frame;
    frame.add(QStringLiteral("signal"), std::move(y));

    std::vector<double> toScreen, endToEnd;
    for (int round = 0; round < 5; ++round) {
        // Renderer alone: the element arrives, the chart is built and painted.
        widgets::Renderer renderer;
        QScrollArea window;
        window.setWidgetResizable(true);
        window.setWidget(renderer.mainArea());
        window.resize(1000, 500);
        window.show();
        auto element = std::make_shared<Element>();
        element->kind = ElementKind::LineChart;
        element->props = {{QStringLiteral("height"), 300}};
        element->frame = std::make_shared<const DataFrame>(frame);
        QElapsedTimer clock;
        clock.start();
        renderer.apply({PageOp{PageOp::Type::Upsert, Path{MainRoot, 0}, element, false}});
        settle(window);
        toScreen.push_back(msSince(clock));

        // Through a session: dashboard call to painted chart.
        BenchPage page;
        settle(page.window);
        clock.restart();
        page.session.setDashboard(
            Dashboard{QStringLiteral("chart"), {}, {}, [&](Ui& ui) { ui.lineChart(frame); }});
        waitIdle(page.session);
        settle(page.window);
        endToEnd.push_back(msSince(clock));
    }
    std::printf(
        "1,000,000-point line chart | element to painted %7.1f ms | dashboard call to painted "
        "%7.1f ms\n",
        median(toScreen), median(endToEnd));
}

}  // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    std::printf("Tessera rerun benchmark (medians; window 1000 × 800; QPA platform: %s)\n",
                qPrintable(QApplication::platformName()));
    benchPage(1000, 5);
    benchPage(10000, 3);
    benchScrolling(10000);
    benchMillionPointChart();
    return 0;
}
