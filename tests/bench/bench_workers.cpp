// SPDX-License-Identifier: GPL-3.0-or-later
// Dashboards in worker processes against the same dashboards in process, in one run: a
// bridge in this process, its browsers played over loopback, and the window's session
// handle. It prints the time from a widget change to the ops that show it (p50/p99), in a
// browser and in the window, the time and bytes to deliver a
// 1,000,000-point chart, how long a worker takes to start, how long a crashed dashboard
// takes to be shown again with its widget values, and a worker's memory.
#include "bridgeclient.h"
#include "workerprocess.h"

#include <tessera/bridge/bridge.h>
#include <tessera/host/plugincatalog.h>
#include <tessera/host/sessionhandle.h>
#include <tessera/schema.h>
#include <tessera/workers/workerhost.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QWebSocket>
#include <algorithm>
#include <cstdio>

using namespace tessera;
using namespace tessera::workers;
using tessera::bridge::Bridge;
using tessera::bridge::BridgeOptions;
using tessera::bridge::testing::BridgeClient;

namespace {

constexpr int kChanges = 300;
constexpr int kSamples = 5;
constexpr int kWaitMs = 60'000;

double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(p * double(values.size())))];
}

double rssMiB(qint64 pid) {
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly)) return 0;
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:")) return line.mid(6).trimmed().split(' ')[0].toDouble() / 1024;
    return 0;
}

QString textOf(const BridgeClient& client) {
    return client.firstProp(QStringLiteral("text"), QStringLiteral("text"));
}

/// Waits for `done`, waking at every message `client` receives (no polling interval).
bool waitOn(BridgeClient& client, const std::function<bool()>& done, int timeoutMs) {
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs) return false;
        QEventLoop loop;
        QObject::connect(&client.socket(), &QWebSocket::textMessageReceived, &loop,
                         &QEventLoop::quit, Qt::QueuedConnection);
        QTimer::singleShot(100, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

void setWidget(BridgeClient& client, const QString& label, const QJsonValue& value) {
    client.send({{QStringLiteral("type"), QStringLiteral("widget")},
                 {QStringLiteral("id"), client.widgetId(label)},
                 {QStringLiteral("value"), value}});
}

/// The bench's plugins: the workers' test plugins and the bench dashboards.
struct Plugins {
    PluginCatalog catalog;
    QVector<WorkerSessionHost::Plugin> list;
    Plugins() {
        catalog.scanDirs({QStringLiteral(WORKER_PLUGIN_DIR), QStringLiteral(BENCH_PLUGIN_DIR)});
        list = WorkerSessionHost::pluginsOf(catalog);
    }
    /// The plugin file of `dashboard`.
    QString fileOf(const QString& dashboard) const {
        for (const auto& p : list)
            if (p.dashboards.contains(dashboard)) return p.file;
        return {};
    }
};

WorkerSettings settings() {
    WorkerSettings s;
    s.program = QStringLiteral(TESSERA_EXECUTABLE);
    s.crashLimit = 1000;
    return s;
}

/// A bridge whose sessions run in workers (`isolate`) or in this process.
std::unique_ptr<Bridge> serve(const Plugins& plugins, bool isolate) {
    BridgeOptions options;
    options.address = QHostAddress::LocalHost;
    options.messagesPerSecond = 1'000'000;  // a person is slower than this bench
    if (isolate)
        options.sessionHost = [list = plugins.list] {
            return std::make_unique<WorkerSessionHost>(settings(), list);
        };
    auto bridge = std::make_unique<Bridge>(plugins.catalog.dashboards(), options);
    QSignalSpy listening(bridge.get(), &Bridge::listening);
    bridge->start();
    if (!listening.wait(10'000)) return nullptr;
    return bridge;
}

std::unique_ptr<BridgeClient> connectTo(const Bridge& bridge, const QString& dashboard) {
    auto client = std::make_unique<BridgeClient>();
    if (!client->open(bridge.url())) return nullptr;
    client->hello({{QStringLiteral("dashboard"), dashboard}});
    if (!QTest::qWaitFor([&] { return client->runsFinished() >= 1 && !client->running(); },
                         kWaitMs))
        return nullptr;
    return client;
}

const char* modeName(bool isolate) {
    return isolate ? "worker    " : "in process";
}

void widgetLatency(const Plugins& plugins) {
    std::printf("\nwidget change -> the ops that show it, %d changes, one browser\n", kChanges);
    std::printf("%-10s | %8s | %8s\n", "sessions", "p50", "p99");
    for (bool isolate : {false, true}) {
        auto bridge = serve(plugins, isolate);
        auto client = bridge ? connectTo(*bridge, QStringLiteral("steady")) : nullptr;
        if (!client) {
            std::printf("%s | the dashboard did not start\n", modeName(isolate));
            return;
        }
        std::vector<double> ms;
        QElapsedTimer clock;
        for (int i = 1; i <= kChanges; ++i) {
            const int value = i % 100 + (i % 100 == 1 ? 1 : 0);  // never the value it has
            if (textOf(*client) == QStringLiteral("m = %1").arg(value)) continue;
            clock.start();
            setWidget(*client, QStringLiteral("m"), value);
            if (!waitOn(
                    *client, [&] { return textOf(*client) == QStringLiteral("m = %1").arg(value); },
                    kWaitMs)) {
                std::printf("%s | %d was not shown\n", modeName(isolate), value);
                return;
            }
            ms.push_back(double(clock.nsecsElapsed()) / 1e6);
        }
        std::printf("%s | %5.2f ms | %5.2f ms\n", modeName(isolate), percentile(ms, 0.5),
                    percentile(ms, 0.99));
    }
}

/// A host for the window's sessions: in workers (`isolate`) or in this process.
std::unique_ptr<SessionHost> windowHost(const Plugins& plugins, bool isolate) {
    if (isolate) return std::make_unique<WorkerSessionHost>(settings(), plugins.list);
    return std::make_unique<LocalSessionHost>();
}

/// The window's path: its handle (SwitchingSessionHandle), as the renderer subscribes to it.
void windowLatency(const Plugins& plugins) {
    std::printf("\nwidget change -> the ops that show it, %d changes, the window's handle\n",
                kChanges);
    std::printf("%-10s | %8s | %8s\n", "sessions", "p50", "p99");
    const Dashboard steady = *plugins.catalog.find(QStringLiteral("steady"));
    for (bool isolate : {false, true}) {
        const std::unique_ptr<SessionHost> host = windowHost(plugins, isolate);
        SwitchingSessionHandle handle(*host);
        QObject receiver;
        QString slider, shown;  // the slider's id; the text the page shows last
        handle.subscribe(&receiver, [&](const PageBatch& batch) {
            for (const PageOp& op : batch.ops) {
                if (op.type != PageOp::Type::Upsert || !op.element) continue;
                if (op.element->kind == ElementKind::Slider) slider = op.element->id;
                if (op.element->kind == ElementKind::Text)
                    shown = op.element->props.value(prop::text).toString();
            }
        });
        handle.setDashboard(steady);
        if (!QTest::qWaitFor([&] { return !slider.isEmpty() && !shown.isEmpty(); }, kWaitMs)) {
            std::printf("%s | the dashboard did not start\n", modeName(isolate));
            return;
        }
        std::vector<double> ms;
        QElapsedTimer clock;
        for (int i = 1; i <= kChanges; ++i) {
            const int value = i % 98 + 2;  // in the slider's range, never twice the same
            const QString expected = QStringLiteral("m = %1").arg(value);
            if (shown == expected) continue;
            clock.start();
            handle.setWidgetValue(slider, value, {});
            while (shown != expected && clock.elapsed() < kWaitMs)
                QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
            if (shown != expected) {
                std::printf("%s | %s was not shown\n", modeName(isolate), qPrintable(expected));
                return;
            }
            ms.push_back(double(clock.nsecsElapsed()) / 1e6);
        }
        std::printf("%s | %5.2f ms | %5.2f ms\n", modeName(isolate), percentile(ms, 0.5),
                    percentile(ms, 0.99));
    }
}

/// What the worker of `file` sent over the link per sample, or `none` in process.
QString overTheLink(const WorkerSessionHost* host, const QString& file, const QString& none) {
    const WorkerProcess* worker = host ? host->worker(file) : nullptr;
    return worker ? QStringLiteral("%1 MB").arg(double(worker->bytesReceived()) / 1e6 / kSamples, 0,
                                                'f', 1)
                  : none;
}

void millionPoints(const Plugins& plugins) {
    std::printf(
        "\na 1,000,000-point chart to a browser (hello -> the page shows it; median of %d)\n",
        kSamples);
    std::printf("%-10s | %9s | %14s | %14s\n", "sessions", "time", "to the browser",
                "over the link");
    const QString file = plugins.fileOf(QStringLiteral("bench-million"));
    for (bool isolate : {false, true}) {
        // The bridge makes its session host in its thread; the bench reads the link's count
        // once every browser has its page.
        auto made = std::make_shared<std::atomic<WorkerSessionHost*>>(nullptr);
        BridgeOptions options;
        options.address = QHostAddress::LocalHost;
        if (isolate)
            options.sessionHost = [list = plugins.list, made] {
                auto host = std::make_unique<WorkerSessionHost>(settings(), list);
                *made = host.get();
                return host;
            };
        Bridge bridge(plugins.catalog.dashboards(), options);
        QSignalSpy listening(&bridge, &Bridge::listening);
        bridge.start();
        if (!listening.wait(10'000)) return;
        std::vector<double> ms;
        qint64 bytes = 0;
        for (int i = 0; i < kSamples; ++i) {
            QElapsedTimer clock;
            clock.start();
            auto client = connectTo(bridge, QStringLiteral("bench-million"));
            if (!client || client->pathsOf(QStringLiteral("line_chart")).isEmpty()) return;
            ms.push_back(double(clock.nsecsElapsed()) / 1e6);
            bytes = client->bytesReceived();
        }
        const QString link = overTheLink(made->load(), file, QStringLiteral("-"));
        std::printf("%s | %6.0f ms | %11.1f MB | %14s\n", modeName(isolate), percentile(ms, 0.5),
                    double(bytes) / 1e6, qPrintable(link));
    }
}

/// The same chart to the window: its handle, from the dashboard asked for to the batch that
/// holds the chart's columns (decoded, when from a worker).
void windowMillionPoints(const Plugins& plugins) {
    std::printf("\na 1,000,000-point chart to the window's handle (median of %d)\n", kSamples);
    std::printf("%-10s | %9s | %14s\n", "sessions", "time", "over the link");
    const QString file = plugins.fileOf(QStringLiteral("bench-million"));
    const Dashboard million = *plugins.catalog.find(QStringLiteral("bench-million"));
    for (bool isolate : {false, true}) {
        const std::unique_ptr<SessionHost> host = windowHost(plugins, isolate);
        std::vector<double> ms;
        for (int i = 0; i < kSamples; ++i) {
            SwitchingSessionHandle handle(*host);
            QObject receiver;
            qsizetype points = 0;
            handle.subscribe(&receiver, [&](const PageBatch& batch) {
                for (const PageOp& op : batch.ops)
                    if (op.element && op.element->kind == ElementKind::LineChart &&
                        op.element->frame)
                        points = op.element->frame->rowCount();
            });
            QElapsedTimer clock;
            clock.start();
            handle.setDashboard(million);
            while (points == 0 && clock.elapsed() < kWaitMs)
                QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
            if (points == 0) {
                std::printf("%s | the chart did not come\n", modeName(isolate));
                return;
            }
            ms.push_back(double(clock.nsecsElapsed()) / 1e6);
        }
        const QString link = overTheLink(dynamic_cast<const WorkerSessionHost*>(host.get()), file,
                                         QStringLiteral("- (shared)"));
        std::printf("%s | %6.0f ms | %14s\n", modeName(isolate), percentile(ms, 0.5),
                    qPrintable(link));
    }
}

void workerStart(const Plugins& plugins) {
    QString file;
    QStringList ids;
    for (const auto& p : plugins.list)
        if (p.dashboards.contains(QStringLiteral("steady"))) file = p.file, ids = p.dashboards;
    std::vector<double> ms;
    double rss = 0;
    for (int i = 0; i < kSamples; ++i) {
        QElapsedTimer clock;
        clock.start();
        WorkerProcess worker(settings(), file, ids);
        QSignalSpy ready(&worker, &WorkerProcess::ready);
        if (!ready.wait(kWaitMs)) return;
        ms.push_back(double(clock.nsecsElapsed()) / 1e6);
        rss = rssMiB(worker.processId());
    }
    std::printf(
        "\na worker starts (process, plugin loaded, ready): median %.0f ms of %d; its RSS "
        "idle: %.1f MiB\n",
        percentile(ms, 0.5), kSamples, rss);
}

void crashToShown(const Plugins& plugins) {
    auto bridge = serve(plugins, true);
    auto client = bridge ? connectTo(*bridge, QStringLiteral("dying")) : nullptr;
    if (!client) return;
    std::vector<double> ms;
    for (int i = 0; i < kSamples; ++i) {
        const int value = 5 + i;
        setWidget(*client, QStringLiteral("n"), value);
        const QString shown = QStringLiteral("n = %1").arg(value);
        if (!QTest::qWaitFor([&] { return textOf(*client) == shown; }, kWaitMs)) return;
        const auto stops = client->errors().size();
        QElapsedTimer clock;
        clock.start();
        setWidget(*client, QStringLiteral("Dereference null"), true);
        if (!QTest::qWaitFor(
                [&] { return client->errors().size() > stops && textOf(*client) == shown; },
                kWaitMs))
            return;
        ms.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    QStringList each;
    for (double v : ms) each << QString::number(v, 'f', 0);
    std::printf(
        "\na segfault -> the dashboard shown again with its widget values, crash after "
        "crash: %s ms\n(each restart waits twice as long as the one before, from 100 ms, "
        "while the stops fall within 60 s)\n",
        qPrintable(each.join(QStringLiteral(", "))));
}

}  // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const Plugins plugins;
    widgetLatency(plugins);
    windowLatency(plugins);
    millionPoints(plugins);
    windowMillionPoints(plugins);
    workerStart(plugins);
    crashToShown(plugins);
    return 0;
}
