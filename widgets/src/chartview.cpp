// SPDX-License-Identifier: GPL-3.0-or-later
// Line, area, bar and scatter charts with Qt Charts. Data is decimated to the plot's pixel
// width before it reaches a series, and series are filled with replace(), never per point.
// Rows added to a chart (DataHandle::addRows) are decimated at the same density and appended
// to its series; once the appended points outweigh the rest, the chart is decimated afresh.
// A chart drawn with a selection mode selects rows (chartselection.h).
#include <tessera/schema.h>
#include <tessera/value.h>
#include "chartframe.h"
#include "chartpalette.h"
#include "chartselection.h"
#include "decimate.h"
#include "elementwidget.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMouseEvent>
#include <QScatterSeries>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>
#include <cmath>

namespace tessera::widgets {

namespace {

constexpr int kMaxBars = 120;

class ChartView : public ElementWidget {
public:
    ChartView() {
        m_view = addChartView(this);
        m_chart = m_view->chart();
        m_view->viewport()->installEventFilter(this);
        m_selection = std::make_unique<ChartSelection>(
            m_view, [this](const QVariant& value) { sendValue(value); });
        m_resizeTimer.setSingleShot(true);
        m_resizeTimer.setInterval(120);
        QObject::connect(&m_resizeTimer, &QTimer::timeout, this, [this] {
            if (bucketsForWidth() != m_buckets) rebuild();
        });
    }

protected:
    void display(const Element& e) override {
        setFixedHeight(qMax(120, e.props.value(prop::height).toInt()));
        rebuild();
    }
    void displayRows(const DataFrame& rows) override {
        const Element& e = element();
        const qsizetype total = e.frame ? e.frame->rowCount() : 0;
        const qsizetype added = rows.rowCount();
        if (e.kind == ElementKind::BarChart || m_xy.isEmpty() || added <= 0 || total <= added ||
            m_appendedPoints > qsizetype(2 * m_buckets)) {
            rebuild();
            return;
        }
        // As many buckets for the new rows as they would get in a decimation of everything.
        const size_t buckets = size_t(std::max<qsizetype>(1, qsizetype(m_buckets) * added / total));
        const Column* xColumn = rows.column(e.props.value(prop::x).toString());
        std::vector<double> index;
        if (!xColumn) {
            index.resize(size_t(added));
            for (qsizetype i = 0; i < added; ++i) index[size_t(i)] = double(total - added + i);
        }
        const double* xs = xColumn ? xColumn->numbers().data() : index.data();
        for (qsizetype s = 0; s < m_xy.size(); ++s) {
            const Column* column = rows.column(m_xyColumns[s]);
            if (!column || !column->isNumeric()) continue;
            const size_t n = std::min(size_t(added), column->numbers().size());
            const QList<QPointF> points =
                e.kind == ElementKind::ScatterChart
                    ? decimateGrid(xs, column->numbers().data(), n, 400, &m_bounds)
                    : decimateMinMax(xs, column->numbers().data(), n, buckets, &m_bounds);
            m_xy[s]->append(points);
            m_appendedPoints += points.size();
        }
        setAxisRanges(e);
    }

    void resizeEvent(QResizeEvent* event) override {
        ElementWidget::resizeEvent(event);
        m_resizeTimer.start();
    }

    bool eventFilter(QObject* watched, QEvent* event) override {
        const QEvent::Type type = event->type();
        const bool isMouse = type == QEvent::MouseButtonPress || type == QEvent::MouseMove ||
                             type == QEvent::MouseButtonRelease;
        // The viewport gets every kind of event: only a mouse event is one to cast.
        if (watched == m_view->viewport() && isMouse && m_axisX &&
            element().props.contains(prop::selectionMode) &&
            m_selection->mouseEvent(static_cast<QMouseEvent*>(event), element(), m_xyColumns,
                                    m_axisX, m_axisY))
            return true;
        return ElementWidget::eventFilter(watched, event);
    }

private:
    /// Rings the selected rows' points and outlines the selection's box.
    void showSelection(const Element& e) {
        if (!e.props.contains(prop::selectionMode) || !m_axisX) return;
        const QList<QAbstractSeries*> marks =
            ChartSelection::marks(e, m_xyColumns, palette().color(QPalette::WindowText));
        for (QAbstractSeries* s : marks) {
            m_chart->addSeries(s);
            s->attachAxis(m_axisX);
            s->attachAxis(m_axisY);
            for (QLegendMarker* marker : m_chart->legend()->markers(s)) marker->setVisible(false);
        }
    }

    /// Buckets for the plot's width, in steps of 512 (at least 1024): a window settling its
    /// layout, or resized a little, does not decimate the data again.
    size_t bucketsForWidth() const {
        const int w = width() > 0 ? width() : 1024;
        return size_t(qMax(1024, (w + 511) / 512 * 512));
    }

    QStringList seriesColumns(const Element& e) const {
        QStringList y = e.props.value(prop::y).toStringList();
        if (!y.isEmpty()) return y;
        const QString x = e.props.value(prop::x).toString();
        for (const Column& c : e.frame->columns())
            if (c.isNumeric() && c.name() != x) y << c.name();
        return y;
    }

    void applyPalette() {
        m_dark = palette().color(QPalette::Window).lightness() < 128;
        m_chart->setTheme(m_dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
        m_chart->setBackgroundBrush(palette().color(QPalette::Base));
    }

    void rebuild() {
        const Element& e = element();
        m_buckets = bucketsForWidth();
        m_xy.clear();
        m_xyColumns.clear();
        m_appendedPoints = 0;
        m_bounds = Bounds();
        m_axisX = m_axisY = nullptr;
        m_chart->removeAllSeries();
        for (QAbstractAxis* axis : m_chart->axes()) {
            m_chart->removeAxis(axis);
            delete axis;
        }
        applyPalette();
        m_chart->setTitle(e.props.value(prop::title).toString());
        if (!e.frame) return;
        const QStringList yColumns = seriesColumns(e);
        const Column* xColumn = e.frame->column(e.props.value(prop::x).toString());
        if (e.kind == ElementKind::BarChart) {
            buildBars(e, xColumn, yColumns);
        } else {
            buildXY(e, xColumn, yColumns);
            showSelection(e);
        }
        m_chart->legend()->setVisible(yColumns.size() > 1);
    }

    void buildXY(const Element& e, const Column* xColumn, const QStringList& yColumns) {
        Bounds& bounds = m_bounds;
        QList<QAbstractSeries*> added;
        int colorIndex = 0;
        for (const QString& name : yColumns) {
            const Column* column = e.frame->column(name);
            if (!column || !column->isNumeric()) continue;
            const auto& ys = column->numbers();
            const double* xs = xColumn ? xColumn->numbers().data() : nullptr;
            const size_t n = xColumn ? std::min(ys.size(), xColumn->numbers().size()) : ys.size();
            const QColor color = seriesColor(colorIndex++, m_dark);
            if (e.kind == ElementKind::ScatterChart) {
                auto* s = new QScatterSeries;
                s->setName(name);
                s->setMarkerSize(7);
                s->setColor(color);
                s->setBorderColor(color);
                std::vector<double> index;
                if (!xs) {
                    index.resize(n);
                    for (size_t i = 0; i < n; ++i) index[i] = double(i);
                }
                Bounds own;
                s->replace(decimateGrid(xs ? xs : index.data(), ys.data(), n, 400, &own));
                if (own.valid) {
                    bounds.include(own.minX, own.minY);
                    bounds.include(own.maxX, own.maxY);
                }
                added << s;
                m_xy << s;
                m_xyColumns << name;
                continue;
            }
            auto* line = new QLineSeries;
            line->setName(name);
            line->replace(decimateMinMax(xs, ys.data(), n, m_buckets, &bounds));
            QPen pen(color);
            pen.setWidthF(2);
            line->setPen(pen);
            m_xy << line;
            m_xyColumns << name;
            if (e.kind == ElementKind::AreaChart) {
                auto* area = new QAreaSeries(line);
                line->setParent(area);  // an area series does not own its boundary line
                area->setName(name);
                QColor fill = color;
                fill.setAlphaF(0.35);
                area->setBrush(fill);
                area->setPen(pen);
                added << area;
                if (bounds.valid) bounds.include(bounds.minX, 0);  // areas reach down to zero
            } else {
                added << line;
            }
        }
        for (QAbstractSeries* s : added) m_chart->addSeries(s);
        auto* axisX = m_axisX = new QValueAxis;
        auto* axisY = m_axisY = new QValueAxis;
        axisX->setTitleText(e.props.value(prop::xLabel).toString());
        axisY->setTitleText(e.props.value(prop::yLabel).toString());
        axisX->setLabelFormat(QStringLiteral("%.4g"));
        axisY->setLabelFormat(QStringLiteral("%.4g"));
        setAxisRanges(e);
        m_chart->addAxis(axisX, Qt::AlignBottom);
        m_chart->addAxis(axisY, Qt::AlignLeft);
        for (QAbstractSeries* s : added) {
            s->attachAxis(axisX);
            s->attachAxis(axisY);
        }
    }

    void setAxisRanges(const Element& e) {
        if (!m_axisX || !m_axisY || !m_bounds.valid) return;
        const Bounds& b = m_bounds;
        const double pad = (b.maxY - b.minY) * 0.05 + 1e-9;
        // Areas are filled down to zero: the axis starts there when the data allows.
        const bool fromZero = e.kind == ElementKind::AreaChart && b.minY >= 0;
        m_axisX->setRange(b.minX, b.maxX);
        m_axisY->setRange(fromZero ? 0.0 : b.minY - pad, b.maxY + pad);
        m_axisY->applyNiceNumbers();
        setRoundTicks(m_axisX);
    }

    /// Ticks at round numbers (1, 2 or 5 × 10^k, about six across), whatever the range: the
    /// data's own extent stays the axis's, with ticks where a person would put them.
    static void setRoundTicks(QValueAxis* axis) {
        const double span = axis->max() - axis->min();
        if (!(span > 0) || !std::isfinite(span)) return;
        const double raw = span / 6;
        const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
        double step = 10 * magnitude;
        for (double m : {1.0, 2.0, 5.0})
            if (raw <= m * magnitude) {
                step = m * magnitude;
                break;
            }
        axis->setTickType(QValueAxis::TicksDynamic);
        axis->setTickAnchor(std::ceil(axis->min() / step) * step);
        axis->setTickInterval(step);
    }

    /// Bars: one category per row; long data is averaged into at most kMaxBars groups.
    void buildBars(const Element& e, const Column* xColumn, const QStringList& yColumns) {
        const qsizetype rows = e.frame->rowCount();
        const qsizetype groups = std::min<qsizetype>(rows, kMaxBars);
        QStringList categories;
        for (qsizetype g = 0; g < groups; ++g) {
            const qsizetype first = g * rows / groups;
            categories << (xColumn ? xColumn->display(first) : QString::number(first));
        }
        auto* series = new QBarSeries;
        double minY = 0, maxY = 0;
        int colorIndex = 0;
        for (const QString& name : yColumns) {
            const Column* column = e.frame->column(name);
            if (!column || !column->isNumeric()) continue;
            auto* set = new QBarSet(name);
            set->setColor(seriesColor(colorIndex++, m_dark));
            set->setBorderColor(Qt::transparent);
            QList<qreal> values;
            for (qsizetype g = 0; g < groups; ++g) {
                const qsizetype first = g * rows / groups, last = (g + 1) * rows / groups;
                double sum = 0;
                qsizetype n = 0;
                for (qsizetype r = first; r < last; ++r) {
                    const double v = column->number(r);
                    if (!std::isnan(v)) sum += v, ++n;
                }
                const double mean = n ? sum / double(n) : 0;
                values << mean;
                minY = std::min(minY, mean);
                maxY = std::max(maxY, mean);
            }
            set->append(values);
            series->append(set);
        }
        if (e.props.contains(prop::selectionMode))
            m_selection->selectableBars(e, series, rows, groups,
                                        palette().color(QPalette::WindowText));
        m_chart->addSeries(series);
        auto* axisX = new QBarCategoryAxis;
        axisX->append(categories);
        axisX->setTitleText(e.props.value(prop::xLabel).toString());
        axisX->setLabelsVisible(groups <= 24);
        auto* axisY = new QValueAxis;
        axisY->setRange(minY, maxY * 1.05 + 1e-9);
        axisY->applyNiceNumbers();
        axisY->setTitleText(e.props.value(prop::yLabel).toString());
        m_chart->addAxis(axisX, Qt::AlignBottom);
        m_chart->addAxis(axisY, Qt::AlignLeft);
        series->attachAxis(axisX);
        series->attachAxis(axisY);
    }

    QChart* m_chart;
    QChartView* m_view;
    bool m_dark = false;  ///< the series take the dark palette
    std::unique_ptr<ChartSelection> m_selection;
    QTimer m_resizeTimer;
    size_t m_buckets = 0;
    // What addRows() appends to: the x/y series (an area's upper line) and their columns, the
    // data's bounds, the value axes, and how many points have been appended since a rebuild.
    QList<QXYSeries*> m_xy;
    QStringList m_xyColumns;
    Bounds m_bounds;
    QValueAxis* m_axisX = nullptr;
    QValueAxis* m_axisY = nullptr;
    qsizetype m_appendedPoints = 0;
};

}  // namespace

ElementWidget* createChartView(ElementKind kind) {
    if (kind == ElementKind::Chart) return createGrammarChartView();
    return isChartKind(kind) ? new ChartView : nullptr;
}

}  // namespace tessera::widgets
