// SPDX-License-Identifier: GPL-3.0-or-later
// A long page in a window, as a person uses it: only what is in or near sight has views,
// the scroll bar covers the whole page, scrolling shows what comes into sight, Tab walks
// into views not made yet, and a focused widget keeps its view (and what is typed in it)
// while the page scrolls away from it.
#include <tessera/host/session.h>
#include <tessera/host/sessionhandle.h>
#include <tessera/widgets/renderer.h>

#include <QApplication>
#include <QCheckBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QScrollArea>
#include <QScrollBar>
#include <QTabWidget>
#include <QTest>
#include <QToolButton>
#include <functional>
#include <memory>

using namespace tessera;

namespace {

/// A session shown in a shown scroll area, as the app has it.
struct Window {
    LocalSessionHandle handle;
    Session& session = handle.session();
    widgets::Renderer renderer;
    std::unique_ptr<QWidget> sidebar{renderer.sidebarArea()};  // not shown here, but ours
    QScrollArea area;

    explicit Window(std::function<void(Ui&)> fn, QSize size = {600, 400}, bool show = true) {
        area.setWidgetResizable(true);
        area.setWidget(renderer.mainArea());
        area.resize(size);
        if (show) {
            area.show();
            area.activateWindow();
        }
        renderer.attach(&handle);
        session.setDashboard(Dashboard{QStringLiteral("long"), {}, {}, std::move(fn)});
    }
    /// Waits for the session to be idle and the window to have caught up with it.
    bool waitIdle() {
        if (!QTest::qWaitFor([&] { return session.isIdle(); }, 10000)) return false;
        for (int i = 0; i < 3; ++i) QCoreApplication::sendPostedEvents();
        return true;
    }
    QScrollBar* bar() const { return area.verticalScrollBar(); }

    /// True when a label that can be seen reads `text`.
    bool shows(const QString& text) const {
        const auto labels = area.findChildren<QLabel*>();
        return std::any_of(labels.cbegin(), labels.cend(), [&](const QLabel* l) {
            if (!l->isVisible() || l->text() != text) return false;
            const QRect r(l->mapTo(area.viewport(), QPoint(0, 0)), l->size());
            return r.intersects(area.viewport()->rect());
        });
    }
    /// The texts of the labels in sight.
    QStringList visibleTexts() const {
        QStringList texts;
        for (const QLabel* l : area.findChildren<QLabel*>())
            if (l->isVisible() && QRect(l->mapTo(area.viewport(), QPoint(0, 0)), l->size())
                                      .intersects(area.viewport()->rect()))
                texts << l->text();
        return texts;
    }
    QCheckBox* focusedCheckbox() const {
        return qobject_cast<QCheckBox*>(QApplication::focusWidget());
    }
};

/// Counts the layout requests `watched` gets.
struct LayoutRequests : QObject {
    int count = 0;
    bool eventFilter(QObject*, QEvent* event) override {
        if (event->type() == QEvent::LayoutRequest) ++count;
        return false;
    }
};

void numbers(Ui& ui) {
    for (int i = 0; i < 3000; ++i) ui.text(QString::number(i));
}

}  // namespace

class TestLongPage : public QObject {
    Q_OBJECT
private slots:
    /// Views that left the page are deleted later, by the event loop, as in the app.
    void cleanup() { QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete); }

    void onlyWhatIsNearSightHasViews() {
        Window w(numbers);
        QVERIFY(w.waitIdle());
        QTRY_COMPARE(w.renderer.viewCount(), 3000);
        QTRY_VERIFY(w.shows(QStringLiteral("0")));
        QTRY_VERIFY(w.bar()->maximum() > 0);
        QVERIFY2(w.renderer.liveViewCount() < 300,
                 qPrintable(QString::number(w.renderer.liveViewCount())));
        // The scroll bar covers the whole page: 3,000 lines are far taller than the window.
        const int lineHeight = w.area.fontMetrics().lineSpacing();
        QVERIFY2(w.bar()->maximum() > 3000 * lineHeight,
                 qPrintable(QString::number(w.bar()->maximum())));

        // To the end: what comes into sight is drawn, what is far behind has no views.
        w.bar()->setValue(w.bar()->maximum());
        QTRY_VERIFY(w.shows(QStringLiteral("2999")));
        QTRY_VERIFY(w.renderer.liveViewCount() < 300);
        QVERIFY(!w.shows(QStringLiteral("0")));

        // And back to the middle, drawn in the same step as the scroll.
        w.bar()->setValue(w.bar()->maximum() / 2);
        const auto labels = w.area.findChildren<QLabel*>();
        const bool middleShown = std::any_of(labels.cbegin(), labels.cend(), [&](QLabel* l) {
            const int n = l->text().toInt();
            return l->isVisible() && n > 1000 && n < 2000 &&
                   QRect(l->mapTo(w.area.viewport(), QPoint(0, 0)), l->size())
                       .intersects(w.area.viewport()->rect());
        });
        QVERIFY(middleShown);
        const QImage shot = w.area.grab().toImage();
        QVERIFY(!shot.isNull());
    }

    void anElementFarDownGetsAViewWhenAskedFor() {
        Window w(numbers);
        QVERIFY(w.waitIdle());
        QTRY_COMPARE(w.renderer.viewCount(), 3000);
        QWidget* view = w.renderer.widgetAt({MainRoot, 2500});
        QVERIFY(view);
        auto* label = view->findChild<QLabel*>();
        QVERIFY(label);
        QCOMPARE(label->text(), QStringLiteral("2500"));
        QCOMPARE(w.renderer.find([](const Element& e) {
            return e.props.value(QStringLiteral("text")).toString() == u"2500";
        }),
                 (Path{MainRoot, 2500}));
    }

    void changesFarDownAreShownWhenScrolledTo() {
        std::atomic<int> generation{0};
        Window w([&](Ui& ui) {
            for (int i = 0; i < 3000; ++i)
                ui.text(QStringLiteral("%1 · %2").arg(i).arg(generation.load()));
        });
        QVERIFY(w.waitIdle());
        ++generation;
        w.session.rerun();
        QVERIFY(w.waitIdle());
        QTRY_VERIFY(w.bar()->maximum() > 3000 * w.area.fontMetrics().lineSpacing());
        w.bar()->setValue(w.bar()->maximum());
        QTRY_VERIFY(w.shows(QStringLiteral("2999 · 1")));
    }

    void elementsReplacedAndRemovedFarDownAreRightWhenScrolledTo() {
        std::atomic<int> shape{0};
        Window w([&](Ui& ui) {
            const int n = shape == 2 ? 1500 : 3000;
            for (int i = 0; i < n; ++i) {
                // Shape 1: every other element is a caption instead of a text.
                if (shape == 1 && i % 2)
                    ui.caption(QStringLiteral("caption %1").arg(i));
                else
                    ui.text(QString::number(i));
            }
        });
        QVERIFY(w.waitIdle());
        QTRY_VERIFY(w.bar()->maximum() > 3000 * w.area.fontMetrics().lineSpacing());
        w.bar()->setValue(w.bar()->maximum() / 2);  // some views in the middle, most none
        shape = 1;
        w.session.rerun();
        QVERIFY(w.waitIdle());
        // In sight: the new shape only (odd numbers are captions now).
        auto newShape = [&] {
            const QStringList texts = w.visibleTexts();
            return texts.size() > 2 &&
                   std::all_of(texts.cbegin(), texts.cend(), [](const QString& t) {
                       return t.startsWith(u"caption ") || t.toInt() % 2 == 0;
                   });
        };
        QTRY_VERIFY(newShape());
        w.bar()->setValue(w.bar()->maximum());
        QTRY_VERIFY(w.shows(QStringLiteral("caption 2999")));
        QVERIFY(w.shows(QStringLiteral("2998")));

        const int before = w.bar()->maximum();
        shape = 2;
        w.session.rerun();
        QVERIFY(w.waitIdle());
        QTRY_COMPARE(w.renderer.viewCount(), 1500);
        QTRY_VERIFY(w.bar()->maximum() < before * 3 / 4);  // the page is shorter
        w.bar()->setValue(w.bar()->maximum());
        QTRY_VERIFY(w.shows(QStringLiteral("1499")));
        QVERIFY(!w.shows(QStringLiteral("caption 1499")));
    }

    /// A block that becomes another kind, or goes, lives on until its deferred delete; it
    /// must not make views of the elements it had meanwhile.
    void blocksReplacedOrRemovedMakeNoViewsAfterwards() {
        QFETCH(bool, shown);
        std::atomic<int> step{0};
        Window w(
            [&](Ui& ui) {
                // Within one run: a slot holds a block, then a text; then nothing.
                Ui slot = ui.empty();
                if (step == 0) {
                    {
                        auto spinner = slot.container().spinner(QStringLiteral("working"));
                        ui.sleep(std::chrono::milliseconds(100));
                    }
                    slot.text(QStringLiteral("a text now"));
                }
                ui.text(QStringLiteral("end"));
            },
            {600, 400}, shown);
        QVERIFY(w.waitIdle());
        QTRY_VERIFY(w.renderer.widgetAt({MainRoot, 0})->findChild<QLabel*>());
        QTest::qWait(20);  // the queued work of the block that went
        step = 1;
        w.session.rerun();
        QVERIFY(w.waitIdle());
        QTest::qWait(20);
        QCOMPARE(w.renderer.viewCount(), 2);
        auto* label = w.renderer.widgetAt({MainRoot, 1})->findChild<QLabel*>();
        QVERIFY(label);
        QCOMPARE(label->text(), QStringLiteral("end"));
    }
    void blocksReplacedOrRemovedMakeNoViewsAfterwards_data() {
        QTest::addColumn<bool>("shown");
        QTest::newRow("window shown") << true;
        QTest::newRow("window not shown") << false;
    }

    /// A dialog or a toast acts beyond its place: far down the page, it still opens (once).
    void aDialogOrToastFarDownStillShows() {
        Window w([](Ui& ui) {
            for (int i = 0; i < 3000; ++i) ui.text(QString::number(i));
            ui.toast(QStringLiteral("saved"));
            ui.dialog(QStringLiteral("Rename"), [](Ui& d) { d.text(QStringLiteral("inside")); });
        });
        QVERIFY(w.waitIdle());
        auto toasts = [&] {
            return w.area.findChildren<QLabel*>(QStringLiteral("tesseraToast")).size();
        };
        auto dialogOpen = [&] {
            const auto dialogs = w.area.findChildren<QDialog*>();
            return std::any_of(dialogs.cbegin(), dialogs.cend(), [](QDialog* d) {
                return d->isVisible() && d->windowTitle() == u"Rename";
            });
        };
        QTRY_COMPARE(toasts(), 1);
        QTRY_VERIFY(dialogOpen());
        QVERIFY(w.renderer.liveViewCount() < 300);
        // Scrolled to them and away again: the toast does not pop up a second time, and the
        // dialog stays open.
        QTRY_VERIFY(w.bar()->maximum() > 0);
        w.bar()->setValue(w.bar()->maximum());
        w.bar()->setValue(0);
        QTest::qWait(20);
        QCOMPARE(toasts(), 1);
        QVERIFY(dialogOpen());
    }

    /// What a closed expander or a tab not chosen holds gets views when it is opened.
    void closedExpandersAndOtherTabsShowWhenOpened() {
        Window w([](Ui& ui) {
            Ui more = ui.expander(QStringLiteral("more"));
            for (int i = 0; i < 100; ++i) more.text(QStringLiteral("e%1").arg(i));
            auto tabs = ui.tabs({QStringLiteral("one"), QStringLiteral("two")});
            tabs[0].text(QStringLiteral("first tab"));
            for (int i = 0; i < 100; ++i) tabs[1].text(QStringLiteral("t%1").arg(i));
        });
        QVERIFY(w.waitIdle());
        QTRY_VERIFY(w.shows(QStringLiteral("first tab")));
        QVERIFY(!w.shows(QStringLiteral("e0")));
        QVERIFY2(w.renderer.liveViewCount() < 20,  // nothing closed or not chosen
                 qPrintable(QString::number(w.renderer.liveViewCount())));
        auto* header = w.renderer.widgetAt({MainRoot, 0})->findChild<QToolButton*>();
        QVERIFY(header);
        header->click();
        QTRY_VERIFY(w.shows(QStringLiteral("e0")));
        header->click();
        auto* tabWidget = w.renderer.widgetAt({MainRoot, 1})->findChild<QTabWidget*>();
        QVERIFY(tabWidget);
        tabWidget->setCurrentIndex(1);
        QTRY_VERIFY(w.shows(QStringLiteral("t0")));
    }

    /// A text view measures its text once per change, and a change that keeps its size lays
    /// nothing out again.
    void aTextChangeThatKeepsItsSizeLaysNothingOut() {
        std::atomic<int> value{10};
        Window w([&](Ui& ui) { ui.text(QStringLiteral("value %1").arg(value.load())); });
        QVERIFY(w.waitIdle());
        QTRY_VERIFY(w.shows(QStringLiteral("value 10")));
        QWidget* chunk = w.renderer.widgetAt({MainRoot, 0})->parentWidget();
        QCoreApplication::sendPostedEvents();
        LayoutRequests requests;
        chunk->installEventFilter(&requests);
        value = 11;  // fixed-width text of the same length: the same size
        w.session.rerun();
        QVERIFY(w.waitIdle());
        QTRY_VERIFY(w.shows(QStringLiteral("value 11")));
        QCoreApplication::sendPostedEvents();
        QCOMPARE(requests.count, 0);
        value = 1000;  // longer: laid out again
        w.session.rerun();
        QVERIFY(w.waitIdle());
        QTRY_VERIFY(w.shows(QStringLiteral("value 1000")));
        QTRY_VERIFY(requests.count > 0);
    }

    void tabWalksIntoViewsNotMadeYet() {
        Window w(
            [](Ui& ui) {
                for (int i = 0; i < 200; ++i) ui.checkbox(QStringLiteral("c%1").arg(i));
            },
            {500, 300});
        QVERIFY(w.waitIdle());
        QVERIFY(QTest::qWaitForWindowActive(&w.area));
        QTRY_COMPARE(w.renderer.viewCount(), 200);
        QTRY_VERIFY(w.bar()->maximum() > 0);
        QVERIFY(w.renderer.liveViewCount() < 200);
        auto* first = w.renderer.widgetAt({MainRoot, 0})->findChild<QCheckBox*>();
        QVERIFY(first);
        first->setFocus(Qt::TabFocusReason);
        QTRY_COMPARE(w.focusedCheckbox(), first);
        for (int i = 1; i < 200; ++i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QCoreApplication::processEvents();  // as between two key presses
            QCheckBox* focused = w.focusedCheckbox();
            QVERIFY2(focused, qPrintable(QStringLiteral("no checkbox after %1 tabs").arg(i)));
            QCOMPARE(focused->text(), QStringLiteral("c%1").arg(i));
        }
        // Shift+Tab walks back, into views that were taken away meanwhile.
        QVERIFY(w.renderer.liveViewCount() < 200);
        for (int i = 198; i >= 0; --i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab);
            QCoreApplication::processEvents();
            QCheckBox* focused = w.focusedCheckbox();
            QVERIFY(focused);
            QCOMPARE(focused->text(), QStringLiteral("c%1").arg(i));
        }
    }

    void aFocusedFieldKeepsItsViewAndTextWhileScrolledAway() {
        Window w([](Ui& ui) {
            ui.textInput(QStringLiteral("name"));
            for (int i = 0; i < 3000; ++i) ui.text(QString::number(i));
        });
        QVERIFY(w.waitIdle());
        QVERIFY(QTest::qWaitForWindowActive(&w.area));
        QTRY_COMPARE(w.renderer.viewCount(), 3001);
        QPointer<QLineEdit> field = w.renderer.widgetAt({MainRoot, 0})->findChild<QLineEdit*>();
        QVERIFY(field);
        field->setFocus();
        QTest::keyClicks(field, QStringLiteral("Ada"));  // typed, not yet sent
        QTRY_VERIFY(w.bar()->maximum() > 3000 * w.area.fontMetrics().lineSpacing());
        w.bar()->setValue(w.bar()->maximum());
        QTRY_VERIFY(w.shows(QStringLiteral("2999")));
        w.bar()->setValue(0);
        QTRY_VERIFY(w.shows(QStringLiteral("0")));
        QVERIFY(field);
        QVERIFY(field->hasFocus());
        QCOMPARE(field->text(), QStringLiteral("Ada"));
    }
};

QTEST_MAIN(TestLongPage)
#include "tst_longpage.moc"
