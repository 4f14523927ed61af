// SPDX-License-Identifier: GPL-3.0-or-later
#include "pages.h"
#include "sampledata.h"

#include <QJsonArray>
#include <QJsonObject>
#include <chrono>
#include <cmath>

namespace gallery {

void charts(tessera::Ui& ui) {
    ui.title(QStringLiteral("Charts & data"));
    ui.markdown(
        QStringLiteral("Charts take a **DataFrame**: columns are shared, immutable buffers, so "
                       "a million points move between threads as a pointer."));

    const tessera::DataFrame usage = dailyUsage();
    ui.subheader(QStringLiteral("Line chart"));
    ui.lineChart(usage, {.x = QStringLiteral("day"),
                         .y = {QStringLiteral("active users"), QStringLiteral("sessions")}});

    QVector<tessera::Ui> cols = ui.columns(2);
    cols[0].subheader(QStringLiteral("Area chart"));
    cols[0].areaChart(
        usage, {.x = QStringLiteral("day"), .y = {QStringLiteral("sign-ups")}, .height = 240});
    cols[1].subheader(QStringLiteral("Bar chart"));
    cols[1].barChart(
        revenueByQuarter(),
        {.x = QStringLiteral("quarter"), .yLabel = QStringLiteral("k€"), .height = 240});

    ui.subheader(QStringLiteral("Scatter chart"));
    ui.scatterChart(latencySamples(), {.x = QStringLiteral("payload (KiB)"),
                                       .xLabel = QStringLiteral("payload (KiB)"),
                                       .yLabel = QStringLiteral("latency (ms)")});

    const int points =
        ui.selectbox(QStringLiteral("Points in the signal chart"),
                     {QStringLiteral("10000"), QStringLiteral("100000"), QStringLiteral("1000000")})
            .get()
            .toInt();
    std::vector<double> signal(size_t(points), 0.0);
    for (size_t i = 0; i < signal.size(); ++i) {
        const double t = double(i) / double(points);
        signal[i] = std::sin(40 * t) + 0.3 * std::sin(900 * t) + (i % 9973 == 0 ? 2.5 : 0.0);
    }
    ui.lineChart(tessera::DataFrame().add(QStringLiteral("signal"), std::move(signal)),
                 {.title = QStringLiteral("%L1 points, decimated to the plot's width").arg(points),
                  .height = 220});

    ui.subheader(QStringLiteral("Streaming rows"));
    ui.fragment(QStringLiteral("stream"), [](tessera::Ui& f) {
        const bool stream = f.button(QStringLiteral("Stream three seconds of readings"));
        f.caption(QStringLiteral(
            "addRows() appends to a chart or a dataframe in place: the window adds the points to "
            "its series, a browser receives only the new rows. The next full run draws the "
            "element from its call again."));
        auto chart = f.lineChart(
            sensorReadings(0, 60),
            {.x = QStringLiteral("t (s)"), .y = {QStringLiteral("reading")}, .height = 220});
        auto log = f.dataframe(sensorReadings(60, 0), 160);  // the readings streamed, below
        if (!stream) return;
        for (int step = 1; step <= 30; ++step) {
            f.sleep(std::chrono::milliseconds(100));  // the sensor's next readings
            const tessera::DataFrame rows = sensorReadings(60 + 2 * (step - 1), 2);
            chart.addRows(rows);
            log.addRows(rows);
        }
    });

    ui.subheader(QStringLiteral("Table"));
    ui.table(revenueByQuarter());
    ui.subheader(QStringLiteral("Dataframe"));
    ui.caption(
        QStringLiteral("100,000 rows; cells are formatted only when they scroll into view."));
    ui.dataframe(orders(100000), 280);

    ui.subheader(QStringLiteral("JSON"));
    ui.json(QJsonObject{{QStringLiteral("dashboard"), QStringLiteral("gallery-charts")},
                        {QStringLiteral("series"),
                         QJsonArray{QStringLiteral("active users"), QStringLiteral("sessions")}},
                        {QStringLiteral("rows"), 365},
                        {QStringLiteral("decimated"), true}});
    ui.subheader(QStringLiteral("Image"));
    ui.image(bannerPng(640, 160), QStringLiteral("Drawn with QPainter, shipped as PNG bytes."));
}

}  // namespace gallery
