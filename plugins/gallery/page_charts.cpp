// SPDX-License-Identifier: GPL-3.0-or-later
#include "pages.h"
#include "sampledata.h"

#include <QJsonArray>
#include <QJsonObject>
#include <chrono>
#include <cmath>

namespace gallery {

namespace {

/// A shopping list in a data editor: typed columns, checked cells, rows added and deleted;
/// the totals come from the edited frame.
void editableData(tessera::Ui& f) {
    using Type = tessera::EditorColumn::Type;
    tessera::DataFrame list;
    list.add(QStringLiteral("item"), QStringList{"Coffee beans", "Oat milk", "Croissant"});
    list.add(QStringLiteral("kind"), QStringList{"pantry", "fridge", "bakery"});
    list.add(QStringLiteral("qty"), std::vector<double>{1, 2, 6});
    list.add(QStringLiteral("price (€)"), std::vector<double>{12.9, 2.4, 1.3});
    list.add(QStringLiteral("bought"), std::vector<double>{0, 1, 0});
    const tessera::DataFrame edited = f.dataEditor(
        list,
        {.label = QStringLiteral("Shopping list"),
         .columns = {{QStringLiteral("item"),
                      {.type = Type::Text, .maxChars = 40, .required = true}},
                     {QStringLiteral("kind"),
                      {.type = Type::Choice, .options = {"pantry", "fridge", "bakery", "other"}}},
                     {QStringLiteral("qty"),
                      {.type = Type::Integer, .min = 1, .max = 99, .required = true}},
                     {QStringLiteral("price (€)"), {.type = Type::Number, .min = 0}},
                     {QStringLiteral("bought"), {.type = Type::Checkbox}}},
         .addRows = true,
         .deleteRows = true,
         .height = 220});
    double total = 0, left = 0;
    for (qsizetype r = 0; r < edited.rowCount(); ++r) {
        const double cost = edited.column(QStringLiteral("qty"))->number(r) *
                            edited.column(QStringLiteral("price (€)"))->number(r);
        if (std::isnan(cost)) continue;
        total += cost;
        if (edited.column(QStringLiteral("bought"))->number(r) != 1) left += cost;  // or empty
    }
    QVector<tessera::Ui> cols = f.columns(2);
    cols[0].metric(QStringLiteral("Total"), QStringLiteral("€%1").arg(total, 0, 'f', 2));
    cols[1].metric(QStringLiteral("Still to buy"), QStringLiteral("€%1").arg(left, 0, 'f', 2));
    f.caption(QStringLiteral(
        "Each cell is checked against its column where it is typed, and again by the session: "
        "try a quantity of 0 or text in a price."));
}

/// Rows picked in a dataframe and points boxed in a chart, read back as selections.
void selections(tessera::Ui& f) {
    const tessera::DataFrame book = orders(40);
    const tessera::DataSelection picked =
        f.dataframe(book, {.height = 200,
                           .selectionMode = tessera::SelectionMode::MultiRow,
                           .key = QStringLiteral("picked orders")})
            .selection();
    double amount = 0;
    for (qsizetype r : picked.rows) amount += book.column(QStringLiteral("amount (€)"))->number(r);
    const QString orders =
        picked.rows.size() == 1 ? QStringLiteral("order") : QStringLiteral("orders");
    f.caption(picked.rows.isEmpty()
                  ? QStringLiteral("Click rows to select them.")
                  : QStringLiteral("%1 %2 selected, %3 in all")
                        .arg(picked.rows.size())
                        .arg(orders, QStringLiteral("€%1").arg(amount, 0, 'f', 2)));

    const tessera::DataFrame latency = latencySamples(300);
    const tessera::DataSelection boxed =
        f.scatterChart(latency, {.x = QStringLiteral("payload (KiB)"),
                                 .title = QStringLiteral("Drag a box over the points"),
                                 .yLabel = QStringLiteral("latency (ms)"),
                                 .height = 260,
                                 .selectionMode = tessera::SelectionMode::Box,
                                 .key = QStringLiteral("latency box")})
            .selection();
    if (boxed.box)
        f.caption(QStringLiteral("%1 requests in the box: payload %2–%3 KiB, latency %4–%5 ms")
                      .arg(boxed.rows.size())
                      .arg(boxed.box->x0, 0, 'f', 0)
                      .arg(boxed.box->x1, 0, 'f', 0)
                      .arg(boxed.box->y0, 0, 'f', 0)
                      .arg(boxed.box->y1, 0, 'f', 0));
}

}  // namespace

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

    ui.subheader(QStringLiteral("Editable data"));
    ui.fragment(QStringLiteral("edit"), [](tessera::Ui& f) { editableData(f); });
    ui.subheader(QStringLiteral("Selections"));
    ui.fragment(QStringLiteral("select"), [](tessera::Ui& f) { selections(f); });

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
