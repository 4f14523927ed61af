// SPDX-License-Identifier: GPL-3.0-or-later
// Grammar charts (Ui::chart()) with Qt Charts. The run computed everything (chartplan.h):
// this view only turns each layer's drawn columns into series on the chart's axes. Bars on a
// continuous axis (histograms, volume) are filled outlines; heatmap cells and text marks are
// drawn items placed over the plot area.
#include <tessera/host/chartplan.h>
#include <tessera/schema.h>
#include "chartframe.h"
#include "chartpalette.h"
#include "decimate.h"
#include "elementwidget.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QBoxPlotSeries>
#include <QBoxSet>
#include <QCandlestickSeries>
#include <QCandlestickSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QDateTimeAxis>
#include <QGraphicsPixmapItem>
#include <QGraphicsSimpleTextItem>
#include <QHorizontalBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPieSeries>
#include <QScatterSeries>
#include <QStackedBarSeries>
#include <QTimeZone>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace tessera::widgets {

namespace {

namespace K = chartkey;

/// A layer's drawn columns and its completed spec.
struct LayerData {
    int index = 0;
    QVariantMap spec;
    const DataFrame* frame = nullptr;
    QString mark() const { return spec.value(K::mark).toString(); }
    const Column* column(const QString& channel) const {
        return frame->column(chartColumn(index, channel));
    }
    double at(const QString& channel, qsizetype row) const {
        const Column* c = column(channel);
        return c && row < c->size() ? c->number(row) : std::nan("");
    }
    QVariantMap encoding(const QString& channel) const {
        return spec.value(K::encoding).toMap().value(channel).toMap();
    }
    QVariantList series() const { return spec.value(K::series).toList(); }
};

/// Qt's printf-style label format for a spec's number format (".2f", ".1%", "s").
QString labelFormat(const QString& format) {
    if (format.startsWith(QLatin1Char('.')) && format.endsWith(QLatin1Char('f')))
        return QStringLiteral("%") + format;
    if (format.startsWith(QLatin1Char('.')) && format.endsWith(QLatin1Char('%')))
        return QStringLiteral("%") + format.chopped(1) + QStringLiteral("f");
    if (format == QStringLiteral("s")) return QStringLiteral("%.3g");
    return QStringLiteral("%.6g");
}

/// `v` written as a spec's number format asks (".2f", ".1%", "s"); else in six digits.
QString formatNumber(double v, const QString& format) {
    if (format.startsWith(QLatin1Char('.')) && format.size() >= 3) {
        const int decimals = format.mid(1, format.size() - 2).toInt();
        if (format.endsWith(QLatin1Char('f'))) return QString::number(v, 'f', decimals);
        if (format.endsWith(QLatin1Char('%')))
            return QString::number(v * 100, 'f', decimals) + QLatin1Char('%');
    }
    if (format == QStringLiteral("s")) {
        static const char* const prefixes[] = {"", "k", "M", "G", "T"};
        int i = 0;
        while (std::abs(v) >= 1000 && i < 4) v /= 1000, ++i;
        return QString::number(v, 'g', 3) + QLatin1String(prefixes[i]);
    }
    return QString::number(v, 'g', 6);
}

/// What Qt's time axis, which shows local time, needs added to an instant to show it in
/// another zone: that zone's offset minus the local one. It changes where either zone
/// changes its offset (daylight saving), so it is kept as steps over the axis's range.
class TimeShift {
public:
    TimeShift() = default;
    TimeShift(const QTimeZone& zone, double from, double to) {
        if (!zone.isValid()) return;
        const QTimeZone local = QTimeZone::systemTimeZone();
        const QDateTime start = QDateTime::fromMSecsSinceEpoch(qint64(from), QTimeZone::utc());
        const QDateTime end = QDateTime::fromMSecsSinceEpoch(qint64(to), QTimeZone::utc());
        std::vector<double> changes{from};
        for (const QTimeZone& z : {zone, local})
            for (const QTimeZone::OffsetData& t : z.transitions(start, end))
                changes.push_back(double(t.atUtc.toMSecsSinceEpoch()));
        std::sort(changes.begin(), changes.end());
        for (double at : changes) {
            const QDateTime t = QDateTime::fromMSecsSinceEpoch(qint64(at), QTimeZone::utc());
            m_starts.push_back(at);
            m_shifts.push_back(double(zone.offsetFromUtc(t) - local.offsetFromUtc(t)) * 1000);
        }
    }
    /// The shift at instant `ms`.
    double at(double ms) const {
        if (m_shifts.empty()) return 0;
        const auto it = std::upper_bound(m_starts.begin(), m_starts.end(), ms);
        return m_shifts[it == m_starts.begin() ? 0 : size_t(it - m_starts.begin()) - 1];
    }
    /// The instant shown at `shown`.
    double instant(double shown) const { return shown - at(shown - at(shown)); }

private:
    std::vector<double> m_starts, m_shifts;
};

class GrammarChartView : public ElementWidget {
public:
    GrammarChartView() : m_view(addChartView(this)), m_chart(m_view->chart()) {
        QObject::connect(m_chart, &QChart::plotAreaChanged, this, [this] { placeItems(); });
    }

protected:
    void display(const Element& e) override {
        setFixedHeight(qMax(120, e.props.value(prop::height).toInt()));
        rebuild(e);
    }

private:
    void rebuild(const Element& e) {
        m_chart->removeAllSeries();
        for (QAbstractAxis* axis : m_chart->axes()) {
            m_chart->removeAxis(axis);
            delete axis;
        }
        qDeleteAll(m_items);
        m_items.clear();
        m_heatmaps.clear();
        m_heatmapCorners.clear();
        m_labels.clear();
        m_axes = {};
        m_dark = palette().color(QPalette::Window).lightness() < 128;
        m_chart->setTheme(m_dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
        m_chart->setBackgroundBrush(palette().color(QPalette::Base));
        m_chart->setTitle(e.props.value(prop::title).toString());
        m_spec = e.props.value(prop::spec).toMap();
        if (!e.frame) return;
        const QVariantList layers = m_spec.value(K::layers).toList();
        m_barsOrBoxes = std::any_of(layers.begin(), layers.end(), [](const QVariant& l) {
            const QString mark = l.toMap().value(K::mark).toString();
            return mark == QStringLiteral("bar") || mark == QStringLiteral("boxplot");
        });
        makeAxes();
        bool legend = false;
        for (qsizetype i = 0; i < layers.size(); ++i) {
            LayerData layer{int(i), layers[i].toMap(), e.frame.get()};
            drawLayer(layer);
            legend = legend || layer.series().size() > 1 ||
                     layer.encoding(K::color).value(K::type) == QStringLiteral("nominal");
        }
        m_chart->legend()->setVisible(legend || layers.size() > 1);
        placeItems();
    }

    // ---- axes ---------------------------------------------------------------------------

    struct Axes {
        QAbstractAxis* x = nullptr;
        QAbstractAxis* y = nullptr;
        QAbstractAxis* yRight = nullptr;
        TimeShift timeShift;  ///< added to times so that Qt's local time shows the axis's zone
    };

    QAbstractAxis* makeAxis(const QVariantMap& a) {
        const QString scale = a.value(K::scale).toString();
        const QVariantList domain = a.value(K::domain).toList();
        const double lo = domain.value(0).toDouble(), hi = domain.value(1).toDouble();
        QAbstractAxis* axis = nullptr;
        if (scale == QStringLiteral("band")) {
            const QStringList labels = a.value(K::labels).toStringList();
            if (labels.size() > 12 && !m_barsOrBoxes) {
                axis = sparseBandAxis(labels);
            } else {
                auto* band = new QBarCategoryAxis;
                band->append(labels);
                axis = band;
            }
        } else if (scale == QStringLiteral("time")) {
            auto* time = new QDateTimeAxis;
            const QTimeZone zone(a.value(K::timeZone).toString().toUtf8());
            m_axes.timeShift = TimeShift(zone, lo, hi);
            time->setRange(QDateTime::fromMSecsSinceEpoch(qint64(lo + m_axes.timeShift.at(lo))),
                           QDateTime::fromMSecsSinceEpoch(qint64(hi + m_axes.timeShift.at(hi))));
            const double days = (hi - lo) / 86400000.0;
            QString format = a.value(K::format).toString();
            if (format.isEmpty())
                format = days <= 2    ? QStringLiteral("HH:mm")
                         : days <= 90 ? QStringLiteral("MMM d")
                                      : QStringLiteral("yyyy-MM-dd");
            time->setFormat(format);
            time->setTickCount(a.value(K::ticks, 6).toInt() + 1);
            axis = time;
        } else if (scale == QStringLiteral("log")) {
            auto* log = new QLogValueAxis;
            log->setBase(10);
            log->setRange(lo, hi);
            log->setLabelFormat(labelFormat(a.value(K::format).toString()));
            axis = log;
        } else {
            auto* value = new QValueAxis;
            value->setRange(lo, hi);
            const double step = a.value(K::tickStep).toDouble();
            if (step > 0) {
                value->setTickType(QValueAxis::TicksDynamic);
                value->setTickAnchor(std::ceil(lo / step) * step);
                value->setTickInterval(step);
            }
            value->setLabelFormat(labelFormat(a.value(K::format).toString()));
            axis = value;
        }
        axis->setTitleText(a.value(K::title).toString());
        return axis;
    }

    /// A band axis with too many bands to name each: every k-th named, k odd, so that each
    /// name sits under its own band (bars and box plots need a QBarCategoryAxis instead).
    static QAbstractAxis* sparseBandAxis(const QStringList& labels) {
        const int n = int(labels.size());
        int k = (n + 11) / 12;
        if (k % 2 == 0) ++k;
        auto* axis = new QCategoryAxis;
        axis->setRange(-0.5, n - 0.5);
        axis->setStartValue(-0.5);
        axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionCenter);
        for (int start = 0; start < n; start += k)
            axis->append(labels[std::min(n - 1, start + k / 2)], std::min(n, start + k) - 0.5);
        return axis;
    }

    void makeAxes() {
        const QVariantMap axes = m_spec.value(K::axes).toMap();
        if (axes.contains(K::x)) {
            m_axes.x = makeAxis(axes.value(K::x).toMap());
            m_chart->addAxis(m_axes.x, Qt::AlignBottom);
        }
        if (axes.contains(K::y)) {
            m_axes.y = makeAxis(axes.value(K::y).toMap());
            m_chart->addAxis(m_axes.y, Qt::AlignLeft);
        }
        if (axes.contains(K::yRight)) {
            m_axes.yRight = makeAxis(axes.value(K::yRight).toMap());
            m_chart->addAxis(m_axes.yRight, Qt::AlignRight);
        }
    }

    /// Adds `series` on the layer's axes (its y's own side).
    void add(QAbstractSeries* series, const LayerData& layer, bool inLegend = true,
             const QVariantMap& rows = {}) {
        m_chart->addSeries(series);
        const bool right =
            layer.encoding(layer.mark() == QStringLiteral("candlestick") ? K::close : K::y)
                .value(K::axis) == K::right;
        if (m_axes.x) series->attachAxis(m_axes.x);
        if (QAbstractAxis* y = right ? m_axes.yRight : m_axes.y) series->attachAxis(y);
        if (!inLegend)
            for (QLegendMarker* marker : m_chart->legend()->markers(series))
                marker->setVisible(false);
        else if (auto* xy = qobject_cast<QXYSeries*>(series))
            showValuesOnHover(xy, layer, rows);
    }

    /// A tooltip with the series, x (a time in the axis's zone) and y of the point hovered,
    /// and the layer's tooltip fields of the row drawn there (`rows`: the series' rows).
    void showValuesOnHover(QXYSeries* series, const LayerData& layer, const QVariantMap& rows) {
        QObject::connect(
            series, &QXYSeries::hovered, this,
            [this, series, layer, rows](const QPointF& point, bool state) {
                if (!state) {
                    QToolTip::hideText();
                    return;
                }
                QString text =
                    QStringLiteral("%1\n%2: %3")
                        .arg(series->name(), writeX(point.x()),
                             formatNumber(point.y(),
                                          layer.encoding(K::y).value(K::format).toString()));
                const qsizetype row = nearestRow(layer, rows, point);
                const QVariantList tooltip = layer.spec.value(K::tooltip).toList();
                for (qsizetype i = 0; row >= 0 && i < tooltip.size(); ++i)
                    text += QStringLiteral("\n%1: %2")
                                .arg(tooltip[i].toMap().value(K::title).toString(),
                                     writeField(layer, K::tooltip + QString::number(i),
                                                tooltip[i].toMap(), row));
                QToolTip::showText(QCursor::pos(), text, m_view);
            });
    }

    /// The row of the series' rows whose point is nearest to `point` (in value units, each
    /// axis scaled to its range); -1 when there are none.
    qsizetype nearestRow(const LayerData& layer, const QVariantMap& rows,
                         const QPointF& point) const {
        const Column* x = layer.column(K::x);
        const Column* y = layer.column(K::y);
        if (!x || !y || !x->isNumeric() || !y->isNumeric()) return -1;
        const qsizetype start = rows.value(K::start).toLongLong();
        const qsizetype end = start + rows.value(K::count).toLongLong();
        const QVariantMap axes = m_spec.value(K::axes).toMap();
        const auto span = [&](const QString& axis) {
            const QVariantList d = axes.value(axis).toMap().value(K::domain).toList();
            return std::max(1e-300, d.value(1).toDouble() - d.value(0).toDouble());
        };
        const double sx = span(K::x),
                     sy = span(layer.encoding(K::y).value(K::axis) == K::right ? K::yRight : K::y);
        qsizetype best = -1;
        double distance = INFINITY;
        for (qsizetype r = start; r < end && r < x->size() && r < y->size(); ++r) {
            const double dx = (xOf(x->numbers()[size_t(r)]) - point.x()) / sx;
            const double dy = (y->numbers()[size_t(r)] - point.y()) / sy;
            if (dx * dx + dy * dy < distance) distance = dx * dx + dy * dy, best = r;
        }
        return best;
    }

    /// Row `row` of the layer's column for `channel`, written as its field asks.
    QString writeField(const LayerData& layer, const QString& channel, const QVariantMap& field,
                       qsizetype row) const {
        const Column* c = layer.column(channel);
        if (!c || row >= c->size()) return {};
        if (c->type() == ColumnType::Timestamp) {
            QString zone = field.value(K::timeZone).toString();
            if (zone.isEmpty())
                zone =
                    m_spec.value(K::axes).toMap().value(K::x).toMap().value(K::timeZone).toString();
            const QTimeZone z(zone.toUtf8());
            return QDateTime::fromMSecsSinceEpoch(c->integer(row),
                                                  z.isValid() ? z : QTimeZone::utc())
                .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss t"));
        }
        if (c->type() == ColumnType::Float64 || c->type() == ColumnType::Int64)
            return c->isMissing(row)
                       ? QStringLiteral("—")
                       : formatNumber(c->number(row), field.value(K::format).toString());
        return c->display(row);
    }

    /// `x` as its axis writes it: a time in the axis's zone, a band's name, or a number.
    QString writeX(double x) const {
        const QVariantMap axis = m_spec.value(K::axes).toMap().value(K::x).toMap();
        if (timeX()) {
            const QTimeZone zone(axis.value(K::timeZone).toString().toUtf8());
            return QDateTime::fromMSecsSinceEpoch(qint64(m_axes.timeShift.instant(x)),
                                                  zone.isValid() ? zone : QTimeZone::utc())
                .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss t"));
        }
        if (axis.value(K::scale) == QStringLiteral("band"))
            return axis.value(K::labels).toStringList().value(qRound(x));
        return formatNumber(x, axis.value(K::format).toString());
    }

    bool timeX() const { return qobject_cast<QDateTimeAxis*>(m_axes.x) != nullptr; }
    double xOf(double x) const { return timeX() ? x + m_axes.timeShift.at(x) : x; }

    // ---- layers -------------------------------------------------------------------------

    void drawLayer(const LayerData& layer) {
        const QString mark = layer.mark();
        if (mark == QStringLiteral("line") || mark == QStringLiteral("area") ||
            mark == QStringLiteral("point") || mark == QStringLiteral("errorband"))
            drawXY(layer);
        else if (mark == QStringLiteral("bar"))
            drawBars(layer);
        else if (mark == QStringLiteral("rect"))
            drawHeatmap(layer);
        else if (mark == QStringLiteral("arc"))
            drawArcs(layer);
        else if (mark == QStringLiteral("boxplot"))
            drawBoxes(layer);
        else if (mark == QStringLiteral("candlestick") || mark == QStringLiteral("errorbar"))
            drawSticks(layer);
        else if (mark == QStringLiteral("rule"))
            drawRules(layer);
        else if (mark == QStringLiteral("text"))
            drawText(layer);
    }

    QColor colorOf(const QVariantMap& series) const {
        return seriesColor(series.value(K::color).toInt(), m_dark);
    }

    /// Points of rows [start, start + count) of the layer's x and `channel`, decimated to
    /// the plot's width when there are many.
    QList<QPointF> points(const LayerData& layer, const QString& channel, qsizetype start,
                          qsizetype count, bool scatter) const {
        const Column* x = layer.column(K::x);
        const Column* y = layer.column(channel);
        if (!x || !y) return {};
        std::vector<double> xs(x->numbers().begin() + start, x->numbers().begin() + start + count);
        if (timeX())
            for (double& v : xs) v += m_axes.timeShift.at(v);
        const double* ys = y->numbers().data() + start;
        Bounds bounds;
        const int width = qMax(1024, this->width());
        return scatter ? decimateGrid(xs.data(), ys, size_t(count), 400, &bounds)
                       : decimateMinMax(xs.data(), ys, size_t(count), size_t(width), &bounds);
    }

    void drawXY(const LayerData& layer) {
        const QString mark = layer.mark();
        for (const QVariant& v : layer.series()) {
            const QVariantMap s = v.toMap();
            const qsizetype start = s.value(K::start).toLongLong(),
                            count = s.value(K::count).toLongLong();
            const QColor color = colorOf(s);
            const QString name = s.value(K::label).toString();
            if (mark == QStringLiteral("point")) {
                auto* points = new QScatterSeries;
                points->setName(name);
                points->setMarkerSize(7);
                points->setColor(color);
                points->setBorderColor(color);
                points->replace(this->points(layer, K::y, start, count, true));
                add(points, layer, true, s);
                continue;
            }
            auto* upper = new QLineSeries;
            upper->setName(name);
            QPen pen(color);
            pen.setWidthF(mark == QStringLiteral("errorband") ? 0.5 : 2);
            upper->setPen(pen);
            if (mark == QStringLiteral("line")) {
                upper->replace(this->points(layer, K::y, start, count, false));
                add(upper, layer, true, s);
                continue;
            }
            // Areas and bands: from y2 (or zero) up to y.
            const bool band = mark == QStringLiteral("errorband");
            upper->replace(this->points(layer, band ? K::y2 : K::y, start, count, false));
            QLineSeries* lower = nullptr;
            if (layer.column(band ? K::y : K::y2)) {
                lower = new QLineSeries;
                lower->replace(this->points(layer, band ? K::y : K::y2, start, count, false));
            }
            auto* area = new QAreaSeries(upper, lower);
            upper->setParent(area);  // an area series does not own its boundary lines
            if (lower) lower->setParent(area);
            area->setName(name);
            QColor fill = color;
            fill.setAlphaF(band ? 0.25 : 0.45);
            area->setBrush(fill);
            area->setPen(pen);
            add(area, layer);
        }
    }

    void drawBars(const LayerData& layer) {
        const bool horizontal = layer.spec.value(K::horizontal).toBool();
        const QString across = horizontal ? K::y : K::x;
        const QString measure = horizontal ? K::x : K::y;
        const QString base = horizontal ? K::x2 : K::y2;
        const QVariantMap acrossAxis = m_spec.value(K::axes).toMap().value(across).toMap();
        if (acrossAxis.value(K::scale) != QStringLiteral("band")) {
            drawContinuousBars(layer);
            return;
        }
        // One bar set per series, a value per band (stacked when the run stacked them).
        const int bands = int(acrossAxis.value(K::labels).toStringList().size());
        const bool stacked = layer.column(base) != nullptr;
        QAbstractBarSeries* series =
            horizontal ? stacked ? static_cast<QAbstractBarSeries*>(new QHorizontalStackedBarSeries)
                                 : new QHorizontalBarSeries
            : stacked  ? static_cast<QAbstractBarSeries*>(new QStackedBarSeries)
                       : new QBarSeries;
        for (const QVariant& v : layer.series()) {
            const QVariantMap s = v.toMap();
            auto* set = new QBarSet(s.value(K::label).toString());
            set->setColor(colorOf(s));
            set->setBorderColor(Qt::transparent);
            QList<qreal> values(bands, 0.0);
            const qsizetype start = s.value(K::start).toLongLong(),
                            count = s.value(K::count).toLongLong();
            for (qsizetype r = start; r < start + count; ++r) {
                const double at = layer.at(across, r);
                if (std::isnan(at) || at < 0 || at >= bands) continue;
                const double top = layer.at(measure, r);
                values[qsizetype(at)] = stacked ? top - layer.at(base, r) : top;
            }
            set->append(values);
            series->append(set);
        }
        m_chart->addSeries(series);
        const bool right = layer.encoding(K::y).value(K::axis) == K::right;
        if (m_axes.x) series->attachAxis(m_axes.x);
        if (QAbstractAxis* y = right ? m_axes.yRight : m_axes.y) series->attachAxis(y);
    }

    /// Bars on a continuous x: each from x to x2 (bins), or centred on x, as a filled
    /// outline per series.
    void drawContinuousBars(const LayerData& layer) {
        const Column* xs = layer.column(K::x);
        if (!xs) return;
        double width = 0;
        if (!layer.column(K::x2)) {
            // The narrowest gap between neighbouring bars, 80% of it.
            double gap = INFINITY;
            for (qsizetype r = 1; r < xs->size(); ++r) {
                const double d = std::abs(xs->number(r) - xs->number(r - 1));
                if (d > 0) gap = std::min(gap, d);
            }
            width = std::isfinite(gap) ? gap * 0.8 : 1;
        }
        for (const QVariant& v : layer.series()) {
            const QVariantMap s = v.toMap();
            const qsizetype start = s.value(K::start).toLongLong(),
                            count = s.value(K::count).toLongLong();
            auto* upper = new QLineSeries;
            auto* lower = new QLineSeries;
            for (qsizetype r = start; r < start + count; ++r) {
                const double x = xOf(layer.at(K::x, r));
                const double left = width > 0 ? x - width / 2 : x;
                const double right = width > 0 ? x + width / 2 : xOf(layer.at(K::x2, r));
                const double top = layer.at(K::y, r);
                const double bottom = layer.column(K::y2) ? layer.at(K::y2, r) : 0;
                if (std::isnan(top)) continue;
                const double gapLeft = left + (right - left) * 0.02,
                             gapRight = right - (right - left) * 0.02;
                upper->append(
                    {{gapLeft, bottom}, {gapLeft, top}, {gapRight, top}, {gapRight, bottom}});
                lower->append(
                    {{gapLeft, bottom}, {gapLeft, bottom}, {gapRight, bottom}, {gapRight, bottom}});
            }
            auto* area = new QAreaSeries(upper, lower);
            upper->setParent(area);
            lower->setParent(area);
            area->setName(s.value(K::label).toString());
            area->setBrush(colorOf(s));
            area->setPen(Qt::NoPen);
            add(area, layer);
        }
    }

    void drawArcs(const LayerData& layer) {
        auto* pie = new QPieSeries;
        pie->setHoleSize(layer.spec.value(K::innerRadius, 0.0).toDouble());
        pie->setPieSize(0.85);
        for (const QVariant& v : layer.series()) {
            const QVariantMap s = v.toMap();
            const double value = layer.at(K::theta, s.value(K::start).toLongLong());
            if (!(value > 0)) continue;
            auto* slice = pie->append(s.value(K::label).toString(), value);
            slice->setColor(colorOf(s));
            slice->setBorderColor(palette().color(QPalette::Base));
        }
        m_chart->addSeries(pie);
    }

    void drawBoxes(const LayerData& layer) {
        auto* boxes = new QBoxPlotSeries;
        boxes->setName(layer.series().value(0).toMap().value(K::label).toString());
        const QVariantMap first = layer.series().value(0).toMap();
        boxes->setBrush(colorOf(first));
        const qsizetype rows = layer.spec.value(K::rows).toLongLong();
        const QStringList labels =
            m_spec.value(K::axes).toMap().value(K::x).toMap().value(K::labels).toStringList();
        for (qsizetype r = 0; r < rows; ++r) {
            const qsizetype band = layer.column(K::x) ? qsizetype(layer.at(K::x, r)) : 0;
            auto* set =
                new QBoxSet(layer.at(K::lower, r), layer.at(K::q1, r), layer.at(K::median, r),
                            layer.at(K::q3, r), layer.at(K::upper, r), labels.value(band));
            boxes->append(set);
        }
        add(boxes, layer, false);
    }

    /// Candlesticks; error bars as bodiless sticks with caps.
    void drawSticks(const LayerData& layer) {
        const bool candles = layer.mark() == QStringLiteral("candlestick");
        for (const QVariant& v : layer.series()) {
            const QVariantMap s = v.toMap();
            auto* sticks = new QCandlestickSeries;
            sticks->setName(s.value(K::label).toString());
            const qsizetype start = s.value(K::start).toLongLong(),
                            count = s.value(K::count).toLongLong();
            for (qsizetype r = start; r < start + count; ++r) {
                const double x = xOf(layer.at(K::x, r));
                if (candles) {
                    sticks->append(new QCandlestickSet(layer.at(K::open, r), layer.at(K::high, r),
                                                       layer.at(K::low, r), layer.at(K::close, r),
                                                       x));
                } else {
                    const double low = layer.at(K::y, r), high = layer.at(K::y2, r);
                    sticks->append(new QCandlestickSet(low, high, low, low, x));
                }
            }
            if (candles) {
                sticks->setIncreasingColor(seriesColor(2, m_dark));
                sticks->setDecreasingColor(seriesColor(1, m_dark));
            } else {
                sticks->setBodyWidth(0.02);
                sticks->setCapsWidth(0.3);
                sticks->setPen(QPen(colorOf(s), 1.5));
                sticks->setIncreasingColor(colorOf(s));
                sticks->setDecreasingColor(colorOf(s));
            }
            sticks->setBodyOutlineVisible(!candles);
            add(sticks, layer);
        }
    }

    /// Rules: a constant y (x) across the plot, or one per row from y to y2 at x.
    void drawRules(const LayerData& layer) {
        const QVariantMap s = layer.series().value(0).toMap();
        QPen pen(colorOf(s), 1.5, Qt::DashLine);
        const QVariantMap y = layer.encoding(K::y), x = layer.encoding(K::x);
        const QVariantMap axes = m_spec.value(K::axes).toMap();
        const QVariantList xDomain = axes.value(K::x).toMap().value(K::domain).toList();
        const bool right = y.value(K::axis) == K::right;
        const QVariantList yDomain =
            axes.value(right ? K::yRight : K::y).toMap().value(K::domain).toList();
        QList<QList<QPointF>> lines;
        if (y.contains(K::value)) {
            const double at = y.value(K::value).toDouble();
            lines.append(
                {{xOf(xDomain.value(0).toDouble()), at}, {xOf(xDomain.value(1).toDouble()), at}});
        } else if (x.contains(K::value)) {
            const double at = xOf(x.value(K::value).toDouble());
            lines.append({{at, yDomain.value(0).toDouble()}, {at, yDomain.value(1).toDouble()}});
        } else {
            const qsizetype rows = layer.spec.value(K::rows).toLongLong();
            for (qsizetype r = 0; r < rows && r < 500; ++r) {
                if (layer.column(K::x) && layer.column(K::y2)) {
                    const double at = xOf(layer.at(K::x, r));
                    lines.append({{at, layer.at(K::y, r)}, {at, layer.at(K::y2, r)}});
                } else if (layer.column(K::y)) {
                    const double at = layer.at(K::y, r);
                    lines.append({{xOf(xDomain.value(0).toDouble()), at},
                                  {xOf(xDomain.value(1).toDouble()), at}});
                } else {
                    const double at = xOf(layer.at(K::x, r));
                    lines.append(
                        {{at, yDomain.value(0).toDouble()}, {at, yDomain.value(1).toDouble()}});
                }
            }
        }
        for (qsizetype i = 0; i < lines.size(); ++i) {
            auto* line = new QLineSeries;
            line->setName(s.value(K::label).toString());
            line->setPen(pen);
            line->replace(lines[i]);
            add(line, layer, i == 0);
        }
    }

    // ---- drawn items: heatmap cells and text --------------------------------------------

    struct Heatmap {
        QImage image;  ///< a pixel per cell, row 0 at the top
        QGraphicsPixmapItem* item = nullptr;
        QAbstractSeries* anchor = nullptr;  ///< maps cells to positions on the plot
        int columns = 0, rows = 0;
    };
    struct Label {
        QGraphicsSimpleTextItem* item = nullptr;
        QAbstractSeries* anchor = nullptr;
        QPointF at;
    };

    void drawHeatmap(const LayerData& layer) {
        const QVariantMap axes = m_spec.value(K::axes).toMap();
        const auto cells = [&](const QString& axis, const QString& channel) {
            const QVariantMap a = axes.value(axis).toMap();
            if (a.value(K::scale) == QStringLiteral("band"))
                return int(a.value(K::labels).toStringList().size());
            const double step = layer.encoding(channel).value(K::binStep).toDouble();
            const QVariantList d = a.value(K::domain).toList();
            return step > 0 ? int(std::ceil((d.value(1).toDouble() - d.value(0).toDouble()) / step))
                            : 1;
        };
        const bool bandX = axes.value(K::x).toMap().value(K::scale) == QStringLiteral("band");
        const bool bandY = axes.value(K::y).toMap().value(K::scale) == QStringLiteral("band");
        const QVariantList xd = axes.value(K::x).toMap().value(K::domain).toList();
        const QVariantList yd = axes.value(K::y).toMap().value(K::domain).toList();
        const double xStep = bandX ? 1 : layer.encoding(K::x).value(K::binStep).toDouble();
        const double yStep = bandY ? 1 : layer.encoding(K::y).value(K::binStep).toDouble();
        Heatmap map;
        map.columns = qMax(1, cells(K::x, K::x));
        map.rows = qMax(1, cells(K::y, K::y));
        map.image = QImage(map.columns, map.rows, QImage::Format_ARGB32);
        map.image.fill(Qt::transparent);
        const QVariantList domain = m_spec.value(K::colorScale).toMap().value(K::domain).toList();
        const double lo = domain.value(0).toDouble(), hi = domain.value(1).toDouble();
        // A ramp of 256 colours, then a pixel per cell straight into the image's rows.
        QRgb ramp[256];
        for (int i = 0; i < 256; ++i) ramp[i] = sequentialColor(i / 255.0).rgba();
        const std::vector<double> none;
        const auto numbers = [&](const QString& channel) -> const std::vector<double>& {
            const Column* c = layer.column(channel);
            return c && c->isNumeric() ? c->numbers() : none;
        };
        const std::vector<double>& xs = numbers(K::x);
        const std::vector<double>& ys = numbers(K::y);
        const std::vector<double>& values = numbers(K::color);
        const size_t rows = std::min({xs.size(), ys.size(), values.size()});
        const double x0 = xd.value(0).toDouble(), y0 = yd.value(0).toDouble();
        const double scale = hi > lo ? 255.0 / (hi - lo) : 0;
        for (size_t r = 0; r < rows; ++r) {
            const int cx = int(bandX ? xs[r] : std::floor((xs[r] - x0) / xStep + 1e-9));
            const int cy = int(bandY ? ys[r] : std::floor((ys[r] - y0) / yStep + 1e-9));
            const double value = values[r];
            if (cx < 0 || cy < 0 || cx >= map.columns || cy >= map.rows || std::isnan(value))
                continue;
            const int shade = scale > 0 ? int((value - lo) * scale) : 128;
            reinterpret_cast<QRgb*>(map.image.scanLine(map.rows - 1 - cy))[cx] =
                ramp[std::clamp(shade, 0, 255)];
        }
        // An invisible series over the plot's corners lets cells be placed by value.
        auto* anchor = new QScatterSeries;
        anchor->append(xd.value(0).toDouble(), yd.value(0).toDouble());
        anchor->append(xd.value(1).toDouble(), yd.value(1).toDouble());
        anchor->setMarkerSize(0);
        anchor->setColor(Qt::transparent);
        anchor->setBorderColor(Qt::transparent);
        add(anchor, layer, false);
        map.anchor = anchor;
        map.item = new QGraphicsPixmapItem;
        map.item->setTransformationMode(Qt::FastTransformation);
        map.item->setZValue(5);  // over the plot's background and grid
        m_chart->scene()->addItem(map.item);
        m_items << map.item;
        m_heatmaps << map;
        m_heatmapCorners << QRectF(QPointF(xd.value(0).toDouble(), yd.value(1).toDouble()),
                                   QPointF(xd.value(1).toDouble(), yd.value(0).toDouble()));
    }

    void drawText(const LayerData& layer) {
        auto* anchor = new QScatterSeries;
        anchor->setMarkerSize(0);
        anchor->setColor(Qt::transparent);
        anchor->setBorderColor(Qt::transparent);
        const qsizetype rows = std::min<qsizetype>(layer.spec.value(K::rows).toLongLong(), 2000);
        const QStringList labels = layer.encoding(K::text).value(K::labels).toStringList();
        const Column* text = layer.column(K::text);
        const QString format = layer.encoding(K::text).value(K::format).toString();
        for (qsizetype r = 0; r < rows; ++r) {
            const QPointF at(xOf(layer.at(K::x, r)), layer.at(K::y, r));
            anchor->append(at);
            QString s = !text               ? QString()
                        : !labels.isEmpty() ? labels.value(qsizetype(text->number(r)))
                        : text->isNumeric() ? formatNumber(text->number(r), format)
                                            : text->display(r);
            auto* item = new QGraphicsSimpleTextItem(s);
            item->setBrush(palette().color(QPalette::WindowText));
            m_chart->scene()->addItem(item);
            m_items << item;
            m_labels << Label{item, anchor, at};
        }
        add(anchor, layer, false);
    }

    /// Puts the heatmaps and text where their values are on the plot now.
    void placeItems() {
        for (qsizetype i = 0; i < m_heatmaps.size(); ++i) {
            const Heatmap& map = m_heatmaps[i];
            const QRectF values = m_heatmapCorners[i];
            const QPointF topLeft = m_chart->mapToPosition(values.topLeft(), map.anchor);
            const QPointF bottomRight = m_chart->mapToPosition(values.bottomRight(), map.anchor);
            const QRectF area = QRectF(topLeft, bottomRight).normalized();
            if (area.width() < 1 || area.height() < 1) continue;
            map.item->setPixmap(QPixmap::fromImage(map.image.scaled(
                area.size().toSize(), Qt::IgnoreAspectRatio, Qt::FastTransformation)));
            map.item->setPos(area.topLeft());
        }
        for (const Label& label : m_labels) {
            const QPointF p = m_chart->mapToPosition(label.at, label.anchor);
            const QRectF box = label.item->boundingRect();
            label.item->setPos(p - QPointF(box.width() / 2, box.height() + 2));  // above its point
        }
    }

    QChartView* m_view;
    QChart* m_chart;
    QVariantMap m_spec;
    Axes m_axes;
    bool m_dark = false;
    bool m_barsOrBoxes = false;  ///< band axes must be QBarCategoryAxis
    QList<QGraphicsItem*> m_items;
    QList<Heatmap> m_heatmaps;
    QList<QRectF> m_heatmapCorners;
    QList<Label> m_labels;
};

}  // namespace

ElementWidget* createGrammarChartView() {
    return new GrammarChartView;
}

}  // namespace tessera::widgets
