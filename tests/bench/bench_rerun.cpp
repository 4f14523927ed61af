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
#include <memory>

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

/// Lets the window catch up: posted layout requests, paints (Qt posts them as update
/// requests) and deferred deletes. This is what the user waits for after the session's last
/// batch.
void settle() {
    for (int i = 0; i < 4; ++i) {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }
}

void waitIdle(Session& session) {
    if (session.isIdle()) return;
    QEventLoop loop;
    QObject::connect(&session, &Session::idle, &loop, &QEventLoop::quit);
    loop.exec();
}

/// A page of `count` elements, once without a viewer (the runtime alone) and once in a
/// window that was shown and painted before the dashboard started, as in the app. The two
/// take turns, so that both see the same machine.
void benchPage(int count, int rounds) {
    MixedPage page(count);
    std::vector<double> first[2], unchanged[2], changed[2], firstThenShown[2];
    std::unique_ptr<BenchPage> shown[2];
    for (int round = 0; round < rounds; ++round) {
        page.generation = 0;
        for (int window = 0; window < 2; ++window) {
            shown[window] = std::make_unique<BenchPage>();
            if (!window) shown[window]->renderer.attach(nullptr);
            settle();
            QElapsedTimer clock;
            clock.start();
            shown[window]->session.setDashboard(page.dashboard());
            waitIdle(shown[window]->session);
            settle();
            first[window].push_back(msSince(clock));
        }
        // The same with the window shown only once the page is there (as some tests do).
        BenchPage later;
        later.window.hide();
        QElapsedTimer clock;
        clock.start();
        later.session.setDashboard(page.dashboard());
        waitIdle(later.session);
        later.window.show();
        settle();
        firstThenShown[1].push_back(msSince(clock));
        firstThenShown[0].push_back(first[0].back());
    }
    auto rerun = [&](int window) {
        QElapsedTimer clock;
        clock.start();
        shown[window]->session.rerun();
        waitIdle(shown[window]->session);
        settle();
        return msSince(clock);
    };
    for (int i = 0; i < 9; ++i)
        for (int window = 0; window < 2; ++window) unchanged[window].push_back(rerun(window));
    for (int i = 0; i < 9; ++i) {
        ++page.generation;
        for (int window = 0; window < 2; ++window) changed[window].push_back(rerun(window));
    }
    std::printf("%6d mixed elements   | runtime alone | with the window | the window's part\n",
                count);
    auto row = [](const char* name, const std::vector<double>* figures) {
        const double r = median(figures[0]), w = median(figures[1]);
        std::printf("  %-21s | %10.1f ms | %12.1f ms | %14.1f ms\n", name, r, w, w - r);
    };
    row("first shown", first);
    row("  window shown after", firstThenShown);
    row("nothing changed", unchanged);
    row("every element changed", changed);
}

/// Scrolls a 10,000-element page from top to bottom by wheel steps (3 lines of 20 px), one
/// paint per step, and prints the frame times.
void benchScrolling(int count) {
    MixedPage page(count);
    BenchPage shown;
    settle();
    shown.session.setDashboard(page.dashboard());
    waitIdle(shown.session);
    settle();
    QScrollBar* bar = shown.window.verticalScrollBar();
    std::vector<double> frames;
    QElapsedTimer clock;
    for (int guard = 0; bar->value() < bar->maximum() && guard < 100000; ++guard) {
        clock.start();
        bar->setValue(bar->value() + 60);
        settle();
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
        settle();
        toScreen.push_back(msSince(clock));

        // Through a session: dashboard call to painted chart.
        BenchPage page;
        settle();
        clock.restart();
        page.session.setDashboard(
            Dashboard{QStringLiteral("chart"), {}, {}, [&](Ui& ui) { ui.lineChart(frame); }});
        waitIdle(page.session);
        settle();
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
    {  // warm up: fonts, styles and the script pool, as in an app that has run a while
        MixedPage page(1000);
        BenchPage warm;
        warm.session.setDashboard(page.dashboard());
        waitIdle(warm.session);
        settle();
    }
    benchPage(1000, 5);
    benchPage(10000, 5);
    benchScrolling(10000);
    benchMillionPointChart();
    return 0;
}
