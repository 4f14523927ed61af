// SPDX-License-Identifier: GPL-3.0-or-later
// Dashboards in worker processes, driven over the bridge as browsers drive them: a plugin
// that dies costs its own sessions a restart, with their widget values kept, and nothing
// else; one that keeps dying is given up on, and says so.
#include "bridgeclient.h"
#include "clientpage.h"
#include "workerprocess.h"
#include "workertests.h"

#include <tessera/bridge/bridge.h>
#include <tessera/host/plugincatalog.h>
#include <tessera/limit.h>
#include <tessera/value.h>
#include <tessera/workers/workerhost.h>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

using namespace tessera;
using namespace tessera::workers::testing;
using namespace tessera::workers;
using tessera::bridge::Bridge;
using tessera::bridge::BridgeOptions;
using tessera::bridge::testing::BridgeClient;

namespace {

/// The errors of `code` the client was sent.
QVector<QJsonObject> errorsOf(const BridgeClient& client, const QString& code) {
    QVector<QJsonObject> found;
    for (const QJsonObject& e : client.errors())
        if (e.value(QStringLiteral("code")).toString() == code) found << e;
    return found;
}

struct Served {
    PluginCatalog catalog;
    std::unique_ptr<Bridge> bridge;
};

/// A bridge whose sessions of the test plugins run in workers.
std::unique_ptr<Served> serve(WorkerSettings settings, BridgeOptions options = {}) {
    auto served = std::make_unique<Served>();
    served->catalog.scanDirs({QStringLiteral(WORKER_PLUGIN_DIR)});
    if (!served->catalog.failures().isEmpty()) return nullptr;
    const auto plugins = WorkerSessionHost::pluginsOf(served->catalog);
    settings.program = QStringLiteral(TESSERA_BIN);
    options.address = QHostAddress::LocalHost;
    options.sessionHost = [settings, plugins] {
        return std::make_unique<WorkerSessionHost>(settings, plugins);
    };
    served->bridge = std::make_unique<Bridge>(served->catalog.dashboards(), options);
    QSignalSpy listening(served->bridge.get(), &Bridge::listening);
    served->bridge->start();
    if (!listening.wait(10'000)) return nullptr;
    return served;
}

/// A client of `dashboard` whose first run has finished.
std::unique_ptr<BridgeClient> connectTo(const Served& served, const QString& dashboard) {
    auto client = std::make_unique<BridgeClient>();
    if (!client->open(served.bridge->url())) return nullptr;
    client->hello({{QStringLiteral("dashboard"), dashboard}});
    if (!QTest::qWaitFor([&] { return client->runsFinished() >= 1 && !client->running(); },
                         kRestartMs))
        return nullptr;
    return client;
}

}  // namespace

class TestWorkers : public QObject {
    Q_OBJECT
private slots:
    void aCrashCostsOnlyItsOwnDashboard_data() { addWaysToDie(); }

    void aCrashCostsOnlyItsOwnDashboard() {
        QFETCH(QString, button);
        QFETCH(QString, why);
        WorkerSettings settings;
        settings.runTimeoutMs = 1000;
        const auto served = serve(settings);
        QVERIFY(served);
        auto steady1 = connectTo(*served, QStringLiteral("steady"));
        auto steady2 = connectTo(*served, QStringLiteral("steady"));
        auto dying = connectTo(*served, QStringLiteral("dying"));
        QVERIFY(steady1 && steady2 && dying);
        QCOMPARE(textOf(*dying), QStringLiteral("n = 3"));
        setWidget(*dying, QStringLiteral("n"), 7);
        QTRY_COMPARE(textOf(*dying), QStringLiteral("n = 7"));

        setWidget(*dying, button, true);
        QTRY_COMPARE_WITH_TIMEOUT(errorsOf(*dying, QStringLiteral("dashboard-stopped")).size(), 1,
                                  kRestartMs);
        const QString notice = errorsOf(*dying, QStringLiteral("dashboard-stopped"))[0]
                                   .value(QStringLiteral("message"))
                                   .toString();
        bool told = notice.contains(why);
#if defined(__SANITIZE_ADDRESS__)
        // ASan and UBSan catch the signals themselves and end the process their own way.
        told = told || (why.startsWith(QLatin1String("SIG")) &&
                        notice.contains(QStringLiteral("This dashboard stopped (")));
#endif
        QVERIFY2(told, qPrintable(notice));
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
        // A fatal signal leaves its report and backtrace among the last lines, a stack
        // overflow on a run's thread too (the sanitizers handle the signals themselves).
        if (why.startsWith(QLatin1String("SIG")))
            QVERIFY2(notice.contains(QStringLiteral("fatal signal ") + why), qPrintable(notice));
#endif
        QVERIFY2(notice.contains(QStringLiteral("widget values were kept")), qPrintable(notice));
        // The page was emptied before the notice: what shows now is the new worker's, with
        // the slider's value given back.
        QTRY_COMPARE_WITH_TIMEOUT(textOf(*dying), QStringLiteral("n = 7"), kRestartMs);
        QVERIFY(dying->connected());

        // The other dashboard's browsers never noticed.
        setWidget(*steady1, QStringLiteral("m"), 42);
        QTRY_COMPARE(textOf(*steady1), QStringLiteral("m = 42"));
        setWidget(*steady2, QStringLiteral("m"), 43);
        QTRY_COMPARE(textOf(*steady2), QStringLiteral("m = 43"));
        for (BridgeClient* c : {steady1.get(), steady2.get()}) {
            QVERIFY(c->connected());
            QVERIFY(c->errors().isEmpty());
        }
        // And the restarted one answers as before.
        setWidget(*dying, QStringLiteral("n"), 8);
        QTRY_COMPARE(textOf(*dying), QStringLiteral("n = 8"));
    }

    void aSegfaultUnderServeLeavesEveryoneElseConnected() {
        // `tessera --serve` as a user starts it: its plugins in workers, by default.
        QProcess tessera;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        tessera.setProcessEnvironment(env);
        tessera.start(QStringLiteral(TESSERA_BIN),
                      {QStringLiteral("--serve"), QStringLiteral("127.0.0.1:0"),
                       QStringLiteral("--no-watch"), QStringLiteral("--plugin-dir"),
                       QStringLiteral(WORKER_PLUGIN_DIR), QStringLiteral("steady")});
        QByteArray printed;
        static const QRegularExpression urlPattern(
            QStringLiteral("http://127\\.0\\.0\\.1:\\d+/\\S*"));
        QRegularExpressionMatch url;
        QTRY_VERIFY_WITH_TIMEOUT(
            (printed += tessera.readAllStandardOutput(),
             url = urlPattern.match(QString::fromUtf8(printed)), url.hasMatch()),
            kRestartMs);
        auto open = [&](const QString& dashboard) {
            auto client = std::make_unique<BridgeClient>();
            if (!client->open(QUrl(url.captured()))) return std::unique_ptr<BridgeClient>();
            client->hello({{QStringLiteral("dashboard"), dashboard}});
            if (!QTest::qWaitFor([&] { return client->runsFinished() >= 1 && !client->running(); },
                                 kRestartMs))
                return std::unique_ptr<BridgeClient>();
            return client;
        };
        auto steady1 = open(QStringLiteral("steady"));
        auto steady2 = open(QStringLiteral("steady"));
        auto dying = open(QStringLiteral("dying"));
        QVERIFY(steady1 && steady2 && dying);
        setWidget(*dying, QStringLiteral("Dereference null"), true);
        QTRY_COMPARE_WITH_TIMEOUT(errorsOf(*dying, QStringLiteral("dashboard-stopped")).size(), 1,
                                  kRestartMs);
        QTRY_COMPARE_WITH_TIMEOUT(textOf(*dying), QStringLiteral("n = 3"), kRestartMs);
        setWidget(*steady1, QStringLiteral("m"), 11);
        setWidget(*steady2, QStringLiteral("m"), 12);
        QTRY_COMPARE(textOf(*steady1), QStringLiteral("m = 11"));
        QTRY_COMPARE(textOf(*steady2), QStringLiteral("m = 12"));
        QVERIFY(steady1->connected() && steady2->connected() && dying->connected());
        QCOMPARE(tessera.state(), QProcess::Running);
        tessera.terminate();
        QVERIFY(tessera.waitForFinished(10'000));
    }

    void anAllocationPastTheMemoryLimitFailsInTheRun() {
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
        QSKIP("a sanitizer's shadow memory does not fit an address space limit");
#endif
        WorkerSettings settings;
        settings.memoryBytes = qint64(2) << 30;
        const auto served = serve(settings);
        QVERIFY(served);
        auto dying = connectTo(*served, QStringLiteral("dying"));
        QVERIFY(dying);
        setWidget(*dying, QStringLiteral("Allocate too much"), true);
        QTRY_VERIFY_WITH_TIMEOUT(!dying->pathsOf(QStringLiteral("exception")).isEmpty(),
                                 kRestartMs);
        const ElementPtr shown =
            dying->page().node(dying->pathsOf(QStringLiteral("exception")).first())->element;
        QVERIFY2(shown->props.value(QStringLiteral("type"))
                     .toString()
                     .contains(QStringLiteral("bad_alloc")),
                 qPrintable(shown->props.value(QStringLiteral("type")).toString()));
        QVERIFY(errorsOf(*dying, QStringLiteral("dashboard-stopped")).isEmpty());
        setWidget(*dying, QStringLiteral("n"), 9);
        QTRY_COMPARE(textOf(*dying), QStringLiteral("n = 9"));
    }

    void aNewBuildMovesItsSessionsToANewWorker() {
        // The plugin file as an author's build leaves it; the host loads copies of it.
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("reloadable.so"));
        QVERIFY(QFile::copy(QStringLiteral(RELOAD_BUILDS "/reloadable_v1.so"), file));
        PluginCatalog catalog;
        catalog.setLoadFromCopies(true);
        QVERIFY(catalog.loadFile(file).ok());
        BridgeOptions options;
        options.address = QHostAddress::LocalHost;
        options.sessionHost = [file] {
            WorkerSettings settings;
            settings.program = QStringLiteral(TESSERA_BIN);
            return std::make_unique<WorkerSessionHost>(
                settings,
                QVector<WorkerSessionHost::Plugin>{{file, {QStringLiteral("reloadable")}}});
        };
        Bridge bridge(catalog.dashboards(), options);
        QSignalSpy listening(&bridge, &Bridge::listening);
        bridge.start();
        QVERIFY(listening.wait(10'000));
        BridgeClient client;
        QVERIFY(client.open(bridge.url()));
        client.hello({{QStringLiteral("dashboard"), QStringLiteral("reloadable")}});
        QTRY_COMPARE_WITH_TIMEOUT(textOf(client), QStringLiteral("version 1"), kRestartMs);
        setWidget(client, QStringLiteral("Level"), 42);
        const auto level = [&] {
            return client.firstProp(QStringLiteral("metric"), QStringLiteral("value"));
        };
        QTRY_COMPARE(level(), QStringLiteral("42"));

        // A new build: a new file in place of the old one, as a linker writes it.
        QVERIFY(QFile::remove(file));
        QVERIFY(QFile::copy(QStringLiteral(RELOAD_BUILDS "/reloadable_v2.so"), file));
        const PluginInfo& rebuilt = catalog.reloadFile(file);
        QVERIFY(rebuilt.ok());
        bridge.reloadDashboards(rebuilt.dashboards);
        // The new build's run draws its text before its metric, maybe in batches of their own.
        QTRY_VERIFY_WITH_TIMEOUT(
            textOf(client) == QStringLiteral("version 2") && !level().isEmpty(), kRestartMs);
        QCOMPARE(level(), QStringLiteral("42"));  // the widget value moved over
        QVERIFY(std::any_of(
            client.messages().cbegin(), client.messages().cend(), [](const QJsonObject& m) {
                return m.value(QStringLiteral("type")).toString() == QStringLiteral("reloaded");
            }));
        QVERIFY(client.errors().isEmpty());  // no stop was reported
        QVERIFY(client.connected());
    }

    void clearingTheCachesReachesTheWorkers() {
        // The server's own processes hold no cache of a plugin in a worker: a browser
        // allowed to clear the caches clears the workers'.
        BridgeOptions options;
        options.allowClearCache = true;
        const auto served = serve({}, options);
        QVERIFY(served);
        auto steady = connectTo(*served, QStringLiteral("steady"));
        QVERIFY(steady);
        const auto caption = [&] {
            return steady->firstProp(QStringLiteral("caption"), QStringLiteral("text"));
        };
        QCOMPARE(caption(), QStringLiteral("computed 1 times"));
        setWidget(*steady, QStringLiteral("m"), 2);
        QTRY_COMPARE(textOf(*steady), QStringLiteral("m = 2"));
        QCOMPARE(caption(), QStringLiteral("computed 1 times"));  // from the cache
        steady->send({{QStringLiteral("type"), QStringLiteral("clearCache")}});
        steady->send({{QStringLiteral("type"), QStringLiteral("rerun")}});
        QTRY_COMPARE_WITH_TIMEOUT(caption(), QStringLiteral("computed 2 times"), kRestartMs);
        QVERIFY(steady->errors().isEmpty());
    }

    void aCrashLoopIsGivenUp() {
        WorkerSettings settings;
        settings.crashLimit = 3;
        settings.firstBackoffMs = 10;
        const auto served = serve(settings);
        QVERIFY(served);
        auto steady = connectTo(*served, QStringLiteral("steady"));
        auto dying = connectTo(*served, QStringLiteral("dying"));
        QVERIFY(steady && dying);
        for (int stop = 1; stop < settings.crashLimit; ++stop) {
            setWidget(*dying, QStringLiteral("Abort"), true);
            QTRY_COMPARE_WITH_TIMEOUT(errorsOf(*dying, QStringLiteral("dashboard-stopped")).size(),
                                      stop, kRestartMs);
            QTRY_COMPARE_WITH_TIMEOUT(textOf(*dying), QStringLiteral("n = 3"), kRestartMs);
        }
        setWidget(*dying, QStringLiteral("Abort"), true);
        QTRY_COMPARE_WITH_TIMEOUT(errorsOf(*dying, QStringLiteral("dashboard-failed")).size(), 1,
                                  kRestartMs);
        const QString why = errorsOf(*dying, QStringLiteral("dashboard-failed"))[0]
                                .value(QStringLiteral("message"))
                                .toString();
        QVERIFY2(why.contains(QStringLiteral("stopped 3 times")), qPrintable(why));
        QVERIFY2(why.contains(QStringLiteral("SIGABRT")), qPrintable(why));
        QCOMPARE(dying->page().elementCount(), 0);
        // A browser that comes later is told why the page stays empty.
        BridgeClient later;
        QVERIFY(later.open(served->bridge->url()));
        later.hello({{QStringLiteral("dashboard"), QStringLiteral("dying")}});
        QTRY_COMPARE(errorsOf(later, QStringLiteral("dashboard-failed")).size(), 1);
        QCOMPARE(later.page().elementCount(), 0);
        setWidget(*steady, QStringLiteral("m"), 5);
        QTRY_COMPARE(textOf(*steady), QStringLiteral("m = 5"));
    }
    void anUploadersFilesComeBackAfterACrash() {
        PluginCatalog catalog;
        catalog.scanDirs({QStringLiteral(WORKER_PLUGIN_DIR)});
        WorkerSettings settings;
        settings.program = QStringLiteral(TESSERA_BIN);
        WorkerSessionHost host(settings, WorkerSessionHost::pluginsOf(catalog));
        QObject owner;
        SessionHandle* handle = host.open(*catalog.find(QStringLiteral("dying")), &owner);
        bridge::ClientPage page;
        handle->subscribe(&owner, [&](const PageBatch& batch) { page.apply(batch.ops); });
        // The dashboard is flat: its elements are the main area's children.
        const auto shown = [&](ElementKind kind) -> ElementPtr {
            for (int i = 0; const auto* node = page.node({0, i}); ++i)
                if (node->element && node->element->kind == kind) return node->element;
            return nullptr;
        };
        const auto caption = [&] {
            const ElementPtr e = shown(ElementKind::Caption);
            return e ? e->props.value(QStringLiteral("text")).toString() : QString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(caption(), QStringLiteral("files: "), kRestartMs);
        const QString uploader = shown(ElementKind::FileUploader)->id;
        handle->setWidgetValue(
            uploader,
            uploaderValue({{QStringLiteral("a.csv"), QStringLiteral("text/csv"), "1,2,3"}}), {});
        QTRY_COMPARE(caption(), QStringLiteral("files: a.csv (5 bytes)"));

        QSignalSpy stopped(handle, &SessionHandle::notice);
        for (int i = 0; const auto* node = page.node({0, i}); ++i)  // press "Abort"
            if (node->element->kind == ElementKind::Button &&
                node->element->props.value(QStringLiteral("label")) == QStringLiteral("Abort"))
                handle->setWidgetValue(node->element->id, true, {});
        QTRY_COMPARE_WITH_TIMEOUT(stopped.count(), 1, kRestartMs);
        // The new worker's session has the file again, before its first run draws.
        QTRY_COMPARE_WITH_TIMEOUT(caption(), QStringLiteral("files: a.csv (5 bytes)"), kRestartMs);
    }

    void aBrowserSwitchesBetweenDashboardsOfOneWorker() {
        const auto served = serve({});
        QVERIFY(served);
        auto client = connectTo(*served, QStringLiteral("steady"));
        QVERIFY(client);
        QCOMPARE(textOf(*client), QStringLiteral("m = 1"));
        // Another dashboard of the same plugin: the same worker's session shows it.
        client->send({{QStringLiteral("type"), QStringLiteral("dashboard")},
                      {QStringLiteral("id"), QStringLiteral("steady-limited")}});
        QTRY_COMPARE_WITH_TIMEOUT(textOf(*client), QStringLiteral("holding"), kRestartMs);
        client->send({{QStringLiteral("type"), QStringLiteral("dashboard")},
                      {QStringLiteral("id"), QStringLiteral("steady")}});
        QTRY_COMPARE_WITH_TIMEOUT(textOf(*client), QStringLiteral("m = 1"), kRestartMs);
        QVERIFY(client->errors().isEmpty());
    }

    void limitGroupsAreOneAcrossWorkers() {
        // A run of either test plugin holds the one place of "shared" while this file is.
        QTemporaryDir dir;
        const QString hold = dir.filePath(QStringLiteral("hold"));
        QVERIFY(QFile(hold).open(QIODevice::WriteOnly));
        qputenv("TESSERA_TEST_HOLD", hold.toLocal8Bit());  // for the workers started
        const auto unset = qScopeGuard([] { qunsetenv("TESSERA_TEST_HOLD"); });
        const auto served = serve({});
        QVERIFY(served);
        const auto open = [&](const QString& dashboard) {
            auto client = std::make_unique<BridgeClient>();
            if (client->open(served->bridge->url()))
                client->hello({{QStringLiteral("dashboard"), dashboard}});
            return client;
        };
        const auto waiting = [](const BridgeClient& client) {
            return client.firstProp(QStringLiteral("info"), QStringLiteral("text"));
        };
        const auto place = [](int position, int length) {
            return QStringLiteral("Waiting for shared — position %1 of %2")
                .arg(position)
                .arg(length);
        };
        const auto group = [] {
            for (const LimitGroupStatus& g : limitGroups())
                if (g.name == QLatin1String("shared")) return g;
            return LimitGroupStatus{};
        };

        auto first = open(QStringLiteral("steady-limited"));
        QTRY_COMPARE_WITH_TIMEOUT(textOf(*first), QStringLiteral("holding"), kRestartMs);
        auto second = open(QStringLiteral("dying-limited"));  // another worker
        QTRY_COMPARE_WITH_TIMEOUT(waiting(*second), place(1, 1), kRestartMs);
        auto third = open(QStringLiteral("steady-limited"));  // the first one's worker
        QTRY_COMPARE_WITH_TIMEOUT(waiting(*third), place(2, 2), kRestartMs);
        QTRY_COMPARE(waiting(*second), place(1, 2));
        // The host owns the group: one holder, two waiting, from two processes.
        QCOMPARE(group().holders, 1);
        QCOMPARE(group().waiting, 2);

        // The holder's worker dies: its place, and the third's request, go back; the second
        // is next. The first and the third come back in a new worker and queue behind it.
        const QString pid = first->firstProp(QStringLiteral("caption"), QStringLiteral("text"));
        QVERIFY(pid.startsWith(QStringLiteral("pid ")));
        QCOMPARE(::kill(pid.mid(4).toInt(), SIGKILL), 0);
        QTRY_COMPARE_WITH_TIMEOUT(textOf(*second), QStringLiteral("holding"), kRestartMs);
        QTRY_VERIFY_WITH_TIMEOUT(waiting(*first).endsWith(QStringLiteral(" of 2")) &&
                                     waiting(*third).endsWith(QStringLiteral(" of 2")),
                                 kRestartMs);
        QTRY_COMPARE(group().holders, 1);
        QCOMPARE(group().waiting, 2);

        // Let go: each run takes its turn, and the group is empty after.
        QVERIFY(QFile::remove(hold));
        QTRY_COMPARE_WITH_TIMEOUT(textOf(*first), QStringLiteral("holding"), kRestartMs);
        QTRY_COMPARE_WITH_TIMEOUT(textOf(*third), QStringLiteral("holding"), kRestartMs);
        QTRY_COMPARE(group().holders, 0);
        QCOMPARE(group().waiting, 0);
        for (const auto& client : {first.get(), second.get(), third.get()})
            QVERIFY(client->connected());
    }
};

QTEST_GUILESS_MAIN(TestWorkers)
#include "tst_workers.moc"
