// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop window with its dashboards in workers, used as a user uses it: a button that
// takes its dashboard's worker down shows a notice above that window's page, and the page
// comes back with the slider where the user left it; another window, and the browsers it
// shares with, go on as if nothing happened.
#include "bridgeclient.h"
#include "isolation.h"
#include "mainwindow.h"
#include "workertests.h"

#include <tessera/host/plugincatalog.h>
#include <tessera/host/pluginwatcher.h>
#include <tessera/workers/workerhost.h>

#include <QApplication>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace tessera;
using namespace tessera::workers::testing;
using tessera::bridge::testing::BridgeClient;

namespace {

/// Hosts whose sessions of the test plugins run in workers.
app::SessionHostFactory workerHosts(const PluginCatalog& catalog,
                                    workers::WorkerSettings settings = {}) {
    settings.program = QStringLiteral(TESSERA_BIN);
    const auto plugins = workers::WorkerSessionHost::pluginsOf(catalog);
    return [settings, plugins] {
        return std::make_unique<workers::WorkerSessionHost>(settings, plugins);
    };
}

/// True when a label of `window`'s page reads `text`.
bool shows(const QWidget& window, const QString& text) {
    const auto labels = window.findChildren<QLabel*>();
    return std::any_of(labels.cbegin(), labels.cend(),
                       [&](const QLabel* l) { return l->isVisible() && l->text() == text; });
}

template <typename W>
W* find(const QWidget& window, const QString& text = {}) {
    for (W* w : window.findChildren<W*>())
        if (text.isEmpty() || w->property("text").toString() == text) return w;
    return nullptr;
}

}  // namespace

class TestWindowWorkers : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QCoreApplication::setOrganizationName(QStringLiteral("TesseraTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_windowworkers"));
        m_catalog.scanDirs({QStringLiteral(WORKER_PLUGIN_DIR)});
        QVERIFY(m_catalog.failures().isEmpty());
    }

    void aCrashCostsTheWindowItsDashboardOnly_data() { addWaysToDie(); }

    void aCrashCostsTheWindowItsDashboardOnly() {
        QFETCH(QString, button);
        QFETCH(QString, why);
        workers::WorkerSettings settings;
        settings.runTimeoutMs = 1000;
        const auto hosts = workerHosts(m_catalog, settings);
        // On the heap: ThreadSanitizer keeps stale history for reused stack memory.
        auto dying = std::make_unique<app::MainWindow>(m_catalog, hosts);
        auto steady = std::make_unique<app::MainWindow>(m_catalog, hosts);
        QVERIFY(dying->openDashboard(QStringLiteral("dying")));
        QVERIFY(steady->openDashboard(QStringLiteral("steady")));
        dying->show();
        steady->show();

        // The steady window shares its dashboards with two browsers.
        QSignalSpy listening(&steady->sharing(), &app::Sharing::listening);
        bridge::BridgeOptions options;
        options.address = QHostAddress::LocalHost;
        steady->sharing().start(options);
        QVERIFY(listening.wait(10'000));
        std::unique_ptr<BridgeClient> browsers[2];
        for (auto& browser : browsers) {
            browser = std::make_unique<BridgeClient>();
            QVERIFY(browser->open(steady->sharing().url()));
            browser->hello({{QStringLiteral("dashboard"), QStringLiteral("steady")}});
            QTRY_COMPARE_WITH_TIMEOUT(textOf(*browser), QStringLiteral("m = 1"), kRestartMs);
        }

        QTRY_VERIFY_WITH_TIMEOUT(shows(*dying, QStringLiteral("n = 3")), kRestartMs);
        QSlider* slider = find<QSlider>(*dying);
        QVERIFY(slider);
        slider->setValue(7);
        QTRY_VERIFY(shows(*dying, QStringLiteral("n = 7")));

        QPushButton* die = find<QPushButton>(*dying, button);
        QVERIFY(die);
        die->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dying->bannerText().isEmpty(), kRestartMs);
        const QString notice = dying->bannerText();
        bool told = notice.contains(why);
#if defined(__SANITIZE_ADDRESS__)
        // ASan and UBSan catch the signals themselves and end the process their own way.
        told = told || (why.startsWith(QLatin1String("SIG")) &&
                        notice.contains(QStringLiteral("This dashboard stopped (")));
#endif
        QVERIFY2(told, qPrintable(notice));
        QVERIFY2(notice.contains(QStringLiteral("widget values were kept")), qPrintable(notice));
        // What the worker wrote last is there to unfold.
        auto* more = dying->findChild<QToolButton*>(QStringLiteral("bannerMore"));
        auto* output = dying->findChild<QPlainTextEdit*>(QStringLiteral("bannerDetails"));
        QVERIFY(more && output);
        if (more->isVisible()) {
            more->click();
            QVERIFY(output->isVisible());
            QVERIFY(!output->toPlainText().isEmpty());
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
            if (why.startsWith(QLatin1String("SIG")))
                QVERIFY2(output->toPlainText().contains(QStringLiteral("fatal signal ") + why),
                         qPrintable(output->toPlainText()));
#endif
        }
        // The new worker draws the page again, with the slider's value given back.
        QTRY_VERIFY_WITH_TIMEOUT(shows(*dying, QStringLiteral("n = 7")), kRestartMs);
        find<QSlider>(*dying)->setValue(8);
        QTRY_VERIFY(shows(*dying, QStringLiteral("n = 8")));

        // The other window and its browsers never noticed.
        QVERIFY(steady->bannerText().isEmpty());
        find<QSlider>(*steady)->setValue(42);
        QTRY_VERIFY(shows(*steady, QStringLiteral("m = 42")));
        setWidget(*browsers[0], QStringLiteral("m"), 43);
        setWidget(*browsers[1], QStringLiteral("m"), 44);
        QTRY_COMPARE(textOf(*browsers[0]), QStringLiteral("m = 43"));
        QTRY_COMPARE(textOf(*browsers[1]), QStringLiteral("m = 44"));
        for (const auto& browser : browsers) {
            QVERIFY(browser->connected());
            QVERIFY(browser->errors().isEmpty());
        }
    }

    /// --set in the window reaches a dashboard in a worker, and what it could not set is told.
    void presetsReachAWorker() {
        auto window = std::make_unique<app::MainWindow>(m_catalog, workerHosts(m_catalog));
        QSignalSpy problems(&window->session(), &SessionHandle::presetProblems);
        window->session().setPresets({{QStringLiteral("n"), QStringLiteral("5")},
                                      {QStringLiteral("no such widget"), QStringLiteral("1")}});
        QVERIFY(window->openDashboard(QStringLiteral("dying")));
        window->show();
        QTRY_VERIFY_WITH_TIMEOUT(shows(*window, QStringLiteral("n = 5")), kRestartMs);
        QTRY_COMPARE(problems.count(), 1);
        const QStringList told = problems[0][0].toStringList();
        QCOMPARE(told.size(), 1);
        QVERIFY2(told[0].contains(QStringLiteral("no such widget")), qPrintable(told[0]));
    }

    /// Switching between dashboards of different workers keeps one page, emptied between.
    void switchingDashboardsAcrossWorkers() {
        auto window = std::make_unique<app::MainWindow>(m_catalog, workerHosts(m_catalog));
        QVERIFY(window->openDashboard(QStringLiteral("dying")));
        window->show();
        QTRY_VERIFY_WITH_TIMEOUT(shows(*window, QStringLiteral("n = 3")), kRestartMs);
        QVERIFY(window->openDashboard(QStringLiteral("steady")));
        QTRY_VERIFY_WITH_TIMEOUT(shows(*window, QStringLiteral("m = 1")), kRestartMs);
        QVERIFY(!shows(*window, QStringLiteral("n = 3")));
        QCOMPARE(window->session().dashboardId(), QStringLiteral("steady"));
        QTRY_COMPARE(window->session().elementCount(), 3);
    }

    /// By default the window runs the plugins of a watched --plugin-dir in workers (the
    /// installed ones in its own process); a new build moves the session to a new worker
    /// with its widget values.
    void aWatchedPluginRunsInAWorkerAndReloads() {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("reloadable.so"));
        QVERIFY(QFile::copy(QStringLiteral(RELOAD_BUILDS "/reloadable_v1.so"), file));
        PluginCatalog catalog;
        catalog.setLoadFromCopies(true);
        catalog.scanDirs({dir.path(), QStringLiteral(WORKER_PLUGIN_DIR)});
        PluginWatcher watcher(catalog, {dir.path()});
        app::Options options;
        options.pluginDirs = {dir.path()};
        const auto hosts = app::workerHosts(catalog, options, true, QStringLiteral(TESSERA_BIN));
        QVERIFY(hosts);
        // --no-isolate: none; unwatched: none (the folder's plugins are not being written).
        options.isolation = app::Options::Isolation::Off;
        QVERIFY(!app::workerHosts(catalog, options, true));
        options.isolation = app::Options::Isolation::Default;
        QVERIFY(!app::workerHosts(catalog, options, false));

        auto window = std::make_unique<app::MainWindow>(catalog, hosts);
        window->watchPlugins(&watcher);
        QVERIFY(window->openDashboard(QStringLiteral("reloadable")));
        window->show();
        QTRY_VERIFY_WITH_TIMEOUT(shows(*window, QStringLiteral("version 1")), kRestartMs);
        QVERIFY(!qobject_cast<LocalSessionHandle*>(window->session().current()));
        find<QSlider>(*window)->setValue(42);
        QTRY_VERIFY(shows(*window, QStringLiteral("42")));

        QSignalSpy reloaded(&watcher, &PluginWatcher::reloaded);
        QVERIFY(QFile::remove(file));
        QVERIFY(QFile::copy(QStringLiteral(RELOAD_BUILDS "/reloadable_v2.so"), file));
        QTRY_COMPARE_WITH_TIMEOUT(reloaded.count(), 1, kRestartMs);
        QTRY_VERIFY_WITH_TIMEOUT(
            shows(*window, QStringLiteral("version 2")) && shows(*window, QStringLiteral("42")),
            kRestartMs);
        QVERIFY(window->bannerText().isEmpty());  // a new build is not a stop

        // A dashboard of a folder not watched runs in the window's own process.
        QVERIFY(window->openDashboard(QStringLiteral("steady")));
        QVERIFY(qobject_cast<LocalSessionHandle*>(window->session().current()));
        QTRY_VERIFY_WITH_TIMEOUT(shows(*window, QStringLiteral("m = 1")), kRestartMs);
    }

    /// An allocation past --worker-memory fails in the run, shown in the window as its
    /// exception; the worker lives on.
    void anAllocationPastTheLimitFailsInTheWindowsRun() {
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
        QSKIP("a sanitizer's shadow memory does not fit an address space limit");
#endif
        workers::WorkerSettings settings;
        settings.memoryBytes = qint64(2) << 30;
        auto window =
            std::make_unique<app::MainWindow>(m_catalog, workerHosts(m_catalog, settings));
        QVERIFY(window->openDashboard(QStringLiteral("dying")));
        window->show();
        QTRY_VERIFY_WITH_TIMEOUT(shows(*window, QStringLiteral("n = 3")), kRestartMs);
        find<QPushButton>(*window, QStringLiteral("Allocate too much"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto labels = window->findChildren<QLabel*>();
                return std::any_of(labels.cbegin(), labels.cend(), [](const QLabel* l) {
                    return l->isVisible() && l->text().contains(QStringLiteral("bad_alloc"));
                });
            }(),
            kRestartMs);
        QVERIFY(window->bannerText().isEmpty());  // not a stop
        find<QSlider>(*window)->setValue(9);
        QTRY_VERIFY(shows(*window, QStringLiteral("n = 9")));
    }

    /// A dashboard that keeps crashing is given up on, and the window says why.
    void aCrashLoopIsGivenUpInTheWindow() {
        workers::WorkerSettings settings;
        settings.crashLimit = 2;
        settings.firstBackoffMs = 10;
        auto window =
            std::make_unique<app::MainWindow>(m_catalog, workerHosts(m_catalog, settings));
        QVERIFY(window->openDashboard(QStringLiteral("dying")));
        window->show();
        QTRY_VERIFY_WITH_TIMEOUT(shows(*window, QStringLiteral("n = 3")), kRestartMs);
        find<QPushButton>(*window, QStringLiteral("Abort"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(window->bannerText().contains(QStringLiteral("was restarted")),
                                 kRestartMs);
        QTRY_VERIFY_WITH_TIMEOUT(shows(*window, QStringLiteral("n = 3")), kRestartMs);
        find<QPushButton>(*window, QStringLiteral("Abort"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(window->bannerText().contains(QStringLiteral("is not restarted")),
                                 kRestartMs);
        QVERIFY2(window->bannerText().contains(QStringLiteral("stopped 2 times")),
                 qPrintable(window->bannerText()));
        QCOMPARE(window->session().elementCount(), 0);
        // Another plugin's dashboard in the same window still runs.
        QVERIFY(window->openDashboard(QStringLiteral("steady")));
        QTRY_VERIFY_WITH_TIMEOUT(shows(*window, QStringLiteral("m = 1")), kRestartMs);
    }

private:
    PluginCatalog m_catalog;
};

QTEST_MAIN(TestWindowWorkers)
#include "tst_windowworkers.moc"
