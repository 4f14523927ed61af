// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What is selected in a selectable chart, as the page does it: a click selects the nearest
// point's row (a bar's rows, in a bar chart; Ctrl adds to the selection or takes out), a
// dragged box the rows with a point inside; the selected points are ringed, the box outlined.
#include <tessera/element.h>

#include <QList>
#include <QPoint>
#include <QStringList>
#include <QVariant>
#include <functional>

class QAbstractSeries;
class QBarSeries;
class QChartView;
class QColor;
class QMouseEvent;
class QRubberBand;
class QValueAxis;

namespace tessera::widgets {

class ChartSelection {
public:
    /// Selects in the chart `view` shows; `send` reports a person's selection (the value).
    ChartSelection(QChartView* view, std::function<void(const QVariant&)> send);

    /// A mouse event on the view's viewport, for a chart of `e` whose series show `columns`
    /// on the axes `x` and `y`; true when it was taken (selecting, not zooming).
    bool mouseEvent(QMouseEvent* mouse, const Element& e, const QStringList& columns,
                    const QValueAxis* x, const QValueAxis* y);
    /// Rings for the selected rows' points of `columns` (at most 5,000) and an outline of the
    /// selection's box, in `ink`; the caller adds them to the chart.
    static QList<QAbstractSeries*> marks(const Element& e, const QStringList& columns,
                                         const QColor& ink);
    /// Makes the bars of `series` selectable (a bar stands for `rows` / `groups` rows) and
    /// shows the selected ones in `ink`.
    void selectableBars(const Element& e, QBarSeries* series, qsizetype rows, qsizetype groups,
                        const QColor& ink);

private:
    /// A point in the viewport, in data coordinates.
    QPointF toValue(QPoint viewportPoint) const;
    void selectBox(const Element& e, QPoint from, QPoint to);
    void selectNear(const Element& e, const QStringList& columns, const QValueAxis* x,
                    const QValueAxis* y, QPoint at, bool add);
    void toggleRows(const QVariant& current, const QList<qsizetype>& rows, bool add);

    QChartView* m_view;
    std::function<void(const QVariant&)> m_send;
    QRubberBand* m_band = nullptr;
    QPoint m_pressedAt;
};

}  // namespace tessera::widgets
