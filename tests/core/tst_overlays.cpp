// SPDX-License-Identifier: GPL-3.0-or-later
// Overlays as a user sees them: a dialog is scoped like a fragment and closes when a full
// run no longer opens it; a status box ends complete, or as an error when its scope throws;
// toasts and popovers are elements of the page like any other.
#include <tessera/host/session.h>
#include <tessera/testing/apptest.h>

#include <QTest>
#include <atomic>

using namespace tessera;
using tessera::testing::AppTest;

class TestOverlays : public QObject {
    Q_OBJECT
private slots:
    void aDialogIsScopedLikeAFragment() {
        std::atomic<int> mainRuns{0}, dialogRuns{0};
        AppTest at([&](Ui& ui) {
            ++mainRuns;
            if (ui.button(QStringLiteral("Open"))) {
                ui.dialog(QStringLiteral("Edit"), [&](Ui& d) {
                    ++dialogRuns;
                    const int n = d.slider(QStringLiteral("n"), 0, 10, 1);
                    d.text(QStringLiteral("n = %1").arg(n));
                    if (d.button(QStringLiteral("Done"))) d.rerun();
                });
            }
        });
        QVERIFY(at.run());
        QVERIFY(!at.element(QStringLiteral("dialog")).exists());

        QVERIFY(at.widget(QStringLiteral("Open")).click());
        QCOMPARE(at.element(QStringLiteral("dialog")).prop(prop::title).toString(),
                 QStringLiteral("Edit"));
        QCOMPARE(dialogRuns.load(), 1);

        // A widget in the dialog reruns the dialog only; the dialog stays open.
        QVERIFY(at.widget(QStringLiteral("n")).set(7).isEmpty());
        QVERIFY(at.run());
        QCOMPARE(mainRuns.load(), 2);
        QCOMPARE(dialogRuns.load(), 2);
        QVERIFY(!at.lastGroup().full);
        QCOMPARE(at.lastGroup().runNames(), QStringList{QStringLiteral("Edit")});
        QCOMPARE(at.element(QStringLiteral("text")).text(), QStringLiteral("n = 7"));
        QVERIFY(at.element(QStringLiteral("dialog")).exists());

        // rerun() from inside: a full run that no longer opens the dialog closes it.
        QVERIFY(at.widget(QStringLiteral("Done")).click());
        QVERIFY(at.waitIdle());
        QCOMPARE(mainRuns.load(), 3);
        QVERIFY(!at.element(QStringLiteral("dialog")).exists());
        QVERIFY(!at.element(QStringLiteral("text")).exists());
    }

    void aDialogOpensFromTheMainBodyOnly() {
        AppTest at([](Ui& ui) {
            ui.fragment(QStringLiteral("f"), [](Ui& f) {
                f.dialog(QStringLiteral("Nested"), [](Ui& d) { d.text(QStringLiteral("x")); });
            });
        });
        QVERIFY(at.run());
        QVERIFY(!at.element(QStringLiteral("dialog")).exists());
        QVERIFY(at.element(QStringLiteral("error")).text().contains(QStringLiteral("main body")));
    }

    void aStatusBoxEndsCompleteOrAsAnError() {
        AppTest at([](Ui& ui) {
            {
                StatusBox quiet = ui.status(QStringLiteral("Quiet"));
                quiet.ui().text(QStringLiteral("inside"));
            }
            {
                StatusBox told = ui.status(QStringLiteral("Told"), true);
                told.update(QStringLiteral("Told: 3 files"), StatusState::Complete, false);
            }
            try {
                StatusBox failing = ui.status(QStringLiteral("Failing"));
                throw std::runtime_error("disk full");
            } catch (const std::runtime_error&) {
            }
        });
        QVERIFY(at.run());
        const auto boxes = at.elements(QStringLiteral("status"));
        QCOMPARE(boxes.size(), 3);
        QCOMPARE(boxes[0].prop(prop::state).toString(), QStringLiteral("complete"));
        QCOMPARE(boxes[0].label(), QStringLiteral("Quiet"));
        QCOMPARE(at.element(QStringLiteral("text")).path().mid(0, 2), boxes[0].path());
        QCOMPARE(boxes[1].label(), QStringLiteral("Told: 3 files"));
        QCOMPARE(boxes[1].prop(prop::expanded).toBool(), false);
        QCOMPARE(boxes[2].prop(prop::state).toString(), QStringLiteral("error"));
    }

    void toastsAndPopoversAreElements() {
        AppTest at([](Ui& ui) {
            if (ui.button(QStringLiteral("Save"))) ui.toast(QStringLiteral("Saved"));
            ui.popover(QStringLiteral("Settings")).checkbox(QStringLiteral("Grid"), true);
        });
        QVERIFY(at.run());
        QVERIFY(!at.element(QStringLiteral("toast")).exists());
        QVERIFY(at.widget(QStringLiteral("Save")).click());
        QCOMPARE(at.element(QStringLiteral("toast")).text(), QStringLiteral("Saved"));
        QVERIFY(at.run());
        QVERIFY(!at.element(QStringLiteral("toast")).exists());  // once, for the press
        const auto popover = at.element(QStringLiteral("popover"));
        QCOMPARE(popover.label(), QStringLiteral("Settings"));
        QCOMPARE(at.widget(QStringLiteral("Grid")).view().path().mid(0, 2), popover.path());
    }
};

QTEST_GUILESS_MAIN(TestOverlays)
#include "tst_overlays.moc"
