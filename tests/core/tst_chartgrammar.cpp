// SPDX-License-Identifier: GPL-3.0-or-later
// The chart grammar as a dashboard sees it: Ui::chart() with each mark, read back through
// AppTest (the completed spec and what each layer draws, computed in the run), and every
// kind of bad spec shown as an error in the chart's place, naming the channel and the reason.
#include <tessera/host/chartplan.h>
#include <tessera/schema.h>
#include <tessera/testing/apptest.h>
#include <tessera/ui.h>

#include <QTest>
#include <cmath>
#include <numeric>

using namespace tessera;
using tessera::testing::AppTest;
using tessera::testing::ElementView;

namespace {

const qint64 kMonday = 1796601600000;  // 2026-12-07T00:00:00Z

/// Per-minute latency of two services over an hour, in long form.
DataFrame serviceMetrics() {
    std::vector<qint64> time;
    QStringList service;
    std::vector<double> latency;
    for (int minute = 0; minute < 60; ++minute)
        for (const char* name : {"api", "web"}) {
            time.push_back(kMonday + minute * 60000);
            service << QString::fromLatin1(name);
            latency.push_back(name[0] == 'a' ? 100 + minute : 200 - minute);
        }
    return DataFrame()
        .add(Column::timestamps(QStringLiteral("time"), time, {}, QStringLiteral("Europe/Paris")))
        .add(Column::categories(QStringLiteral("service"), service))
        .add(QStringLiteral("latency"), latency);
}

std::vector<double> values(const Column* c) {
    return c ? c->numbers() : std::vector<double>{};
}

/// Runs `chart` over `data` in a dashboard; the chart's element (or the error shown).
ElementView draw(const DataFrame& data, const Chart& chart) {
    AppTest at([=](Ui& ui) {
        ui.chart(data, chart);
        ui.text(QStringLiteral("after"));
    });
    if (!at.run()) return {};
    const ElementView chartView = at.element(QStringLiteral("chart"));
    return chartView.exists() ? chartView : at.element(QStringLiteral("error"));
}

}  // namespace

class TestChartGrammar : public QObject {
    Q_OBJECT
private slots:
    void aLineOfLongFormDataHasASeriesPerColorOnATimeAxis() {
        const ElementView chart =
            draw(serviceMetrics(), Chart(Layer(Mark::Line)
                                             .x(QStringLiteral("time"))
                                             .y(QStringLiteral("latency"))
                                             .color(QStringLiteral("service")))
                                       .title(QStringLiteral("Latency")));
        QCOMPARE(chart.kindName(), QStringLiteral("chart"));
        const QVariantMap spec = chart.chartSpec();
        const QVariantMap layer = spec.value(QStringLiteral("layers")).toList().value(0).toMap();
        QCOMPARE(layer.value(QStringLiteral("mark")).toString(), QStringLiteral("line"));
        const QVariantList series = layer.value(QStringLiteral("series")).toList();
        QCOMPARE(series.size(), 2);
        QCOMPARE(series[0].toMap().value(QStringLiteral("label")).toString(),
                 QStringLiteral("api"));
        QCOMPARE(series[1].toMap().value(QStringLiteral("start")).toInt(), 60);
        QCOMPARE(series[1].toMap().value(QStringLiteral("count")).toInt(), 60);
        QCOMPARE(series[1].toMap().value(QStringLiteral("color")).toInt(), 1);
        // Each series' rows together, in time order.
        const std::vector<double> y = values(chart.chartColumn(0, QStringLiteral("y")));
        QCOMPARE(y[0], 100.0);
        QCOMPARE(y[59], 159.0);
        QCOMPARE(y[60], 200.0);
        const QVariantMap x =
            spec.value(QStringLiteral("axes")).toMap().value(QStringLiteral("x")).toMap();
        QCOMPARE(x.value(QStringLiteral("scale")).toString(), QStringLiteral("time"));
        QCOMPARE(x.value(QStringLiteral("timeZone")).toString(), QStringLiteral("Europe/Paris"));
        QCOMPARE(x.value(QStringLiteral("domain")).toList().value(0).toDouble(), double(kMonday));
        QCOMPARE(spec.value(QStringLiteral("labels")).toStringList(),
                 (QStringList{QStringLiteral("api"), QStringLiteral("web")}));
    }

    void aLineWithoutColorSharesItsColumnsWithTheData() {
        const DataFrame data = DataFrame()
                                   .add(QStringLiteral("x"), std::vector<double>{1, 2, 3})
                                   .add(QStringLiteral("y"), std::vector<double>{4, 5, 6});
        const ChartPlan plan = compileChart(
            Chart(Layer(Mark::Line).x(QStringLiteral("x")).y(QStringLiteral("y"))).toMap(), data);
        QVERIFY2(plan.error.isEmpty(), qPrintable(plan.error));
        QCOMPARE(plan.data->column(QStringLiteral("0.y"))->buffer(),
                 data.column(QStringLiteral("y"))->buffer());
        // Nice ticks on the y axis: 4..6 becomes a round range with a round step.
        const QVariantMap y =
            plan.spec.value(QStringLiteral("axes")).toMap().value(QStringLiteral("y")).toMap();
        QCOMPARE(y.value(QStringLiteral("tickStep")).toDouble(), 0.5);
        QCOMPARE(y.value(QStringLiteral("domain")).toList(), (QVariantList{4.0, 6.0}));
    }

    void aHistogramCountsEveryValueInNiceBins() {
        std::vector<double> latency(10000);
        for (size_t i = 0; i < latency.size(); ++i) latency[i] = double(i % 997) / 10.0;
        const ElementView chart = draw(
            DataFrame().add(QStringLiteral("latency"), latency),
            Chart(Layer(Mark::Bar).x(Field(QStringLiteral("latency")).bin(10)).y(Field::count())));
        const std::vector<double> x = values(chart.chartColumn(0, QStringLiteral("x")));
        const std::vector<double> x2 = values(chart.chartColumn(0, QStringLiteral("x2")));
        const std::vector<double> count = values(chart.chartColumn(0, QStringLiteral("y")));
        QCOMPARE(x.size(), size_t(10));
        QCOMPARE(x[0], 0.0);
        QCOMPARE(x2[0], 10.0);
        QCOMPARE(std::accumulate(count.begin(), count.end(), 0.0), 10000.0);
        const QVariantMap spec = chart.chartSpec();
        const QVariantMap y =
            spec.value(QStringLiteral("axes")).toMap().value(QStringLiteral("y")).toMap();
        QCOMPARE(y.value(QStringLiteral("title")).toString(), QStringLiteral("count"));
        QCOMPARE(y.value(QStringLiteral("domain")).toList().value(0).toDouble(),
                 0.0);  // bars from zero
    }

    void binsEndForAnyRangeAndCount() {
        // One bin over values on both sides of zero cannot be aligned to a nice step: it once
        // looped for ever (found by the fuzzer); huge ranges and tiny steps are bounded too.
        const auto bins = [](std::vector<double> v, const Field& x) {
            return compileChart(Chart(Layer(Mark::Bar).x(x).y(Field::count())).toMap(),
                                DataFrame().add(QStringLiteral("v"), std::move(v)));
        };
        for (int maxBins : {1, 2, 3}) {
            const ChartPlan plan = bins({-1, 1, 0.5}, Field(QStringLiteral("v")).bin(maxBins));
            QVERIFY2(plan.error.isEmpty(), qPrintable(plan.error));
            const std::vector<double> counts = plan.data->column(QStringLiteral("0.y"))->numbers();
            QVERIFY(counts.size() <= size_t(maxBins + 1));
            QCOMPARE(std::accumulate(counts.begin(), counts.end(), 0.0), 3.0);
        }
        const ChartPlan wide = bins({-1e300, 1e300, 5}, Field(QStringLiteral("v")).bin(1));
        QVERIFY2(wide.error.isEmpty(), qPrintable(wide.error));
        QVERIFY(wide.data->column(QStringLiteral("0.y"))->numbers().size() <= 2);
        QCOMPARE(bins({-1e308, 1e308}, Field(QStringLiteral("v")).bin(1)).error,
                 QStringLiteral("x: 'v' spans more than a number holds (-1e+308 to 1e+308); "
                                "bins need a narrower range"));
        const ChartPlan tiny = bins({0, 1e6}, Field(QStringLiteral("v")).binStep(1e-9));
        QVERIFY(tiny.error.startsWith(QStringLiteral("x: bins of 1e-09 make more than")));
    }

    void aHeatmapAveragesEachCell() {
        QStringList day, hour;
        std::vector<double> requests;
        for (const char* d : {"Mon", "Tue"})
            for (int h = 0; h < 3; ++h)
                for (int sample = 0; sample < 2; ++sample) {
                    day << QString::fromLatin1(d);
                    hour << QString::number(h);
                    requests.push_back(h * 10 + sample * 2 + (d[0] == 'T' ? 100 : 0));
                }
        const ElementView chart =
            draw(DataFrame()
                     .add(QStringLiteral("day"), day)
                     .add(QStringLiteral("hour"), hour)
                     .add(QStringLiteral("requests"), requests),
                 Chart(Layer(Mark::Rect)
                           .x(Field(QStringLiteral("hour")).type(FieldType::Ordinal))
                           .y(QStringLiteral("day"))
                           .color(QStringLiteral("requests"))));
        QCOMPARE(values(chart.chartColumn(0, QStringLiteral("color"))),
                 (std::vector<double>{1, 101, 11, 111, 21, 121}));  // by hour, then day
        QCOMPARE(values(chart.chartColumn(0, QStringLiteral("y"))),
                 (std::vector<double>{0, 1, 0, 1, 0, 1}));
        const QVariantMap spec = chart.chartSpec();
        QCOMPARE(spec.value(QStringLiteral("axes"))
                     .toMap()
                     .value(QStringLiteral("y"))
                     .toMap()
                     .value(QStringLiteral("labels"))
                     .toStringList(),
                 (QStringList{QStringLiteral("Mon"), QStringLiteral("Tue")}));
        QCOMPARE(spec.value(QStringLiteral("colorScale"))
                     .toMap()
                     .value(QStringLiteral("domain"))
                     .toList(),
                 (QVariantList{1.0, 121.0}));
    }

    void aDonutSumsEachSlice() {
        const ElementView chart = draw(
            DataFrame()
                .add(QStringLiteral("source"), QStringList{"search", "direct", "search", "ads"})
                .add(QStringLiteral("visits"), std::vector<double>{10, 5, 20, 1}),
            Chart(Layer(Mark::Arc)
                      .theta(QStringLiteral("visits"))
                      .color(QStringLiteral("source"))
                      .innerRadius(0.5)));
        QCOMPARE(values(chart.chartColumn(0, QStringLiteral("theta"))),
                 (std::vector<double>{30, 5, 1}));
        const QVariantMap layer =
            chart.chartSpec().value(QStringLiteral("layers")).toList().value(0).toMap();
        QCOMPARE(layer.value(QStringLiteral("series")).toList().size(), 3);
        QCOMPARE(layer.value(QStringLiteral("innerRadius")).toDouble(), 0.5);
        QCOMPARE(chart.chartSpec().value(QStringLiteral("labels")).toStringList(),
                 (QStringList{QStringLiteral("search"), QStringLiteral("direct"),
                              QStringLiteral("ads")}));
    }

    void aBoxPlotHasQuartilesAndWhiskers() {
        QStringList group;
        std::vector<double> v;
        for (int i = 1; i <= 9; ++i) {
            group << QStringLiteral("a");
            v.push_back(i);
        }
        group << QStringLiteral("a");
        v.push_back(100);  // an outlier, beyond the whisker
        const ElementView chart =
            draw(DataFrame().add(QStringLiteral("g"), group).add(QStringLiteral("v"), v),
                 Chart(Layer(Mark::Boxplot).x(QStringLiteral("g")).y(QStringLiteral("v"))));
        QCOMPARE(values(chart.chartColumn(0, QStringLiteral("median"))),
                 (std::vector<double>{5.5}));
        QCOMPARE(values(chart.chartColumn(0, QStringLiteral("q1"))), (std::vector<double>{3.25}));
        QCOMPARE(values(chart.chartColumn(0, QStringLiteral("q3"))), (std::vector<double>{7.75}));
        QCOMPARE(values(chart.chartColumn(0, QStringLiteral("lower"))), (std::vector<double>{1}));
        QCOMPARE(values(chart.chartColumn(0, QStringLiteral("upper"))), (std::vector<double>{9}));
    }

    void barsStackFromZeroOrAsShares() {
        const DataFrame data =
            DataFrame()
                .add(QStringLiteral("day"), QStringList{"Mon", "Mon", "Tue", "Tue"})
                .add(QStringLiteral("kind"), QStringList{"read", "write", "read", "write"})
                .add(QStringLiteral("n"), std::vector<double>{3, 1, 2, 2});
        const ElementView stacked = draw(data, Chart(Layer(Mark::Bar)
                                                         .x(QStringLiteral("day"))
                                                         .y(QStringLiteral("n"))
                                                         .color(QStringLiteral("kind"))));
        // Rows by series: read (Mon, Tue), then write (Mon, Tue), each on top of the reads.
        QCOMPARE(values(stacked.chartColumn(0, QStringLiteral("y"))),
                 (std::vector<double>{3, 2, 4, 4}));
        QCOMPARE(values(stacked.chartColumn(0, QStringLiteral("y2"))),
                 (std::vector<double>{0, 0, 3, 2}));
        const ElementView shares =
            draw(data, Chart(Layer(Mark::Bar)
                                 .x(QStringLiteral("day"))
                                 .y(Field(QStringLiteral("n")).stack(StackMode::Normalize))
                                 .color(QStringLiteral("kind"))));
        QCOMPARE(values(shares.chartColumn(0, QStringLiteral("y"))),
                 (std::vector<double>{0.75, 0.5, 1, 1}));
        const ElementView sideBySide =
            draw(data, Chart(Layer(Mark::Bar)
                                 .x(QStringLiteral("day"))
                                 .y(Field(QStringLiteral("n")).stack(StackMode::None))
                                 .color(QStringLiteral("kind"))));
        QVERIFY(!sideBySide.chartColumn(0, QStringLiteral("y2")));
    }

    void horizontalBarsAggregatePerName() {
        const ElementView chart =
            draw(DataFrame()
                     .add(QStringLiteral("service"), QStringList{"api", "web", "api"})
                     .add(QStringLiteral("errors"), std::vector<double>{2, 5, 3}),
                 Chart(Layer(Mark::Bar)
                           .x(Field(QStringLiteral("errors")).aggregate(Aggregate::Sum))
                           .y(QStringLiteral("service"))));
        const QVariantMap layer =
            chart.chartSpec().value(QStringLiteral("layers")).toList().value(0).toMap();
        QVERIFY(layer.value(QStringLiteral("horizontal")).toBool());
        QCOMPARE(values(chart.chartColumn(0, QStringLiteral("x"))), (std::vector<double>{5, 5}));
        QCOMPARE(chart.chartSpec()
                     .value(QStringLiteral("axes"))
                     .toMap()
                     .value(QStringLiteral("y"))
                     .toMap()
                     .value(QStringLiteral("scale"))
                     .toString(),
                 QStringLiteral("band"));
    }

    void anErrorBandIsTheMeanPlusOrMinusOneDeviation() {
        const ElementView chart =
            draw(DataFrame()
                     .add(QStringLiteral("x"), std::vector<double>{1, 1, 2, 2})
                     .add(QStringLiteral("y"), std::vector<double>{1, 3, 10, 10}),
                 Chart(Layer(Mark::Errorband).x(QStringLiteral("x")).y(QStringLiteral("y"))));
        QCOMPARE(values(chart.chartColumn(0, QStringLiteral("y"))), (std::vector<double>{1, 10}));
        QCOMPARE(values(chart.chartColumn(0, QStringLiteral("y2"))), (std::vector<double>{3, 10}));
    }

    void layersShareAxesAndASecondYAxisStandsApart() {
        const DataFrame prices =
            DataFrame()
                .add(Column::timestamps(QStringLiteral("day"), {kMonday, kMonday + 86400000}))
                .add(QStringLiteral("open"), std::vector<double>{10, 12})
                .add(QStringLiteral("high"), std::vector<double>{13, 14})
                .add(QStringLiteral("low"), std::vector<double>{9, 11})
                .add(QStringLiteral("close"), std::vector<double>{12, 11})
                .add(QStringLiteral("volume"), std::vector<double>{1000, 3000});
        const ElementView chart =
            draw(prices,
                 Chart(Layer(Mark::Candlestick)
                           .x(QStringLiteral("day"))
                           .open(QStringLiteral("open"))
                           .high(QStringLiteral("high"))
                           .low(QStringLiteral("low"))
                           .close(QStringLiteral("close")))
                     .layer(Layer(Mark::Bar)
                                .x(QStringLiteral("day"))
                                .y(Field(QStringLiteral("volume")).rightAxis()))
                     .layer(Layer(Mark::Rule).y(Field::value(15)).name(QStringLiteral("target"))));
        const QVariantMap axes = chart.chartSpec().value(QStringLiteral("axes")).toMap();
        QCOMPARE(axes.value(QStringLiteral("y")).toMap().value(QStringLiteral("domain")).toList(),
                 (QVariantList{9.0, 15.0}));  // the prices and the rule, not the volume
        QCOMPARE(
            axes.value(QStringLiteral("yRight")).toMap().value(QStringLiteral("domain")).toList(),
            (QVariantList{0.0, 3000.0}));
        QCOMPARE(values(chart.chartColumn(0, QStringLiteral("high"))),
                 (std::vector<double>{13, 14}));
        QVERIFY(!chart.chartColumn(2, QStringLiteral("y")));  // a constant draws no column
    }

    void shorthandsTakeAColorColumn() {
        const DataFrame data = serviceMetrics();
        AppTest at([=](Ui& ui) {
            ui.lineChart(data, {.x = QStringLiteral("time"), .y = {QStringLiteral("latency")}},
                         QStringLiteral("service"));
        });
        QVERIFY(at.run());
        const ElementView chart = at.element(QStringLiteral("chart"));
        QVERIFY(chart.exists());
        QCOMPARE(chart.chartSpec().value(QStringLiteral("labels")).toStringList().size(), 2);
    }

    void rowsAddedAreChartedInARollingWindow() {
        // Readings of two sensors, ten a second, shown as per-second means over the last
        // three seconds.
        const auto readings = [](int from, int count) {
            std::vector<qint64> t;
            QStringList sensor;
            std::vector<double> v;
            for (int i = from; i < from + count; ++i) {
                t.push_back(kMonday + i * 100);
                sensor << (i % 2 ? QStringLiteral("b") : QStringLiteral("a"));
                v.push_back(i % 2 ? 100 + i / 10 : i / 10);
            }
            return DataFrame()
                .add(Column::timestamps(QStringLiteral("t"), t))
                .add(Column::categories(QStringLiteral("sensor"), sensor))
                .add(QStringLiteral("v"), v);
        };
        QString refused;
        AppTest at([&](Ui& ui) {
            const DataHandle h = ui.chart(
                readings(0, 10), Chart(Layer(Mark::Line)
                                           .x(Field(QStringLiteral("t")).binStep(1000))
                                           .y(Field(QStringLiteral("v")).aggregate(Aggregate::Mean))
                                           .color(QStringLiteral("sensor")))
                                     .keepLastSeconds(3));
            for (int second = 1; second < 6; ++second) h.addRows(readings(second * 10, 10));
            try {
                h.addRows(DataFrame().add(QStringLiteral("other"), std::vector<double>{1}));
            } catch (const std::invalid_argument& e) {
                refused = QString::fromUtf8(e.what());
            }
        });
        QVERIFY(at.run());
        const ElementView chart = at.element(QStringLiteral("chart"));
        QCOMPARE(chart.prop(prop::rows).toInt(), 31);  // 3 s of readings, and the latest
        // Per second and sensor, seconds 2 to 5; the window starts on one of b's readings, so
        // b's series comes first.
        const std::vector<double> x = values(chart.chartColumn(0, QStringLiteral("x")));
        const std::vector<double> y = values(chart.chartColumn(0, QStringLiteral("y")));
        QCOMPARE(x.front(), double(kMonday + 2000));
        QCOMPARE(y.front(), 102.0);
        QCOMPARE(x.back(), double(kMonday + 5000));
        QCOMPARE(y.back(), 5.0);
        QVERIFY2(refused.contains(QStringLiteral("other")), qPrintable(refused));
    }

    void keepLastRowsKeepsTheLatestRows() {
        AppTest at([](Ui& ui) {
            const DataHandle h =
                ui.chart(DataFrame()
                             .add(QStringLiteral("x"), std::vector<double>{0, 1})
                             .add(QStringLiteral("y"), std::vector<double>{0, 10}),
                         Chart(Layer(Mark::Point).x(QStringLiteral("x")).y(QStringLiteral("y")))
                             .keepLastRows(3));
            for (double i = 2; i < 6; ++i)
                h.addRows(DataFrame()
                              .add(QStringLiteral("x"), std::vector<double>{i})
                              .add(QStringLiteral("y"), std::vector<double>{i * 10}));
        });
        QVERIFY(at.run());
        const ElementView chart = at.element(QStringLiteral("chart"));
        QCOMPARE(values(chart.chartColumn(0, QStringLiteral("x"))), (std::vector<double>{3, 4, 5}));
        QCOMPARE(chart.chartSpec()
                     .value(QStringLiteral("axes"))
                     .toMap()
                     .value(QStringLiteral("y"))
                     .toMap()
                     .value(QStringLiteral("domain"))
                     .toList(),
                 (QVariantList{30.0, 50.0}));
    }

    void badSpecsShowWhyInTheChartsPlace_data() {
        QTest::addColumn<int>("spec");
        QTest::addColumn<QString>("reason");
        QTest::newRow("missing column")
            << 0 << "y: no column 'p99' (the data has time, service, latency)";
        QTest::newRow("temporal theta")
            << 1 << "theta: a slice's angle needs a quantitative field; 'time' is temporal";
        QTest::newRow("nominal y on a line")
            << 2 << "y: a line's y needs a quantitative field; 'service' is nominal";
        QTest::newRow("different lengths")
            << 3 << "columns of different lengths: 'a' has 3 rows, 'b' has 2";
        QTest::newRow("infinite value") << 4 << "y: 'b' has an infinite value (row 1)";
        QTest::newRow("time out of range")
            << 5 << "x: 't' has a time out of range (row 1): times go from year 1 to 9999";
        QTest::newRow("huge heatmap") << 6
                                      << "a heatmap of 100,000,000 cells (10000 × 10000) is more "
                                         "than the 4,000,000 a chart draws; bin x or y";
        QTest::newRow("log of zero")
            << 7 << "y: a log scale needs positive values; 'a' has 0 (row 0)";
        QTest::newRow("unknown mark")
            << 8
            << "mark: 'pie' is not a mark (line, area, bar, point, rect, arc, boxplot, errorband, "
               "errorbar, rule, text, candlestick)";
        QTest::newRow("channel the mark lacks")
            << 9 << "theta: a line mark has no theta channel (it takes x, y, color)";
        QTest::newRow("second layer")
            << 10 << "layer 2, y: no column 'nope' (the data has time, service, latency)";
    }
    void badSpecsShowWhyInTheChartsPlace() {
        QFETCH(int, spec);
        QFETCH(QString, reason);
        DataFrame data = serviceMetrics();
        Chart chart;
        switch (spec) {
            case 0:
                chart = Chart(Layer(Mark::Line).x(QStringLiteral("time")).y(QStringLiteral("p99")));
                break;
            case 1:
                chart = Chart(Layer(Mark::Arc)
                                  .theta(QStringLiteral("time"))
                                  .color(QStringLiteral("service")));
                break;
            case 2:
                chart =
                    Chart(Layer(Mark::Line).x(QStringLiteral("time")).y(QStringLiteral("service")));
                break;
            case 3:
                data = DataFrame()
                           .add(QStringLiteral("a"), std::vector<double>{1, 2, 3})
                           .add(QStringLiteral("b"), std::vector<double>{1, 2});
                chart = Chart(Layer(Mark::Point).x(QStringLiteral("a")).y(QStringLiteral("b")));
                break;
            case 4:
                data = DataFrame()
                           .add(QStringLiteral("a"), std::vector<double>{1, 2})
                           .add(QStringLiteral("b"), std::vector<double>{1, INFINITY});
                chart = Chart(Layer(Mark::Line).x(QStringLiteral("a")).y(QStringLiteral("b")));
                break;
            case 5:
                data = DataFrame()
                           .add(Column::timestamps(QStringLiteral("t"), {0, qint64(1) << 60}))
                           .add(QStringLiteral("v"), std::vector<double>{1, 2});
                chart = Chart(Layer(Mark::Line).x(QStringLiteral("t")).y(QStringLiteral("v")));
                break;
            case 6: {
                std::vector<double> x(10000), y(10000), v(10000, 1.0);
                std::iota(x.begin(), x.end(), 0.0);
                std::iota(y.begin(), y.end(), 0.0);
                data = DataFrame()
                           .add(QStringLiteral("x"), x)
                           .add(QStringLiteral("y"), y)
                           .add(QStringLiteral("v"), v);
                chart = Chart(Layer(Mark::Rect)
                                  .x(Field(QStringLiteral("x")).type(FieldType::Ordinal))
                                  .y(Field(QStringLiteral("y")).type(FieldType::Ordinal))
                                  .color(QStringLiteral("v")));
                break;
            }
            case 7:
                data = DataFrame()
                           .add(QStringLiteral("a"), std::vector<double>{0, 2})
                           .add(QStringLiteral("x"), std::vector<double>{1, 2});
                chart = Chart(Layer(Mark::Line)
                                  .x(QStringLiteral("x"))
                                  .y(Field(QStringLiteral("a")).scale(ScaleType::Log)));
                break;
            case 8: {
                QVariantMap layer = Layer(Mark::Arc).toMap();
                layer.insert(QStringLiteral("mark"), QStringLiteral("pie"));
                const ChartPlan plan =
                    compileChart({{QStringLiteral("layers"), QVariantList{layer}}}, data);
                QCOMPARE(plan.error, reason);
                return;
            }
            case 9:
                chart = Chart(
                    Layer(Mark::Line).x(QStringLiteral("time")).theta(QStringLiteral("latency")));
                break;
            case 10:
                chart =
                    Chart(Layer(Mark::Line).x(QStringLiteral("time")).y(QStringLiteral("latency")))
                        .layer(
                            Layer(Mark::Point).x(QStringLiteral("time")).y(QStringLiteral("nope")));
                break;
        }
        chart.title(QStringLiteral("Broken"));
        AppTest at([=](Ui& ui) {
            ui.text(QStringLiteral("before"));
            ui.chart(data, chart);
            ui.text(QStringLiteral("after"));
        });
        QVERIFY(at.run());
        QCOMPARE(at.elements().size(), 3);  // the rest of the page is there
        QCOMPARE(at.element(QStringLiteral("error")).text(),
                 QStringLiteral("chart 'Broken': ") + reason);
        QVERIFY(!at.element(QStringLiteral("chart")).exists());
    }
};

QTEST_GUILESS_MAIN(TestChartGrammar)
#include "tst_chartgrammar.moc"
