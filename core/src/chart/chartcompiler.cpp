// SPDX-License-Identifier: GPL-3.0-or-later
// Compiles a chart spec against its data: checks every layer, then computes what it draws.
// A layer either passes its rows through (their columns shared under "L.C" names, gathered
// only when series must be made contiguous) or groups them (bins, aggregates, box-plot and
// error statistics). Stacks and series come after; the chart's axes last, from every layer.
#include <tessera/host/chartplan.h>

#include "chartlayer.h"
#include "chartstats.h"

#include <tessera/enums.h>

#include <QTimeZone>
#include <QVariantList>
#include <cmath>

namespace tessera {

QString chartColumn(int layer, const QString& channel) {
    return QString::number(layer) + QLatin1Char('.') + channel;
}

namespace {

namespace K = chartkey;
using chartlayer::AxisUse;
using chartlayer::CompiledLayer;

/// One axis of the chart, gathered from every layer that draws on it.
struct AxisPlan {
    bool used = false;
    QVariantMap spec;  ///< from the first layer on it
    bool band = false;
    QStringList labels;
    chartstats::Extent extent;
    bool zero = false;
};

QString axisProblem(AxisPlan& axis, const AxisUse& use, const QString& name) {
    if (!axis.used) {
        axis.used = true;
        axis.spec = use.spec;
        axis.band = use.band;
        axis.labels = use.labels;
    } else if (axis.band != use.band) {
        return QStringLiteral("%1: a %2 axis cannot also be a %3 one")
            .arg(name, axis.band ? QStringLiteral("band") : QStringLiteral("continuous"),
                 use.band ? QStringLiteral("band") : QStringLiteral("continuous"));
    }
    axis.extent.add(use.extent);
    axis.zero = axis.zero || use.zero;
    return {};
}

/// The axis's final domain and tick step: the data's range (or the one given), with zero
/// when wanted, rounded out to nice ticks.
QVariantMap finishAxis(const AxisPlan& axis) {
    QVariantMap spec = axis.spec;
    if (axis.band) {
        spec.insert(K::labels, axis.labels);
        spec.insert(K::domain, QVariantList{-0.5, double(axis.labels.size()) - 0.5});
        return spec;
    }
    chartstats::Extent extent = axis.extent;
    const QVariantList given = spec.value(K::domain).toList();
    if (given.size() == 2) {
        extent = {};
        extent.add(given[0].toDouble());
        extent.add(given[1].toDouble());
    } else if (axis.zero && spec.value(K::scale) != enumName(ScaleType::Log)) {
        extent.add(0);
    }
    if (extent.empty()) extent = {0, 1};
    if (extent.lo == extent.hi) {
        const double pad = extent.lo == 0 ? 1 : std::abs(extent.lo) * 0.1;
        extent.lo -= pad;
        extent.hi += pad;
    }
    const int ticks = spec.value(K::ticks, 5).toInt();
    const bool time = spec.value(K::scale) == enumName(ScaleType::Time);
    const bool log = spec.value(K::scale) == enumName(ScaleType::Log);
    if (log) {
        if (spec.value(K::nice, true).toBool() && given.size() != 2) {
            extent.lo = std::pow(10.0, std::floor(std::log10(extent.lo)));
            extent.hi = std::pow(10.0, std::ceil(std::log10(extent.hi)));
        }
    } else if (!time) {
        const double step = chartstats::niceStep(extent.hi - extent.lo, ticks);
        if (spec.value(K::nice, true).toBool() && given.size() != 2) {
            extent.lo = std::floor(extent.lo / step) * step;
            extent.hi = std::ceil(extent.hi / step) * step;
        }
        spec.insert(K::tickStep, step);
    }
    spec.insert(K::domain, QVariantList{extent.lo, extent.hi});
    return spec;
}

/// Codes of a discrete channel rewritten into the axis's or legend's labels (new labels are
/// appended to them).
void remap(Column* codes, const QStringList& from, QStringList* into) {
    std::vector<double> map(size_t(from.size()));
    for (qsizetype i = 0; i < from.size(); ++i) {
        qsizetype at = into->indexOf(from[i]);
        if (at < 0) {
            at = into->size();
            into->append(from[i]);
        }
        map[size_t(i)] = double(at);
    }
    std::vector<double> out = codes->numbers();
    bool same = true;
    for (double& v : out) {
        if (std::isnan(v)) continue;
        const double to = map[size_t(v)];
        same = same && to == v;
        v = to;
    }
    if (!same) *codes = Column(codes->name(), std::move(out));
}

}  // namespace

ChartPlan compileChart(const QVariantMap& spec, const DataFrame& data) {
    ChartPlan plan;
    const QVariantList layers = spec.value(K::layers).toList();
    if (layers.isEmpty()) {
        plan.error = QStringLiteral("a chart needs at least one layer");
        return plan;
    }
    const QString chartZone = spec.value(K::timeZone).toString();
    if (!chartZone.isEmpty() && !QTimeZone(chartZone.toUtf8()).isValid()) {
        plan.error = QStringLiteral("timeZone: '%1' is not a known time zone").arg(chartZone);
        return plan;
    }

    if (spec.contains(K::keepLastRows) && spec.value(K::keepLastRows).toLongLong() < 1) {
        plan.error = QStringLiteral("keepLastRows: keep at least one row");
        return plan;
    }
    if (spec.contains(K::keepLastSeconds) && !(spec.value(K::keepLastSeconds).toDouble() > 0)) {
        plan.error = QStringLiteral("keepLastSeconds: keep a positive number of seconds");
        return plan;
    }

    std::vector<CompiledLayer> compiled;
    for (qsizetype i = 0; i < layers.size(); ++i) {
        CompiledLayer layer = chartlayer::compileLayer(int(i), layers[i].toMap(), data, chartZone);
        if (!layer.error.isEmpty()) {
            plan.error = layers.size() > 1
                             ? QStringLiteral("layer %1, %2").arg(i + 1).arg(layer.error)
                             : layer.error;
            return plan;
        }
        compiled.push_back(std::move(layer));
    }

    if (spec.contains(K::keepLastSeconds) &&
        compiled.front().spec.value(K::encoding).toMap().value(K::x).toMap().value(K::type) !=
            enumName(FieldType::Temporal)) {
        plan.error =
            QStringLiteral("keepLastSeconds: the first layer's x must be a temporal field");
        return plan;
    }

    // Axes and the legend, from every layer.
    AxisPlan axes[3];  // x, y, yRight
    const QString axisNames[3] = {K::x, K::y, K::yRight};
    QStringList legend;
    QVariantMap colorScale;
    for (CompiledLayer& layer : compiled) {
        for (int a = 0; a < 3; ++a) {
            const AxisUse* use = a == 0 ? &layer.xAxis : a == 1 ? &layer.yAxis : &layer.yRightAxis;
            if (!use->used) continue;
            if (const QString problem = axisProblem(axes[a], *use, axisNames[a]);
                !problem.isEmpty()) {
                plan.error = problem;
                return plan;
            }
            for (const QString& channel : use->codeChannels) {
                auto it = layer.columns.find(channel);
                if (it != layer.columns.end()) remap(&it->second, use->labels, &axes[a].labels);
            }
        }
        if (!layer.colorScale.isEmpty() && colorScale.isEmpty()) colorScale = layer.colorScale;
    }
    // Series colors: one per legend label across layers, then one per unnamed series.
    for (CompiledLayer& layer : compiled)
        for (QVariant& s : layer.series) {
            QVariantMap series = s.toMap();
            if (!series.value(K::color).isValid()) continue;
            const QString label = series.value(K::label).toString();
            qsizetype at = legend.indexOf(label);
            if (at < 0) {
                at = legend.size();
                legend.append(label);
            }
            series.insert(K::color, int(at));
            s = series;
        }
    int nextColor = int(legend.size());
    for (CompiledLayer& layer : compiled)
        for (QVariant& s : layer.series) {
            QVariantMap series = s.toMap();
            if (series.value(K::color).isValid()) continue;
            series.insert(K::color, nextColor++);
            s = series;
        }

    QVariantMap out = spec;
    QVariantList outLayers;
    auto frame = std::make_shared<DataFrame>();
    for (size_t i = 0; i < compiled.size(); ++i) {
        CompiledLayer& layer = compiled[i];
        QVariantMap l = layer.spec;
        l.insert(K::series, layer.series);
        outLayers.append(l);
        for (const auto& [channel, column] : layer.columns)
            frame->add(column.renamed(chartColumn(int(i), channel)));
    }
    out.insert(K::layers, outLayers);
    QVariantMap axesOut;
    for (int a = 0; a < 3; ++a)
        if (axes[a].used) axesOut.insert(axisNames[a], finishAxis(axes[a]));
    out.insert(K::axes, axesOut);
    if (!colorScale.isEmpty()) out.insert(K::colorScale, colorScale);
    out.insert(K::labels, legend);
    if (!out.contains(K::height)) out.insert(K::height, 280);
    plan.spec = out;
    plan.data = frame;
    return plan;
}

}  // namespace tessera
