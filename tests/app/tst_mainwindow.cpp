// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop window as a user meets it: the dashboard list, R to rerun, the run timeline,
// the concurrency groups in the status bar, and File ▸ New Window.
#include "mainwindow.h"
#include "timelineview.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>
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
        QVERIFY(waitIdle(window.session()));
        auto* list = window.findChild<QListWidget*>(QStringLiteral("dashboardList"));
        QVERIFY(list);
        QCOMPARE(list->count(), 2);
        QCOMPARE(list->item(0)->data(Qt::UserRole).toString(),
                 QStringLiteral("gallery"));  // gallery first
        QCOMPARE(window.session().dashboard().id, QStringLiteral("gallery"));
        QVERIFY(!window.openDashboard(QStringLiteral("no-such-page")));
    }

    void remembersTheLastDashboard() {
        {
            app::MainWindow window(catalog());
            window.openDashboard(QStringLiteral("second"));
        }
        app::MainWindow again(catalog());
        again.openDashboard({});
        QCOMPARE(again.session().dashboard().id, QStringLiteral("second"));
        QSettings().clear();
    }

    void rKeyRerunsAndTheTimelineShowsEveryScope() {
        app::MainWindow window(catalog());
        window.openDashboard(QStringLiteral("gallery"));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(waitIdle(window.session()));
        const int before = g_runs;
        QTest::keyClick(&window, Qt::Key_R);
        QTRY_COMPARE(g_runs.load(), before + 1);
        QVERIFY(waitIdle(window.session()));
        auto* timeline = window.findChild<app::TimelineView*>(QStringLiteral("runTimeline"));
        QVERIFY(timeline);
        QCOMPARE(timeline->record().scopeNames(), (QStringList{"main", "side"}));
        QVERIFY(!timeline->grab().isNull());
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
        QVERIFY(waitIdle(window.session()));
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
        QCOMPARE(other->session().dashboard().id, QStringLiteral("second"));
        QVERIFY(waitIdle(other->session()));
        QCOMPARE(other->session().page().elementCount(), 1);
        other->close();  // deletes itself
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
