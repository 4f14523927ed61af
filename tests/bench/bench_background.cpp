// SPDX-License-Identifier: GPL-3.0-or-later
// Background-work figures: a cache hit, a concurrency-group acquire/release (alone and with
// 50 sessions contending), and how long a 1 s asyncLoad takes to reach the screen while the
// GUI thread keeps turning (its longest stall).
#include "benchpage.h"

#include <tessera/cache.h>
#include <tessera/host/session.h>
#include <tessera/testing/apptest.h>
#include <tessera/widgets/renderer.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QScrollArea>
#include <QTimer>
#include <algorithm>
#include <cstdio>

using namespace tessera;
using namespace std::chrono_literals;
using tessera::testing::AppTest;

namespace {

void benchCacheHit() {
    cacheData<int>(QStringLiteral("bench.hit"), 42, [](int x) { return x; });
    constexpr int kHits = 200000;
    QElapsedTimer clock;
    clock.start();
    long sum = 0;
    for (int i = 0; i < kHits; ++i)
        sum += cacheData<int>(QStringLiteral("bench.hit"), 42, [](int x) { return x; });
    const double perHit = double(clock.nsecsElapsed()) / 1e3 / kHits;
    std::printf(
        "cache hit (int, one int argument)         | %6.2f µs per call (%d calls, checksum %ld)\n",
        perHit, kHits, sum % 7);
}

void benchLimiter() {
    constexpr int kRounds = 20000;
    double uncontended = 0;
    AppTest alone([&](Ui& ui) {
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < kRounds; ++i) {
            auto slot = ui.limit(QStringLiteral("bench.alone"), {.maxConcurrent = 1});
        }
        uncontended = double(clock.nsecsElapsed()) / 1e3 / kRounds;
    });
    alone.run(60000);
    std::printf("limit(): acquire + release, uncontended   | %6.2f µs\n", uncontended);

    constexpr int kSessions = 50, kEach = 100;
    std::vector<std::unique_ptr<AppTest>> sessions;
    for (int s = 0; s < kSessions; ++s)
        sessions.push_back(std::make_unique<AppTest>([](Ui& ui) {
            for (int i = 0; i < kEach; ++i) {
                auto slot = ui.limit(QStringLiteral("bench.contended"),
                                     {.maxConcurrent = 1, .maxQueue = 100});
            }
        }));
    QElapsedTimer clock;
    clock.start();
    for (auto& s : sessions) s->start();
    for (auto& s : sessions) s->waitIdle(120000);
    const double perHandoff = double(clock.nsecsElapsed()) / 1e3 / (kSessions * kEach);
    std::printf(
        "limit(): acquire + release, 50 sessions   | %6.2f µs per acquisition (FIFO hand-over, %d "
        "total)\n",
        perHandoff, kSessions * kEach);
}

void benchAsyncLoad() {
    BenchPage page(QSize(900, 600));
    Session& session = page.session;
    widgets::Renderer& renderer = page.renderer;

    // The GUI thread's heartbeat: the longest gap between 1 ms ticks is its worst stall.
    QElapsedTimer beat;
    double worstStall = 0;
    QTimer heartbeat;
    heartbeat.setInterval(1);
    QObject::connect(&heartbeat, &QTimer::timeout, [&] {
        worstStall = std::max(worstStall, double(beat.nsecsElapsed()) / 1e6);
        beat.restart();
    });

    QEventLoop loop;
    QElapsedTimer clock;
    double appeared = 0;
    QObject::connect(&renderer, &widgets::Renderer::applied, &loop, [&] {
        for (const auto& e : session.page().root(MainRoot).children)
            if (e->element->kind == ElementKind::DataFrame && appeared == 0) {
                appeared = double(clock.nsecsElapsed()) / 1e6;
                loop.quit();
            }
    });
    clock.start();
    beat.start();
    heartbeat.start();
    session.setDashboard(Dashboard{
        QStringLiteral("async"), {}, {}, [](Ui& ui) {
            ui.title(QStringLiteral("Prices"));
            ui.slider(QStringLiteral("Window"), 1, 100, 10);
            auto data = ui.asyncLoad<DataFrame>(QStringLiteral("prices"), [](TaskContext& task) {
                task.sleep(1s);
                std::vector<double> v(100000);
                for (size_t i = 0; i < v.size(); ++i) v[i] = double(i % 977);
                return DataFrame().add(QStringLiteral("price"), std::move(v));
            });
            if (data) ui.dataframe(*data);
        }});
    // While it loads, the user keeps moving a widget: each change reruns the page.
    QTimer user;
    int value = 10;
    QObject::connect(&user, &QTimer::timeout, [&] {
        const QString id = session.findWidget(QStringLiteral("Window"));
        if (!id.isEmpty()) session.setWidgetValue(id, 10 + (++value % 50));
    });
    user.start(20);
    loop.exec();
    heartbeat.stop();
    user.stop();
    std::printf(
        "asyncLoad of a 1 s load, to the screen    | %7.1f ms (longest GUI-thread stall meanwhile "
        "%.1f ms, "
        "%d reruns from widget changes)\n",
        appeared, worstStall, value - 10);
}

}  // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    std::printf("Tessera background-work benchmark\n");
    benchCacheHit();
    benchLimiter();
    benchAsyncLoad();
    return 0;
}
