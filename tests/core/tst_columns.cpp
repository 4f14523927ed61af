// SPDX-License-Identifier: GPL-3.0-or-later
// Typed columns: each type built from what a dashboard has (vectors, std::chrono, QDateTime,
// strings), read back by type, shown in a cell, compared and extended with rows; missing
// values; and every typed column still reads as numbers or text for readers of 1.0.
#include <tessera/dataframe.h>

#include <QTest>
#include <QTimeZone>
#include <chrono>
#include <cmath>

using namespace tessera;
using namespace std::chrono;

class TestColumns : public QObject {
    Q_OBJECT
private slots:
    void int64sKeepEveryDigitAndReadAsNumbers() {
        const qint64 big = (qint64(1) << 53) + 1;  // not exact as a double
        const Column c = Column::int64s(QStringLiteral("n"), {1, -2, big}, {false, true});
        QCOMPARE(c.type(), ColumnType::Int64);
        QCOMPARE(c.size(), 3);
        QVERIFY(c.isNumeric());
        QCOMPARE(c.integer(0), 1);
        QCOMPARE(c.integer(2), big);
        QVERIFY(c.isMissing(1));
        QVERIFY(!c.isMissing(2));  // `missing` shorter than the values: the rest are there
        QCOMPARE(c.integer(1), 0);
        QVERIFY(std::isnan(c.number(1)));
        QCOMPARE(c.numbers().size(), size_t(3));
        QCOMPARE(c.numbers()[0], 1.0);
        QCOMPARE(c.display(2), QString::number(big));
        QCOMPARE(c.display(1), QStringLiteral("—"));
    }

    void boolsShowAsTrueAndFalse() {
        const Column c =
            Column::bools(QStringLiteral("ok"), {true, false, true}, {false, false, true});
        QCOMPARE(c.type(), ColumnType::Bool);
        QCOMPARE(c.display(0), QStringLiteral("true"));
        QCOMPARE(c.display(1), QStringLiteral("false"));
        QCOMPARE(c.display(2), QStringLiteral("—"));
        QCOMPARE(c.number(0), 1.0);
        QCOMPARE(c.number(1), 0.0);
    }

    void timestampsFromChronoAndQDateTimeShowInTheirZone() {
        const sys_time<seconds> noon = sys_days{year{2026} / 12 / 7} + hours{12};
        const Column utc =
            Column::timestamps(QStringLiteral("t"), std::vector{noon, noon + minutes{1}});
        QCOMPARE(utc.type(), ColumnType::Timestamp);
        QCOMPARE(utc.integer(0),
                 qint64(duration_cast<milliseconds>(noon.time_since_epoch()).count()));
        QCOMPARE(utc.display(0), QStringLiteral("2026-12-07 12:00:00"));
        QCOMPARE(utc.display(1), QStringLiteral("2026-12-07 12:01:00"));
        QCOMPARE(utc.number(0), double(utc.integer(0)));  // 1.0 readers see milliseconds
        QVERIFY(utc.timeZone().isEmpty());

        const QDateTime t(QDate(2026, 7, 1), QTime(8, 30, 0, 250), QTimeZone::utc());
        const Column paris = Column::timestamps(
            QStringLiteral("t"), QList<QDateTime>{t, QDateTime()}, QStringLiteral("Europe/Paris"));
        QCOMPARE(paris.timeZone(), QStringLiteral("Europe/Paris"));
        QCOMPARE(paris.display(0), QStringLiteral("2026-07-01 10:30:00.250"));  // summer time
        QVERIFY(paris.isMissing(1));

        // An unknown zone is UTC, not an error.
        const Column nowhere = Column::timestamps(QStringLiteral("t"), std::vector<qint64>{0}, {},
                                                  QStringLiteral("Mars/Olympus"));
        QVERIFY(nowhere.timeZone().isEmpty());
        QCOMPARE(nowhere.display(0), QStringLiteral("1970-01-01 00:00:00"));
    }

    void categoriesKeepEachLabelOnceAndReadAsText() {
        const Column c = Column::categories(QStringLiteral("service"),
                                            {QStringLiteral("api"), QStringLiteral("db"),
                                             QStringLiteral("api"), QStringLiteral("x")},
                                            {false, false, false, true});
        QCOMPARE(c.type(), ColumnType::Category);
        QVERIFY(!c.isNumeric());
        QCOMPARE(c.categoryLabels(), (QStringList{QStringLiteral("api"), QStringLiteral("db")}));
        QCOMPARE(c.categoryCode(0), 0);
        QCOMPARE(c.categoryCode(2), 0);
        QCOMPARE(c.categoryCode(1), 1);
        QCOMPARE(c.categoryCode(3), -1);
        QVERIFY(c.isMissing(3));
        QCOMPARE(c.text(), (QStringList{QStringLiteral("api"), QStringLiteral("db"),
                                        QStringLiteral("api"), QString()}));
        QCOMPARE(c.display(1), QStringLiteral("db"));
        // A plain text column is not a category.
        const Column text(QStringLiteral("s"), QStringList{QStringLiteral("api")});
        QCOMPARE(text.type(), ColumnType::Text);
        QVERIFY(text.categoryLabels().isEmpty());
        QCOMPARE(text.categoryCode(0), -1);
    }

    void typesTakePartInSameValuesAndRows() {
        const Column a = Column::int64s(QStringLiteral("n"), {1, 2});
        QVERIFY(a.sameValues(Column::int64s(QStringLiteral("n"), {1, 2})));
        QVERIFY(!a.sameValues(Column::int64s(QStringLiteral("n"), {1, 2}, {false, true})));
        QVERIFY(!a.sameValues(Column(QStringLiteral("n"), std::vector<double>{1, 2})));
        QVERIFY(!a.sameValues(Column::timestamps(QStringLiteral("n"), std::vector<qint64>{1, 2})));

        DataFrame frame;
        frame
            .add(Column::timestamps(QStringLiteral("t"), std::vector<qint64>{0, 1000}, {},
                                    QStringLiteral("Asia/Tokyo")))
            .add(Column::categories(QStringLiteral("s"),
                                    {QStringLiteral("a"), QStringLiteral("b")}));
        DataFrame rows;
        rows.add(Column::timestamps(QStringLiteral("t"), std::vector<qint64>{2000}, {true}))
            .add(Column::categories(QStringLiteral("s"), {QStringLiteral("c")}));
        QVERIFY(frame.rowsProblem(rows).isEmpty());
        const DataFrame grown = frame.withRows(rows);
        const Column* t = grown.column(QStringLiteral("t"));
        const Column* s = grown.column(QStringLiteral("s"));
        QVERIFY(t && s);
        QCOMPARE(t->type(), ColumnType::Timestamp);
        QCOMPARE(t->size(), 3);
        QCOMPARE(t->timeZone(), QStringLiteral("Asia/Tokyo"));
        QVERIFY(t->isMissing(2));
        QCOMPARE(s->type(), ColumnType::Category);
        QCOMPARE(s->categoryLabels(),
                 (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));

        // Rows of another type do not go below a column.
        DataFrame numbers;
        numbers.add(QStringLiteral("t"), std::vector<double>{1})
            .add(QStringLiteral("s"), QStringList{QStringLiteral("c")});
        QVERIFY(!frame.rowsProblem(numbers).isEmpty());
    }

    void oneZeroColumnsStayWhatTheyWere() {
        QCOMPARE(Column(QStringLiteral("x"), std::vector<double>{1}).type(), ColumnType::Float64);
        const Column grown = Column(QStringLiteral("x"), std::vector<double>{1})
                                 .withRows(Column(QStringLiteral("x"), std::vector<double>{2}));
        QCOMPARE(grown.type(), ColumnType::Float64);
        QVERIFY(std::isnan(Column(QStringLiteral("x"), std::vector<double>{NAN}).number(0)));
        QVERIFY(Column(QStringLiteral("x"), std::vector<double>{NAN}).isMissing(0));
        QVERIFY(!Column(QStringLiteral("s"), QStringList{QString()}).isMissing(0));
    }
};

QTEST_GUILESS_MAIN(TestColumns)
#include "tst_columns.moc"
