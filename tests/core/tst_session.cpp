// SPDX-License-Identifier: GPL-3.0-or-later
// Behaviour of a session as a user sees it, through AppTest: runs, reruns, widget identity,
// stale elements, coalescing, interruption, exceptions and session state.
#include <tessera/host/session.h>
#include <tessera/testing/apptest.h>

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <atomic>
#include <thread>

using namespace tessera;
using tessera::testing::AppTest;
using namespace std::chrono_literals;

class TestSession : public QObject {
    Q_OBJECT
private slots:
    void firstRunShowsThePage() {
        AppTest at([](Ui& ui) {
            ui.title(QStringLiteral("Hello"));
            const int n = ui.slider(QStringLiteral("n"), 0, 10, 3);
            ui.text(QStringLiteral("square %1").arg(n * n));
        });
        QVERIFY(at.run());
        QCOMPARE(at.element("title").text(), QStringLiteral("Hello"));
        QCOMPARE(at.element("text").text(), QStringLiteral("square 9"));
        QCOMPARE(at.lastGroup().runs.size(), 1);
        QCOMPARE(at.lastGroup().runs.first().status, RunStatus::Finished);
    }

    /// `if (button) rerun()` in the body: the run that asked counts as completed, so the rerun
    /// sees the button released and the session settles after one extra run.
    void rerunFromTheBodySettles() {
        std::atomic<int> runs{0}, resets{0};
        AppTest at([&](Ui& ui) {
            ++runs;
            if (ui.button(QStringLiteral("Reset"))) {
                ++resets;
                ui.rerun();
            }
            ui.text(QStringLiteral("after"));
        });
        QVERIFY(at.run());
        QCOMPARE(runs.load(), 1);
        QVERIFY(at.widget(QStringLiteral("Reset")).click());
        QCOMPARE(resets.load(), 1);
        QCOMPARE(runs.load(), 3);  // the first run, the click, the rerun it asked for
        QVERIFY(!at.widget(QStringLiteral("Reset")).value().toBool());
        QCOMPARE(at.lastGroup().runs.first().status, RunStatus::Finished);
        QCOMPARE(at.element("text").text(), QStringLiteral("after"));
    }

    /// rerun(RerunTarget::Fragment) outside a fragment reruns the whole dashboard.
    void fragmentScopedRerunFromTheBodyRerunsEverything() {
        std::atomic<int> runs{0};
        AppTest at([&](Ui& ui) {
            ++runs;
            if (ui.button(QStringLiteral("again"))) ui.rerun(RerunTarget::Fragment);
        });
        QVERIFY(at.run());
        QVERIFY(at.widget(QStringLiteral("again")).click());
        QCOMPARE(runs.load(), 3);
        QVERIFY(at.lastGroup().full);
    }

    void widgetChangeRerunsWithTheNewValue() {
        AppTest at([](Ui& ui) {
            const int n = ui.slider(QStringLiteral("n"), 0, 10, 3);
            ui.text(QStringLiteral("square %1").arg(n * n));
        });
        QVERIFY(at.run());
        QVERIFY(at.widget(QStringLiteral("n")).set(4).isEmpty());
        QVERIFY(at.run());
        QCOMPARE(at.element("text").text(), QStringLiteral("square 16"));
        QCOMPARE(at.widget(QStringLiteral("n")).value().toInt(), 4);
    }

    void wrongWidgetValueIsRefused() {
        AppTest at([](Ui& ui) { ui.slider(QStringLiteral("n"), 0, 10, 3); });
        QVERIFY(at.run());
        const QString error = at.widget(QStringLiteral("n")).set(42);
        QVERIFY2(error.contains(QStringLiteral("outside")), qPrintable(error));
        QVERIFY(at.run());
        QCOMPARE(at.widget(QStringLiteral("n")).value().toInt(), 3);
    }

    void buttonIsTrueForOneRun() {
        AppTest at([](Ui& ui) {
            if (ui.button(QStringLiteral("Go"))) ui.success(QStringLiteral("clicked"));
        });
        QVERIFY(at.run());
        QVERIFY(!at.element("success").exists());
        QVERIFY(at.widget(QStringLiteral("Go")).click());
        QVERIFY(at.element("success").exists());
        QVERIFY(at.run());
        QVERIFY(!at.element("success").exists());
    }

    void widgetIdentity() {
        // Same label, different kind or defining args: distinct widgets. Same key: same widget.
        AppTest at([](Ui& ui) {
            ui.slider(QStringLiteral("x"), 0, 10, 1);
            ui.slider(QStringLiteral("x"), 0, 20, 1);
            ui.checkbox(QStringLiteral("x"));
            ui.textInput(QStringLiteral("name"), {}, {.key = QStringLiteral("who")});
        });
        QVERIFY(at.run());
        const auto sliders = at.elements("slider");
        QCOMPARE(sliders.size(), 2);
        QVERIFY(sliders[0].id() != sliders[1].id());
        QVERIFY(!at.element("error").exists());
        QVERIFY(at.widget(QStringLiteral("who")).exists());
    }

    void duplicateIdentityShowsAnError() {
        AppTest at([](Ui& ui) {
            const int a = ui.slider(QStringLiteral("Same"), 0, 10, 2);
            const int b = ui.slider(QStringLiteral("Same"), 0, 10, 5);
            ui.text(QStringLiteral("%1 %2").arg(a).arg(b));
        });
        QVERIFY(at.run());
        QCOMPARE(at.elements("slider").size(), 1);
        const auto error = at.element("error");
        QVERIFY(error.exists());
        QVERIFY2(error.text().contains(QStringLiteral("Duplicate widget")),
                 qPrintable(error.text()));
        QVERIFY(error.text().contains(QStringLiteral("key")));
        // The run went on; the duplicate kept its default.
        QCOMPARE(at.element("text").text(), QStringLiteral("2 5"));
        QVERIFY(at.exceptions().isEmpty());
    }

    void staleElementsAreRemovedAfterTheRun() {
        AppTest at([](Ui& ui) {
            const bool more = ui.checkbox(QStringLiteral("more"), true);
            ui.text(QStringLiteral("always"));
            if (more) {
                ui.text(QStringLiteral("sometimes"));
                ui.expander(QStringLiteral("box")).text(QStringLiteral("inside"));
            }
        });
        QVERIFY(at.run());
        QCOMPARE(at.elements("text").size(), 3);
        at.widget(QStringLiteral("more")).set(false);
        QVERIFY(at.run());
        QCOMPARE(at.elements("text").size(), 1);
        QVERIFY(!at.element("expander").exists());
        QCOMPARE(at.session().page().elementCount(), 2);
    }

    void staleElementsAreFadedWhileARunIsSlow() {
        std::atomic<bool> slow{false};
        AppTest at([&](Ui& ui) {
            ui.text(QStringLiteral("a"));
            if (slow) ui.sleep(400ms);
            ui.text(QStringLiteral("b"));
        });
        at.session().setStaleDelay(50);
        QVERIFY(at.run());
        slow = true;
        QSignalSpy changes(&at.session(), &Session::pageChanged);
        at.session().rerun();
        bool sawFade = false;
        QTRY_VERIFY_WITH_TIMEOUT(
            (sawFade =
                 [&] {
                     for (const auto& args : changes)
                         for (const PageOp& op : args.at(0).value<QVector<PageOp>>())
                             if (op.type == PageOp::Type::SetStale && op.stale) return true;
                     return false;
                 }()),
            2000);
        QVERIFY(sawFade);
        QVERIFY(at.waitIdle());
        QCOMPARE(at.elements("text").size(), 2);
    }

    void coalescesManyChangesDuringASlowRun() {
        std::atomic<int> runs{0};
        AppTest at([&](Ui& ui) {
            ++runs;
            const int v = ui.slider(QStringLiteral("v"), 0, 1000, 0);
            ui.sleep(50ms);  // a slow dashboard
            ui.metric(QStringLiteral("value"), QString::number(v));
        });
        QVERIFY(at.run());
        const QString id = at.widget(QStringLiteral("v")).view().id();
        runs = 0;
        // A user dragging the slider through 500 values: bursts of 5 changes, one burst
        // every ~10 ms, while each run takes 50 ms. Changes arriving in one event-loop turn
        // make at most one run, and each newer burst cuts the running one short.
        constexpr int kBursts = 100;
        for (int burst = 0; burst < kBursts; ++burst) {
            for (int i = 1; i <= 5; ++i)
                QVERIFY(at.session().setWidgetValue(id, burst * 5 + i).isEmpty());
            QTest::qWait(10);
        }
        QVERIFY(at.waitIdle(20000));
        QVERIFY2(runs <= kBursts + 1,
                 qPrintable(QStringLiteral("%1 runs for 500 changes").arg(runs.load())));
        QVERIFY(at.session().runsStarted() <= kBursts + 2);
        QCOMPARE(at.element("metric").value().toString(), QStringLiteral("500"));
        QCOMPARE(at.lastGroup().runs.first().status, RunStatus::Finished);
    }

    void stopInterruptsARun() {
        std::atomic<bool> reachedEnd{false};
        AppTest at([&](Ui& ui) {
            ui.text(QStringLiteral("start"));
            ui.sleep(10s);
            reachedEnd = true;
        });
        at.start();
        QTRY_COMPARE(at.session().page().elementCount(), 1);
        QElapsedTimer clock;
        clock.start();
        at.session().stop();
        QVERIFY(at.waitIdle(5000));
        QVERIFY2(clock.elapsed() < 2000, "sleep must wake up on interruption");
        QVERIFY(!reachedEnd);
        QCOMPARE(at.lastGroup().runs.first().status, RunStatus::Interrupted);
    }

    void checkpointStopsALongLoop() {
        std::atomic<long> iterations{0};
        std::atomic<bool> finished{false};
        AppTest at([&](Ui& ui) {
            ui.text(QStringLiteral("crunching"));
            for (;;) {
                ui.checkpoint();
                ++iterations;
            }
            finished = true;
        });
        at.start();
        QTRY_VERIFY(iterations > 1000);
        at.session().stop();
        QVERIFY(at.waitIdle(5000));
        QVERIFY(!finished);
        QCOMPARE(at.lastGroup().runs.first().status, RunStatus::Interrupted);
        // The interrupted run left the page as it was.
        QCOMPARE(at.element("text").text(), QStringLiteral("crunching"));
    }

    void cancelledReportsInterruption() {
        std::atomic<bool> sawCancel{false};
        AppTest at([&](Ui& ui) {
            while (!ui.cancelled()) std::this_thread::sleep_for(1ms);
            sawCancel = true;
        });
        at.start();
        QTRY_VERIFY(at.session().isRunning());
        at.session().stop();
        QVERIFY(at.waitIdle(5000));
        QTRY_VERIFY(sawCancel);
    }

    void exceptionShowsInlineAndTheRestStays() {
        AppTest at([](Ui& ui) {
            ui.title(QStringLiteral("Report"));
            ui.text(QStringLiteral("before"));
            throw std::runtime_error("the database is down");
        });
        QVERIFY(at.run());
        QCOMPARE(at.element("title").text(), QStringLiteral("Report"));
        QCOMPARE(at.element("text").text(), QStringLiteral("before"));
        const auto exception = at.element("exception");
        QVERIFY(exception.exists());
        QCOMPARE(exception.prop("type").toString(), QStringLiteral("std::runtime_error"));
        QCOMPARE(exception.text(), QStringLiteral("the database is down"));
        QCOMPARE(at.exceptions().size(), 1);
        QCOMPARE(at.lastGroup().runs.first().status, RunStatus::Failed);
    }

    void staleRunOutputNeverShows() {
        // A run that ignores interruption (no Ui call for a while) is abandoned; what it
        // writes afterwards never reaches the page.
        std::atomic<bool> first{true};
        AppTest at([&](Ui& ui) {
            if (first.exchange(false)) {
                std::this_thread::sleep_for(800ms);  // not interruptible
                ui.text(QStringLiteral("from the old run"));
                return;
            }
            ui.text(QStringLiteral("from the new run"));
        });
        at.start();
        QTRY_VERIFY(at.session().isRunning());
        at.session().rerun();
        QVERIFY(at.waitIdle(5000));
        QTest::qWait(1000);  // the old run finishes meanwhile
        QCOMPARE(at.elements("text").size(), 1);
        QCOMPARE(at.element("text").text(), QStringLiteral("from the new run"));
    }

    void containersAndSlots() {
        AppTest at([](Ui& ui) {
            auto cols = ui.columns(2);
            cols[1].text(QStringLiteral("right"));
            cols[0].text(QStringLiteral("left"));
            Ui slot = ui.empty();
            slot.text(QStringLiteral("first"));
            slot.text(QStringLiteral("second"));
            ui.sidebar().text(QStringLiteral("side"));
            auto tabs = ui.tabs({QStringLiteral("A"), QStringLiteral("B")});
            tabs[1].caption(QStringLiteral("in B"));
        });
        QVERIFY(at.run());
        const auto texts = at.elements("text");
        QCOMPARE(texts.size(), 4);
        QCOMPARE(texts[0].text(), QStringLiteral("left"));
        QCOMPARE(texts[0].path(), Path({MainRoot, 0, 0, 0}));
        QCOMPARE(texts[1].text(), QStringLiteral("right"));
        QCOMPARE(texts[2].text(), QStringLiteral("second"));
        QCOMPARE(texts[3].path(), Path({SidebarRoot, 0}));
        QCOMPARE(at.element("caption").path(), Path({MainRoot, 2, 1, 0}));
    }

    void spinnerClearsWhenDone() {
        AppTest at([](Ui& ui) {
            {
                auto s = ui.spinner(QStringLiteral("working"));
                ui.sleep(10ms);
            }
            ui.text(QStringLiteral("after"));
        });
        QVERIFY(at.run());
        QVERIFY(!at.element("spinner").exists());
        QVERIFY(at.element("empty").exists());
    }

    void sessionStateUpdateIsAtomic() {
        SessionState state;
        std::vector<std::thread> threads;
        for (int t = 0; t < 8; ++t)
            threads.emplace_back([&] {
                for (int i = 0; i < 1000; ++i)
                    state.update(QStringLiteral("n"),
                                 [](const QVariant& v) { return v.toInt() + 1; });
            });
        for (auto& t : threads) t.join();
        QCOMPARE(state.get<int>(QStringLiteral("n")), 8000);
    }

    void sessionStateSurvivesReruns() {
        AppTest at([](Ui& ui) {
            const int n =
                ui.state()
                    .update(QStringLiteral("runs"), [](const QVariant& v) { return v.toInt() + 1; })
                    .toInt();
            ui.text(QString::number(n));
        });
        QVERIFY(at.run());
        QVERIFY(at.run());
        QVERIFY(at.run());
        QCOMPARE(at.element("text").text(), QStringLiteral("3"));
    }

    void badChartColumnsGiveAClearError() {
        AppTest at([](Ui& ui) {
            DataFrame f;
            f.add(QStringLiteral("a"), std::vector<double>{1, 2, 3});
            ui.lineChart(f, {.y = {QStringLiteral("nope")}});
        });
        QVERIFY(at.run());
        QVERIFY(!at.element("line_chart").exists());
        QVERIFY(at.element("error").text().contains(QStringLiteral("'nope' not found")));
    }

    void barChartsTakeCategories() {
        AppTest at([](Ui& ui) {
            DataFrame f;
            f.add(QStringLiteral("quarter"), QStringList{"Q1", "Q2"})
                .add(QStringLiteral("k€"), std::vector<double>{3, 4});
            ui.barChart(f, {.x = QStringLiteral("quarter")});
            ui.lineChart(f, {.x = QStringLiteral("quarter")});
        });
        QVERIFY(at.run());
        QVERIFY(at.element("bar_chart").exists());
        QVERIFY(!at.element("line_chart").exists());
        QVERIFY(at.element("error").text().contains(QStringLiteral("not numeric")));
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
