// SPDX-License-Identifier: GPL-3.0-or-later
// Streaming rows as a user sees them: DataHandle::addRows() puts rows below a chart's or a
// dataframe's data in place, matches columns by name, refuses rows that do not fit with a
// clear error, works from a bound thread, and a full rerun draws the element from its call.
#include <tessera/host/session.h>
#include <tessera/testing/apptest.h>

#include <QTest>
#include <cmath>
#include <thread>

using namespace tessera;
using tessera::testing::AppTest;

namespace {

DataFrame points(double from, int count) {
    std::vector<double> x, y;
    for (int i = 0; i < count; ++i) {
        x.push_back(from + i);
        y.push_back((from + i) * 10);
    }
    return DataFrame()
        .add(QStringLiteral("x"), std::move(x))
        .add(QStringLiteral("y"), std::move(y));
}

std::vector<double> numbers(const testing::ElementView& view, const QString& column) {
    return view.element()->frame->column(column)->numbers();
}

}  // namespace

class TestStreaming : public QObject {
    Q_OBJECT
private slots:
    void addedRowsGoBelowTheData() {
        AppTest at([](Ui& ui) {
            auto chart = ui.lineChart(points(0, 3), {.x = QStringLiteral("x")});
            auto table = ui.dataframe(DataFrame().add(QStringLiteral("city"), QStringList{"Oslo"}));
            for (int batch = 0; batch < 2; ++batch) chart.addRows(points(3 + 2 * batch, 2));
            table.addRows(DataFrame().add(QStringLiteral("city"), QStringList{"Lima", "Pune"}));
        });
        QVERIFY(at.run());
        const auto chart = at.element(QStringLiteral("line_chart"));
        QCOMPARE(numbers(chart, QStringLiteral("x")), std::vector<double>({0, 1, 2, 3, 4, 5, 6}));
        QCOMPARE(numbers(chart, QStringLiteral("y")),
                 std::vector<double>({0, 10, 20, 30, 40, 50, 60}));
        QCOMPARE(chart.prop(prop::rows).toLongLong(), 7);
        const auto table = at.element(QStringLiteral("dataframe"));
        QCOMPARE(table.element()->frame->column(QStringLiteral("city"))->text(),
                 QStringList({"Oslo", "Lima", "Pune"}));
    }

    void rowsAreAddedWithoutCopyingTheData() {
        const DataFrame base = points(0, 1000);
        DataFrame all = base;
        for (int i = 0; i < 500; ++i) all = all.withRows(points(1000 + i, 1));
        const Column& x = *all.column(QStringLiteral("x"));
        QCOMPARE(x.size(), 1500);
        // Cells are read across the parts; the first buffer was never copied.
        for (qsizetype row : {0, 999, 1000, 1234, 1499}) QCOMPARE(x.number(row), double(row));
        QCOMPARE(x.display(1499), QStringLiteral("1499"));
        QVERIFY(std::isnan(x.number(1500)));
        QCOMPARE(x.numbers().size(), size_t(1500));  // joined when asked, once
        QCOMPARE(&x.numbers(), &x.numbers());
        for (size_t row = 0; row < 1500; ++row) QCOMPARE(x.numbers()[row], double(row));
        // The same values, in parts or in one buffer, are the same data.
        QVERIFY(all.sameValues(points(0, 1500)));
        QVERIFY(!all.sameValues(points(0, 1499)));
        QCOMPARE(base.rowCount(), 1000);
    }

    void columnsAreMatchedByName() {
        AppTest at([](Ui& ui) {
            auto chart = ui.lineChart(points(0, 1), {.x = QStringLiteral("x")});
            chart.addRows(DataFrame()
                              .add(QStringLiteral("y"), std::vector<double>{70})
                              .add(QStringLiteral("x"), std::vector<double>{7}));
        });
        QVERIFY(at.run());
        const auto chart = at.element(QStringLiteral("line_chart"));
        QCOMPARE(numbers(chart, QStringLiteral("x")), std::vector<double>({0, 7}));
        QCOMPARE(numbers(chart, QStringLiteral("y")), std::vector<double>({0, 70}));
    }

    void rowsThatDoNotFitAreAClearError_data() {
        QTest::addColumn<QString>("wrong");
        QTest::newRow("a missing column") << QStringLiteral("missing");
        QTest::newRow("another column") << QStringLiteral("other");
        QTest::newRow("text for numbers") << QStringLiteral("text");
    }
    void rowsThatDoNotFitAreAClearError() {
        QFETCH(QString, wrong);
        DataFrame rows = DataFrame().add(QStringLiteral("x"), std::vector<double>{1});
        if (wrong == QLatin1String("other")) rows.add(QStringLiteral("z"), std::vector<double>{1});
        if (wrong == QLatin1String("text")) rows.add(QStringLiteral("y"), QStringList{"ten"});
        AppTest at([rows](Ui& ui) {
            auto chart = ui.lineChart(points(0, 2), {.x = QStringLiteral("x")});
            chart.addRows(rows);
            ui.text(QStringLiteral("not reached"));
        });
        QVERIFY(at.run());
        const auto error = at.element(QStringLiteral("exception"));
        QVERIFY2(error.text().startsWith(QStringLiteral("addRows: the rows have the columns")),
                 qPrintable(error.text()));
        QVERIFY(error.text().contains(QStringLiteral("the data has x, y")));
        QCOMPARE(at.element(QStringLiteral("line_chart")).prop(prop::rows).toLongLong(), 2);
        QVERIFY(!at.element(QStringLiteral("text")).exists());
    }

    void aBoundThreadMayAddRows() {
        AppTest at([](Ui& ui) {
            auto chart = ui.lineChart(points(0, 1), {.x = QStringLiteral("x")});
            std::thread feeder(ui.bind([chart] {
                for (int i = 1; i <= 3; ++i) chart.addRows(points(i, 1));
            }));
            feeder.join();
        });
        QVERIFY(at.run());
        QCOMPARE(numbers(at.element(QStringLiteral("line_chart")), QStringLiteral("x")),
                 std::vector<double>({0, 1, 2, 3}));
    }

    void aFullRerunDrawsTheElementFromItsCall() {
        AppTest at([](Ui& ui) {
            auto chart = ui.lineChart(points(0, 5), {.x = QStringLiteral("x")});
            if (ui.button(QStringLiteral("More"))) chart.addRows(points(5, 5));
        });
        QVERIFY(at.run());
        QCOMPARE(at.element(QStringLiteral("line_chart")).prop(prop::rows).toLongLong(), 5);
        QVERIFY(at.widget(QStringLiteral("More")).click());
        QCOMPARE(at.element(QStringLiteral("line_chart")).prop(prop::rows).toLongLong(), 10);
        QVERIFY(at.run());
        QCOMPARE(at.element(QStringLiteral("line_chart")).prop(prop::rows).toLongLong(), 5);
        QCOMPARE(numbers(at.element(QStringLiteral("line_chart")), QStringLiteral("x")).back(),
                 4.0);
    }

    void aHandleOutlivingItsRunWritesNothing() {
        std::optional<DataHandle> kept;
        AppTest at([&](Ui& ui) { kept = ui.lineChart(points(0, 2), {.x = QStringLiteral("x")}); });
        QVERIFY(at.run());
        QVERIFY_THROWS_EXCEPTION(NoSessionContext, kept->addRows(points(2, 1)));
        QCOMPARE(at.element(QStringLiteral("line_chart")).prop(prop::rows).toLongLong(), 2);
    }

    void aChartThatWasNotDrawnIgnoresRows() {
        AppTest at([](Ui& ui) {
            auto chart = ui.lineChart(points(0, 2), {.x = QStringLiteral("missing")});
            chart.addRows(points(2, 1));
            ui.text(QStringLiteral("went on"));
        });
        QVERIFY(at.run());
        QVERIFY(at.element(QStringLiteral("error")).text().contains(QStringLiteral("missing")));
        QCOMPARE(at.element(QStringLiteral("text")).text(), QStringLiteral("went on"));
    }
};

QTEST_GUILESS_MAIN(TestStreaming)
#include "tst_streaming.moc"
