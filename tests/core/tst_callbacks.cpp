// SPDX-License-Identifier: GPL-3.0-or-later
// Widget callbacks as a user sees them: onChange / onClick run before the rerun the change
// causes, in that rerun (the fragment's, for a fragment's widget), and see the new value.
#include <tessera/host/session.h>
#include <tessera/testing/apptest.h>

#include <QMutex>
#include <QTest>
#include <atomic>

using namespace tessera;
using tessera::testing::AppTest;

namespace {

/// What ran, in order, from whichever thread.
class Log {
public:
    void add(const QString& line) {
        QMutexLocker lock(&m_mutex);
        m_lines << line;
    }
    QStringList take() {
        QMutexLocker lock(&m_mutex);
        return std::exchange(m_lines, {});
    }

private:
    QMutex m_mutex;
    QStringList m_lines;
};

}  // namespace

class TestCallbacks : public QObject {
    Q_OBJECT
private slots:
    void onChangeRunsBeforeTheRerunAndSeesTheNewValue() {
        Log log;
        AppTest at([&](Ui& ui) {
            auto n = ui.slider(QStringLiteral("n"), 0, 10, 1, 1,
                               {.key = QStringLiteral("n"), .onChange = [&](Ui& cb) {
                                    const int now = cb.widgetValue<int>(QStringLiteral("n"));
                                    cb.state().set(QStringLiteral("doubled"), 2 * now);
                                    log.add(QStringLiteral("callback sees %1").arg(now));
                                }});
            log.add(QStringLiteral("body: n=%1 doubled=%2")
                        .arg(n.get())
                        .arg(ui.state().get<int>(QStringLiteral("doubled"))));
        });
        QVERIFY(at.run());
        QCOMPARE(log.take(), QStringList{QStringLiteral("body: n=1 doubled=0")});
        QVERIFY(at.widget(QStringLiteral("n")).set(4).isEmpty());
        QVERIFY(at.run());
        QCOMPARE(log.take(), (QStringList{QStringLiteral("callback sees 4"),
                                          QStringLiteral("body: n=4 doubled=8")}));
        // A rerun without a change runs no callback; setting the same value is no change.
        QVERIFY(at.run());
        QCOMPARE(log.take(), QStringList{QStringLiteral("body: n=4 doubled=8")});
        QVERIFY(at.widget(QStringLiteral("n")).set(4).isEmpty());
        QVERIFY(at.run());
        QCOMPARE(log.take(), QStringList{QStringLiteral("body: n=4 doubled=8")});
    }

    void onClickCountsEveryPress() {
        AppTest at([&](Ui& ui) {
            ui.button(QStringLiteral("Add"), {.onClick = [](Ui& cb) {
                          cb.state().update(QStringLiteral("count"),
                                            [](const QVariant& v) { return v.toInt() + 1; });
                      }});
            ui.metric(QStringLiteral("Count"),
                      QString::number(ui.state().get<int>(QStringLiteral("count"))));
        });
        QVERIFY(at.run());
        for (int i = 1; i <= 3; ++i) {
            QVERIFY(at.widget(QStringLiteral("Add")).click());
            QCOMPARE(at.element(QStringLiteral("metric")).value().toString(), QString::number(i));
        }
        QVERIFY(at.run());
        QCOMPARE(at.element(QStringLiteral("metric")).value().toString(), QStringLiteral("3"));
    }

    /// A fragment's widget: its callback runs in the fragment's rerun, on that run's thread,
    /// and the main body does not run.
    void aFragmentsCallbackRunsBeforeTheFragmentRerun() {
        Log log;
        std::atomic<int> mainRuns{0};
        AppTest at([&](Ui& ui) {
            ++mainRuns;
            ui.fragment(QStringLiteral("panel"), {.parallel = true}, [&](Ui& f) {
                const bool on = f.toggle(QStringLiteral("Live"), false,
                                         {.onChange = [&](Ui&) { log.add(QStringLiteral("cb")); }});
                log.add(QStringLiteral("panel %1").arg(on));
            });
        });
        QVERIFY(at.run());
        QCOMPARE(log.take(), QStringList{QStringLiteral("panel 0")});
        QVERIFY(at.widget(QStringLiteral("Live")).set(true).isEmpty());
        QVERIFY(at.run());
        QCOMPARE(log.take(), (QStringList{QStringLiteral("cb"), QStringLiteral("panel 1")}));
        QCOMPARE(mainRuns.load(), 1);
        QCOMPARE(at.lastGroup().runNames(), QStringList{QStringLiteral("panel")});
    }

    /// A callback asks a keyed fragment to rerun: it reruns, nothing else does.
    void aCallbackCanRerunAKeyedFragment() {
        std::atomic<int> mainRuns{0}, boardRuns{0};
        AppTest at([&](Ui& ui) {
            ++mainRuns;
            ui.fragment(QStringLiteral("board"), {.key = QStringLiteral("board")}, [&](Ui& f) {
                ++boardRuns;
                f.text(QStringLiteral("score %1").arg(f.state().get<int>(QStringLiteral("score"))));
            });
            ui.fragment(QStringLiteral("controls"), [&](Ui& f) {
                f.button(QStringLiteral("Score"), {.onClick = [](Ui& cb) {
                             cb.state().update(QStringLiteral("score"),
                                               [](const QVariant& v) { return v.toInt() + 10; });
                             cb.rerunFragment(QStringLiteral("board"));
                         }});
            });
        });
        QVERIFY(at.run());
        QVERIFY(at.widget(QStringLiteral("Score")).click());
        QTRY_COMPARE(at.element(QStringLiteral("text")).text(), QStringLiteral("score 10"));
        QVERIFY(at.waitIdle());
        QCOMPARE(mainRuns.load(), 1);
        QCOMPARE(boardRuns.load(), 2);
    }

    void aThrowingCallbackShowsItsException() {
        AppTest at([&](Ui& ui) {
            ui.button(QStringLiteral("Break"),
                      {.onClick = [](Ui&) { throw std::runtime_error("callback failed"); }});
            ui.text(QStringLiteral("body"));
        });
        QVERIFY(at.run());
        QVERIFY(at.widget(QStringLiteral("Break")).click());
        QCOMPARE(at.exceptions().size(), 1);
        QVERIFY(at.exceptions().first().contains(QStringLiteral("callback failed")));
        QVERIFY(at.element(QStringLiteral("exception")).exists());
        QVERIFY(at.run());  // the next run is clean again
        QVERIFY(at.exceptions().isEmpty());
        QCOMPARE(at.element(QStringLiteral("text")).text(), QStringLiteral("body"));
    }

    /// In a form, the callbacks of changed widgets run on submit, then the submit's onClick.
    void formCallbacksRunOnSubmit() {
        Log log;
        AppTest at([&](Ui& ui) {
            Ui form = ui.form(QStringLiteral("f"));
            form.textInput(QStringLiteral("City"), {}, {.onChange = [&](Ui& cb) {
                               log.add(QStringLiteral("city ") +
                                       cb.widgetValue<QString>(QStringLiteral("City")));
                           }});
            form.formSubmitButton(QStringLiteral("Save"),
                                  {.onClick = [&](Ui&) { log.add(QStringLiteral("save")); }});
            log.add(QStringLiteral("body"));
        });
        QVERIFY(at.run());
        log.take();
        QVERIFY(at.widget(QStringLiteral("City")).set(QStringLiteral("Oslo")).isEmpty());
        QVERIFY(at.run());
        QVERIFY(log.take().isEmpty());
        QVERIFY(at.widget(QStringLiteral("Save")).click());
        QCOMPARE(log.take(), (QStringList{QStringLiteral("city Oslo"), QStringLiteral("save"),
                                          QStringLiteral("body")}));
    }
};

QTEST_GUILESS_MAIN(TestCallbacks)
#include "tst_callbacks.moc"
