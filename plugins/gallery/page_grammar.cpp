// SPDX-License-Identifier: GPL-3.0-or-later
// The chart grammar on a week of a small service's operations data: every mark, with times,
// bins, aggregates, stacks, layers and a second axis.
#include "pages.h"

#include <QDateTime>
#include <cmath>
#include <random>

namespace gallery {

namespace {

using tessera::Aggregate;
using tessera::Chart;
using tessera::Column;
using tessera::DataFrame;
using tessera::Field;
using tessera::FieldType;
using tessera::Layer;
using tessera::Mark;
using tessera::ScaleType;
using tessera::StackMode;

const QStringList kServices{QStringLiteral("api"), QStringLiteral("web"), QStringLiteral("search")};
constexpr qint64 kWeekStart = 1796601600000;  // Monday 2026-12-07, 00:00 UTC
constexpr qint64 kMinute = 60'000;

/// A week of per-minute p50 latency per service, in long form, with a daily rhythm.
DataFrame serviceMetrics() {
    std::mt19937 rng(7);
    std::normal_distribution<double> noise(0.0, 1.0);
    std::vector<qint64> time;
    QStringList service;
    std::vector<double> latency, requests;
    const int minutes = 7 * 24 * 60;
    for (int s = 0; s < kServices.size(); ++s)
        for (int m = 0; m < minutes; m += 5) {
            const double day = std::sin((m % 1440) / 1440.0 * 2 * M_PI - M_PI / 2);
            time.push_back(kWeekStart + m * kMinute);
            service << kServices[s];
            latency.push_back(std::max(5.0, 80 + 40 * s + 30 * day + 6 * noise(rng) +
                                                (m > 4000 && m < 4090 && s == 0 ? 160 : 0)));
            requests.push_back(std::max(0.0, 400 + 250 * day + 30 * noise(rng)) / (s + 1));
        }
    return DataFrame()
        .add(Column::timestamps(QStringLiteral("time"), time, {}, QStringLiteral("Europe/Paris")))
        .add(Column::categories(QStringLiteral("service"), service))
        .add(QStringLiteral("latency (ms)"), latency)
        .add(QStringLiteral("requests"), requests);
}

/// 20,000 request latencies: mostly fast, a long slow tail.
DataFrame latencies() {
    std::mt19937 rng(11);
    std::lognormal_distribution<double> fast(4.3, 0.35);
    std::uniform_int_distribution<int> pick(0, int(kServices.size()) - 1);
    QStringList service;
    std::vector<double> ms;
    for (int i = 0; i < 20000; ++i) {
        const int s = pick(rng);
        service << kServices[s];
        ms.push_back(fast(rng) * (1 + 0.4 * s));
    }
    return DataFrame()
        .add(Column::categories(QStringLiteral("service"), service))
        .add(QStringLiteral("latency (ms)"), ms);
}

/// Requests per hour of a week, by weekday and hour.
DataFrame requestsByHour() {
    const QStringList days{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    QStringList day;
    std::vector<qint64> hour;
    std::vector<double> requests;
    for (int d = 0; d < 7; ++d)
        for (int h = 0; h < 24; ++h) {
            day << days[d];
            hour.push_back(h);
            const double busy = std::exp(-std::pow((h - 14) / 4.0, 2)) * (d >= 5 ? 0.45 : 1.0);
            requests.push_back(std::round(200 + 5000 * busy + 90 * ((d * 31 + h * 17) % 7)));
        }
    return DataFrame()
        .add(Column::categories(QStringLiteral("weekday"), day))
        .add(Column::int64s(QStringLiteral("hour"), hour))
        .add(QStringLiteral("requests"), requests);
}

/// Daily prices of a stock over three months, with volume.
DataFrame prices() {
    std::mt19937 rng(3);
    std::normal_distribution<double> noise(0.0, 1.0);
    std::vector<qint64> day;
    std::vector<double> open, high, low, close, volume;
    double price = 120;
    for (int d = 0; d < 90; ++d) {
        const double o = price;
        const double c = o * (1 + 0.02 * noise(rng));
        day.push_back(kWeekStart - qint64(90 - d) * 86'400'000);
        open.push_back(o);
        close.push_back(c);
        high.push_back(std::max(o, c) * (1 + 0.01 * std::abs(noise(rng))));
        low.push_back(std::min(o, c) * (1 - 0.01 * std::abs(noise(rng))));
        volume.push_back(std::round(1e6 * (1 + 0.3 * std::abs(noise(rng)))));
        price = c;
    }
    return DataFrame()
        .add(Column::timestamps(QStringLiteral("day"), day))
        .add(QStringLiteral("open"), open)
        .add(QStringLiteral("high"), high)
        .add(QStringLiteral("low"), low)
        .add(QStringLiteral("close"), close)
        .add(QStringLiteral("volume"), volume);
}

/// A forecast with its uncertainty growing over two weeks.
DataFrame forecast() {
    std::vector<qint64> day;
    std::vector<double> mid, low, high;
    for (int d = 0; d < 28; ++d) {
        day.push_back(kWeekStart + qint64(d) * 86'400'000);
        const double m = 1000 + 25 * d + 80 * std::sin(d / 3.0);
        const double spread = d < 14 ? 20 : 20 + 12 * (d - 14);
        mid.push_back(m);
        low.push_back(m - spread);
        high.push_back(m + spread);
    }
    return DataFrame()
        .add(Column::timestamps(QStringLiteral("day"), day))
        .add(QStringLiteral("sign-ups"), mid)
        .add(QStringLiteral("low"), low)
        .add(QStringLiteral("high"), high);
}

}  // namespace

void grammar(tessera::Ui& ui) {
    ui.title(QStringLiteral("Chart grammar"));
    ui.markdown(QStringLiteral(
        "`ui.chart(data, spec)`: layers of **marks** with typed encodings. Bins, aggregates, "
        "stacks and box-plot statistics are computed once, in the run; the window and the "
        "browser only draw."));

    const DataFrame metrics = serviceMetrics();
    ui.subheader(QStringLiteral("A week of latency, with a threshold"));
    ui.chart(
        metrics,
        Chart(Layer(Mark::Line)
                  .x(Field(QStringLiteral("time")).title(QStringLiteral("time (Paris)")))
                  .y(QStringLiteral("latency (ms)"))
                  .color(QStringLiteral("service"))
                  .tooltip({Field(QStringLiteral("requests")).format(QStringLiteral(".0f"))}))
            .layer(Layer(Mark::Rule).y(Field::value(250)).name(QStringLiteral("alert threshold")))
            .height(300));

    QVector<tessera::Ui> cols = ui.columns(2);
    const DataFrame samples = latencies();
    cols[0].subheader(QStringLiteral("Latency histogram"));
    cols[0].chart(samples, Chart(Layer(Mark::Bar)
                                     .x(Field(QStringLiteral("latency (ms)")).bin(30))
                                     .y(Field::count().title(QStringLiteral("requests")))));
    cols[1].subheader(QStringLiteral("Latency per service"));
    cols[1].chart(
        samples,
        Chart(Layer(Mark::Boxplot).x(QStringLiteral("service")).y(QStringLiteral("latency (ms)"))));

    cols = ui.columns(2);
    cols[0].subheader(QStringLiteral("Requests by hour and weekday"));
    cols[0].chart(requestsByHour(),
                  Chart(Layer(Mark::Rect)
                            .x(Field(QStringLiteral("hour")).type(FieldType::Ordinal))
                            .y(QStringLiteral("weekday"))
                            .color(QStringLiteral("requests"))));
    cols[1].subheader(QStringLiteral("Traffic shares"));
    cols[1].chart(metrics, Chart(Layer(Mark::Arc)
                                     .theta(QStringLiteral("requests"))
                                     .color(QStringLiteral("service"))
                                     .innerRadius(0.55)));

    ui.subheader(QStringLiteral("Prices and volume"));
    ui.chart(
        prices(),
        Chart(Layer(Mark::Bar)
                  .x(QStringLiteral("day"))
                  .y(Field(QStringLiteral("volume"))
                         .rightAxis()
                         .domain(0, 6e6)
                         .format(QStringLiteral("s")))
                  .name(QStringLiteral("volume")))
            .layer(Layer(Mark::Candlestick)
                       .x(QStringLiteral("day"))
                       .open(QStringLiteral("open"))
                       .high(QStringLiteral("high"))
                       .low(QStringLiteral("low"))
                       .close(Field(QStringLiteral("close")).title(QStringLiteral("price (€)")))
                       .name(QStringLiteral("price")))
            .height(320));

    cols = ui.columns(2);
    const DataFrame outlook = forecast();
    cols[0].subheader(QStringLiteral("A forecast and its range"));
    cols[0].chart(
        outlook,
        Chart(Layer(Mark::Errorband)
                  .x(QStringLiteral("day"))
                  .y(Field(QStringLiteral("low")).title(QStringLiteral("sign-ups")))
                  .y2(QStringLiteral("high"))
                  .name(QStringLiteral("80% range")))
            .layer(Layer(Mark::Line).x(QStringLiteral("day")).y(QStringLiteral("sign-ups"))));
    cols[1].subheader(QStringLiteral("Requests per day, stacked"));
    cols[1].chart(metrics, Chart(Layer(Mark::Area)
                                     .x(QStringLiteral("time"))
                                     .y(QStringLiteral("requests"))
                                     .color(QStringLiteral("service"))));

    cols = ui.columns(2);
    cols[0].subheader(QStringLiteral("Mean latency ± one deviation"));
    cols[0].chart(
        samples,
        Chart(Layer(Mark::Errorbar).x(QStringLiteral("service")).y(QStringLiteral("latency (ms)")))
            .layer(Layer(Mark::Point)
                       .x(QStringLiteral("service"))
                       .y(Field(QStringLiteral("latency (ms)")).aggregate(Aggregate::Mean))));
    cols[1].subheader(QStringLiteral("Requests per weekday, labelled"));
    const Field perDay = Field(QStringLiteral("requests")).aggregate(Aggregate::Sum);
    cols[1].chart(requestsByHour(),
                  Chart(Layer(Mark::Bar).x(QStringLiteral("weekday")).y(perDay))
                      .layer(Layer(Mark::Text)
                                 .x(QStringLiteral("weekday"))
                                 .y(perDay)
                                 .text(Field(perDay).format(QStringLiteral(".0f")))));

    ui.subheader(QStringLiteral("Which service the slow requests come from"));
    ui.chart(latencies(), Chart(Layer(Mark::Bar)
                                    .x(Field(QStringLiteral("latency (ms)")).bin(12))
                                    .y(Field::count().stack(StackMode::Normalize))
                                    .color(QStringLiteral("service"))));
}

}  // namespace gallery
