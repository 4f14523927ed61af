// SPDX-License-Identifier: GPL-3.0-or-later
// The async_load recipe: data loads in the background with a placeholder first, refreshes
// every few seconds while the old table stays, and the widgets stay responsive throughout.
// Below, three parallel panels share one slow cached load (computed once), and a load that
// fails shows its error where it was asked for.
#include "background.h"

#include <tessera/cache.h>

#include <QDateTime>
#include <atomic>
#include <random>
#include <stdexcept>
#include <thread>

using namespace std::chrono_literals;
using tessera::DataFrame;
using tessera::TaskContext;
using tessera::Ui;

namespace {

std::atomic<int> g_expensiveLoads{0};

/// A "remote query": two seconds, and a table of the latest prices.
DataFrame fetchPrices(TaskContext& task, const QString& market) {
    task.sleep(2s);
    static const QStringList symbols{QStringLiteral("ACME"), QStringLiteral("GLBX"),
                                     QStringLiteral("INIT"), QStringLiteral("UMBR"),
                                     QStringLiteral("HOOL"), QStringLiteral("STRK")};
    std::mt19937 rng(unsigned(QDateTime::currentMSecsSinceEpoch()));
    std::uniform_real_distribution<double> price(20, 400), move(-3, 3);
    std::vector<double> last, change;
    for (qsizetype i = 0; i < symbols.size(); ++i)
        last.push_back(std::round(price(rng) * 100) / 100),
            change.push_back(std::round(move(rng) * 100) / 100);
    return DataFrame()
        .add(QStringLiteral("symbol"), symbols)
        .add(QStringLiteral("last (%1)")
                 .arg(market == QLatin1String("Frankfurt") ? QStringLiteral("€")
                                                           : QStringLiteral("$")),
             std::move(last))
        .add(QStringLiteral("change %"), std::move(change))
        .add(
            QStringLiteral("as of"),
            QStringList(symbols.size(), QTime::currentTime().toString(QStringLiteral("HH:mm:ss"))));
}

/// A slow load that several panels need: cached process-wide, computed once.
DataFrame yearlyTotals() {
    return tessera::cacheData<DataFrame>(QStringLiteral("background.yearlyTotals"), [] {
        ++g_expensiveLoads;
        std::this_thread::sleep_for(1500ms);
        std::vector<double> month(12), total(12);
        for (int m = 0; m < 12; ++m)
            month[size_t(m)] = m + 1, total[size_t(m)] = 1000 + 80 * m + (m % 3) * 55;
        return DataFrame()
            .add(QStringLiteral("month"), std::move(month))
            .add(QStringLiteral("total"), std::move(total));
    });
}

void background(Ui& ui) {
    ui.title(QStringLiteral("Background loads"));
    const QString market = ui.sidebar().selectbox(
        QStringLiteral("Market"), {QStringLiteral("New York"), QStringLiteral("Frankfurt")});
    const int every = ui.sidebar().slider(QStringLiteral("Refresh every (s)"), 2, 30, 5);
    ui.sidebar().caption(
        QStringLiteral("Change the widgets while a load runs: the page stays responsive."));

    ui.subheader(QStringLiteral("Prices — %1").arg(market));
    auto prices = ui.asyncLoad<DataFrame>(
        QStringLiteral("prices"), [market](TaskContext& task) { return fetchPrices(task, market); },
        {.refreshEvery = std::chrono::seconds(every),
         .placeholder = QStringLiteral("Fetching prices…")},
        market);
    if (prices) {
        ui.dataframe(*prices, 230);
        ui.caption(
            QStringLiteral(
                "Reloads every %1 s in the background; the table stays until the new one is in.")
                .arg(every));
    }

    ui.subheader(QStringLiteral("One slow load, three panels"));
    auto panels = ui.columns(3);
    const QStringList names{QStringLiteral("Chart"), QStringLiteral("Table"),
                            QStringLiteral("Total")};
    for (int i = 0; i < 3; ++i)
        panels[i].fragment(names[i], {.parallel = true}, [i](Ui& f) {
            const DataFrame totals = yearlyTotals();  // three callers, one computation
            if (i == 0) f.areaChart(totals, {.x = QStringLiteral("month"), .height = 200});
            if (i == 1) f.table(totals);
            if (i == 2) {
                double sum = 0;
                for (double v : totals.column(QStringLiteral("total"))->numbers()) sum += v;
                f.metric(QStringLiteral("Year total"), QString::number(sum, 'f', 0));
                f.caption(
                    QStringLiteral("computed %1× in this process").arg(g_expensiveLoads.load()));
            }
        });

    ui.subheader(QStringLiteral("A load that fails"));
    if (ui.toggle(QStringLiteral("Call the flaky service"))) {
        auto answer = ui.asyncLoad<int>(QStringLiteral("flaky"), [](TaskContext& task) -> int {
            task.sleep(500ms);
            throw std::runtime_error("the inventory service answered 503 Service Unavailable");
        });
        if (answer) ui.text(QString::number(*answer));
    }
}

}  // namespace

QVector<tessera::Dashboard> BackgroundPlugin::dashboards() const {
    return {{QStringLiteral("background"),
             QStringLiteral("Background loads (asyncLoad, cache)"),
             {},
             background}};
}
