// SPDX-License-Identifier: GPL-3.0-or-later
// Prints how long reruns take end to end (request → run on the script pool → deltas →
// page tree → Qt widgets up to date), and how long a 1,000,000-point line chart takes to
// appear. Figures are medians over several runs.
#include "benchpage.h"

#include <tessera/host/session.h>
#include <tessera/widgets/renderer.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QScrollArea>
#include <QTimer>
#include <algorithm>
#include <atomic>
#include <cstdio>

using namespace tessera;

namespace {

double median(std::vector<double> v) {
    return percentile(std::move(v), 0.5);
}

/// Reruns and waits for the session to be idle; returns wall time in ms.
double timedRerun(Session& session) {
    QEventLoop loop;
    QObject::connect(&session, &Session::idle, &loop, &QEventLoop::quit);
    QElapsedTimer clock;
    clock.start();
    session.rerun();
    loop.exec();
    return double(clock.nsecsElapsed()) / 1e6;
}

void benchElements(int count) {
    std::atomic<int> generation{0};
    std::atomic<bool> changeAll{false};
    BenchPage page;
    page.session.setDashboard(
        Dashboard{QStringLiteral("bench"), {}, {}, [&, count](Ui& ui) {
                      const int g = changeAll ? generation.load() : 0;
                      for (int i = 0; i < count; ++i)
                          ui.text(QStringLiteral("element %1 · %2").arg(i).arg(g));
                  }});
    QEventLoop first;
    QObject::connect(&page.session, &Session::idle, &first, &QEventLoop::quit);
    QElapsedTimer clock;
    clock.start();
    first.exec();
    const double firstRun = double(clock.nsecsElapsed()) / 1e6;

    std::vector<double> unchanged, changed;
    for (int i = 0; i < 15; ++i) unchanged.push_back(timedRerun(page.session));
    changeAll = true;
    for (int i = 0; i < 7; ++i) {
        ++generation;
        changed.push_back(timedRerun(page.session));
    }
    std::printf(
        "%6d elements | first run %8.1f ms | rerun, nothing changed %7.2f ms | rerun, all changed "
        "%8.1f ms\n",
        count, firstRun, median(unchanged), median(changed));
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
        window.grab();  // forces layout and a full paint
        toScreen.push_back(double(clock.nsecsElapsed()) / 1e6);

        // Through a session: dashboard call to painted chart.
        BenchPage page;
        QEventLoop loop;
        QObject::connect(&page.session, &Session::idle, &loop, &QEventLoop::quit);
        clock.restart();
        page.session.setDashboard(
            Dashboard{QStringLiteral("chart"), {}, {}, [&](Ui& ui) { ui.lineChart(frame); }});
        loop.exec();
        page.window.grab();
        endToEnd.push_back(double(clock.nsecsElapsed()) / 1e6);
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
    std::printf("Tessera rerun benchmark (medians; QPA platform: %s)\n",
                qPrintable(QApplication::platformName()));
    benchElements(1000);
    benchElements(10000);
    benchMillionPointChart();
    return 0;
}
