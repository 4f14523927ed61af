// SPDX-License-Identifier: GPL-3.0-or-later
#include "live.h"

#include <QDateTime>
#include <cmath>
#include <random>

using namespace std::chrono_literals;
using tessera::Ui;

namespace {

/// Appends one reading to the series kept in session state and returns the whole series.
QVariantList nextReadings(Ui& ui) {
    return ui.state()
        .update(
            QStringLiteral("live.readings"),
            [](const QVariant& old) {
                QVariantList readings = old.toList();
                thread_local std::mt19937 rng(std::random_device{}());
                std::normal_distribution<double> noise(0.0, 0.6);
                const double last = readings.isEmpty() ? 50.0 : readings.last().toDouble();
                readings.append(last + noise(rng) + 0.3 * std::sin(double(readings.size()) / 8.0));
                while (readings.size() > 240) readings.removeFirst();
                return readings;
            })
        .toList();
}

void live(Ui& ui) {
    ui.title(QStringLiteral("Live"));
    ui.caption(QStringLiteral(
        "The left chart reruns every 500 ms on its own; the report on the right takes "
        "seconds in parallel. Neither waits for the other, and the widgets stay live."));
    const int period = ui.sidebar().slider(QStringLiteral("Refresh (ms)"), 100, 2000, 500, 100);
    auto columns = ui.columns(2);

    columns[0].fragment(
        QStringLiteral("stream"), {.parallel = true, .runEvery = std::chrono::milliseconds(period)},
        [](Ui& f) {
            const QVariantList readings = nextReadings(f);
            std::vector<double> t(size_t(readings.size())), y(size_t(readings.size()));
            for (qsizetype i = 0; i < readings.size(); ++i)
                t[size_t(i)] = double(i), y[size_t(i)] = readings[i].toDouble();
            f.metric(QStringLiteral("Throughput (req/s)"), QString::number(y.back(), 'f', 1),
                     QStringLiteral("%1%2")
                         .arg(y.size() > 1 && y.back() >= y[y.size() - 2] ? "+" : "")
                         .arg(y.size() > 1 ? y.back() - y[y.size() - 2] : 0.0, 0, 'f', 2));
            f.lineChart(tessera::DataFrame()
                            .add(QStringLiteral("t"), std::move(t))
                            .add(QStringLiteral("req/s"), std::move(y)),
                        {.x = QStringLiteral("t"), .height = 260});
            f.caption(
                QStringLiteral("updated %1")
                    .arg(QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss.zzz"))));
        });

    auto slowSection = columns[1];
    slowSection.fragment(QStringLiteral("report"), {.parallel = true}, [](Ui& f) {
        f.subheader(QStringLiteral("Nightly report"));
        const bool rebuild = f.button(QStringLiteral("Rebuild report"));
        Ui bar = f.progress(0, QStringLiteral("Crunching…"));
        for (int step = 1; step <= 20; ++step) {
            f.sleep(150ms);  // a slow query, chunk by chunk
            bar.progress(step * 5, QStringLiteral("Crunching… %1 %").arg(step * 5));
        }
        f.success(rebuild
                      ? QStringLiteral("Report rebuilt at %1").arg(QTime::currentTime().toString())
                      : QStringLiteral("Report ready: 3,204 rows aggregated"));
    });
}

}  // namespace

QVector<tessera::Dashboard> LivePlugin::dashboards() const {
    return {{QStringLiteral("live"), QStringLiteral("Live (runEvery + parallel)"), {}, live}};
}
