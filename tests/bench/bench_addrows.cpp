// SPDX-License-Identifier: GPL-3.0-or-later
// Streaming rows: a dashboard shows a 1,000,000-point line chart and then adds 1,000 rows at a
// time to it (DataHandle::addRows), in the window and for a browser over the bridge. Printed,
// as medians of the rounds: the time from the addRows() call to the window's chart showing
// the rows (the page op applied, then the chart painted), the time until a protocol client on
// loopback has them, and the bytes that took. For comparison, the same rows shown by drawing
// the whole chart again, as a dashboard without addRows() would.
// Run: build/dev/tests/bench/bench_addrows [rounds]
#include "bridgeclient.h"

#include <tessera/bridge/bridge.h>
#include <tessera/host/session.h>
#include <tessera/host/sessionhandle.h>
#include <tessera/schema.h>
#include <tessera/widgets/renderer.h>

#include <QApplication>
#include <QChartView>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <memory>

using namespace tessera;
using namespace tessera::bridge;
using tessera::bridge::testing::BridgeClient;

namespace {

constexpr int kBase = 1'000'000;
constexpr int kRows = 1'000;

qint64 nowNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

std::shared_ptr<const DataFrame> points(qsizetype from, int count) {
    std::vector<double> x, y;
    x.reserve(size_t(count));
    y.reserve(size_t(count));
    for (qsizetype i = from; i < from + count; ++i) {
        x.push_back(double(i));
        y.push_back(std::sin(double(i) / 5000.0) + 0.1 * std::sin(double(i) / 7.0));
    }
    return std::make_shared<const DataFrame>(
        DataFrame().add(QStringLiteral("x"), std::move(x)).add(QStringLiteral("y"), std::move(y)));
}

/// How the dashboard shows each round's rows.
enum class Mode { AddRows, Redraw };

/// A dashboard that draws the chart, then shows kRows more each time it is released, and
/// notes when it did.
struct Streamer {
    std::shared_ptr<const DataFrame> base = points(0, kBase);
    QSemaphore go;
    std::atomic<Mode> mode{Mode::AddRows};
    std::atomic<qint64> shownAtNs{0};
    std::atomic<bool> stop{false};

    Dashboard dashboard() {
        return {QStringLiteral("stream"), QStringLiteral("Stream"), {}, [this](Ui& ui) {
                    const ChartOptions options{.x = QStringLiteral("x"), .height = 360};
                    Ui slot = ui.empty();
                    DataHandle chart = slot.lineChart(*base, options);
                    auto all = base;
                    while (true) {
                        while (!go.tryAcquire(1, 10)) ui.checkpoint();
                        if (stop) return;
                        const auto more = points(all->rowCount(), kRows);
                        all = std::make_shared<const DataFrame>(all->withRows(*more));
                        // Drawn whole, the data is one buffer per column, as a dashboard
                        // without addRows() would build it.
                        if (mode == Mode::Redraw)
                            for (const Column& c : all->columns()) c.numbers();
                        shownAtNs = nowNs();
                        if (mode == Mode::AddRows)
                            chart.addRows(*more);
                        else
                            chart = slot.lineChart(*all, options);
                    }
                }};
    }
};

/// Turns the event loop until `done`; false after `timeoutMs`.
bool waitFor(const std::function<bool()>& done, int timeoutMs = 60'000) {
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs) return false;
        QEventLoop loop;
        QTimer::singleShot(1, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

QString list(const std::vector<double>& v) {
    QStringList parts;
    for (double x : v) parts << QString::number(x, 'f', 1);
    return parts.join(QStringLiteral(" / "));
}

qsizetype rowsAt(const Session& session) {
    const PageTree::Node* n = session.page().node({MainRoot, 0});
    return n && n->element->frame ? n->element->frame->rowCount() : 0;
}

/// Window: ms from the call to the op applied, and to the chart painted with it.
void inTheWindow(Mode mode, int rounds) {
    Streamer streamer;
    streamer.mode = mode;
    LocalSessionHandle handle;
    Session& session = handle.session();
    widgets::Renderer renderer;
    QWidget top;
    auto* layout = new QVBoxLayout(&top);
    layout->addWidget(renderer.mainArea());
    top.resize(1100, 600);
    top.show();
    renderer.attach(&handle);
    qsizetype expected = kBase;
    qint64 appliedNs = 0;
    QObject::connect(&renderer, &widgets::Renderer::applied, [&] {
        if (rowsAt(session) == expected && !appliedNs) appliedNs = nowNs();
    });
    session.setDashboard(streamer.dashboard());
    if (!waitFor([&] { return appliedNs != 0; })) qFatal("the chart never showed");
    std::vector<double> applied, painted;
    for (int r = 0; r < rounds; ++r) {
        appliedNs = 0;
        expected += kRows;
        streamer.go.release();
        if (!waitFor([&] { return appliedNs != 0; })) qFatal("the rows never showed");
        auto* chart = renderer.widgetAt({MainRoot, 0})->findChild<QChartView*>();
        chart->viewport()->repaint();
        const qint64 paintedNs = nowNs();
        applied.push_back(double(appliedNs - streamer.shownAtNs) / 1e6);
        painted.push_back(double(paintedNs - streamer.shownAtNs) / 1e6);
    }
    streamer.stop = true;
    streamer.go.release();
    waitFor([&] { return session.isIdle(); });
    std::printf("  window, %s: applied %.1f ms (%s), painted %.1f ms (%s)\n",
                mode == Mode::AddRows ? "addRows  " : "redrawn  ", median(applied),
                qPrintable(list(applied)), median(painted), qPrintable(list(painted)));
}

/// Bridge: ms from the call until a loopback client has the rows, and the bytes it got.
void overTheBridge(Mode mode, int rounds) {
    Streamer streamer;
    streamer.mode = mode;
    BridgeOptions options;
    options.address = QHostAddress::LocalHost;
    Bridge server({streamer.dashboard()}, options);
    QSignalSpy listening(&server, &Bridge::listening);
    server.start();
    if (!listening.wait(10'000)) qFatal("the bridge did not listen");
    BridgeClient client;
    if (!client.open(server.url())) qFatal("no connection");
    client.hello();
    auto shownRows = [&]() -> qsizetype {
        const auto paths = client.pathsOf(kindName(ElementKind::LineChart));
        if (paths.isEmpty()) return 0;
        return client.page().node(paths.first())->element->frame->rowCount();
    };
    if (!waitFor([&] { return shownRows() == kBase; })) qFatal("the chart never arrived");
    std::vector<double> ms, kib;
    qsizetype expected = kBase;
    for (int r = 0; r < rounds; ++r) {
        client.clearRecords();
        expected += kRows;
        streamer.go.release();
        if (!waitFor([&] { return shownRows() == expected; })) qFatal("the rows never arrived");
        ms.push_back(double(nowNs() - streamer.shownAtNs) / 1e6);
        kib.push_back(double(client.bytesReceived()) / 1024.0);
    }
    client.close();
    streamer.stop = true;
    streamer.go.release();
    std::printf("  bridge, %s: at the client %.1f ms (%s), %.1f KiB over the socket (%s)\n",
                mode == Mode::AddRows ? "addRows  " : "redrawn  ", median(ms), qPrintable(list(ms)),
                median(kib), qPrintable(list(kib)));
}

}  // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM",
            qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    const int rounds = argc > 1 ? std::max(1, atoi(argv[1])) : 7;
    std::printf(
        "%d rows added to a %d-point line chart, medians of %d rounds (each round's "
        "figure in parentheses):\n",
        kRows, kBase, rounds);
    inTheWindow(Mode::AddRows, rounds);
    inTheWindow(Mode::Redraw, rounds);
    overTheBridge(Mode::AddRows, rounds);
    overTheBridge(Mode::Redraw, rounds);
    return 0;
}
