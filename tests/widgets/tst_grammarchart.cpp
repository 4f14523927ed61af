// SPDX-License-Identifier: GPL-3.0-or-later
// Grammar charts in the window: each mark becomes the Qt Charts series it should, on the
// axes the run computed (time axes for times, category axes for names, a second y axis).
#include <tessera/host/session.h>
#include <tessera/host/sessionhandle.h>
#include <tessera/widgets/renderer.h>

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QBoxPlotSeries>
#include <QCandlestickSeries>
#include <QCandlestickSet>
#include <QChartView>
#include <QDateTimeAxis>
#include <QGraphicsPixmapItem>
#include <QGraphicsSimpleTextItem>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPieSeries>
#include <QScatterSeries>
#include <QStackedBarSeries>
#include <QTest>
#include <QTimeZone>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

using namespace tessera;

namespace {

constexpr qint64 kDay = 86'400'000;
constexpr qint64 kMonday = 1796601600000;  // 2026-12-07T00:00:00Z

DataFrame sample() {
    std::vector<qint64> time;
    QStringList service;
    std::vector<double> value, low, high;
    for (int d = 0; d < 4; ++d)
        for (const char* s : {"api", "web"}) {
            time.push_back(kMonday + d * kDay);
            service << QString::fromLatin1(s);
            value.push_back(10 + d + (s[0] == 'w' ? 5 : 0));
            low.push_back(value.back() - 1);
            high.push_back(value.back() + 1);
        }
    return DataFrame()
        .add(Column::timestamps(QStringLiteral("time"), time))
        .add(Column::categories(QStringLiteral("service"), service))
        .add(QStringLiteral("value"), value)
        .add(QStringLiteral("low"), low)
        .add(QStringLiteral("high"), high);
}

struct Drawn {
    LocalSessionHandle handle;
    widgets::Renderer renderer;
    QWidget window;
    QChart* chart = nullptr;
    explicit Drawn(const Chart& spec) {
        auto* layout = new QVBoxLayout(&window);
        layout->addWidget(renderer.mainArea());
        layout->addWidget(renderer.sidebarArea());  // the window owns both areas
        window.resize(900, 600);
        renderer.attach(&handle);
        const DataFrame data = sample();
        handle.session().setDashboard(
            Dashboard{QStringLiteral("t"), {}, {}, [=](Ui& ui) { ui.chart(data, spec); }});
        window.show();
    }
    bool wait() {
        QElapsedTimer t;
        t.start();
        while (!handle.session().isIdle() && t.elapsed() < 10000) QTest::qWait(5);
        QWidget* view = renderer.widgetAt({MainRoot, 0});
        auto* chartView = view ? view->findChild<QChartView*>() : nullptr;
        chart = chartView ? chartView->chart() : nullptr;
        return chart != nullptr;
    }
    template <typename T>
    QList<T*> series() const {
        QList<T*> out;
        for (QAbstractSeries* s : chart->series())
            if (auto* t = qobject_cast<T*>(s)) out << t;
        return out;
    }
    template <typename T>
    T* axis(Qt::Orientation orientation, int index = 0) const {
        return qobject_cast<T*>(chart->axes(orientation).value(index));
    }
};

}  // namespace

class TestGrammarChart : public QObject {
    Q_OBJECT
private slots:
    void aLineHasASeriesPerColorOnATimeAxis() {
        Drawn d(Layer(Mark::Line)
                    .x(QStringLiteral("time"))
                    .y(QStringLiteral("value"))
                    .color(QStringLiteral("service")));
        QVERIFY(d.wait());
        const auto lines = d.series<QLineSeries>();
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines[0]->name(), QStringLiteral("api"));
        QCOMPARE(lines[1]->count(), 4);
        auto* x = d.axis<QDateTimeAxis>(Qt::Horizontal);
        QVERIFY(x);
        QCOMPARE(x->min().toUTC(), QDateTime::fromMSecsSinceEpoch(kMonday, QTimeZone::utc()));
        QCOMPARE(x->format(), QStringLiteral("MMM d"));
    }

    void hoveringAPointShowsItsTimeInTheAxissZone() {
        Drawn d(Chart(Layer(Mark::Line)
                          .x(QStringLiteral("time"))
                          .y(Field(QStringLiteral("value")).format(QStringLiteral(".1f")))
                          .color(QStringLiteral("service")))
                    .timeZone(QStringLiteral("Asia/Tokyo")));
        QVERIFY(d.wait());
        QLineSeries* api = d.series<QLineSeries>().value(0);
        QVERIFY(api);
        emit api->hovered(api->at(1), true);
        QTRY_COMPARE(QToolTip::text(), QStringLiteral("api\n2026-12-08 09:00:00 JST: 11.0"));
        emit api->hovered(api->at(1), false);
        QTRY_VERIFY(QToolTip::text().isEmpty());
    }

    void timesAcrossADaylightSavingChangeShowTheirWallClock() {
        // Hourly readings over the night Paris moves to summer time (01:00 UTC, 29 March).
        const qint64 start =
            QDateTime(QDate(2026, 3, 28), QTime(22, 0), QTimeZone::utc()).toMSecsSinceEpoch();
        std::vector<qint64> times;
        std::vector<double> values;
        for (int h = 0; h < 6; ++h) times.push_back(start + h * 3'600'000), values.push_back(h);
        const DataFrame data = DataFrame()
                                   .add(Column::timestamps(QStringLiteral("t"), times, {},
                                                           QStringLiteral("Europe/Paris")))
                                   .add(QStringLiteral("v"), values);
        LocalSessionHandle handle;
        widgets::Renderer renderer;
        QWidget window;
        auto* layout = new QVBoxLayout(&window);
        layout->addWidget(renderer.mainArea());
        layout->addWidget(renderer.sidebarArea());
        window.resize(900, 600);
        renderer.attach(&handle);
        handle.session().setDashboard(Dashboard{
            QStringLiteral("t"), {}, {}, [=](Ui& ui) {
                ui.chart(data, Layer(Mark::Line).x(QStringLiteral("t")).y(QStringLiteral("v")));
            }});
        window.show();
        QTRY_VERIFY(handle.session().isIdle() && renderer.widgetAt({MainRoot, 0}));
        QChart* chart = renderer.widgetAt({MainRoot, 0})->findChild<QChartView*>()->chart();
        auto* line = qobject_cast<QLineSeries*>(chart->series().value(0));
        QVERIFY(line);
        const QTimeZone paris("Europe/Paris"), local = QTimeZone::systemTimeZone();
        for (int h = 0; h < 6; ++h) {
            const QDateTime t = QDateTime::fromMSecsSinceEpoch(times[size_t(h)], QTimeZone::utc());
            const double shift = double(paris.offsetFromUtc(t) - local.offsetFromUtc(t)) * 1000;
            QCOMPARE(line->at(h).x(), double(times[size_t(h)]) + shift);
        }
        // The hover names the instant itself, in Paris time.
        emit line->hovered(line->at(4), true);
        QTRY_COMPARE(QToolTip::text(), QStringLiteral("v\n2026-03-29 04:00:00 CEST: 4"));
        emit line->hovered(line->at(4), false);
    }

    void hoveringShowsTheTooltipFieldsOfTheRowDrawnThere() {
        Drawn d(Layer(Mark::Point)
                    .x(QStringLiteral("time"))
                    .y(QStringLiteral("value"))
                    .tooltip({Field(QStringLiteral("service")),
                              Field(QStringLiteral("low")).format(QStringLiteral(".1f")),
                              Field(QStringLiteral("time")).title(QStringLiteral("when"))}));
        QVERIFY(d.wait());
        QScatterSeries* points = d.series<QScatterSeries>().value(0);
        QVERIFY(points);
        // Row 3: day 1, web, 16.
        QPointF at;
        for (const QPointF& p : points->points())
            if (p.y() == 16.0) at = p;
        emit points->hovered(at, true);
        QTRY_COMPARE(QToolTip::text(),
                     QStringLiteral("value\n2026-12-08 00:00:00 UTC: 16\nservice: web\nlow: "
                                    "15.0\nwhen: 2026-12-08 00:00:00 UTC"));
    }

    void pointsAreScatterSeries() {
        Drawn d(Layer(Mark::Point).x(QStringLiteral("time")).y(QStringLiteral("value")));
        QVERIFY(d.wait());
        QCOMPARE(d.series<QScatterSeries>().size(), 1);
        QCOMPARE(d.series<QScatterSeries>()[0]->count(), 8);
    }

    void stackedAreasHaveALowerLine() {
        Drawn d(Layer(Mark::Area)
                    .x(QStringLiteral("time"))
                    .y(QStringLiteral("value"))
                    .color(QStringLiteral("service")));
        QVERIFY(d.wait());
        const auto areas = d.series<QAreaSeries>();
        QCOMPARE(areas.size(), 2);
        QVERIFY(areas[1]->lowerSeries());
        QCOMPARE(areas[1]->lowerSeries()->at(0).y(), 10.0);  // web sits on api
        QCOMPARE(areas[1]->upperSeries()->at(0).y(), 25.0);
    }

    void barsOfNamesStackOnACategoryAxis() {
        Drawn d(Layer(Mark::Bar)
                    .x(QStringLiteral("service"))
                    .y(Field(QStringLiteral("value")).aggregate(Aggregate::Sum))
                    .color(QStringLiteral("service")));
        QVERIFY(d.wait());
        auto* bars = d.series<QStackedBarSeries>().value(0);
        QVERIFY(bars);
        QCOMPARE(bars->count(), 2);
        QCOMPARE(bars->barSets()[0]->at(0), 46.0);  // api: 10 + 11 + 12 + 13
        auto* x = d.axis<QBarCategoryAxis>(Qt::Horizontal);
        QVERIFY(x);
        QCOMPARE(x->categories(), (QStringList{QStringLiteral("api"), QStringLiteral("web")}));
    }

    void aHistogramIsFilledBinsOnAValueAxis() {
        Drawn d(Layer(Mark::Bar).x(Field(QStringLiteral("value")).bin(5)).y(Field::count()));
        QVERIFY(d.wait());
        QCOMPARE(d.series<QAreaSeries>().size(), 1);
        auto* y = d.axis<QValueAxis>(Qt::Vertical);
        QVERIFY(y);
        QCOMPARE(y->min(), 0.0);
    }

    void aHeatmapIsADrawnImage() {
        Drawn d(Layer(Mark::Rect)
                    .x(QStringLiteral("service"))
                    .y(Field(QStringLiteral("time")).type(FieldType::Ordinal))
                    .color(QStringLiteral("value")));
        QVERIFY(d.wait());
        QList<QGraphicsPixmapItem*> cells;
        for (QGraphicsItem* item : d.chart->scene()->items())
            if (auto* p = dynamic_cast<QGraphicsPixmapItem*>(item)) cells << p;
        QCOMPARE(cells.size(), 1);
        QTRY_VERIFY(!cells[0]->pixmap().isNull());
        QCOMPARE(d.axis<QBarCategoryAxis>(Qt::Vertical)->count(), 4);
    }

    void aDonutHasASlicePerName() {
        Drawn d(Layer(Mark::Arc)
                    .theta(QStringLiteral("value"))
                    .color(QStringLiteral("service"))
                    .innerRadius(0.5));
        QVERIFY(d.wait());
        auto* pie = d.series<QPieSeries>().value(0);
        QVERIFY(pie);
        QCOMPARE(pie->count(), 2);
        QCOMPARE(pie->holeSize(), 0.5);
        QCOMPARE(pie->slices()[1]->label(), QStringLiteral("web"));
        QCOMPARE(pie->slices()[1]->value(), 66.0);
    }

    void boxPlotsHaveABoxPerName() {
        Drawn d(Layer(Mark::Boxplot).x(QStringLiteral("service")).y(QStringLiteral("value")));
        QVERIFY(d.wait());
        auto* boxes = d.series<QBoxPlotSeries>().value(0);
        QVERIFY(boxes);
        QCOMPARE(boxes->count(), 2);
        QCOMPARE(boxes->boxSets()[0]->at(QBoxSet::Median), 11.5);
    }

    void candlesticksAndErrorBarsAreSticks() {
        Drawn d(Chart(Layer(Mark::Candlestick)
                          .x(QStringLiteral("time"))
                          .open(QStringLiteral("low"))
                          .high(QStringLiteral("high"))
                          .low(QStringLiteral("low"))
                          .close(QStringLiteral("value")))
                    .layer(Layer(Mark::Errorbar)
                               .x(QStringLiteral("time"))
                               .y(QStringLiteral("low"))
                               .y2(QStringLiteral("high"))));
        QVERIFY(d.wait());
        const auto sticks = d.series<QCandlestickSeries>();
        QCOMPARE(sticks.size(), 2);
        QCOMPARE(sticks[0]->count(), 8);
        QCOMPARE(sticks[0]->sets()[0]->high(), 11.0);
    }

    void bandsRulesAndTextOnASecondAxis() {
        Drawn d(Chart(Layer(Mark::Errorband)
                          .x(QStringLiteral("time"))
                          .y(QStringLiteral("low"))
                          .y2(QStringLiteral("high")))
                    .layer(Layer(Mark::Rule).y(Field::value(12)))
                    .layer(Layer(Mark::Text)
                               .x(QStringLiteral("time"))
                               .y(Field(QStringLiteral("value")).rightAxis())
                               .text(QStringLiteral("service"))));
        QVERIFY(d.wait());
        QCOMPARE(d.series<QAreaSeries>().size(), 1);
        QCOMPARE(d.chart->axes(Qt::Vertical).size(), 2);
        int labels = 0;
        for (QGraphicsItem* item : d.chart->scene()->items())
            if (auto* t = dynamic_cast<QGraphicsSimpleTextItem*>(item);
                t && (t->text() == QStringLiteral("api") || t->text() == QStringLiteral("web")))
                ++labels;
        QCOMPARE(labels, 8);
        const auto lines = d.series<QLineSeries>();
        QVERIFY(std::any_of(lines.begin(), lines.end(), [](QLineSeries* l) {
            return l->count() == 2 && l->at(0).y() == 12.0 && l->at(1).y() == 12.0;
        }));
    }

    void aLogScaleIsALogAxis() {
        Drawn d(Layer(Mark::Line)
                    .x(QStringLiteral("time"))
                    .y(Field(QStringLiteral("value")).scale(ScaleType::Log)));
        QVERIFY(d.wait());
        auto* y = d.axis<QLogValueAxis>(Qt::Vertical);
        QVERIFY(y);
        QCOMPARE(y->min(), 10.0);  // 10 to 18, out to powers of ten
        QCOMPARE(y->max(), 100.0);
    }
};

QTEST_MAIN(TestGrammarChart)
#include "tst_grammarchart.moc"
