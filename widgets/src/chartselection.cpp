// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartselection.h"

#include <tessera/dataedits.h>
#include <tessera/schema.h>
#include <tessera/value.h>

#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QGuiApplication>
#include <QLineSeries>
#include <QMouseEvent>
#include <QRubberBand>
#include <QScatterSeries>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace tessera::widgets {

ChartSelection::ChartSelection(QChartView* view, std::function<void(const QVariant&)> send)
    : m_view(view), m_send(std::move(send)) {}

bool ChartSelection::mouseEvent(QMouseEvent* mouse, const Element& e, const QStringList& columns,
                                const QValueAxis* x, const QValueAxis* y) {
    const QString mode = e.props.value(prop::selectionMode).toString();
    switch (mouse->type()) {
        case QEvent::MouseButtonPress:
            if (mouse->button() != Qt::LeftButton) return false;
            m_pressedAt = mouse->position().toPoint();
            if (mode == u"box") {
                if (!m_band) m_band = new QRubberBand(QRubberBand::Rectangle, m_view->viewport());
                m_band->setGeometry(QRect(m_pressedAt, QSize()));
                m_band->show();
            }
            return true;
        case QEvent::MouseMove:
            if (m_band && m_band->isVisible())
                m_band->setGeometry(QRect(m_pressedAt, mouse->position().toPoint()).normalized());
            return m_band && m_band->isVisible();
        case QEvent::MouseButtonRelease: {
            if (mouse->button() != Qt::LeftButton) return false;
            const QPoint at = mouse->position().toPoint();
            if (m_band) m_band->hide();
            if (mode == u"box") {
                if ((at - m_pressedAt).manhattanLength() > 4) selectBox(e, m_pressedAt, at);
            } else {
                selectNear(e, columns, x, y, at, mouse->modifiers() & Qt::ControlModifier);
            }
            return true;
        }
        default:
            return false;
    }
}

QPointF ChartSelection::toValue(QPoint viewportPoint) const {
    QChart* chart = m_view->chart();
    const QPointF inChart = chart->mapFromScene(m_view->mapToScene(viewportPoint));
    return chart->mapToValue(inChart, chart->series().value(0));
}

void ChartSelection::selectBox(const Element& e, QPoint from, QPoint to) {
    const QPointF a = toValue(from), b = toValue(to);
    const QList<qsizetype> rows =
        dataedits::rowsInBox(*e.frame, e.props.value(prop::x).toString(),
                             e.props.value(prop::y).toStringList(), a.x(), b.x(), a.y(), b.y());
    m_send(dataedits::selectionValue(
        rows, {qMin(a.x(), b.x()), qMax(a.x(), b.x()), qMin(a.y(), b.y()), qMax(a.y(), b.y())}));
}

/// A click: the row of the nearest point within 16 pixels (or none: the selection is
/// cleared); with Ctrl, that row is added to the selection or taken out of it.
void ChartSelection::selectNear(const Element& e, const QStringList& columns, const QValueAxis* x,
                                const QValueAxis* y, QPoint at, bool add) {
    const QPointF click = toValue(at);
    const QRectF area = m_view->chart()->plotArea();
    const double sx = area.width() / qMax(1e-300, x->max() - x->min());
    const double sy = area.height() / qMax(1e-300, y->max() - y->min());
    const Column* xColumn = e.frame->column(e.props.value(prop::x).toString());
    qsizetype best = -1;
    double bestDistance = 16;
    for (const QString& name : columns) {
        const Column* column = e.frame->column(name);
        if (!column) continue;
        for (qsizetype r = 0; r < column->size(); ++r) {
            const double px = xColumn ? xColumn->number(r) : double(r);
            const double dx = (px - click.x()) * sx;
            if (std::abs(dx) > bestDistance) continue;
            const double d = std::hypot(dx, (column->number(r) - click.y()) * sy);
            if (d < bestDistance) best = r, bestDistance = d;
        }
    }
    toggleRows(e.props.value(prop::value), best < 0 ? QList<qsizetype>() : QList<qsizetype>{best},
               add);
}

void ChartSelection::toggleRows(const QVariant& current, const QList<qsizetype>& rows, bool add) {
    QList<qsizetype> selected = add ? selectionFromValue(current).rows : QList<qsizetype>();
    for (qsizetype r : rows) {
        if (add && selected.contains(r))
            selected.removeAll(r);
        else
            selected << r;
    }
    std::sort(selected.begin(), selected.end());
    m_send(dataedits::selectionValue(selected));
}

QList<QAbstractSeries*> ChartSelection::marks(const Element& e, const QStringList& columns,
                                              const QColor& ink) {
    const DataSelection selection = selectionFromValue(e.props.value(prop::value));
    auto* rings = new QScatterSeries;
    rings->setName(QObject::tr("Selected"));
    rings->setMarkerSize(13);
    rings->setColor(Qt::transparent);
    rings->setBorderColor(ink);
    const Column* xColumn = e.frame->column(e.props.value(prop::x).toString());
    // A box selects rows by any of their points: the points ringed are those in the box.
    auto inBox = [&](double x, double y) {
        const auto& b = selection.box;
        return !b || (x >= b->x0 && x <= b->x1 && y >= b->y0 && y <= b->y1);
    };
    for (qsizetype r : selection.rows.mid(0, 5000)) {
        const double x = xColumn ? xColumn->number(r) : double(r);
        for (const QString& name : columns)
            if (const Column* c = e.frame->column(name);
                c && r < c->size() && inBox(x, c->number(r)))
                rings->append(x, c->number(r));
    }
    QList<QAbstractSeries*> marks{rings};
    if (selection.box) {
        const auto& b = *selection.box;
        auto* outline = new QLineSeries;
        outline->setName(QObject::tr("Selection"));
        outline->append({{b.x0, b.y0}, {b.x1, b.y0}, {b.x1, b.y1}, {b.x0, b.y1}, {b.x0, b.y0}});
        QPen pen(ink);
        pen.setStyle(Qt::DashLine);
        outline->setPen(pen);
        marks << outline;
    }
    return marks;
}

void ChartSelection::selectableBars(const Element& e, QBarSeries* series, qsizetype rows,
                                    qsizetype groups, const QColor& ink) {
    const DataSelection selection = selectionFromValue(e.props.value(prop::value));
    QList<int> picked;
    for (qsizetype r : selection.rows) {
        const int g = int(r * groups / qMax<qsizetype>(1, rows));
        if (!picked.contains(g)) picked << g;
    }
    for (QBarSet* set : series->barSets()) {
        set->setSelectedColor(ink);
        set->selectBars(picked);
    }
    const QVariant current = e.props.value(prop::value);
    QObject::connect(
        series, &QBarSeries::clicked, m_view, [this, current, rows, groups](int g, QBarSet*) {
            QList<qsizetype> group;
            for (qsizetype r = g * rows / groups; r < (g + 1) * rows / groups; ++r) group << r;
            toggleRows(current, group, QGuiApplication::keyboardModifiers() & Qt::ControlModifier);
        });
}

}  // namespace tessera::widgets
