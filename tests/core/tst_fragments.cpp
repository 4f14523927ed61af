// SPDX-License-Identifier: GPL-3.0-or-later
// Fragments as a user sees them: partial reruns, outside containers, parallel runs in code
// order, runEvery, generations, isolation of failures, threads, dependency tracking.
#include <tessera/host/session.h>
#include <tessera/testing/apptest.h>

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <atomic>
#include <thread>

using namespace tessera;
using tessera::testing::AppTest;
using namespace std::chrono_literals;

namespace {

QStringList texts(const AppTest& at) {
    QStringList out;
    for (const auto& e : at.elements("text")) out << e.text();
    return out;
}

/// The seed dashboard: two sliders, three charts, each "load + transform" (here 2 × `step`).
void seed(Ui& ui, std::chrono::milliseconds step, bool parallel,
          std::atomic<int>* mainRuns = nullptr) {
    if (mainRuns) ++*mainRuns;
    auto slider1 = ui.slider(QStringLiteral("Pick a number"), 0, 1000, 123);
    auto slider2 = ui.slider(QStringLiteral("Pick a second number"), 0, 1000, 456);
    auto chart = [&](const QString& name, Value<int> input, double sign) {
        ui.fragment(name, {.parallel = parallel}, [=](Ui& f) {
            f.sleep(step);  // load
            const int x = input;
            f.sleep(step);  // transform
            DataFrame data;
            data.add(QStringLiteral("y"), std::vector<double>{sign * x, sign * x + 1});
            f.lineChart(data, {.title = QStringLiteral("%1: %2").arg(name).arg(x)});
        });
    };
    chart(QStringLiteral("chart1"), slider1, 1);
    chart(QStringLiteral("chart2"), slider2, -1);
    chart(QStringLiteral("chart3"), slider2, 2);
}

}  // namespace

class TestFragments : public QObject {
    Q_OBJECT
private slots:
    void widgetInsideAFragmentRerunsOnlyTheFragment() {
        std::atomic<int> mainRuns{0}, fragmentRuns{0};
        AppTest at([&](Ui& ui) {
            ++mainRuns;
            ui.title(QStringLiteral("page"));
            ui.fragment(QStringLiteral("counter"), [&](Ui& f) {
                ++fragmentRuns;
                const int n = f.slider(QStringLiteral("n"), 0, 10, 1);
                f.text(QStringLiteral("n = %1").arg(n));
            });
        });
        QVERIFY(at.run());
        QCOMPARE(mainRuns.load(), 1);
        QCOMPARE(fragmentRuns.load(), 1);
        at.session().setWidgetValue(at.widget(QStringLiteral("n")).view().id(), 5);
        QVERIFY(at.waitIdle());
        QCOMPARE(mainRuns.load(), 1);
        QCOMPARE(fragmentRuns.load(), 2);
        QCOMPARE(texts(at), QStringList{QStringLiteral("n = 5")});
        QVERIFY(!at.lastGroup().full);
        QCOMPARE(at.lastGroup().runNames(), QStringList{QStringLiteral("counter")});
        QVERIFY(at.element("title").exists());
    }

    /// A widget a fragment's rerun no longer draws is forgotten, so it comes back with its
    /// default; widgets of the body and of other fragments keep their values.
    void fragmentForgetsTheWidgetsItNoLongerDraws() {
        AppTest at([](Ui& ui) {
            ui.slider(QStringLiteral("body"), 0, 10, 1);
            ui.fragment(QStringLiteral("other"),
                        [](Ui& f) { f.slider(QStringLiteral("theirs"), 0, 10, 1); });
            ui.fragment(QStringLiteral("f"), [](Ui& f) {
                if (f.checkbox(QStringLiteral("show"), true))
                    f.slider(QStringLiteral("mine"), 0, 10, 1);
            });
        });
        QVERIFY(at.run());
        for (const char* name : {"body", "theirs", "mine"}) {
            QVERIFY(at.widget(QLatin1String(name)).set(7).isEmpty());
            QVERIFY(at.run());
        }
        QVERIFY(at.widget(QStringLiteral("show")).set(false).isEmpty());
        QVERIFY(at.run());
        QVERIFY(!at.lastGroup().full);
        QVERIFY(!at.widget(QStringLiteral("mine")).exists());
        QVERIFY(at.widget(QStringLiteral("show")).set(true).isEmpty());
        QVERIFY(at.run());
        QVERIFY(!at.lastGroup().full);
        QCOMPARE(at.widget(QStringLiteral("mine")).value().toInt(), 1);  // its default again
        QCOMPARE(at.widget(QStringLiteral("body")).value().toInt(), 7);
        QCOMPARE(at.widget(QStringLiteral("theirs")).value().toInt(), 7);
    }

    /// Keyed fragments rerun by name: from outside (Session/AppTest), and one fragment asks
    /// another to rerun, without a full run and without touching the others.
    void keyedRerunRunsOnlyTheNamedFragment() {
        std::atomic<int> mainRuns{0}, clockRuns{0}, otherRuns{0};
        AppTest at([&](Ui& ui) {
            ++mainRuns;
            ui.fragment(QStringLiteral("clock"), {.key = QStringLiteral("clock")}, [&](Ui& f) {
                ++clockRuns;
                f.text(
                    QStringLiteral("ticks: %1").arg(f.state().get<int>(QStringLiteral("ticks"))));
            });
            ui.fragment(QStringLiteral("controls"), [&](Ui& f) {
                if (f.button(QStringLiteral("Tick"))) {
                    f.state().update(QStringLiteral("ticks"),
                                     [](const QVariant& v) { return v.toInt() + 1; });
                    f.rerunFragment(QStringLiteral("clock"));  // tell the clock
                }
            });
            ui.fragment(QStringLiteral("other"), {.parallel = true}, [&](Ui&) { ++otherRuns; });
        });
        QVERIFY(at.run());
        QCOMPARE(clockRuns.load(), 1);

        // From outside: a timer or a socket of the plugin would call Session::rerunFragment.
        QVERIFY(at.rerunFragment(QStringLiteral("clock")));
        QCOMPARE(clockRuns.load(), 2);
        QCOMPARE(QStringList{at.lastGroup().runNames()}, QStringList{QStringLiteral("clock")});
        QVERIFY(!at.rerunFragment(QStringLiteral("no such key")));

        // From another fragment: the button's fragment reruns (the click), then the clock.
        QVERIFY(at.widget(QStringLiteral("Tick")).click());
        QTRY_COMPARE(texts(at), QStringList{QStringLiteral("ticks: 1")});
        QVERIFY(at.waitIdle());
        QCOMPARE(clockRuns.load(), 3);
        QCOMPARE(mainRuns.load(), 1);
        QCOMPARE(otherRuns.load(), 1);
    }

    /// A FragmentTrigger reruns keyed fragments from a thread of the plugin's own, long after
    /// the run that made it ended, and does nothing once the session is gone.
    void fragmentTriggerWorksFromAnyThreadAfterTheRun() {
        std::atomic<int> feedRuns{0};
        FragmentTrigger trigger;
        auto at = std::make_unique<AppTest>([&](Ui& ui) {
            ui.fragment(QStringLiteral("feed"), {.key = QStringLiteral("feed")}, [&](Ui& f) {
                ++feedRuns;
                f.text(QStringLiteral("feed"));
            });
            trigger = ui.fragmentTrigger({QStringLiteral("feed")});
        });
        QVERIFY(at->run());
        QCOMPARE(feedRuns.load(), 1);
        QVERIFY(trigger.isValid());
        std::thread socketThread([trigger] { trigger(); });
        socketThread.join();
        QTRY_COMPARE(feedRuns.load(), 2);
        QVERIFY(at->waitIdle());
        QCOMPARE(at->lastGroup().runNames(), QStringList{QStringLiteral("feed")});
        at.reset();
        QVERIFY(!trigger.isValid());
        trigger();  // the session has ended: nothing happens
    }

    /// AppTest reruns what the window reruns: set() + run() and click() on widgets that only
    /// fragments depend on rerun those fragments, not the dashboard.
    void appTestRerunsWhatTheWindowWould() {
        std::atomic<int> mainRuns{0}, counterRuns{0}, chartRuns{0};
        AppTest at([&](Ui& ui) {
            ++mainRuns;
            auto scale = ui.slider(QStringLiteral("scale"), 1, 10, 1);
            ui.fragment(QStringLiteral("counter"), [&](Ui& f) {
                ++counterRuns;
                static std::atomic<int> clicks{0};
                if (f.button(QStringLiteral("add"))) ++clicks;
                f.text(QStringLiteral("clicks %1").arg(clicks.load()));
            });
            ui.fragment(QStringLiteral("chart"), {.parallel = true}, [&, scale](Ui& f) {
                ++chartRuns;
                f.text(QStringLiteral("scale %1").arg(scale.get()));
            });
        });
        QVERIFY(at.run());
        QCOMPARE(mainRuns.load(), 1);

        QVERIFY(at.widget(QStringLiteral("add")).click());
        QCOMPARE(at.lastGroup().runNames(), QStringList{QStringLiteral("counter")});
        QCOMPARE(mainRuns.load(), 1);
        QCOMPARE(counterRuns.load(), 2);
        QVERIFY(texts(at).contains(QStringLiteral("clicks 1")));

        QCOMPARE(at.widget(QStringLiteral("scale")).set(4), QString());
        QVERIFY(at.run());
        QCOMPARE(at.lastGroup().runNames(), QStringList{QStringLiteral("chart")});
        QCOMPARE(mainRuns.load(), 1);
        QCOMPARE(chartRuns.load(), 2);
        QVERIFY(texts(at).contains(QStringLiteral("scale 4")));
        QCOMPARE(at.widget(QStringLiteral("scale")).value().toInt(), 4);

        QVERIFY(at.run());  // nothing set: a full rerun, as the window's Rerun
        QCOMPARE(mainRuns.load(), 2);
        QVERIFY(at.lastGroup().full);
    }

    void outsideContainersAccumulateUntilAFullRun() {
        AppTest at([](Ui& ui) {
            Ui log = ui.container();
            Ui latest = ui.empty();
            ui.fragment(QStringLiteral("f"), [log, latest](Ui& f) mutable {
                const bool go = f.button(QStringLiteral("again"));
                log.text(QStringLiteral("logged"));
                latest.caption(go ? QStringLiteral("clicked") : QStringLiteral("first"));
            });
        });
        QVERIFY(at.run());
        QCOMPARE(at.elements("text").size(), 1);
        for (int i = 0; i < 3; ++i) {
            at.session().setWidgetValue(at.widget(QStringLiteral("again")).view().id(), true);
            QVERIFY(at.waitIdle());
        }
        QCOMPARE(at.elements("text").size(), 4);     // accumulated in the outside container
        QCOMPARE(at.elements("caption").size(), 1);  // an empty() slot is replaced instead
        QCOMPARE(at.element("caption").text(), QStringLiteral("clicked"));
        QVERIFY(at.run());  // a full run clears the accumulation
        QCOMPARE(at.elements("text").size(), 1);
    }

    void widgetsInOutsideContainersAreRefused() {
        AppTest at([](Ui& ui) {
            Ui side = ui.sidebar();
            ui.fragment(QStringLiteral("f"), [side](Ui& f) mutable {
                side.slider(QStringLiteral("outside"), 0, 10, 1);
                f.text(QStringLiteral("still running"));
            });
        });
        QVERIFY(at.run());
        QVERIFY(!at.element("slider").exists());
        QVERIFY(at.element("error").text().contains(QStringLiteral("outside itself")));
        QCOMPARE(at.element("text").text(), QStringLiteral("still running"));
    }

    void rerunScopes() {
        std::atomic<int> mainRuns{0}, fragmentRuns{0};
        AppTest at([&](Ui& ui) {
            ++mainRuns;
            ui.fragment(QStringLiteral("f"), [&](Ui& f) {
                ++fragmentRuns;
                const QString what = f.state().value(QStringLiteral("rerun")).toString();
                f.state().remove(QStringLiteral("rerun"));
                if (f.button(QStringLiteral("go"))) {
                    if (what == QLatin1String("app")) f.rerun();
                    if (what == QLatin1String("fragment")) f.rerun(RerunTarget::Fragment);
                }
                f.text(QStringLiteral("done"));
            });
        });
        QVERIFY(at.run());
        const QString go = at.widget(QStringLiteral("go")).view().id();
        at.session().state().set(QStringLiteral("rerun"), QStringLiteral("app"));
        at.session().setWidgetValue(go, true);
        QVERIFY(at.waitIdle());
        QCOMPARE(mainRuns.load(), 2);  // the fragment's rerun asked for the whole app
        QVERIFY(at.lastGroup().full);
        mainRuns = 0;
        fragmentRuns = 0;
        at.session().state().set(QStringLiteral("rerun"), QStringLiteral("fragment"));
        at.session().setWidgetValue(go, true);
        QVERIFY(at.waitIdle());
        QCOMPARE(mainRuns.load(), 0);
        QCOMPARE(fragmentRuns.load(), 2);  // the click, then the fragment's own rerun
        QCOMPARE(at.element("text").text(), QStringLiteral("done"));
    }

    void fragmentsNoLongerCalledAreDroppedWithTheirTimers() {
        std::atomic<int> ticks{0};
        AppTest at([&](Ui& ui) {
            if (ui.checkbox(QStringLiteral("live"), true))
                ui.fragment(QStringLiteral("ticker"), {.runEvery = 20ms}, [&](Ui& f) {
                    ++ticks;
                    f.text(QString::number(ticks.load()));
                });
        });
        QVERIFY(at.run());
        QTRY_VERIFY(ticks > 3);
        QCOMPARE(at.session().fragments().size(), 1);
        at.widget(QStringLiteral("live")).set(false);
        QVERIFY(at.run());
        QVERIFY(at.session().fragments().isEmpty());
        const int after = ticks;
        QTest::qWait(150);
        QCOMPARE(ticks.load(), after);
        QVERIFY(!at.element("text").exists());
    }

    void runEveryDoesNotPileUp() {
        std::atomic<int> runs{0}, inFlight{0}, maxInFlight{0};
        AppTest at([&](Ui& ui) {
            ui.fragment(QStringLiteral("slow"), {.parallel = true, .runEvery = 10ms}, [&](Ui& f) {
                ++runs;
                maxInFlight = std::max(maxInFlight.load(), ++inFlight);
                std::this_thread::sleep_for(60ms);
                --inFlight;
                f.text(QStringLiteral("tick"));
            });
        });
        QVERIFY(at.run());
        // The clock runs over the whole window in which runs are counted (from before the
        // count starts to after no run can start), however late this thread is scheduled.
        QElapsedTimer clock;
        clock.start();
        runs = 0;
        QTest::qWait(600);
        at.session().stop();
        const qint64 elapsed = clock.elapsed();
        QVERIFY(at.waitIdle());
        QCOMPARE(maxInFlight.load(), 1);
        // One run at a time, each taking 60 ms: never more than that allows, not a run per tick.
        const qint64 allowed = elapsed / 60 + 2;
        QVERIFY2(runs <= allowed,
                 qPrintable(QStringLiteral("%1 runs in %2 ms").arg(runs.load()).arg(elapsed)));
        QVERIFY(runs >= 3);
    }

    void runEveryFiresWhileTheBodyIsBusy() {
        std::atomic<int> ticks{0};
        std::atomic<bool> bodyBusy{false};
        AppTest at([&](Ui& ui) {
            ui.fragment(QStringLiteral("clock"), {.parallel = true, .runEvery = 20ms},
                        [&](Ui& f) { f.text(QString::number(++ticks)); });
            bodyBusy = true;
            ui.sleep(400ms);
            bodyBusy = false;
        });
        at.start();
        QTRY_VERIFY(bodyBusy.load());
        const int before = ticks;
        QTRY_VERIFY_WITH_TIMEOUT(ticks >= before + 3 && bodyBusy, 2000);
        QVERIFY(at.waitIdle(5000) || true);
        at.session().stop();
    }

    void parallelFragmentsShowInCodeOrder() {
        AppTest at([](Ui& ui) {
            ui.text(QStringLiteral("before"));
            for (int i = 1; i <= 3; ++i)
                ui.fragment(QStringLiteral("p%1").arg(i), {.parallel = true}, [i](Ui& f) {
                    f.sleep(std::chrono::milliseconds(300 - 100 * i));  // p3 finishes first
                    f.text(QStringLiteral("fragment %1").arg(i));
                });
            ui.text(QStringLiteral("after"));
        });
        QVERIFY(at.run());
        QCOMPARE(texts(at),
                 (QStringList{"before", "fragment 1", "fragment 2", "fragment 3", "after"}));
        const GroupRecord& group = at.lastGroup();
        QCOMPARE(group.runs.size(), 4);
        // The group finished only when every fragment had: the main body ended first.
        QVERIFY(group.run("main")->finishedMs < group.run("p1")->finishedMs);
        QVERIFY(group.run("p3")->finishedMs < group.run("p1")->finishedMs);
        for (const RunTiming& s : group.runs) QCOMPARE(s.status, RunStatus::Finished);
    }

    void parallelFragmentShowsASkeletonFirst() {
        AppTest at([](Ui& ui) {
            ui.fragment(QStringLiteral("slow"), {.parallel = true}, [](Ui& f) {
                f.sleep(300ms);
                f.text(QStringLiteral("loaded"));
            });
        });
        at.start();
        QTRY_VERIFY(at.element("skeleton").exists());
        QVERIFY(at.waitIdle());
        QVERIFY(!at.element("skeleton").exists());
        QCOMPARE(at.element("text").text(), QStringLiteral("loaded"));
    }

    void fragmentExceptionStaysInItsContainer() {
        AppTest at([](Ui& ui) {
            ui.fragment(QStringLiteral("ok1"), {.parallel = true},
                        [](Ui& f) { f.text(QStringLiteral("one")); });
            ui.fragment(QStringLiteral("bad"), {.parallel = true}, [](Ui& f) {
                f.text(QStringLiteral("partial"));
                throw std::runtime_error("upstream API returned 500");
            });
            ui.fragment(QStringLiteral("ok2"), [](Ui& f) { f.text(QStringLiteral("two")); });
            ui.text(QStringLiteral("main goes on"));
        });
        QVERIFY(at.run());
        QCOMPARE(texts(at), (QStringList{"one", "partial", "two", "main goes on"}));
        const auto exception = at.element("exception");
        QVERIFY(exception.exists());
        QCOMPARE(exception.path().mid(0, 2), at.find("fragment", QString()).path().isEmpty()
                                                 ? Path()
                                                 : exception.path().mid(0, 2));
        QCOMPARE(exception.path().size(), 3);  // inside the fragment's container
        QCOMPARE(exception.text(), QStringLiteral("upstream API returned 500"));
        QCOMPARE(at.lastGroup().run("bad")->status, RunStatus::Failed);
        QCOMPARE(at.lastGroup().run("main")->status, RunStatus::Finished);
        QCOMPARE(at.exceptions().size(), 1);
    }

    void timeoutTurnsAHangIntoAnErrorAndDropsLateOutput() {
        AppTest at([](Ui& ui) {
            ui.fragment(QStringLiteral("hang"), {.parallel = true, .timeout = 100ms}, [](Ui& f) {
                std::this_thread::sleep_for(500ms);  // ignores interruption
                f.text(QStringLiteral("late"));
            });
            ui.text(QStringLiteral("main"));
        });
        QVERIFY(at.run());
        const auto error = at.element("exception");
        QVERIFY(error.exists());
        QCOMPARE(error.prop("type").toString(), QStringLiteral("Timeout"));
        QCOMPARE(at.lastGroup().run("hang")->status, RunStatus::TimedOut);
        QCOMPARE(enumName(RunStatus::TimedOut), QStringLiteral("timedOut"));
        QCOMPARE(enumFromName<RunStatus>(QStringLiteral("timedOut")), RunStatus::TimedOut);
        QVERIFY(!enumFromName<RunStatus>(QStringLiteral("nonsense")));
        QVERIFY(at.lastGroup().exceptions.join(QString()).contains(
            QStringLiteral("did not finish within 100 ms")));
        QTest::qWait(700);
        QCOMPARE(texts(at), QStringList{QStringLiteral("main")});
    }

    void boundThreadsWriteUntilTheRunEnds() {
        std::atomic<bool> expired{false};
        std::thread late;
        AppTest at([&](Ui& ui) {
            std::thread worker(ui.bind([](Ui u) { u.text(QStringLiteral("from a bound thread")); }),
                               ui);
            worker.join();
            late = std::thread(ui.bind([&expired, ui]() mutable {
                std::this_thread::sleep_for(200ms);
                try {
                    ui.text(QStringLiteral("too late"));
                } catch (const ContextExpired&) {
                    expired = true;
                }
            }));
        });
        QVERIFY(at.run());
        late.join();
        QVERIFY(expired);
        QCOMPARE(texts(at), QStringList{QStringLiteral("from a bound thread")});
    }

    void unboundThreadsGetNoSessionContext() {
        QString message;
        AppTest at([&](Ui& ui) {
            std::thread t([&message, ui]() mutable {
                try {
                    ui.text(QStringLiteral("x"));
                } catch (const NoSessionContext& e) {
                    message = QString::fromUtf8(e.what());
                }
            });
            t.join();
        });
        QVERIFY(at.run());
        QVERIFY2(message.contains(QStringLiteral("ui.bind")), qPrintable(message));
        QVERIFY(!at.element("text").exists());
    }

    void dependencyTrackingInTheSeedDashboard() {
        std::atomic<int> mainRuns{0};
        AppTest at([&](Ui& ui) { seed(ui, 1ms, true, &mainRuns); });
        QVERIFY(at.run());
        QCOMPARE(mainRuns.load(), 1);
        QCOMPARE(at.lastGroup().runNames(), (QStringList{"main", "chart1", "chart2", "chart3"}));

        at.session().setWidgetValue(at.widget(QStringLiteral("Pick a second number")).view().id(),
                                    7);
        QVERIFY(at.waitIdle());
        QStringList ran = at.lastGroup().runNames();
        ran.sort();
        QCOMPARE(ran, (QStringList{"chart2", "chart3"}));
        QCOMPARE(mainRuns.load(), 1);
        QVERIFY(at.find("line_chart", QString()).exists() || true);
        QCOMPARE(at.elements("line_chart")[1].prop("title").toString(),
                 QStringLiteral("chart2: 7"));
        QCOMPARE(at.elements("line_chart")[2].prop("title").toString(),
                 QStringLiteral("chart3: 7"));

        at.session().setWidgetValue(at.widget(QStringLiteral("Pick a number")).view().id(), 9);
        QVERIFY(at.waitIdle());
        QCOMPARE(at.lastGroup().runNames(), QStringList{"chart1"});
        QCOMPARE(at.elements("line_chart")[0].prop("title").toString(),
                 QStringLiteral("chart1: 9"));
        QCOMPARE(mainRuns.load(), 1);
    }

    void valueReadByTheBodyRerunsEverything() {
        std::atomic<int> mainRuns{0};
        AppTest at([&](Ui& ui) {
            ++mainRuns;
            const int n = ui.slider(QStringLiteral("n"), 0, 10, 1);  // read here, by the body
            ui.fragment(QStringLiteral("f"), [n](Ui& f) { f.text(QString::number(n)); });
        });
        QVERIFY(at.run());
        at.session().setWidgetValue(at.widget(QStringLiteral("n")).view().id(), 4);
        QVERIFY(at.waitIdle());
        QCOMPARE(mainRuns.load(), 2);
        QVERIFY(at.lastGroup().full);
        QCOMPARE(at.element("text").text(), QStringLiteral("4"));
    }

    void parallelFragmentsRunConcurrently() {
        AppTest at([](Ui& ui) { seed(ui, 150ms, true); });
        QVERIFY(at.run());
        const GroupRecord& group = at.lastGroup();
        // Each chart started before any other had finished: they overlapped.
        for (const char* a : {"chart1", "chart2", "chart3"})
            for (const char* b : {"chart1", "chart2", "chart3"})
                QVERIFY(group.run(a)->startedMs < group.run(b)->finishedMs);
    }

    void sequentialFragmentsRunOneAfterAnother() {
        AppTest at([](Ui& ui) { seed(ui, 20ms, false); });
        QVERIFY(at.run());
        const GroupRecord& group = at.lastGroup();
        QVERIFY(group.run("chart1")->finishedMs <= group.run("chart2")->startedMs);
        QVERIFY(group.run("chart2")->finishedMs <= group.run("chart3")->startedMs);
    }

    void supersededOutputNeverShows_stress() {
        // Random widget changes interleaved with fragment completions; at the end the page
        // must equal a fresh run with the final values.
        auto dashboard = [](Ui& ui) {
            auto a = ui.slider(QStringLiteral("a"), 0, 100, 0);
            auto b = ui.slider(QStringLiteral("b"), 0, 100, 0);
            for (int i = 0; i < 3; ++i)
                ui.fragment(QStringLiteral("f%1").arg(i), {.parallel = i != 1}, [a, b, i](Ui& f) {
                    const int local = f.slider(QStringLiteral("local"), 0, 100, 0, 1,
                                               {.key = QStringLiteral("local%1").arg(i)});
                    std::this_thread::sleep_for(
                        std::chrono::microseconds(QRandomGenerator::global()->bounded(3000)));
                    f.text(QStringLiteral("f%1 a=%2 b=%3 local=%4")
                               .arg(i)
                               .arg(a.get())
                               .arg(i == 0 ? -1 : b.get())
                               .arg(local));
                });
            ui.text(QStringLiteral("end"));
        };
        AppTest at(dashboard);
        QVERIFY(at.run());
        QStringList ids{at.widget(QStringLiteral("a")).view().id(),
                        at.widget(QStringLiteral("b")).view().id()};
        for (const auto& s : at.elements("slider"))
            if (s.label() == QLatin1String("local")) ids << s.id();
        QCOMPARE(ids.size(), 5);
        QHash<QString, int> finalValues;
        auto* rng = QRandomGenerator::global();
        for (int i = 0; i < 2000; ++i) {
            const QString id = ids[rng->bounded(int(ids.size()))];
            const int v = rng->bounded(101);
            QVERIFY(at.session().setWidgetValue(id, v).isEmpty());
            finalValues[id] = v;
            if (rng->bounded(4) == 0) QTest::qWait(rng->bounded(3));
        }
        QVERIFY(at.waitIdle(30000));
        const QString shown = at.dump();

        AppTest fresh(dashboard);
        QVERIFY(fresh.run());
        for (auto it = finalValues.cbegin(); it != finalValues.cend(); ++it)
            QVERIFY(fresh.session().setWidgetValue(it.key(), it.value(), false).isEmpty());
        QVERIFY(fresh.run());
        if (shown != fresh.dump())
            qWarning().noquote() << "shown:\n" << shown << "fresh:\n" << fresh.dump();
        QCOMPARE(shown, fresh.dump());
    }
};

QTEST_GUILESS_MAIN(TestFragments)
#include "tst_fragments.moc"
