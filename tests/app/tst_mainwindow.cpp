// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop window as a user meets it: the dashboard list, R to rerun, the run timeline,
// the concurrency groups in the status bar, File ▸ New Window and File ▸ Share….
#include "mainwindow.h"
#include "sharedialog.h"
#include "timelineview.h"

#include <tessera/host/session.h>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTcpServer>
#include <QTest>
#include <QToolButton>
#include <QUrlQuery>
#include <QWebSocket>
#include <atomic>

using namespace tessera;
using namespace std::chrono_literals;

namespace {

std::atomic<int> g_runs{0};
std::atomic<bool> g_holdGroup{false};

PluginCatalog& catalog() {
    static PluginCatalog c;
    static const bool filled = [] {
        c.addBuiltin(QStringLiteral("test"),
                     {{QStringLiteral("second"),
                       QStringLiteral("Second page"),
                       {},
                       [](Ui& ui) { ui.text(QStringLiteral("two")); }},
                      {QStringLiteral("gallery"), QStringLiteral("Start page"), {}, [](Ui& ui) {
                           ++g_runs;
                           ui.text(QStringLiteral("one"));
                           ui.fragment(QStringLiteral("side"), {.parallel = true},
                                       [](Ui& f) { f.caption(QStringLiteral("in parallel")); });
                           if (g_holdGroup) {
                               auto slot = ui.limit(QStringLiteral("window-test"));
                               while (g_holdGroup) ui.sleep(10ms);
                           }
                       }}});
        return true;
    }();
    Q_UNUSED(filled);
    return c;
}

/// The window's session, in this process.
Session& local(app::MainWindow& window) {
    return qobject_cast<LocalSessionHandle*>(window.session().current())->session();
}

bool waitIdle(Session& session) {
    QElapsedTimer t;
    t.start();
    while (!session.isIdle() && t.elapsed() < 10000) QTest::qWait(5);
    return session.isIdle();
}

}  // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QCoreApplication::setOrganizationName(QStringLiteral("TesseraTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
        QSettings().clear();  // start as a first launch
    }

    void opensTheStartPageAndListsDashboards() {
        app::MainWindow window(catalog());
        QVERIFY(window.openDashboard({}));
        window.show();
        QVERIFY(waitIdle(local(window)));
        auto* list = window.findChild<QListWidget*>(QStringLiteral("dashboardList"));
        QVERIFY(list);
        QCOMPARE(list->count(), 2);
        QCOMPARE(list->item(0)->data(Qt::UserRole).toString(),
                 QStringLiteral("gallery"));  // gallery first
        QCOMPARE(window.session().dashboardId(), QStringLiteral("gallery"));
        QVERIFY(!window.openDashboard(QStringLiteral("no-such-page")));
    }

    void remembersTheLastDashboard() {
        {
            app::MainWindow window(catalog());
            window.openDashboard(QStringLiteral("second"));
        }
        app::MainWindow again(catalog());
        again.openDashboard({});
        QCOMPARE(again.session().dashboardId(), QStringLiteral("second"));
        QSettings().clear();
    }

    void rKeyRerunsAndTheTimelineShowsEveryScope() {
        app::MainWindow window(catalog());
        window.openDashboard(QStringLiteral("gallery"));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(waitIdle(local(window)));
        const int before = g_runs;
        QTest::keyClick(&window, Qt::Key_R);
        QTRY_COMPARE(g_runs.load(), before + 1);
        QVERIFY(waitIdle(local(window)));
        auto* timeline = window.findChild<app::TimelineView*>(QStringLiteral("runTimeline"));
        QVERIFY(timeline);
        QCOMPARE(timeline->record().runNames(), (QStringList{"main", "side"}));
        QVERIFY(!timeline->grab().isNull());
    }

    void timelineTicksNeverReadTheSame_data() {
        QTest::addColumn<double>("totalMs");
        for (double ms : {0.03, 0.3, 2.7, 48.0, 730.0, 6000.0, 61000.0})
            QTest::newRow(qPrintable(QString::number(ms))) << ms;
    }
    void timelineTicksNeverReadTheSame() {
        QFETCH(double, totalMs);
        app::TimelineView timeline;
        timeline.resize(900, 200);
        GroupRecord record;
        record.runs.append(
            {QStringLiteral("main"), QStringLiteral("main"), 0, 0, totalMs, RunStatus::Finished});
        timeline.setRecord(record);
        const auto ticks = timeline.axisTicks();
        QVERIFY(ticks.size() >= 2);
        QStringList labels;
        for (const auto& tick : ticks) labels << tick.second;
        QCOMPARE(QSet<QString>(labels.cbegin(), labels.cend()).size(), labels.size());
    }

    void statusBarShowsConcurrencyGroups() {
        app::MainWindow window(catalog());
        g_holdGroup = true;
        window.openDashboard(QStringLiteral("gallery"));
        window.show();
        auto* label = window.findChild<QLabel*>(QStringLiteral("limitStatus"));
        QVERIFY(label);
        QTRY_VERIFY_WITH_TIMEOUT(label->text().contains(QStringLiteral("window-test: 1/1 busy")),
                                 5000);
        g_holdGroup = false;
        QTRY_VERIFY_WITH_TIMEOUT(label->text().contains(QStringLiteral("window-test: 0/1 busy")),
                                 5000);
    }

    void newWindowIsAnotherSession() {
        app::MainWindow window(catalog());
        window.openDashboard(QStringLiteral("second"));
        window.show();
        QVERIFY(waitIdle(local(window)));
        QAction* newWindow = nullptr;
        for (QAction* a : window.findChildren<QAction*>())
            if (a->text().contains(QStringLiteral("New Window"))) newWindow = a;
        QVERIFY(newWindow);
        newWindow->trigger();
        app::MainWindow* other = nullptr;
        for (QWidget* w : QApplication::topLevelWidgets())
            if (auto* m = qobject_cast<app::MainWindow*>(w); m && m != &window && m->isVisible())
                other = m;
        QVERIFY(other);
        QVERIFY(&other->session() != &window.session());
        QCOMPARE(other->session().dashboardId(), QStringLiteral("second"));
        QVERIFY(waitIdle(local(*other)));
        QCOMPARE(other->session().elementCount(), 1);
        other->close();  // deletes itself
    }

    void shareLetsABrowserFollowTheWindow() {
        app::MainWindow window(catalog());
        QVERIFY(window.openDashboard(QStringLiteral("gallery")));
        QVERIFY(waitIdle(local(window)));
        auto* share = window.findChild<QAction*>(QStringLiteral("shareAction"));
        QVERIFY(share);
        share->trigger();
        auto* dialog = window.findChild<app::ShareDialog*>();
        QVERIFY(dialog && dialog->isVisible());
        dialog->findChild<QSpinBox*>(QStringLiteral("port"))->setValue(0);  // any free port
        auto* startStop = dialog->findChild<QPushButton*>(QStringLiteral("startStop"));
        QTest::mouseClick(startStop, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(int(window.sharing().state()), int(app::Sharing::State::On),
                                  10'000);
        const QString link = dialog->findChild<QLineEdit*>(QStringLiteral("shareUrl"))->text();
        const QUrl mirror(dialog->findChild<QLineEdit*>(QStringLiteral("mirrorUrl"))->text());
        QVERIFY(link.startsWith(QLatin1String("http://127.0.0.1:")));
        QVERIFY(QUrlQuery(mirror).hasQueryItem(QStringLiteral("mirror")));
        QCOMPARE(startStop->text(), QStringLiteral("Stop sharing"));

        // A browser that follows the window sees its page.
        QWebSocket browser;
        QStringList received;
        connect(&browser, &QWebSocket::textMessageReceived, &browser,
                [&](const QString& text) { received << text; });
        QUrl ws = mirror;
        ws.setScheme(QStringLiteral("ws"));
        ws.setPath(QStringLiteral("/ws"));
        ws.setQuery(QString());
        QSignalSpy connected(&browser, &QWebSocket::connected);
        browser.open(ws);
        QVERIFY(connected.wait(10'000));
        browser.sendTextMessage(QStringLiteral(R"({"type":"hello","protocol":[2],"mirror":true})"));
        QTRY_VERIFY_WITH_TIMEOUT(
            std::any_of(received.cbegin(), received.cend(),
                        [](const QString& m) {
                            return m.contains(QLatin1String(R"("type":"snapshot")")) &&
                                   m.contains(QLatin1String(R"("text":"one")"));
                        }),
            10'000);
        auto* status = window.findChild<QToolButton*>(QStringLiteral("shareStatus"));
        QTRY_VERIFY(status->isVisibleTo(&window));
        QTRY_COMPARE(status->text(), QStringLiteral("Shared · browsers: 1"));
        QTRY_VERIFY(dialog->findChild<QLabel*>(QStringLiteral("shareStatus"))
                        ->text()
                        .startsWith(QLatin1String("Shared. Browsers connected: 1; sessions: 1")));

        // Stopping closes the port and the browser's connection.
        QSignalSpy disconnected(&browser, &QWebSocket::disconnected);
        QTest::mouseClick(startStop, Qt::LeftButton);
        QCOMPARE(int(window.sharing().state()), int(app::Sharing::State::Off));
        QVERIFY(disconnected.count() > 0 || disconnected.wait(10'000));
        QVERIFY(!status->isVisibleTo(&window));
        QCOMPARE(startStop->text(), QStringLiteral("Start sharing"));
    }

    void shareOnAPortInUseSaysWhy() {
        QTcpServer taken;
        QVERIFY(taken.listen(QHostAddress::LocalHost));
        app::MainWindow window(catalog());
        window.showShareDialog();
        auto* dialog = window.findChild<app::ShareDialog*>();
        QVERIFY(dialog);
        dialog->findChild<QSpinBox*>(QStringLiteral("port"))->setValue(taken.serverPort());
        auto* startStop = dialog->findChild<QPushButton*>(QStringLiteral("startStop"));
        QTest::mouseClick(startStop, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(int(window.sharing().state()), int(app::Sharing::State::Failed),
                                  10'000);
        QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("shareStatus"))
                    ->text()
                    .startsWith(QLatin1String("Could not share: cannot listen on 127.0.0.1:")));
        QCOMPARE(startStop->text(), QStringLiteral("Start sharing"));
        // Another port works from the same dialog.
        dialog->findChild<QSpinBox*>(QStringLiteral("port"))->setValue(0);
        QTest::mouseClick(startStop, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(int(window.sharing().state()), int(app::Sharing::State::On),
                                  10'000);
    }

    void shareOffersATokenOnThisComputerToo() {
        app::MainWindow window(catalog());
        window.showShareDialog();
        auto* dialog = window.findChild<app::ShareDialog*>();
        QVERIFY(dialog);
        auto* tokenHere = dialog->findChild<QCheckBox*>(QStringLiteral("tokenHere"));
        QVERIFY(tokenHere && tokenHere->isVisibleTo(dialog));
        tokenHere->setChecked(true);
        dialog->findChild<QSpinBox*>(QStringLiteral("port"))->setValue(0);
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("startStop")),
                          Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(int(window.sharing().state()), int(app::Sharing::State::On),
                                  10'000);
        const QUrl link(dialog->findChild<QLineEdit*>(QStringLiteral("shareUrl"))->text());
        QCOMPARE(link.host(), QStringLiteral("127.0.0.1"));
        QVERIFY(QUrlQuery(link).queryItemValue(QStringLiteral("token")).size() >= 32);
        // On the network a token is always asked for: the choice is not offered.
        dialog->findChild<QRadioButton*>(QStringLiteral("network"))->setChecked(true);
        QVERIFY(!tokenHere->isVisibleTo(dialog));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
