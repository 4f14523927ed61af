// SPDX-License-Identifier: GPL-3.0-or-later
// Fragment figures: the seed dashboard sequential vs parallel, moving its second slider,
// 32 one-second fragments, the overhead of 1,000 empty parallel fragments, and the latency
// from a widget change to the screen for a fragment rerun. Timings are wall clock, medians
// where repeated.
#include "benchpage.h"

#include <tessera/host/session.h>
#include <tessera/testing/apptest.h>
#include <tessera/widgets/renderer.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QScrollArea>
#include <QThread>
#include <algorithm>
#include <cstdio>

using namespace tessera;
using namespace std::chrono_literals;
using tessera::testing::AppTest;

namespace {

void seed(Ui& ui, bool parallel) {
    auto slider1 = ui.slider(QStringLiteral("Pick a number"), 0, 1000, 123);
    auto slider2 = ui.slider(QStringLiteral("Pick a second number"), 0, 1000, 456);
    auto chart = [&](const QString& name, Value<int> input) {
        ui.fragment(name, {.parallel = parallel}, [input](Ui& f) {
            f.sleep(1s);  // load
            const int x = input;
            f.sleep(1s);  // transform
            f.lineChart(DataFrame().add(QStringLiteral("y"),
                                        std::vector<double>{double(x), double(x) + 1}));
        });
    };
    chart(QStringLiteral("chart1"), slider1);
    chart(QStringLiteral("chart2"), slider2);
    chart(QStringLiteral("chart3"), slider2);
}

double timedRun(AppTest& at) {
    QElapsedTimer clock;
    clock.start();
    at.run(60000);
    return double(clock.nsecsElapsed()) / 1e6;
}

void benchSeed() {
    AppTest sequential([](Ui& ui) { seed(ui, false); });
    AppTest parallel([](Ui& ui) { seed(ui, true); });
    const double s = timedRun(sequential);
    const double p = timedRun(parallel);
    std::printf("seed dashboard   | sequential %7.0f ms | parallel %7.0f ms | ratio %.2fx\n", s, p,
                s / p);

    QElapsedTimer clock;
    clock.start();
    parallel.session().setWidgetValue(
        parallel.widget(QStringLiteral("Pick a second number")).view().id(), 7);
    parallel.waitIdle(60000);
    const double moved = double(clock.nsecsElapsed()) / 1e6;
    std::printf("move slider 2    | %7.0f ms | scopes rerun: %s\n", moved,
                qPrintable(parallel.lastGroup().runNames().join(QStringLiteral(", "))));
}

void benchManySlowFragments() {
    AppTest at([](Ui& ui) {
        for (int i = 0; i < 32; ++i)
            ui.fragment(QStringLiteral("f%1").arg(i), {.parallel = true}, [](Ui& f) {
                f.sleep(1s);
                f.text(QStringLiteral("done"));
            });
    });
    std::printf("32 fragments × 1 s, parallel, %d fragment threads | %7.0f ms\n", fragmentThreads(),
                timedRun(at));
}

void benchEmptyFragments() {
    constexpr int kCount = 1000;
    AppTest with([](Ui& ui) {
        for (int i = 0; i < kCount; ++i)
            ui.fragment(QStringLiteral("e%1").arg(i), {.parallel = true}, [](Ui&) {});
    });
    AppTest without([](Ui& ui) {
        for (int i = 0; i < kCount; ++i) ui.container();
    });
    std::vector<double> perFragment;
    timedRun(with);  // warm the pools
    for (int round = 0; round < 5; ++round) {
        const double a = timedRun(with);
        const double b = timedRun(without);
        perFragment.push_back((a - b) * 1000.0 / kCount);
    }
    std::printf("1,000 empty parallel fragments | overhead per fragment (median of 5) %6.1f µs\n",
                percentile(perFragment, 0.5));
}

void benchChangeToScreen() {
    BenchPage page(QSize(900, 600));
    Session& session = page.session;
    widgets::Renderer& renderer = page.renderer;
    session.setDashboard(Dashboard{
        QStringLiteral("latency"), {}, {}, [](Ui& ui) {
            auto n = ui.slider(QStringLiteral("n"), 0, 100000, 0);
            ui.text(QStringLiteral("static"));
            ui.fragment(QStringLiteral("echo"), {.parallel = true},
                        [n](Ui& f) { f.metric(QStringLiteral("n"), QString::number(n.get())); });
        }});
    page.waitIdle();
    const QString id = session.findWidget(QStringLiteral("n"));
    std::vector<double> latencies;
    for (int i = 1; i <= 300; ++i) {
        QElapsedTimer clock;
        QEventLoop loop;
        const QString expected = QString::number(i);
        auto c = QObject::connect(&renderer, &widgets::Renderer::applied, &loop, [&] {
            for (const auto& e : session.page().root(MainRoot).children)
                if (e->element->kind == ElementKind::Fragment && !e->children.empty() &&
                    e->children[0]->element->props.value(QStringLiteral("value")).toString() ==
                        expected)
                    loop.quit();
        });
        clock.start();
        session.setWidgetValue(id, i);
        loop.exec();
        latencies.push_back(double(clock.nsecsElapsed()) / 1e6);
        QObject::disconnect(c);
        page.waitIdle();
    }
    std::printf(
        "widget change → fragment rerun → widgets updated | p50 %.2f ms | p99 %.2f ms (300 "
        "changes)\n",
        percentile(latencies, 0.5), percentile(latencies, 0.99));
}

}  // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    std::printf("Tessera fragment benchmark (%d cores, QPA %s)\n", QThread::idealThreadCount(),
                qPrintable(QApplication::platformName()));
    benchSeed();
    benchManySlowFragments();
    benchEmptyFragments();
    benchChangeToScreen();
    return 0;
}
