// SPDX-License-Identifier: GPL-3.0-or-later
// Editable and selectable data as a user sees it: the run gets the edited frame; every cell
// is checked against its column and a wrong one is refused with the row, the column and the
// reason, leaving the value as it was; rows are added and deleted only where allowed; a
// selection in a chart or a dataframe reruns like a widget and reads back as rows.
#include <tessera/host/session.h>
#include <tessera/schema.h>
#include <tessera/testing/apptest.h>

#include <QTest>
#include <atomic>
#include <cmath>

using namespace tessera;
using tessera::testing::AppTest;

namespace {

DataFrame orders() {
    DataFrame df;
    df.add(QStringLiteral("item"), QStringList{"tea", "coffee", "cocoa"});
    df.add(QStringLiteral("price"), std::vector<double>{3.5, 4.0, 2.5});
    df.add(QStringLiteral("qty"), std::vector<double>{1, 2, 3});
    df.add(QStringLiteral("paid"), std::vector<double>{1, 0, 0});
    df.add(QStringLiteral("size"), QStringList{"S", "M", "L"});
    return df;
}

DataEditorOptions orderOptions(bool dynamic) {
    using Type = EditorColumn::Type;
    DataEditorOptions o;
    o.label = QStringLiteral("Orders");
    o.columns = {{QStringLiteral("item"), {.type = Type::Text, .maxChars = 12, .required = true}},
                 {QStringLiteral("price"), {.type = Type::Number, .min = 0, .max = 100}},
                 {QStringLiteral("qty"), {.type = Type::Integer, .min = 0, .required = true}},
                 {QStringLiteral("paid"), {.type = Type::Checkbox}},
                 {QStringLiteral("size"),
                  {.type = Type::Choice, .options = {"S", "M", "L"}, .disabled = true}}};
    o.addRows = dynamic;
    o.deleteRows = dynamic;
    return o;
}

/// The editor, and what the run got: the total and the items, row by row.
void orderBook(Ui& ui, bool dynamic) {
    const DataFrame edited = ui.dataEditor(orders(), orderOptions(dynamic));
    double total = 0;
    for (qsizetype r = 0; r < edited.rowCount(); ++r)
        total += edited.column(QStringLiteral("price"))->number(r) *
                 edited.column(QStringLiteral("qty"))->number(r);
    ui.metric(QStringLiteral("Total"), QString::number(total));
    ui.text(edited.column(QStringLiteral("item"))->text().join(u","));
}

QString total(const AppTest& at) {
    return at.find(QStringLiteral("metric"), QStringLiteral("Total")).value().toString();
}
QString items(const AppTest& at) {
    return at.element(QStringLiteral("text")).text();
}

}  // namespace

class TestDataEditor : public QObject {
    Q_OBJECT
private slots:
    void theRunGetsTheEditedFrame() {
        AppTest at([](Ui& ui) { orderBook(ui, false); });
        QVERIFY(at.run());
        QCOMPARE(total(at), QStringLiteral("19"));  // 3.5 + 8 + 7.5
        auto editor = at.widget(QStringLiteral("Orders"));
        QCOMPARE(editor.editCell(1, QStringLiteral("qty"), 10), QString());
        QCOMPARE(editor.editCell(0, QStringLiteral("item"), QStringLiteral("green tea")),
                 QString());
        QCOMPARE(editor.editCell(2, QStringLiteral("paid"), true), QString());
        QVERIFY(at.run());
        QCOMPARE(total(at), QStringLiteral("51"));  // 3.5 + 40 + 7.5
        QCOMPARE(items(at), QStringLiteral("green tea,coffee,cocoa"));
        // The page carries the data as given and the edits beside it.
        const auto view = at.element(QStringLiteral("data_editor"));
        QCOMPARE(view.element()->frame->column(QStringLiteral("qty"))->number(1), 2.0);
        QCOMPARE(view.value().toMap().value(QStringLiteral("edited")).toMap().size(), 3);

        // The edits stay for later runs.
        QVERIFY(at.run());
        QCOMPARE(total(at), QStringLiteral("51"));
    }

    void wrongCellsAreRefusedWithTheReason_data() {
        QTest::addColumn<int>("row");
        QTest::addColumn<QString>("column");
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<QString>("reason");
        QTest::newRow("text for a number")
            << 1 << "price" << QVariant("cheap") << "row 1, column 'price': expected a number";
        QTest::newRow("above max")
            << 0 << "price" << QVariant(250) << "row 0, column 'price': 250 is outside [0, 100]";
        QTest::newRow("below min")
            << 2 << "qty" << QVariant(-1) << "row 2, column 'qty': -1 is below 0";
        QTest::newRow("not whole")
            << 2 << "qty" << QVariant(1.5) << "row 2, column 'qty': expected a whole number";
        QTest::newRow("required emptied")
            << 0 << "item" << QVariant(QString()) << "row 0, column 'item': a value is required";
        QTest::newRow("too long") << 0 << "item" << QVariant("a very long name")
                                  << "row 0, column 'item': at most 12 characters";
        QTest::newRow("checkbox") << 0 << "paid" << QVariant(2)
                                  << "row 0, column 'paid': expected checked or not";
        QTest::newRow("disabled column")
            << 0 << "size" << QVariant("M") << "row 0: column 'size' cannot be edited";
        QTest::newRow("no such column")
            << 0 << "colour" << QVariant("red") << "row 0: there is no column 'colour'";
        QTest::newRow("no such row")
            << 3 << "qty" << QVariant(1) << "row 3 is not one of the 3 rows";
    }
    void wrongCellsAreRefusedWithTheReason() {
        QFETCH(int, row);
        QFETCH(QString, column);
        QFETCH(QVariant, value);
        QFETCH(QString, reason);
        AppTest at([](Ui& ui) { orderBook(ui, false); });
        QVERIFY(at.run());
        auto editor = at.widget(QStringLiteral("Orders"));
        QCOMPARE(editor.editCell(0, QStringLiteral("qty"), 4), QString());  // a good one first
        const QString error = editor.editCell(row, column, value);
        QVERIFY2(error.contains(reason), qPrintable(error));
        QVERIFY(at.run());
        QCOMPARE(total(at), QStringLiteral("29.5"));  // only the good edit: 14 + 8 + 7.5
        QVERIFY(at.exceptions().isEmpty());
    }

    void rowsAreAddedAndDeletedOnlyWhereAllowed() {
        AppTest fixed([](Ui& ui) { orderBook(ui, false); });
        QVERIFY(fixed.run());
        auto editor = fixed.widget(QStringLiteral("Orders"));
        QVERIFY(editor.addRow({{"item", "juice"}, {"qty", 1}}).contains(u"cannot be added"));
        QVERIFY(editor.deleteRows({0}).contains(u"cannot be deleted"));

        AppTest at([](Ui& ui) { orderBook(ui, true); });
        QVERIFY(at.run());
        auto dynamic = at.widget(QStringLiteral("Orders"));
        QCOMPARE(dynamic.deleteRows({1}), QString());
        QCOMPARE(dynamic.addRow({{"item", "juice"}, {"price", 5}, {"qty", 2}}), QString());
        QVERIFY(at.run());
        QCOMPARE(items(at), QStringLiteral("tea,cocoa,juice"));
        QCOMPARE(total(at), QStringLiteral("21"));  // 3.5 + 7.5 + 10
        // A new row is checked like any: a required cell left empty, a value out of range.
        QVERIFY(dynamic.addRow({{"price", 1}})
                    .contains(u"new row 2, column 'item': a value is required"));
        QVERIFY(dynamic.editCell(-1, QStringLiteral("price"), 101).contains(u"new row 1"));
        // The added row's cells can be edited; a deleted row can be deleted again (no-op).
        QCOMPARE(dynamic.editCell(-1, QStringLiteral("qty"), 3), QString());
        QCOMPARE(dynamic.deleteRows({1}), QString());
        QVERIFY(at.run());
        QCOMPARE(total(at), QStringLiteral("26"));
    }

    void otherDataIsANewEditor() {
        AppTest at([](Ui& ui) {
            const int scale = ui.slider(QStringLiteral("Scale"), 1, 3, 1);
            DataFrame df;
            df.add(QStringLiteral("v"), std::vector<double>{1.0 * scale, 2.0 * scale});
            const DataFrame edited = ui.dataEditor(df, {.label = QStringLiteral("Values")});
            ui.text(QString::number(edited.column(QStringLiteral("v"))->number(0)));
        });
        QVERIFY(at.run());
        QCOMPARE(at.widget(QStringLiteral("Values")).editCell(0, QStringLiteral("v"), 7),
                 QString());
        QVERIFY(at.run());
        QCOMPARE(items(at), QStringLiteral("7"));
        QCOMPARE(at.widget(QStringLiteral("Scale")).set(2), QString());
        QVERIFY(at.run());
        QCOMPARE(items(at), QStringLiteral("2"));  // the data changed: the edit was for the old
    }

    void aBadConfigurationIsShownNotThrown() {
        AppTest at([](Ui& ui) {
            ui.dataEditor(orders(), {.columns = {{QStringLiteral("weight"), {}}}});
            ui.dataEditor(orders(),
                          {.columns = {{QStringLiteral("price"),
                                        {.type = EditorColumn::Type::Choice, .options = {"a"}}}}});
        });
        QVERIFY(at.run());
        const auto errors = at.elements(QStringLiteral("error"));
        QCOMPARE(errors.size(), 2);
        QVERIFY(errors[0].text().contains(u"there is no column 'weight'"));
        QVERIFY(errors[1].text().contains(u"column 'price' holds numbers"));
    }

    void anEditRunsTheCallbackFirst() {
        static std::atomic<int> calls{0};
        calls = 0;
        AppTest at([](Ui& ui) {
            ui.dataEditor(orders(), orderOptions(false), {.onChange = [](Ui& cb) {
                              ++calls;
                              cb.state().set(QStringLiteral("seen"), true);
                          }});
            ui.text(ui.state().get<bool>(QStringLiteral("seen")) ? QStringLiteral("seen")
                                                                 : QStringLiteral("not yet"));
        });
        QVERIFY(at.run());
        QCOMPARE(at.widget(QStringLiteral("Orders")).editCell(0, QStringLiteral("qty"), 2),
                 QString());
        QVERIFY(at.run());
        QCOMPARE(calls.load(), 1);
        QVERIFY(at.find(QStringLiteral("text"), QStringLiteral("seen")).exists());
    }

    void dataframeRowsAreSelectedAndRerunTheirScope() {
        static std::atomic<int> mainRuns{0};
        mainRuns = 0;
        AppTest at([](Ui& ui) {
            ++mainRuns;
            ui.fragment(QStringLiteral("picker"), [](Ui& f) {
                const DataHandle table = f.dataframe(
                    orders(), {.selectionMode = SelectionMode::MultiRow, .key = "orders"});
                const DataSelection picked = table.selection();
                QStringList names;
                for (qsizetype r : picked.rows)
                    names << orders().column(QStringLiteral("item"))->text()[r];
                f.text(QStringLiteral("picked: ") + names.join(u","));
            });
        });
        QVERIFY(at.run());
        QCOMPARE(items(at), QStringLiteral("picked: "));
        auto table = at.widget(QStringLiteral("orders"));
        QVERIFY(table.exists());
        QCOMPARE(table.view().kindName(), QStringLiteral("dataframe"));
        QCOMPARE(table.select({2, 0, 2}), QString());
        QVERIFY(at.run());
        QCOMPARE(items(at), QStringLiteral("picked: tea,cocoa"));
        QCOMPARE(mainRuns.load(), 1);  // the selection reran only the fragment that drew it
        QVERIFY(table.select({5}).contains(u"row 5 is not one of the 3 rows"));
        QVERIFY(table.set(QVariantMap{{"rows", QVariantList{0}}, {"box", QVariantList{0, 1, 0, 1}}})
                    .contains(u"only a box selection has a box"));
    }

    void aSingleRowSelectionTakesOneRow() {
        AppTest at([](Ui& ui) {
            ui.dataframe(orders(), {.selectionMode = SelectionMode::SingleRow, .key = "one"});
        });
        QVERIFY(at.run());
        QVERIFY(at.widget(QStringLiteral("one")).select({0, 1}).contains(u"one row"));
        QCOMPARE(at.widget(QStringLiteral("one")).select({1}), QString());
    }

    void aBoxOnAChartSelectsThePointsInside() {
        AppTest at([](Ui& ui) {
            DataFrame df;
            df.add(QStringLiteral("x"), std::vector<double>{0, 1, 2, 3, 4});
            df.add(QStringLiteral("a"), std::vector<double>{0, 10, 20, 30, 40});
            df.add(QStringLiteral("b"), std::vector<double>{5, 5, 5, 5, 5});
            const DataHandle chart = ui.scatterChart(
                df, {.x = "x", .title = "Points", .selectionMode = SelectionMode::Box});
            const DataSelection s = chart.selection();
            QStringList rows;
            for (qsizetype r : s.rows) rows << QString::number(r);
            ui.text(
                rows.join(u",") +
                (s.box ? QStringLiteral(" box %1..%2").arg(s.box->x0).arg(s.box->x1) : QString()));
        });
        QVERIFY(at.run());
        auto chart = at.widget(QStringLiteral("Points"));
        QVERIFY(chart.exists());
        // x in [0.5, 3.5] and y in [15, 35]: rows 2 and 3 by a, none by b.
        QCOMPARE(chart.selectBox(3.5, 0.5, 15, 35), QString());
        QVERIFY(at.run());
        QCOMPARE(items(at), QStringLiteral("2,3 box 0.5..3.5"));
        // b's points at y = 5 count too.
        QCOMPARE(chart.selectBox(-1, 1.5, 4, 6), QString());
        QVERIFY(at.run());
        QCOMPARE(items(at), QStringLiteral("0,1 box -1..1.5"));
    }

    void aSelectionModeThatDoesNotFitIsShown() {
        AppTest at([](Ui& ui) {
            ui.lineChart(orders(), {.selectionMode = SelectionMode::MultiRow});
            ui.dataframe(orders(), {.selectionMode = SelectionMode::Box});
            ui.barChart(orders(), {.selectionMode = SelectionMode::Box});
        });
        QVERIFY(at.run());
        const auto errors = at.elements(QStringLiteral("error"));
        QCOMPARE(errors.size(), 3);
        QVERIFY(errors[0].text().contains(u"multiRow selection is for dataframes"));
        QVERIFY(errors[1].text().contains(u"box selection is for charts"));
        QVERIFY(errors[2].text().contains(u"box selection is for line, area and scatter"));
    }
};

QTEST_GUILESS_MAIN(TestDataEditor)
#include "tst_dataeditor.moc"
