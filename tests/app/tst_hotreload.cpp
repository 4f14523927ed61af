// SPDX-License-Identifier: GPL-3.0-or-later
// Hot reload as an author meets it: a plugin folder watched by the running app, a window
// and a browser showing the plugin's dashboard with a widget set, then new builds copied in
// place of the old one, as a build writes them.
#include "bridgeclient.h"
#include "mainwindow.h"
#include "pluginsdialog.h"

#include <tessera/host/pluginwatcher.h>
#include <tessera/host/session.h>
#include <tessera/schema.h>

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

using namespace tessera;
namespace prop = tessera::prop;
using bridge::testing::BridgeClient;

namespace {

QByteArray build(const char* version) {
    QFile f(QStringLiteral(RELOAD_BUILDS "/reloadable_%1.so").arg(QLatin1String(version)));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// Writes `bytes` over `file` in place (as `cp` does); `upTo` bytes only, to stop half way.
bool writeBuild(const QString& file, const QByteArray& bytes, qsizetype upTo = -1) {
    QFile f(file);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) return false;
    const QByteArray part = upTo < 0 ? bytes : bytes.left(upTo);
    return f.write(part) == part.size() && f.flush();
}

/// The window's session, in this process.
Session& local(app::MainWindow& window) {
    return qobject_cast<LocalSessionHandle*>(window.session().current())->session();
}

bool waitIdle(Session& session) {
    QElapsedTimer t;
    t.start();
    while (!session.isIdle() && t.elapsed() < 10'000) QTest::qWait(5);
    return session.isIdle();
}

/// What the window's session shows: the text, the slider's value, the run count caption.
QString shown(const Session& session, ElementKind kind, const QString& prop) {
    for (const PageOp& op : session.page().snapshot())
        if (op.element && op.element->kind == kind) return op.element->props.value(prop).toString();
    return {};
}

QString clientShows(const BridgeClient& client, const QString& kind, const QString& prop) {
    const QVector<Path> paths = client.pathsOf(kind);
    if (paths.isEmpty()) return {};
    const auto* node = client.page().node(paths.first());
    return node ? node->element->props.value(prop).toString() : QString();
}

}  // namespace

class TestHotReload : public QObject {
    Q_OBJECT
private slots:
    void looksCompleteKnowsAnElfFileCutShort() {
        QTemporaryDir dir;
        const QByteArray v1 = build("v1");
        QVERIFY(v1.size() > 4096);
        const QString file = dir.filePath(QStringLiteral("cut.so"));
        QVERIFY(writeBuild(file, v1, v1.size() / 2));
        QVERIFY(!PluginWatcher::looksComplete(file));
        QVERIFY(writeBuild(file, v1, 2));
        QVERIFY(!PluginWatcher::looksComplete(file));
        QVERIFY(writeBuild(file, v1));
        QVERIFY(PluginWatcher::looksComplete(file));
    }

    void newBuildsReachTheWindowAndTheBrowserWithWidgetsKept() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString plugin = dir.filePath(QStringLiteral("reloadable.so"));
        QVERIFY(writeBuild(plugin, build("v1")));

        PluginCatalog catalog;
        catalog.setLoadFromCopies(true);
        catalog.scanDirs({dir.path()});
        QVERIFY(catalog.find(QStringLiteral("reloadable")));
        PluginWatcher watcher(catalog, {dir.path()});
        QSignalSpy reloaded(&watcher, &PluginWatcher::reloaded);
        QSignalSpy failed(&watcher, &PluginWatcher::reloadFailed);
        // On the heap: its Session is read by run threads, and ThreadSanitizer keeps stale
        // history for reused stack memory that Qt's uninstrumented constructors write to.
        auto windowOwner = std::make_unique<app::MainWindow>(catalog);
        app::MainWindow& window = *windowOwner;
        window.watchPlugins(&watcher);
        QVERIFY(window.openDashboard(QStringLiteral("reloadable")));
        QVERIFY(waitIdle(local(window)));
        Session& session = local(window);
        QCOMPARE(shown(session, ElementKind::Text, prop::text), QStringLiteral("version 1"));

        // The window's user and a browser each set the slider.
        QCOMPARE(session.setWidgetValue(session.findWidget(QStringLiteral("Level")), 42),
                 QString());
        QVERIFY(waitIdle(session));
        QCOMPARE(shown(session, ElementKind::Metric, prop::value), QStringLiteral("42"));
        window.sharing().start({});
        QTRY_COMPARE_WITH_TIMEOUT(int(window.sharing().state()), int(app::Sharing::State::On),
                                  10'000);
        BridgeClient browser;
        QVERIFY(browser.open(window.sharing().url()));
        browser.hello({{QStringLiteral("dashboard"), QStringLiteral("reloadable")}});
        QTRY_COMPARE_WITH_TIMEOUT(clientShows(browser, QStringLiteral("text"), prop::text),
                                  QStringLiteral("version 1"), 10'000);
        QTRY_VERIFY(!browser.widgetId(QStringLiteral("Level")).isEmpty());
        browser.send({{QStringLiteral("type"), QStringLiteral("widget")},
                      {QStringLiteral("id"), browser.widgetId(QStringLiteral("Level"))},
                      {QStringLiteral("value"), 7}});
        QTRY_COMPARE_WITH_TIMEOUT(clientShows(browser, QStringLiteral("metric"), prop::value),
                                  QStringLiteral("7"), 10'000);
        const QString runsBefore = shown(session, ElementKind::Caption, prop::text);

        // v2 arrives in two writes, as a linker writes it: the first half is waited out, not
        // loaded and not reported.
        const QByteArray v2 = build("v2");
        QVERIFY(writeBuild(plugin, v2, v2.size() / 2));
        QTest::qWait(300);  // several settle times: nothing may happen
        QCOMPARE(reloaded.count(), 0);
        QCOMPARE(failed.count(), 0);
        QVERIFY(writeBuild(plugin, v2));
        QTRY_COMPARE_WITH_TIMEOUT(reloaded.count(), 1, 10'000);
        QCOMPARE(failed.count(), 0);

        // The new text shows, and the widgets and session state are as they were.
        QTRY_COMPARE_WITH_TIMEOUT(shown(session, ElementKind::Text, prop::text),
                                  QStringLiteral("version 2"), 10'000);
        QVERIFY(waitIdle(session));
        QCOMPARE(shown(session, ElementKind::Metric, prop::value), QStringLiteral("42"));
        QVERIFY2(shown(session, ElementKind::Caption, prop::text) != runsBefore,
                 "the new build did not run");
        QVERIFY(shown(session, ElementKind::Caption, prop::text) != QStringLiteral("runs: 1"));
        QTRY_COMPARE_WITH_TIMEOUT(clientShows(browser, QStringLiteral("text"), prop::text),
                                  QStringLiteral("version 2"), 10'000);
        QCOMPARE(clientShows(browser, QStringLiteral("metric"), prop::value), QStringLiteral("7"));
        QVERIFY(std::any_of(
            browser.messages().cbegin(), browser.messages().cend(), [](const QJsonObject& m) {
                return m.value(QStringLiteral("type")).toString() == QStringLiteral("reloaded");
            }));
        QCOMPARE(catalog.findFile(plugin)->generation, 1);
        QVERIFY(window.bannerText().isEmpty());

        // A broken v3: v2 keeps running, the failure is listed and shown, in both places.
        QVERIFY(writeBuild(plugin, build("v3")));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10'000);
        QCOMPARE(reloaded.count(), 1);
        const QVector<PluginInfo> failures = catalog.failures();
        QCOMPARE(failures.size(), 1);
        QVERIFY2(failures.first().reloadError.contains(
                     QLatin1String("tessera_fixture_symbol_that_does_not_exist")),
                 qPrintable(failures.first().reloadError));
        // It names the author's file, not the copy Tessera loads from.
        QVERIFY2(failures.first().reloadError.contains(plugin) &&
                     !failures.first().reloadError.contains(QLatin1String("tessera-plugins-")),
                 qPrintable(failures.first().reloadError));
        QVERIFY(failures.first().ok());                // v2 still serves
        app::PluginsDialog dialog(catalog.plugins());  // Help ▸ Plugins…
        const QTreeWidgetItem* row =
            dialog.findChild<QTreeWidget*>(QStringLiteral("pluginTree"))->topLevelItem(0);
        QCOMPARE(row->text(2), QStringLiteral("new build failed"));
        QVERIFY2(row->text(3).contains(QLatin1String("tessera_fixture_symbol_that_does_not_exist")),
                 qPrintable(row->text(3)));
        QVERIFY2(window.bannerText().contains(QLatin1String("could not be loaded")),
                 qPrintable(window.bannerText()));
        QVERIFY(
            window.findChild<QToolButton*>(QStringLiteral("pluginProblems"))->isVisibleTo(&window));
        QTRY_VERIFY_WITH_TIMEOUT(
            std::any_of(browser.errors().cbegin(), browser.errors().cend(),
                        [](const QJsonObject& e) {
                            return e.value(QStringLiteral("code")).toString() ==
                                   QStringLiteral("plugin-reload");
                        }),
            10'000);
        // A browser that comes only now is told as well, until a good build loads.
        auto toldOfTheFailure = [](const BridgeClient& c) {
            return std::any_of(c.errors().cbegin(), c.errors().cend(), [](const QJsonObject& e) {
                return e.value(QStringLiteral("code")).toString() ==
                       QStringLiteral("plugin-reload");
            });
        };
        BridgeClient late;
        QVERIFY(late.open(window.sharing().url()));
        late.hello({{QStringLiteral("dashboard"), QStringLiteral("reloadable")}});
        QTRY_VERIFY_WITH_TIMEOUT(toldOfTheFailure(late), 10'000);
        session.rerun();
        QVERIFY(waitIdle(session));
        QCOMPARE(shown(session, ElementKind::Text, prop::text), QStringLiteral("version 2"));
        QCOMPARE(shown(session, ElementKind::Metric, prop::value), QStringLiteral("42"));

        // Fixed again: v1's source as a new build loads, and the banner goes.
        QVERIFY(writeBuild(plugin, build("v1")));
        QTRY_COMPARE_WITH_TIMEOUT(reloaded.count(), 2, 10'000);
        QTRY_COMPARE_WITH_TIMEOUT(shown(session, ElementKind::Text, prop::text),
                                  QStringLiteral("version 1"), 10'000);
        QVERIFY(window.bannerText().isEmpty());
        QVERIFY(catalog.failures().isEmpty());
        BridgeClient afterTheFix;
        QVERIFY(afterTheFix.open(window.sharing().url()));
        afterTheFix.hello({{QStringLiteral("dashboard"), QStringLiteral("reloadable")}});
        QTRY_COMPARE_WITH_TIMEOUT(clientShows(afterTheFix, QStringLiteral("text"), prop::text),
                                  QStringLiteral("version 1"), 10'000);
        QVERIFY(!toldOfTheFailure(afterTheFix));
        window.sharing().stop();
    }

    void tesseraServeReloadsUnlessToldNotTo() {
        // The real command line: --plugin-dir folders are watched, --no-watch turns it off.
        for (const bool watch : {true, false}) {
            QTemporaryDir dir;
            const QString plugin = dir.filePath(QStringLiteral("reloadable.so"));
            QVERIFY(writeBuild(plugin, build("v1")));
            QProcess server;
            QStringList args{QStringLiteral("--serve"),      QStringLiteral("127.0.0.1:0"),
                             QStringLiteral("--plugin-dir"), dir.path(),
                             QStringLiteral("--log-level"),  QStringLiteral("info"),
                             QStringLiteral("reloadable")};
            if (!watch) args << QStringLiteral("--no-watch");
            server.start(QStringLiteral(TESSERA_EXECUTABLE), args);
            QVERIFY(server.waitForStarted());
            QUrl url;
            QTRY_VERIFY_WITH_TIMEOUT(
                [&] {
                    const auto match = QRegularExpression(QStringLiteral("http://\\S+"))
                                           .match(QString::fromUtf8(server.peek(4096)));
                    if (match.hasMatch()) url = QUrl(match.captured());
                    return url.isValid();
                }(),
                20'000);
            BridgeClient browser;
            QVERIFY(browser.open(url));
            browser.hello();
            QTRY_COMPARE_WITH_TIMEOUT(clientShows(browser, QStringLiteral("text"), prop::text),
                                      QStringLiteral("version 1"), 10'000);
            const QByteArray log = server.readAllStandardError();
            QCOMPARE(log.contains("for new builds"), watch);  // "watching DIR for new builds"
            if (watch) {
                QVERIFY(writeBuild(plugin, build("v2")));
                QTRY_COMPARE_WITH_TIMEOUT(clientShows(browser, QStringLiteral("text"), prop::text),
                                          QStringLiteral("version 2"), 10'000);
            }
            server.terminate();
            QVERIFY(server.waitForFinished());
        }
    }

    void aNewPluginFileAddsItsDashboards() {
        QTemporaryDir dir;
        PluginCatalog catalog;
        catalog.setLoadFromCopies(true);
        catalog.scanDirs({dir.path()});
        PluginWatcher watcher(catalog, {dir.path()});
        QSignalSpy reloaded(&watcher, &PluginWatcher::reloaded);
        // On the heap: its Session is read by run threads, and ThreadSanitizer keeps stale
        // history for reused stack memory that Qt's uninstrumented constructors write to.
        auto windowOwner = std::make_unique<app::MainWindow>(catalog);
        app::MainWindow& window = *windowOwner;
        window.watchPlugins(&watcher);
        QVERIFY(!window.openDashboard(QStringLiteral("reloadable")));
        QVERIFY(writeBuild(dir.filePath(QStringLiteral("first-build.so")), build("v1")));
        QTRY_COMPARE_WITH_TIMEOUT(reloaded.count(), 1, 10'000);
        QVERIFY(window.openDashboard(QStringLiteral("reloadable")));
        QVERIFY(waitIdle(local(window)));
        QCOMPARE(shown(local(window), ElementKind::Text, prop::text), QStringLiteral("version 1"));
    }
};

QTEST_MAIN(TestHotReload)
#include "tst_hotreload.moc"
