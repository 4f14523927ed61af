// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The chart both chart views show: filling its owner, without animation or rounded corners,
// its legend below.

#include <QChart>
#include <QChartView>
#include <QVBoxLayout>

namespace tessera::widgets {

/// A new chart in a view that fills `owner`; returns the view (its chart: view->chart()).
inline QChartView* addChartView(QWidget* owner) {
    auto* layout = new QVBoxLayout(owner);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    auto* view = new QChartView(chart, owner);
    view->setRenderHint(QPainter::Antialiasing);
    layout->addWidget(view);
    return view;
}

}  // namespace tessera::widgets
