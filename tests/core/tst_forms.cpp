// SPDX-License-Identifier: GPL-3.0-or-later
// Forms as a user sees them: widgets in a form rerun nothing until the submit button is
// pressed, then one rerun sees every new value; clearOnSubmit; forms in fragments; misuse.
#include <tessera/host/session.h>
#include <tessera/testing/apptest.h>

#include <QTest>
#include <atomic>

using namespace tessera;
using tessera::testing::AppTest;

namespace {

struct Seen {
    int quantity = 0;
    QString name;
    bool submitted = false;
};

/// An order form: a slider and a text input, read by the main body.
void orderForm(Ui& ui, std::atomic<int>& runs, Seen& seen, FormOptions options = {}) {
    ++runs;
    Ui form = ui.form(QStringLiteral("order"), options);
    auto quantity = form.slider(QStringLiteral("Quantity"), 0, 10, 1);
    auto name = form.textInput(QStringLiteral("Name"), QStringLiteral("anon"));
    auto submitted = form.formSubmitButton(QStringLiteral("Order"));
    seen = {quantity, name, submitted};
    ui.text(QStringLiteral("%1 × %2").arg(seen.quantity).arg(seen.name));
}

}  // namespace

class TestForms : public QObject {
    Q_OBJECT
private slots:
    void formBatchesItsValuesIntoOneRerun() {
        std::atomic<int> runs{0};
        Seen seen;
        AppTest at([&](Ui& ui) { orderForm(ui, runs, seen); });
        QVERIFY(at.run());
        QCOMPARE(runs.load(), 1);
        QCOMPARE(at.elements(QStringLiteral("form")).size(), 1);

        // Changing widgets of the form reruns nothing, in the session (the window, a
        // browser) as in AppTest; the page shows what was entered.
        const int started = at.session().runsStarted();
        QVERIFY(at.widget(QStringLiteral("Quantity")).set(7).isEmpty());
        QVERIFY(at.widget(QStringLiteral("Name")).set(QStringLiteral("Ada")).isEmpty());
        QVERIFY(at.run());
        QCOMPARE(at.session().runsStarted(), started);
        QCOMPARE(runs.load(), 1);
        QCOMPARE(at.widget(QStringLiteral("Quantity")).value().toInt(), 7);
        QCOMPARE(at.widget(QStringLiteral("Name")).value().toString(), QStringLiteral("Ada"));
        QCOMPARE(at.session().setWidgetValue(at.widget(QStringLiteral("Quantity")).view().id(), 8),
                 QString());
        QVERIFY(at.waitIdle());
        QCOMPARE(at.session().runsStarted(), started);

        // Submit: one run sees both values, and the button is pressed in that run only.
        QVERIFY(at.widget(QStringLiteral("Order")).click());
        QCOMPARE(at.session().runsStarted(), started + 1);
        QCOMPARE(seen.quantity, 8);
        QCOMPARE(seen.name, QStringLiteral("Ada"));
        QVERIFY(seen.submitted);
        QCOMPARE(at.element(QStringLiteral("text")).text(), QStringLiteral("8 × Ada"));
        QVERIFY(at.run());
        QVERIFY(!seen.submitted);
        QCOMPARE(seen.quantity, 8);
    }

    /// A rerun caused by something else sees the values last submitted, while the form keeps
    /// showing what was entered since.
    void heldValuesSurviveOtherReruns() {
        std::atomic<int> runs{0};
        Seen seen;
        AppTest at([&](Ui& ui) {
            ui.checkbox(QStringLiteral("Outside"));
            orderForm(ui, runs, seen);
        });
        QVERIFY(at.run());
        QVERIFY(at.widget(QStringLiteral("Quantity")).set(4).isEmpty());
        QVERIFY(at.widget(QStringLiteral("Outside")).set(true).isEmpty());
        QVERIFY(at.run());
        QCOMPARE(runs.load(), 2);
        QCOMPARE(seen.quantity, 1);
        QCOMPARE(at.widget(QStringLiteral("Quantity")).value().toInt(), 4);
        QVERIFY(at.widget(QStringLiteral("Order")).click());
        QCOMPARE(seen.quantity, 4);
    }

    void clearOnSubmitShowsDefaultsAfterTheSubmittedRun() {
        std::atomic<int> runs{0};
        Seen seen;
        AppTest at([&](Ui& ui) { orderForm(ui, runs, seen, {.clearOnSubmit = true}); });
        QVERIFY(at.run());
        QVERIFY(at.widget(QStringLiteral("Quantity")).set(9).isEmpty());
        QVERIFY(at.widget(QStringLiteral("Name")).set(QStringLiteral("Grace")).isEmpty());
        QVERIFY(at.widget(QStringLiteral("Order")).click());
        QCOMPARE(seen.quantity, 9);  // the run the submit caused has the values
        QCOMPARE(seen.name, QStringLiteral("Grace"));
        QCOMPARE(at.widget(QStringLiteral("Quantity")).value().toInt(), 1);  // the form: cleared
        QCOMPARE(at.widget(QStringLiteral("Name")).value().toString(), QStringLiteral("anon"));
        QVERIFY(at.run());
        QCOMPARE(seen.quantity, 1);
        QCOMPARE(seen.name, QStringLiteral("anon"));
    }

    void formInAFragmentRerunsOnlyTheFragment() {
        std::atomic<int> mainRuns{0}, fragmentRuns{0};
        std::atomic<int> seenLevel{0};
        AppTest at([&](Ui& ui) {
            ++mainRuns;
            ui.fragment(QStringLiteral("filters"), [&](Ui& f) {
                ++fragmentRuns;
                Ui form = f.form(QStringLiteral("filters"));
                auto level = form.slider(QStringLiteral("Level"), 0, 5, 0);
                form.formSubmitButton(QStringLiteral("Apply"));
                seenLevel = level;
            });
        });
        QVERIFY(at.run());
        QVERIFY(at.widget(QStringLiteral("Level")).set(3).isEmpty());
        QVERIFY(at.run());
        QCOMPARE(fragmentRuns.load(), 1);
        QVERIFY(at.widget(QStringLiteral("Apply")).click());
        QCOMPARE(mainRuns.load(), 1);
        QCOMPARE(fragmentRuns.load(), 2);
        QCOMPARE(seenLevel.load(), 3);
        QVERIFY(!at.lastGroup().full);
    }

    /// Two forms with a "Submit" each: pressing one submits only its own form.
    void eachSubmitButtonSubmitsItsOwnForm() {
        int a = 0, b = 0;
        AppTest at([&](Ui& ui) {
            Ui first = ui.form(QStringLiteral("a"));
            a = first.numberInput(QStringLiteral("A"), 0, 0, 100);
            first.formSubmitButton();
            Ui second = ui.form(QStringLiteral("b"));
            b = second.numberInput(QStringLiteral("B"), 0, 0, 100);
            second.formSubmitButton();
        });
        QVERIFY(at.run());
        QCOMPARE(at.elements(QStringLiteral("form_submit_button")).size(), 2);
        QVERIFY(at.widget(QStringLiteral("A")).set(1).isEmpty());
        QVERIFY(at.widget(QStringLiteral("B")).set(2).isEmpty());
        QVERIFY(at.widget(QStringLiteral("b/Submit")).click());
        QCOMPARE(a, 0);
        QCOMPARE(b, 2);
        QVERIFY(at.widget(QStringLiteral("a/Submit")).click());
        QCOMPARE(a, 1);
    }

    void misuseShowsAClearError_data() {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("message");
        QTest::newRow("button in a form") << 0 << QStringLiteral("use formSubmitButton() there");
        QTest::newRow("submit outside a form") << 1 << QStringLiteral("is not inside a form");
        QTest::newRow("nested forms") << 2 << QStringLiteral("Forms cannot be nested");
        QTest::newRow("two forms, one key") << 3 << QStringLiteral("used by another form");
    }
    void misuseShowsAClearError() {
        QFETCH(int, which);
        QFETCH(QString, message);
        AppTest at([which](Ui& ui) {
            Ui form = ui.form(QStringLiteral("f"));
            form.formSubmitButton();
            if (which == 0) form.button(QStringLiteral("Go"));
            if (which == 1) ui.formSubmitButton(QStringLiteral("Go"));
            if (which == 2) form.form(QStringLiteral("inner"));
            if (which == 3) ui.form(QStringLiteral("f"));
        });
        QVERIFY(at.run());
        const auto errors = at.elements(QStringLiteral("error"));
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().text().contains(message), qPrintable(errors.first().text()));
        QVERIFY(at.exceptions().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestForms)
#include "tst_forms.moc"
