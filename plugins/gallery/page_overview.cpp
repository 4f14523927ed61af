// SPDX-License-Identifier: GPL-3.0-or-later
#include "pages.h"
#include "sampledata.h"

#include <numeric>

namespace gallery {

namespace {

std::vector<double> rollingMean(const std::vector<double>& v, int window) {
    std::vector<double> out(v.size());
    double sum = 0;
    for (size_t i = 0; i < v.size(); ++i) {
        sum += v[i];
        if (i >= size_t(window)) sum -= v[i - size_t(window)];
        out[i] = sum / double(std::min(i + 1, size_t(window)));
    }
    return out;
}

QString compact(double v) {
    if (std::abs(v) >= 1e6) return QString::number(v / 1e6, 'f', 2) + QStringLiteral("M");
    if (std::abs(v) >= 1e4) return QString::number(v / 1e3, 'f', 1) + QStringLiteral("k");
    return QString::number(v, 'f', 0);
}

}  // namespace

void overview(tessera::Ui& ui) {
    tessera::Ui side = ui.sidebar();
    side.subheader(QStringLiteral("Filters"));
    const QString metric = side.selectbox(
        QStringLiteral("Metric"),
        {QStringLiteral("active users"), QStringLiteral("sessions"), QStringLiteral("sign-ups")});
    const int smoothing = side.slider(QStringLiteral("Smoothing (days)"), 1, 30, 7);
    const int days = side.slider(QStringLiteral("Period (days)"), 30, 365, 180, 5);
    side.caption(QStringLiteral(
        "Every change reruns this page's function; unchanged elements are not redrawn."));

    ui.title(QStringLiteral("Product analytics"));
    ui.caption(QStringLiteral(
        "The overview page of the gallery — a dashboard written as one C++ function."));

    const tessera::DataFrame usage = dailyUsage();
    const auto& series = usage.column(metric)->numbers();
    const size_t n = series.size();
    const size_t first = n - size_t(days);
    auto sumRange = [&](const std::vector<double>& v, size_t from, size_t to) {
        return std::accumulate(v.begin() + std::ptrdiff_t(from), v.begin() + std::ptrdiff_t(to),
                               0.0);
    };

    QVector<tessera::Ui> cols = ui.columns(4);
    struct Kpi {
        const char* label;
        QString column;
    };
    const Kpi kpis[] = {{"Active users (7d avg)", QStringLiteral("active users")},
                        {"Sessions (7d avg)", QStringLiteral("sessions")},
                        {"Sign-ups (7d)", QStringLiteral("sign-ups")}};
    for (int i = 0; i < 3; ++i) {
        const auto& v = usage.column(kpis[i].column)->numbers();
        const double now = sumRange(v, n - 7, n), before = sumRange(v, n - 14, n - 7);
        const double shown = i < 2 ? now / 7 : now;
        const double delta = 100.0 * (now - before) / before;
        cols[i].metric(QString::fromUtf8(kpis[i].label), compact(shown),
                       QStringLiteral("%1%2 %").arg(delta >= 0 ? "+" : "").arg(delta, 0, 'f', 1));
    }
    cols[3].metric(
        QStringLiteral("Conversion"),
        QStringLiteral("%1 %").arg(
            100.0 * sumRange(usage.column(QStringLiteral("sign-ups"))->numbers(), n - 7, n) /
                sumRange(usage.column(QStringLiteral("active users"))->numbers(), n - 7, n),
            0, 'f', 2),
        QStringLiteral("-0.1 pt"));

    std::vector<double> day(series.begin() + std::ptrdiff_t(first), series.end());
    std::iota(day.begin(), day.end(), double(first));
    std::vector<double> values(series.begin() + std::ptrdiff_t(first), series.end());
    tessera::DataFrame chart;
    chart.add(QStringLiteral("day"), day)
        .add(metric, values)
        .add(QStringLiteral("%1-day mean").arg(smoothing), rollingMean(values, smoothing));
    ui.subheader(QStringLiteral("Daily %1").arg(metric));
    ui.lineChart(
        chart,
        {.x = QStringLiteral("day"), .xLabel = QStringLiteral("day of year"), .height = 300});

    const double growth = 100.0 * (values.back() / values.front() - 1.0);
    if (growth >= 0)
        ui.success(QStringLiteral("%1 grew by %2 % over the last %3 days.")
                       .arg(metric)
                       .arg(growth, 0, 'f', 1)
                       .arg(days));
    else
        ui.warning(QStringLiteral("%1 fell by %2 % over the last %3 days.")
                       .arg(metric)
                       .arg(-growth, 0, 'f', 1)
                       .arg(days));

    ui.subheader(QStringLiteral("Latest orders"));
    ui.dataframe(orders(5000), 240);
}

}  // namespace gallery
