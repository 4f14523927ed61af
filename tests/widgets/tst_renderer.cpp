// SPDX-License-Identifier: GPL-3.0-or-later
// The Qt renderer against a live session: every element kind becomes its widget, updates
// happen in place, removed elements go, stale ones fade, and widgets talk back.
#include <tessera/host/session.h>
#include <tessera/host/sessionhandle.h>
#include <tessera/schema.h>
#include <tessera/widgets/renderer.h>

#include <QAbstractButton>
#include <QApplication>
#include <QChartView>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QMimeData>
#include <QPushButton>
#include <QScrollBar>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSlider>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>
#include <atomic>
#include <functional>

using namespace tessera;
using namespace std::chrono_literals;

namespace {

/// A window with a session and its renderer, as the app has.
struct Harness {
    LocalSessionHandle handle;
    Session& session = handle.session();
    widgets::Renderer renderer;
    QWidget window;
    explicit Harness(std::function<void(Ui&)> fn) {
        auto* layout = new QVBoxLayout(&window);
        layout->addWidget(renderer.mainArea());
        layout->addWidget(renderer.sidebarArea());
        window.resize(900, 700);
        renderer.attach(&handle);
        session.setDashboard(Dashboard{QStringLiteral("t"), {}, {}, std::move(fn)});
    }
    bool waitIdle(int ms = 10000) {
        QElapsedTimer t;
        t.start();
        while (!session.isIdle() && t.elapsed() < ms) QTest::qWait(5);
        return session.isIdle();
    }
};

void everything(Ui& ui) {
    DataFrame f;
    f.add(QStringLiteral("x"), std::vector<double>{0, 1, 2, 3})
        .add(QStringLiteral("y"), std::vector<double>{1, 4, 2, 8});
    f.add(QStringLiteral("label"), QStringList{"a", "b", "c", "d"});
    ui.title("t");
    ui.header("h");
    ui.subheader("s");
    ui.text("text");
    ui.markdown("**md**");
    ui.caption("c");
    ui.code("int x;", "cpp");
    ui.divider();
    ui.metric("m", "1", "+1");
    ui.info("i");
    ui.success("s");
    ui.warning("w");
    ui.error("e");
    ui.exception(QStringLiteral("std::runtime_error"), QStringLiteral("boom"));
    ui.json(QJsonValue(42));
    ui.lineChart(f, {.x = "x"});
    ui.areaChart(f, {.x = "x"});
    ui.barChart(f, {.x = "label"});
    ui.scatterChart(f, {.x = "x"});
    ui.chart(f, Chart(Layer(Mark::Bar).x("label").y("y")));
    ui.table(f);
    ui.dataframe(f);
    ui.dataframe(f, {.selectionMode = SelectionMode::MultiRow, .key = "rows"});
    ui.scatterChart(f, {.x = "x", .selectionMode = SelectionMode::Box, .key = "box"});
    ui.dataEditor(f, {.label = "editor", .addRows = true});
    ui.progress(40, "p");
    ui.skeleton(40);
    ui.image(QByteArray("not an image"), "broken bytes show a message");
    ui.empty();
    ui.button("b");
    ui.checkbox("c");
    ui.toggle("t");
    ui.slider("si", 0, 10, 1);
    ui.slider("sd", 0.0, 1.0, 0.5);
    ui.rangeSlider("r", 0, 10, {2, 3});
    ui.selectbox("sel", {"a", "b"});
    ui.fileUploader("up");
    ui.radio("rad", {"a", "b"});
    ui.multiselect("ms", {"a", "b"}, {"a"});
    ui.textInput("ti", "v");
    ui.textArea("ta", "v");
    ui.numberInput("n", 1);
    ui.dateInput("d", QDate(2026, 1, 1));
    ui.colorPicker("col");
    ui.container().text("in container");
    ui.columns(2)[1].text("in column");
    ui.tabs({"A", "B"})[0].text("in tab");
    ui.expander("e", true).text("in expander");
    Ui form = ui.form("form");
    form.textInput("in form");
    form.formSubmitButton();
    ui.toast("toast");
    ui.popover("pop").text("in popover");
    ui.status("status").ui().text("in status");
    ui.dialog("dialog", [](Ui& d) { d.text("in dialog"); });
    ui.chatMessage("user").text("in chat message");
    ui.chatInput("chat");
    ui.downloadButton("download", "bytes", "file.txt", "text/plain");
    ui.sidebar().text("in sidebar");
    ui.fragment("frag", [](Ui& f) { f.text("in fragment"); });
    // A spinner shows while its owner is alive; this one stays until the run is stopped.
    auto spinner = ui.spinner("spin");
    ui.sleep(60s);
}

}  // namespace

class TestRenderer : public QObject {
    Q_OBJECT
private slots:
    void everyElementKindHasItsView() {
        Harness h(everything);
        // The dashboard ends with a spinner and then sleeps: wait until it is on the page.
        auto spinnerShown = [&] {
            const auto& main = h.session.page().root(MainRoot).children;
            return !main.empty() && main.back()->element->kind == ElementKind::Spinner;
        };
        QTRY_VERIFY_WITH_TIMEOUT(spinnerShown(), 10000);
        QTRY_COMPARE(h.renderer.viewCount(), h.session.page().elementCount());
        QSet<QString> seen;
        std::function<void(const PageTree::Node&, Path&)> visit = [&](const PageTree::Node& n,
                                                                      Path& path) {
            for (size_t i = 0; i < n.children.size(); ++i) {
                path.append(int(i));
                const QString kind = kindName(n.children[i]->element->kind);
                QWidget* w = h.renderer.widgetAt(path);
                QVERIFY2(w,
                         qPrintable(
                             QStringLiteral("no view for %1 at %2").arg(kind, pathToString(path))));
                QCOMPARE(w->property("tesseraKind").toString(), kind);
                const QString problem = schemaProblem(*n.children[i]->element);
                QVERIFY2(problem.isEmpty(), qPrintable(problem));
                seen.insert(kind);
                visit(*n.children[i], path);
                path.removeLast();
            }
        };
        for (Root r : {MainRoot, SidebarRoot}) {
            Path p{r};
            visit(h.session.page().root(r), p);
        }
        QCOMPARE(h.renderer.viewCount(), h.session.page().elementCount());
        for (const KindSpec& spec : elementSchema()) {
            QVERIFY2(widgets::Renderer::hasView(spec.kind), qPrintable(spec.name));
            QVERIFY2(seen.contains(spec.name), qPrintable(spec.name));
        }
        h.session.stop();
        QVERIFY(h.waitIdle());
    }

    void inPlaceUpdateKeepsTheWidgetAndFocus() {
        Harness h([](Ui& ui) {
            const int n = ui.slider(QStringLiteral("n"), 0, 100, 1);
            ui.textInput(QStringLiteral("name"), QStringLiteral("ada"));
            ui.text(QStringLiteral("n = %1").arg(n));
        });
        h.window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&h.window));
        QVERIFY(h.waitIdle());
        QWidget* inputView = h.renderer.widgetAt({MainRoot, 1});
        QWidget* textView = h.renderer.widgetAt({MainRoot, 2});
        auto* edit = inputView->findChild<QLineEdit*>();
        QVERIFY(edit);
        h.window.activateWindow();
        edit->setFocus();
        QTRY_VERIFY(edit->hasFocus());

        QVERIFY(h.session.setWidgetValue(h.session.findWidget(QStringLiteral("n")), 42).isEmpty());
        QVERIFY(h.waitIdle());
        QCOMPARE(h.renderer.widgetAt({MainRoot, 1}), inputView);
        QCOMPARE(h.renderer.widgetAt({MainRoot, 2}), textView);
        QVERIFY(edit->hasFocus());
        QCOMPARE(h.session.page().node({MainRoot, 2})->element->props.value("text").toString(),
                 QStringLiteral("n = 42"));
    }

    void unchangedRerunDoesNoWidgetWork() {
        Harness h([](Ui& ui) {
            for (int i = 0; i < 50; ++i) ui.text(QString::number(i));
        });
        QVERIFY(h.waitIdle());
        QSignalSpy applied(&h.renderer, &widgets::Renderer::applied);
        h.session.rerun();
        QVERIFY(h.waitIdle());
        QCOMPARE(applied.count(), 0);
    }

    /// Plain text is selectable once the mouse comes over it (and not laid out as a rich
    /// text document before); markdown keeps its links from the start.
    void textBecomesSelectableUnderTheMouse() {
        Harness h([](Ui& ui) {
            ui.text(QStringLiteral("plain"));
            ui.markdown(QStringLiteral("[a link](https://example.org)"));
        });
        QVERIFY(h.waitIdle());
        QWidget* textView = h.renderer.widgetAt({MainRoot, 0});
        QWidget* markdownView = h.renderer.widgetAt({MainRoot, 1});
        QVERIFY(textView && markdownView);
        auto* text = textView->findChild<QLabel*>();
        auto* markdown = markdownView->findChild<QLabel*>();
        QVERIFY(text && markdown);
        QCOMPARE(text->textInteractionFlags(), Qt::NoTextInteraction);
        QVERIFY(markdown->textInteractionFlags() & Qt::LinksAccessibleByMouse);
        QEnterEvent enter(QPointF(2, 2), QPointF(2, 2), QPointF(2, 2));
        QCoreApplication::sendEvent(textView, &enter);
        QVERIFY(text->textInteractionFlags() & Qt::TextSelectableByMouse);
    }

    void removedElementsLeaveTheScreen() {
        Harness h([](Ui& ui) {
            const bool all = ui.checkbox(QStringLiteral("all"), true);
            for (int i = 0; i < (all ? 10 : 2); ++i) ui.text(QString::number(i));
        });
        QVERIFY(h.waitIdle());
        QCOMPARE(h.renderer.viewCount(), 11);
        h.session.setWidgetValue(h.session.findWidget(QStringLiteral("all")), false);
        QVERIFY(h.waitIdle());
        QCOMPARE(h.renderer.viewCount(), 3);
        QVERIFY(!h.renderer.widgetAt({MainRoot, 3}));
    }

    void staleElementsFadeDuringASlowRun() {
        std::atomic<bool> slow{false};
        Harness h([&](Ui& ui) {
            if (slow) ui.sleep(500ms);
            ui.text(QStringLiteral("a"));
        });
        h.session.setStaleDelay(20);
        QVERIFY(h.waitIdle());
        slow = true;
        h.session.rerun();
        QTRY_VERIFY_WITH_TIMEOUT(h.renderer.isStale({MainRoot, 0}), 2000);
        QVERIFY(h.waitIdle());
        QVERIFY(!h.renderer.isStale({MainRoot, 0}));
    }

    void widgetChangesGoBackToTheSession() {
        Harness h([](Ui& ui) {
            const int n = ui.slider(QStringLiteral("n"), 0, 10, 1);
            ui.text(QStringLiteral("n = %1").arg(n));
        });
        QVERIFY(h.waitIdle());
        auto* slider = h.renderer.widgetAt({MainRoot, 0})->findChild<QSlider*>();
        QVERIFY(slider);
        slider->setValue(7);  // as the user dragging it
        QTRY_COMPARE(h.session.page().node({MainRoot, 1})->element->props.value("text").toString(),
                     QStringLiteral("n = 7"));
    }

    /// Enter in a text field of a form sends the field's value, then presses the form's
    /// submit button: one run sees the text.
    void enterInAFormSubmitsIt() {
        Harness h([](Ui& ui) {
            Ui form = ui.form(QStringLiteral("f"));
            auto name = form.textInput(QStringLiteral("Name"));
            const bool sent = form.formSubmitButton(QStringLiteral("Send"));
            ui.text(sent ? QStringLiteral("sent %1").arg(name.get()) : QStringLiteral("idle"));
        });
        h.window.show();
        QVERIFY(h.waitIdle());
        const int runs = h.session.runsStarted();
        auto* edit = h.renderer.widgetAt({MainRoot, 0, 0})->findChild<QLineEdit*>();
        QVERIFY(edit);
        edit->setFocus();
        QTest::keyClicks(edit, QStringLiteral("Ada"));
        QTest::keyClick(edit, Qt::Key_Return);
        QTRY_COMPARE(h.session.page().node({MainRoot, 1})->element->props.value("text").toString(),
                     QStringLiteral("sent Ada"));
        QVERIFY(h.waitIdle());
        QCOMPARE(h.session.runsStarted(), runs + 1);
    }

    void addedRowsAreAppendedInPlace() {
        // The dashboard draws a chart and a dataframe, then adds rows once the window shows them.
        auto go = std::make_shared<QSemaphore>();
        Harness h([go](Ui& ui) {
            auto frame = [](int from, int count) {
                std::vector<double> x, y;
                for (int i = from; i < from + count; ++i) x.push_back(i), y.push_back(i % 7);
                return DataFrame()
                    .add(QStringLiteral("x"), std::move(x))
                    .add(QStringLiteral("y"), std::move(y));
            };
            auto chart = ui.lineChart(frame(0, 100'000), {.x = QStringLiteral("x")});
            auto table = ui.dataframe(frame(0, 50));
            while (!go->tryAcquire(1, 10)) ui.checkpoint();
            chart.addRows(frame(100'000, 1'000));
            table.addRows(frame(50, 5));
        });
        h.window.show();
        QTRY_VERIFY(h.renderer.widgetAt({MainRoot, 1}));
        auto* view = h.renderer.widgetAt({MainRoot, 0})->findChild<QChartView*>();
        QVERIFY(view);
        auto* series = qobject_cast<QLineSeries*>(view->chart()->series().value(0));
        QVERIFY(series);
        const int before = series->count();
        auto* grid = h.renderer.widgetAt({MainRoot, 1})->findChild<QTableView*>();
        QVERIFY(grid);
        grid->scrollTo(grid->model()->index(30, 0));
        const int scrolled = grid->verticalScrollBar()->value();
        QSignalSpy inserted(grid->model(), &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(grid->model(), &QAbstractItemModel::modelReset);

        go->release();
        QVERIFY(h.waitIdle());
        // The same series, with the new rows' points after the old ones.
        QVERIFY(view->chart()->series().value(0) == series);
        QVERIFY(series->count() > before);
        const double last = series->at(series->count() - 1).x();
        QVERIFY2(last >= 100'000, qPrintable(QString::number(last)));  // decimated: min or max
        auto* axis = qobject_cast<QValueAxis*>(view->chart()->axes(Qt::Horizontal).value(0));
        QVERIFY(axis);
        QCOMPARE(axis->max(), last);
        // Five rows inserted below, without a reset: the table stays where it was scrolled.
        QCOMPARE(grid->model()->rowCount(), 55);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(grid->verticalScrollBar()->value(), scrolled);
    }

    /// A cell is checked where it is edited: a wrong value is named in red and sent nowhere;
    /// a new row waits until its required cells are filled in.
    void dataEditorChecksCellsWhereTheyAreEdited() {
        Harness h([](Ui& ui) {
            DataFrame df;
            df.add(QStringLiteral("item"), QStringList{"tea", "coffee"});
            df.add(QStringLiteral("qty"), std::vector<double>{1, 2});
            using Type = EditorColumn::Type;
            const DataFrame edited = ui.dataEditor(
                df, {.label = QStringLiteral("Orders"),
                     .columns = {{QStringLiteral("item"), {.type = Type::Text, .required = true}},
                                 {QStringLiteral("qty"), {.type = Type::Integer, .min = 0}}},
                     .addRows = true});
            double total = 0;
            for (qsizetype r = 0; r < edited.rowCount(); ++r)
                total += edited.column(QStringLiteral("qty"))->number(r);
            ui.text(QStringLiteral("%1 rows, %2 items").arg(edited.rowCount()).arg(total));
        });
        h.window.show();
        QVERIFY(h.waitIdle());
        auto text = [&] {
            return h.session.page().node({MainRoot, 1})->element->props.value("text").toString();
        };
        QCOMPARE(text(), QStringLiteral("2 rows, 3 items"));
        QTRY_VERIFY(h.renderer.widgetAt({MainRoot, 0}) &&
                    h.renderer.widgetAt({MainRoot, 0})->findChild<QTableView*>());
        auto* view = h.renderer.widgetAt({MainRoot, 0});
        auto* grid = view->findChild<QTableView*>(QStringLiteral("dataEditor"));
        auto* problem = view->findChild<QLabel*>(QStringLiteral("editProblem"));
        QVERIFY(grid && problem);

        // Typed into the cell, as a person would.
        const QModelIndex qty = grid->model()->index(1, 1);
        grid->setCurrentIndex(qty);
        grid->edit(qty);
        auto* field = grid->findChild<QLineEdit*>();
        QVERIFY(field);
        field->selectAll();
        QTest::keyClicks(field, QStringLiteral("7"));
        QTest::keyClick(field, Qt::Key_Return);
        QTRY_COMPARE(text(), QStringLiteral("2 rows, 8 items"));
        QVERIFY(problem->isHidden());
        // The run's echo of the edit reaches the window (with the text below it), and the
        // table keeps its current cell: typing goes on where it was.
        auto* shown = h.renderer.widgetAt({MainRoot, 1})->findChild<QLabel*>();
        QVERIFY(shown);
        QTRY_COMPARE(shown->text(), QStringLiteral("2 rows, 8 items"));
        QCOMPARE(grid->currentIndex(), grid->model()->index(1, 1));

        // A wrong value is refused where it is typed.
        const int runs = h.session.runsStarted();
        QVERIFY(!grid->model()->setData(qty, QStringLiteral("-2"), Qt::EditRole));
        QVERIFY(!problem->isHidden());
        QCOMPARE(problem->text(), QStringLiteral("Row 1, qty: -2 is below 0"));
        QCOMPARE(grid->model()->index(1, 1).data().toString(), QStringLiteral("7"));

        // A new row waits for its required item.
        auto* add = view->findChild<QPushButton*>();
        QVERIFY(add && add->text() == QStringLiteral("Add row"));
        add->click();
        QCOMPARE(grid->model()->rowCount(), 3);
        QVERIFY(problem->text().contains(u"new row 1, column 'item': a value is required"));
        QVERIFY(grid->model()->setData(grid->model()->index(2, 1), 4, Qt::EditRole));
        QCOMPARE(h.session.runsStarted(), runs);  // nothing was sent yet
        QVERIFY(grid->model()->setData(grid->model()->index(2, 0), QStringLiteral("cocoa"),
                                       Qt::EditRole));
        QTRY_COMPARE(text(), QStringLiteral("3 rows, 12 items"));
        QVERIFY(problem->isHidden());
    }

    /// A disabled editor takes no edits, and takes them again once it is enabled.
    void aDisabledDataEditorIsReadOnlyUntilEnabled() {
        Harness h([](Ui& ui) {
            const bool locked = ui.checkbox(QStringLiteral("Lock"), true);
            DataFrame df;
            df.add(QStringLiteral("qty"), std::vector<double>{1, 2});
            df.add(QStringLiteral("done"), std::vector<double>{0, 1});
            ui.dataEditor(
                df,
                {.label = QStringLiteral("Orders"),
                 .columns = {{QStringLiteral("done"), {.type = EditorColumn::Type::Checkbox}}}},
                {.disabled = locked});
        });
        h.window.show();
        QVERIFY(h.waitIdle());
        QTRY_VERIFY(h.renderer.widgetAt({MainRoot, 1}) &&
                    h.renderer.widgetAt({MainRoot, 1})->findChild<QTableView*>());
        QAbstractItemModel* model =
            h.renderer.widgetAt({MainRoot, 1})->findChild<QTableView*>()->model();
        QVERIFY(!(model->flags(model->index(0, 0)) & Qt::ItemIsEditable));
        QVERIFY(!(model->flags(model->index(0, 1)) & Qt::ItemIsUserCheckable));
        auto* lock = h.renderer.widgetAt({MainRoot, 0})->findChild<QAbstractButton*>();
        QVERIFY(lock);
        lock->click();
        QTRY_VERIFY(model->flags(model->index(0, 0)) & Qt::ItemIsEditable);
        QVERIFY(model->flags(model->index(0, 1)) & Qt::ItemIsUserCheckable);
    }

    /// Rows picked in a dataframe and a box dragged over a chart become their selections.
    void selectionsInTheWindowReachTheRun() {
        Harness h([](Ui& ui) {
            DataFrame df;
            df.add(QStringLiteral("x"), std::vector<double>{0, 1, 2, 3, 4});
            df.add(QStringLiteral("y"), std::vector<double>{0, 10, 20, 30, 40});
            auto rows = ui.dataframe(df, {.selectionMode = SelectionMode::MultiRow, .key = "t"})
                            .selection()
                            .get();
            auto box = ui.scatterChart(df, {.x = QStringLiteral("x"),
                                            .height = 400,
                                            .selectionMode = SelectionMode::Box,
                                            .key = "c"})
                           .selection()
                           .get();
            auto list = [](const DataSelection& s) {
                QStringList out;
                for (qsizetype r : s.rows) out << QString::number(r);
                return out.join(u",");
            };
            ui.text(QStringLiteral("table %1; chart %2").arg(list(rows), list(box)));
        });
        h.window.show();
        QVERIFY(h.waitIdle());
        auto text = [&] {
            return h.session.page().node({MainRoot, 2})->element->props.value("text").toString();
        };
        auto* grid = h.renderer.widgetAt({MainRoot, 0})->findChild<QTableView*>();
        QVERIFY(grid);
        grid->selectRow(3);
        QTRY_COMPARE(text(), QStringLiteral("table 3; chart "));
        grid->selectRow(1);  // multi-row: a second row joins the first
        QTRY_COMPARE(text(), QStringLiteral("table 1,3; chart "));

        auto* chartView = h.renderer.widgetAt({MainRoot, 1})->findChild<QChartView*>();
        QVERIFY(chartView);
        QChart* chart = chartView->chart();
        auto at = [&](double x, double y) {
            const QPointF inChart = chart->mapToPosition(QPointF(x, y), chart->series().value(0));
            return chartView->mapFromScene(chart->mapToScene(inChart));
        };
        QWidget* viewport = chartView->viewport();
        QTest::mousePress(viewport, Qt::LeftButton, {}, at(0.5, 5));
        QTest::mouseMove(viewport, at(2.5, 25));
        QTest::mouseRelease(viewport, Qt::LeftButton, {}, at(2.5, 25));
        QTRY_COMPARE(text(), QStringLiteral("table 1,3; chart 1,2"));

        // The selectable chart's viewport gets every kind of event, not only the mouse's:
        // none of them is taken for a mouse event (UBSan, in the asan preset, checks the cast).
        for (QEvent::Type type : {QEvent::Polish, QEvent::UpdateRequest, QEvent::StyleChange}) {
            QEvent event(type);
            QCoreApplication::sendEvent(viewport, &event);
        }
        QKeyEvent key(QEvent::KeyPress, Qt::Key_A, Qt::NoModifier);
        QCoreApplication::sendEvent(viewport, &key);
        QCOMPARE(text(), QStringLiteral("table 1,3; chart 1,2"));
    }

    void filesDroppedOnTheUploaderReachTheRun() {
        QTemporaryDir dir;
        auto write = [&](const QString& name, qsizetype size) {
            QFile f(dir.filePath(name));
            f.open(QIODevice::WriteOnly);
            f.write(QByteArray(size, 'x'));
            return f.fileName();
        };
        const QString good = write(QStringLiteral("a.csv"), 5);
        const QString big = write(QStringLiteral("big.csv"), 2000);
        const QString exe = write(QStringLiteral("run.exe"), 5);
        Harness h([](Ui& ui) {
            const UploadedFiles files = ui.fileUploader(
                QStringLiteral("Data"), {.types = {QStringLiteral("csv")}, .maxBytes = 1000});
            ui.text(
                files.isEmpty()
                    ? QStringLiteral("none")
                    : QStringLiteral("%1: %2 bytes").arg(files[0].name).arg(files[0].bytes.size()));
        });
        h.window.show();
        QVERIFY(h.waitIdle());
        QWidget* view = h.renderer.widgetAt({MainRoot, 0});
        auto* problem = view->findChild<QLabel*>(QStringLiteral("uploadProblem"));
        QVERIFY(problem);
        auto drop = [&](const QString& path) {
            QMimeData mime;
            mime.setUrls({QUrl::fromLocalFile(path)});
            // As a drag ends on it: entering, then the drop.
            QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton,
                                  Qt::NoModifier);
            QCoreApplication::sendEvent(view, &enter);
            QVERIFY(enter.isAccepted());
            QDropEvent event(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton,
                             Qt::NoModifier);
            QCoreApplication::sendEvent(view, &event);
            QVERIFY(event.isAccepted());
        };
        const int runs = h.session.runsStarted();
        auto text = [&] {
            return h.session.page().node({MainRoot, 1})->element->props.value("text").toString();
        };
        // Refused where it was dropped, with the reason; nothing goes to the session.
        drop(big);
        QVERIFY(problem->isVisibleTo(view));
        QVERIFY2(problem->text().contains(QStringLiteral("files up to 1000 bytes")),
                 qPrintable(problem->text()));
        drop(exe);
        QVERIFY(problem->text().contains(QStringLiteral("not one of the types taken here: csv")));
        QCOMPARE(h.session.runsStarted(), runs);
        QCOMPARE(text(), QStringLiteral("none"));

        drop(good);
        QTRY_COMPARE(text(), QStringLiteral("a.csv: 5 bytes"));
        QVERIFY(!problem->isVisibleTo(view));
    }

    void downloadButtonsSaveWhereTheDialogSays() {
        QTemporaryDir dir;
        std::atomic<int> made{0};
        Harness h([&made](Ui& ui) {
            ui.downloadButton(QStringLiteral("Save now"), QByteArray("ready bytes"),
                              QStringLiteral("now.txt"), QStringLiteral("text/plain"));
            ui.downloadButton(
                QStringLiteral("Save report"),
                [&made] {
                    ++made;
                    return QByteArray("made on the press");
                },
                QStringLiteral("report.txt"), QStringLiteral("text/plain"));
        });
        h.window.show();
        QVERIFY(h.waitIdle());
        // Presses a button; the save dialog, once up (it runs an event loop of its own), is
        // answered with `file`, and the file name it suggested is noted.
        QTimer answer;
        QString suggested;
        QString target;
        answer.setInterval(10);
        QObject::connect(&answer, &QTimer::timeout, [&] {
            auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
            if (!dialog) return;
            answer.stop();
            suggested = QFileInfo(dialog->selectedFiles().value(0)).fileName();
            dialog->selectFile(target);
            static_cast<QDialog*>(dialog)->accept();  // as its Save button does
        });
        auto saveWith = [&](int index, const QString& file) {
            target = file;
            suggested.clear();
            answer.start();
            h.renderer.widgetAt({MainRoot, index})->findChild<QPushButton*>()->click();
        };
        auto contents = [](const QString& file) {
            QFile f(file);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        };
        saveWith(0, dir.filePath(QStringLiteral("now.txt")));
        QTRY_COMPARE(contents(dir.filePath(QStringLiteral("now.txt"))), QByteArray("ready bytes"));
        QCOMPARE(suggested, QStringLiteral("now.txt"));
        QCOMPARE(made.load(), 0);

        // Deferred: the press goes first; the run it causes makes the bytes, then the dialog.
        saveWith(1, dir.filePath(QStringLiteral("report.txt")));
        QTRY_COMPARE(contents(dir.filePath(QStringLiteral("report.txt"))),
                     QByteArray("made on the press"));
        QCOMPARE(suggested, QStringLiteral("report.txt"));
        QCOMPARE(made.load(), 1);
        QVERIFY(h.waitIdle());
        QVERIFY(!QApplication::activeModalWidget());
    }

    void largeLineChartIsDecimated() {
        Harness h([](Ui& ui) {
            std::vector<double> y(1'000'000);
            for (size_t i = 0; i < y.size(); ++i) y[i] = double(i % 1000);
            ui.lineChart(DataFrame().add(QStringLiteral("y"), std::move(y)));
        });
        h.window.show();
        QVERIFY(h.waitIdle());
        auto* view = h.renderer.widgetAt({MainRoot, 0})->findChild<QChartView*>();
        QVERIFY(view);
        auto* series = qobject_cast<QLineSeries*>(view->chart()->series().value(0));
        QVERIFY(series);
        // Two points (min and max) per pixel column at most, whatever the width was then.
        QVERIFY2(series->count() <= 2 * 4096, qPrintable(QString::number(series->count())));
        QVERIFY(series->count() > 100);
    }

    void chartTicksAreRoundNumbers() {
        Harness h([](Ui& ui) {
            ui.lineChart(DataFrame().add(QStringLiteral("y"), std::vector<double>(365, 1.0)));
        });
        h.window.show();
        QVERIFY(h.waitIdle());
        auto* view = h.renderer.widgetAt({MainRoot, 0})->findChild<QChartView*>();
        QVERIFY(view);
        auto* x = qobject_cast<QValueAxis*>(view->chart()->axes(Qt::Horizontal).value(0));
        QVERIFY(x);
        // 0…364 by rows: ticks at 0, 100, 200, 300 rather than 0, 91, 182, 273, 364.
        QCOMPARE(x->tickType(), QValueAxis::TicksDynamic);
        QCOMPARE(x->tickInterval(), 100.0);
        QCOMPARE(x->tickAnchor(), 0.0);
    }
};

QTEST_MAIN(TestRenderer)
#include "tst_renderer.moc"
